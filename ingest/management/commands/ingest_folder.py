"""Read a folder of reports already published into backlog drafts for the curators.

    python manage.py ingest_folder DIR [--metadata FILE.csv] [--no-wait]

Each PDF, DOCX, text or Markdown file becomes one draft review (nothing for a file stored before: files are known
by their SHA-256), processed by the worker like an upload, its pseudonym, partnership, nation, type of review and
date read from the report where the CSV (columns file, title, partnership, nation, review_type, month, year) does not
give them. The command waits for the worker with a progress bar, then lists what it could not read.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from ingest import backlog
from reviews.models import RejectedUpload, ReviewDocument

BAR = 30
POLL_SECONDS = 2


class Command(BaseCommand):
    help = "Read a folder of published reports into backlog drafts for the curators (see the module's docstring)."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--metadata", help="a CSV of what is known of each file: file, title, partnership, ...")
        parser.add_argument("--no-wait", action="store_true", help="queue the files and leave them to the worker")
        parser.add_argument("--timeout", type=int, default=6 * 3600, help="the longest wait for the worker, seconds")

    def handle(self, *args, folder, metadata=None, no_wait=False, timeout=0, **options):
        try:
            documents, others = backlog.files_in(folder)
            given = backlog.read_csv(metadata) if metadata else {}
        except (OSError, backlog.MetadataError) as error:
            raise CommandError(str(error)) from None
        if not documents:
            raise CommandError(f"{folder} has no PDF, DOCX, text or Markdown file.")
        names = {path.name for path in documents}
        for name in sorted(set(given) - names):
            self.stderr.write(f"The CSV names {name}, which is not in {folder}.")
        added = []
        for number, path in enumerate(documents, start=1):
            result = backlog.add_file(path, given.get(path.name))
            added.append(result)
            self.stdout.write(f"[{number}/{len(documents)}] {path.name}: {_said(result)}")
        queued = [a.review.pk for a in added if a.outcome == "queued"]
        if queued and not no_wait:
            self._wait(queued, timeout)
        self._report(added, others)

    def _wait(self, reviews, timeout):
        documents = ReviewDocument.objects.filter(review_id__in=reviews)
        finished = (ReviewDocument.State.DONE, ReviewDocument.State.FAILED, ReviewDocument.State.REFUSED)
        deadline, shown = time.monotonic() + timeout, None
        if documents.exclude(state__in=finished).exists():
            self.stdout.write("Waiting for the worker to read them (`make run` starts it; or `process_worker`).")
        while True:
            done = documents.filter(state__in=finished).count()
            if done != shown:
                filled = BAR * done // len(reviews)
                self.stdout.write(f"Processed [{'#' * filled}{'.' * (BAR - filled)}] {done}/{len(reviews)}")
                shown = done
            if done == len(reviews):
                return
            if time.monotonic() > deadline:
                self.stdout.write(f"Still processing {len(reviews) - done}: the worker goes on without this command.")
                return
            time.sleep(POLL_SECONDS)

    def _report(self, added, others):
        already = [a for a in added if a.outcome == "already"]
        unread = [(a.path.name, a.code, a.message) for a in added if a.outcome == "refused"]
        new, stuck = [], []
        for item in (a for a in added if a.outcome == "queued"):
            document = item.review.documents.get()
            if document.state in (ReviewDocument.State.FAILED, ReviewDocument.State.REFUSED):
                stuck.append(str(document.pk))
                refusal = RejectedUpload.objects.filter(sha256=document.sha256).values_list("code", flat=True).first()
                unread.append((item.path.name, refusal or "failed", document.error))
            else:
                new.append(item)
        unread += [(path.name, "kind", "not a PDF, DOCX, text or Markdown file") for path in others]
        self.stdout.write(
            f"{len(new)} new backlog draft{'s' if len(new) != 1 else ''}, {len(already)} already in the repository, "
            f"{len(unread)} could not be read."
        )
        for name, code, reason in unread:
            self.stdout.write(f"  {name}: {'needs OCR: ' if code == 'no_text_layer' else ''}{reason}")
        if stuck:
            self.stdout.write(
                "Drafts whose document could not be read stay in the backlog: once the cause is fixed (for a scan, "
                f"Debian's tesseract-ocr installed), `manage.py process_documents {' '.join(stuck)}` reads them again."
            )


def _said(result):
    if result.outcome == "queued":
        return "queued"
    if result.outcome == "already":
        return f"already in the repository ({result.review.title or 'a review'})" if result.review else "already stored"
    return f"could not be read: {result.message}"
