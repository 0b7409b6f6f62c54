import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.importer import import_lines


class Command(BaseCommand):
    help = (
        "Import reviews from a JSON Lines file, one review a line (fields: id, title, area, nation, "
        "year or published_on, review_type, summary, learning, keywords, source_url). Each line is "
        "imported on its own; bad lines are reported with their number and skipped. Re-importing a "
        "file updates the reviews it made. Exits with status 1 when any line was skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .jsonl file, or - for standard input")
        parser.add_argument("--publish", action="store_true", help="publish the imported reviews")

    def handle(self, *args, file, publish, **options):
        verbosity = options["verbosity"]
        if file == "-":
            lines, source = sys.stdin.buffer, "standard input"
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(f"{file}: no such file")
            lines, source = path.open("rb"), path.name

        def progress(number, report):
            if verbosity >= 1 and number % 500 == 0:
                self.stderr.write(f"… {number} lines read ({report.summary()})")

        try:
            report = import_lines(lines, publish=publish, source=source, on_line=progress)
        finally:
            if file != "-":
                lines.close()
        for number, warning in report.warnings:
            if verbosity >= 2:
                self.stderr.write(f"line {number}: warning: {warning}")
        for number, reason in report.skipped:
            self.stderr.write(self.style.ERROR(f"line {number}: skipped: {reason}"))
        if report.warnings and verbosity == 1:
            self.stderr.write(f"{len(report.warnings)} warnings (run with -v 2 to see them)")
        self.stdout.write(f"Imported {source}: {report.summary()}.")
        if report.skipped:
            raise CommandError(f"{len(report.skipped)} line(s) skipped; the other lines were imported.")
