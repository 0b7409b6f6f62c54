from django.core.management.base import BaseCommand, CommandError

from ingest.processing import STAGES, process
from reviews.models import ReviewDocument


class Command(BaseCommand):
    help = (
        "Process uploaded documents now, in this process: the given document ids, every current document "
        "(--all) or those whose processing failed (--failed). Given ids and --all start from text extraction; "
        "--failed resumes where each stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Document ids")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", help="Every review's current (latest) document")
        which.add_argument("--failed", action="store_true", help="Documents whose processing failed")

    def handle(self, *args, ids, all, failed, verbosity, **options):
        if bool(ids) + all + failed != 1:
            raise CommandError("Give document ids, --all or --failed (one of them).")
        if failed:
            documents = ReviewDocument.objects.filter(state=ReviewDocument.State.FAILED)
        elif all:
            documents = ReviewDocument.objects.order_by("review_id", "-version").distinct("review_id")
        else:
            documents = ReviewDocument.objects.filter(pk__in=ids)
            missing = set(ids) - set(documents.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"No document with id {', '.join(map(str, sorted(missing)))}.")
        documents = list(documents.only("pk"))
        failures = 0
        for number, document in enumerate(documents, start=1):

            def progress(current, stage, number=number):
                if verbosity >= 1:
                    done = [s for s, *_ in STAGES].index(stage) + 1
                    bar = "#" * done + "." * (len(STAGES) - done)
                    line = f"\r[{number}/{len(documents)}] [{bar}] {current}: {stage.label}"
                    self.stderr.write(line.ljust(100), ending="")

            result = process(document.pk, from_start=not failed, on_stage=progress)
            if verbosity >= 1:
                self.stderr.write("")
            if result is None:
                self.stderr.write(f"Document {document.pk} is being processed by a worker: left to it.")
            elif result.state in (ReviewDocument.State.FAILED, ReviewDocument.State.REFUSED):
                failures += 1
                self.stderr.write(f"{result}: {result.get_state_display().lower()}: {result.error}")
            else:
                self.stdout.write(f"{result}: done.")
        if failures:
            raise CommandError(f"{failures} of {len(documents)} document{'s' if len(documents) != 1 else ''} failed.")
        self.stdout.write(f"{len(documents)} document{'s' if len(documents) != 1 else ''} processed.")
