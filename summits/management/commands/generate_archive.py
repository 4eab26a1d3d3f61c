"""Write a generated archive for benchmarks and demonstrations: ``manage.py generate_archive``."""

from django.core.management.base import BaseCommand, CommandError

from summits import generate, public_cache


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate a realistic archive of published summits, with people, attendances, statements, "
        "agreements and articles in the proportions of a large archive (benchmarks and demos only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--summits",
            type=positive,
            default=2000,
            help="How many summits (people, attendances, statements and agreements follow: per 20,000 "
            "summits 5,000 people, 80,000 attendances, 400,000 statements, 60,000 agreements).",
        )
        parser.add_argument(
            "--seed", type=int, default=0, help="The same seed and size give the same archive."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Write even into a database that holds real (not generated) articles.",
        )

    def handle(self, *args, **options):
        plan = generate.Plan.for_summits(options["summits"])
        say = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        say(
            f"Generating {plan.summits} summits, {plan.people} people, {plan.attendances} attendances, "
            f"{plan.statements} statements and {plan.agreements} agreements (seed {options['seed']})…"
        )
        try:
            report = generate.generate_archive(
                summits=plan.summits, seed=options["seed"], force=options["force"], progress=say
            )
        except generate.RealArticlesPresent as exc:
            raise CommandError(f"Refusing: {exc}. Use --force to write into it anyway.") from None
        public_cache.clear()  # the archive was written in bulk, past the cache's receivers
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.plan.summits} published summits in {report.seconds:.0f} s."
            )
        )
