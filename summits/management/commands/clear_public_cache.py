"""``manage.py clear_public_cache``: readers are served no page or figure cached before now."""

from django.core.management.base import BaseCommand

from summits import public_cache


class Command(BaseCommand):
    help = (
        "Make every cached public page, API answer and archive count stale, so that readers see the "
        "database as it is now (after generate_archive, a restore or a change made outside the site)."
    )

    def handle(self, *args, **options):
        public_cache.clear()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS("Cleared the public page cache."))
