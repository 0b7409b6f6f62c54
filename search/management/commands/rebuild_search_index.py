import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild_all


class Command(BaseCommand):
    help = "Recompute the search vectors of every review and finding, and the corpus word list used for suggestions."

    def handle(self, *args, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(done, total):
            now = time.monotonic()
            if options["verbosity"] >= 1 and (now - last[0] > 1 or done == total):
                last[0] = now
                width = 30
                filled = int(width * done / total) if total else width
                self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows", ending="")

        rebuild_all(progress)
        if options["verbosity"] >= 1:
            self.stderr.write("")
        self.stdout.write(f"Search index rebuilt in {time.monotonic() - started:.1f} s.")
