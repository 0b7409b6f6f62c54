import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest import anonymisation, extraction
from ingest.documents import DocumentRejected


class Command(BaseCommand):
    help = (
        "Run the upload's anonymisation check on files and print one JSON object a file: "
        '{"path": ..., "flags": [{"kind", "severity", "text", "page", "start", "end", "context"}]}.'
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="PDF, DOCX, text or Markdown files")
        parser.add_argument(
            "--allow", action="append", default=[], metavar="NAME", help="A declared pseudonym or author (repeatable)"
        )

    def handle(self, *args, paths, allow, **options):
        unreadable = 0
        for path in paths:
            try:
                if not Path(path).is_file():
                    raise DocumentRejected("missing", f"{path} is not a file.")
                document = extraction.extract(path)
            except DocumentRejected as rejected:
                unreadable += 1
                self.stdout.write(json.dumps({"path": path, "error": rejected.message, "flags": []}))
                continue
            flags = anonymisation.check_document(document, allow=allow)
            self.stdout.write(json.dumps({"path": path, "flags": [flag.as_dict() for flag in flags]}))
        if unreadable:
            raise CommandError(f"{unreadable} of {len(paths)} file{'s' if len(paths) != 1 else ''} could not be read.")
