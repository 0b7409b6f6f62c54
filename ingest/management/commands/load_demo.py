from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.importer import import_lines

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Load the fictional demonstration reviews (published). Safe to run again: it changes nothing the second time."
    )

    def handle(self, *args, **options):
        files = sorted(DEMO_DIR.glob("*.jsonl"))
        if not files:
            raise CommandError(f"No demo files found in {DEMO_DIR}.")
        problems = 0
        for path in files:
            with path.open("rb") as lines:
                report = import_lines(lines, publish=True, source=f"demo data ({path.name})")
            for number, reason in report.skipped + report.warnings:
                self.stderr.write(f"{path.name} line {number}: {reason}")
            problems += len(report.skipped) + len(report.warnings)
            self.stdout.write(f"{path.name}: {report.summary()}.")
        if problems:
            raise CommandError(f"The demo data has {problems} problem(s); see above.")
