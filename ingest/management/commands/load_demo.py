import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from findings.models import Finding, Lesson, Theme
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
        missing = load_lessons(DEMO_DIR / "lessons.json")
        for problem in missing:
            self.stderr.write(f"lessons.json: {problem}")
        if problems or missing:
            raise CommandError(f"The demo data has {problems + len(missing)} problem(s); see above.")
        published = Lesson.objects.filter(status=Lesson.Status.PUBLISHED).count()
        self.stdout.write(f"lessons.json: {published} recurring lessons published.")


@transaction.atomic
def load_lessons(path):
    """Create (or bring up to date) and publish the demo's recurring lessons; the findings each names that cannot
    be found, as problems."""
    problems = []
    for spec in json.loads(path.read_text())["lessons"]:
        lesson, _ = Lesson.objects.get_or_create(statement=spec["statement"], defaults={"summary": spec["summary"]})
        lesson.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
        for review_id, words in spec["findings"]:
            finding = Finding.objects.filter(review__external_id=review_id, title__icontains=words).first()
            if finding is None:
                problems.append(f"no finding of {review_id} has “{words}” in its title")
            else:
                lesson.link(finding)
        if lesson.status != Lesson.Status.PUBLISHED:
            lesson.publish()
    return problems
