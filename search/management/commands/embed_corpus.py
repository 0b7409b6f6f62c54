import time

from django.core.management.base import BaseCommand, CommandError

from search import semantic
from search.models import EmbeddingChange

KINDS = {"f": "findings", "r": "reviews", "l": "lessons"}


class Command(BaseCommand):
    help = (
        "Embed every finding, review and lesson that has no embedding or whose text changed since it was embedded "
        "(semantic search). Resumable: what is done is kept, a second run does only what is left; stop it any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending-only",
            action="store_true",
            help="only work through the changes already logged (what the embeddings worker does), without "
            "checking every text first",
        )

    def handle(self, *args, **options):
        if not semantic.enabled():
            raise CommandError("Semantic search is off (SEMANTIC_SEARCH=0): nothing to embed.")
        started = time.monotonic()
        if not options["pending_only"]:
            self.stderr.write("Checking which texts changed since they were embedded…")
            semantic.log_stale()
        total, done = dict.fromkeys(KINDS, 0), dict.fromkeys(KINDS, 0)
        last = [0.0]

        def progress(kind, count):
            if not done[kind]:  # reviews are logged as their findings are embedded: counted when their turn comes
                total[kind] = count + EmbeddingChange.objects.filter(kind=kind).count()
            done[kind] += count
            now = time.monotonic()
            if options["verbosity"] >= 1 and (now - last[0] > 1 or done[kind] >= total[kind]):
                last[0] = now
                width = 30
                filled = int(width * done[kind] / total[kind]) if total[kind] else width
                rate = sum(done.values()) / max(now - started, 1e-9)
                self.stderr.write(
                    f"\r{KINDS[kind]:9} [{'#' * filled}{'.' * (width - filled)}] {done[kind]}/{total[kind]} "
                    f"({rate:.0f} a second)",
                    ending="" if done[kind] < total[kind] else "\n",
                )

        embedded = semantic.embed_changes(progress=progress)
        self.stdout.write(f"Embedded {embedded} texts in {time.monotonic() - started:.1f} s.")
