"""Suggest themes for review records in the import format, one JSON line out per record in.

    python manage.py suggest_themes reviews.jsonl [--limit N]
    cat reviews.jsonl | python manage.py suggest_themes -

Each output line is {"id": ..., "themes": [{"slug", "score", "reasons": [{"keyword", "sentence"}]}]},
in input order. A line that cannot be read is reported on stderr with its number and skipped; the
command then exits with status 1 once the other lines are done.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ingest.suggestions import RECORD_LIMIT, get_suggester

TEXT_FIELDS = ("title", "summary", "full_text", "text")
LIST_FIELDS = ("learning", "keywords", "findings")


class LineError(ValueError):
    """A line that cannot be read, with the reason."""


def record_id(record):
    return record.get("id") if record.get("id") not in (None, "") else record.get("external_id")


def read_record(line):
    """The record a line holds, checked: an object with an id and some text of the import format."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise LineError(f"a line must hold a JSON object, not {type(record).__name__}")
    identifier = record_id(record)
    if identifier in (None, "") or isinstance(identifier, bool | dict | list):
        raise LineError("the record has no id (give it an id or external_id)")
    for key in TEXT_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise LineError(f"{key} must be text, not {type(record[key]).__name__}")
    if isinstance(record.get("keywords"), str):
        record["keywords"] = [k.strip() for k in record["keywords"].split(",")]
    for key in LIST_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], list):
            raise LineError(f"{key} must be a list, not {type(record[key]).__name__}")
    for key in ("learning", "keywords"):
        for index, item in enumerate(record.get(key) or [], start=1):
            if not isinstance(item, str):
                raise LineError(f"{key} item {index} must be text, not {type(item).__name__}")
    for index, item in enumerate(record.get("findings") or [], start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str) for k in ("title", "text")):
            raise LineError(f"finding {index} must be an object with a title and text")
    texts = [record.get(k) or "" for k in TEXT_FIELDS] + [str(v) for k in LIST_FIELDS for v in record.get(k) or []]
    if not any(t.strip() for t in texts):
        raise LineError("the record has no text to suggest themes from (title, summary, learning, findings...)")
    return record


class Command(BaseCommand):
    help = "Suggest themes for review records (JSON Lines in the import format); prints one JSON line per record."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", help='a JSON Lines file of review records, or "-" to read standard input')
        parser.add_argument(
            "--limit", type=int, default=RECORD_LIMIT, help=f"the most themes per record (default {RECORD_LIMIT})"
        )

    def handle(self, *args, **options):
        limit = options["limit"]
        if limit < 1:
            raise CommandError("--limit must be at least 1.")
        if options["file"] == "-":
            self._run(options.get("stdin") or sys.stdin, limit)
            return
        try:
            with open(options["file"], "rb") as lines:
                self._run(lines, limit)
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}.") from None

    def _run(self, lines, limit):
        suggester = get_suggester()
        failed = 0
        for number, line in enumerate(lines, start=1):
            try:
                if isinstance(line, bytes):
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                if not line.strip():
                    continue
                record = read_record(line)
            except (LineError, UnicodeDecodeError) as error:
                reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)
                self.stderr.write(f"line {number}: {reason}; skipped.")
                failed += 1
                continue
            themes = [
                {
                    "slug": s.slug,
                    "score": s.score,
                    "reasons": [{"keyword": r.keyword, "sentence": r.sentence} for r in s.reasons],
                }
                for s in suggester.suggest_record(record, limit=limit)
            ]
            self.stdout.write(json.dumps({"id": record_id(record), "themes": themes}, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} line{'s' if failed > 1 else ''} could not be read; see above.")
