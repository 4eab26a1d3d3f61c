"""Score the extraction against the project's gold set: ``manage.py evaluate_extraction [DIR]``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from summits.evaluation import FIELDS, ArticleScore, Total, evaluate

DEFAULT_DIR = Path(settings.BASE_DIR) / "tests" / "gold"


class Command(BaseCommand):
    help = (
        "Run the extraction on every annotated article of DIR (articles/ and annotations/ inside it; "
        "default tests/gold) and print a row per article, the total and the misses by kind."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default=str(DEFAULT_DIR), metavar="DIR")
        parser.add_argument("--articles", help="Folder of the articles (default DIR/articles).")
        parser.add_argument("--gold", help="Folder of the gold annotations (default DIR/annotations).")
        parser.add_argument("--misses", type=int, default=3, help="Misses listed per article (0: none).")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        articles = Path(options["articles"] or folder / "articles")
        gold_dir = Path(options["gold"] or folder / "annotations")
        gold_files = sorted(gold_dir.glob("*.json"))
        if not gold_files:
            raise CommandError(f"{gold_dir}: no gold annotations (*.json)")
        scores = evaluate(articles, gold_files)
        self.report(scores, options["misses"])

    def report(self, scores: list[ArticleScore], misses_shown: int) -> None:
        header = f"{'article':44} " + " ".join(f"{name[:10]:>10}" for name in FIELDS) + f" {'summit':>6}"
        self.stdout.write(header)
        for score in scores:
            if score.failed:
                self.stdout.write(f"{score.name[:44]:44} FAILED (scores zero): {score.failed}")
                continue
            figures = " ".join(
                f"{score.figures[n].f1:10.2f}" if n in score.figures else f"{'-':>10}" for n in FIELDS
            )
            self.stdout.write(f"{score.name[:44]:44} {figures} {score.summit:6.2f}")
            for miss in score.misses[:misses_shown]:
                self.stdout.write(f"    {miss.kind}: {miss.what}")
        total = Total.of(scores)
        self.stdout.write("")
        self.stdout.write("Misses by kind:")
        for kind, count in total.misses.most_common():
            self.stdout.write(f"  {count:4}  {kind}")
        self.stdout.write("")
        self.stdout.write("Misses by phenomenon:")
        for question, count, kinds in total.by_phenomenon():
            detail = ", ".join(f"{kind} {n}" for kind, n in kinds)
            self.stdout.write(f"  {count:4}  {question}" + (f" ({detail})" if detail else ""))
        self.stdout.write(f"  mentioned people taken as present: {total.leaked_per_ten:.1f} per ten articles")
        self.stdout.write(total.pooled_line())
        self.stdout.write(self.style.SUCCESS(total.line()))
