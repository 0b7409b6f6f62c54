"""How long a 100-page review PDF takes from upload to suggested themes (issue target: under 30 s).

Builds a 100-page PDF (about 500 words a page) from the demo reviews' text, with findings headings and
a few identifiers for the check to find, then takes it through the upload checks and every processing
stage in this process, the way the worker does, and prints each stage's time. Everything it writes is
rolled back at the end and its files go to a temporary folder.

    .venv/bin/python bench/processing.py [--pages 100]

Uses DATABASE_URL, or the embedded PostgreSQL when unset (migrated: `make migrate`).
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("TASKS_BACKEND", "immediate")


def demo_paragraphs():
    paragraphs = []
    for path in sorted((ROOT / "ingest" / "demo").glob("*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            paragraphs += [p.strip() for p in record.get("full_text", "").split("\n\n") if p.strip()]
            for finding in record.get("findings", []):
                paragraphs.append(f"{finding['title']}\n\n{finding['text']}")
    return paragraphs


def build_pages(count, words_per_page=500):
    paragraphs = demo_paragraphs()
    pages, current, words, finding = [], [], 0, 0
    leaks = ["The health visitor, Sarah Jenkins, was not told.", "Father's mobile was 07700 900456."]
    index = 0
    while len(pages) < count:
        if words == 0 and len(pages) % 10 == 5:
            finding += 1
            current.append(f"Finding {finding}: Information held by one agency was not shared with the others")
        paragraph = paragraphs[index % len(paragraphs)]
        index += 1
        current.append(paragraph)
        words += len(paragraph.split())
        if words >= words_per_page:
            if len(pages) % 25 == 3:
                current.append(leaks[len(pages) % 2])
            pages.append("\n\n".join(current))
            current, words = [], 0
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "processing.json"))
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from ingest.processing import process
    from ingest.uploads import check_upload, store
    from reviews.models import ReviewDocument
    from tests.documents import make_pdf
    from tests.factories import make_review

    work = Path(tempfile.mkdtemp(prefix="bench-processing-"))
    settings.MEDIA_ROOT = work / "media"
    started = time.monotonic()
    pdf = make_pdf(work / "review.pdf", build_pages(options.pages), font_size=8)
    built = time.monotonic() - started
    data = pdf.read_bytes()
    timings = {}
    with transaction.atomic():
        review = make_review("draft", title="Child Bench")
        began = time.monotonic()
        checked = check_upload(SimpleUploadedFile("review.pdf", data))
        document = store(review, checked, None, version=1)
        timings["upload checks and storing"] = time.monotonic() - began
        document = process(document.pk)
        total = time.monotonic() - began
        for step in document.steps.all():
            timings[step.get_stage_display()] = step.seconds
        result = {
            "pages": document.page_count,
            "words": sum(len(page["text"].split()) for page in document.pages),
            "bytes": len(data),
            "state": document.state,
            "flags": document.flags.count(),
            "findings": document.proposed_findings.count(),
            "seconds": {name: round(value, 2) for name, value in timings.items()},
            "total_seconds": round(total, 2),
            "machine": f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}",
        }
        transaction.set_rollback(True)
    assert result["state"] == ReviewDocument.State.DONE, document.error
    print(f"Built a {result['pages']}-page PDF ({result['words']:,} words, {len(data) / 1e6:.1f} MB) in {built:.1f} s")
    for name, seconds in result["seconds"].items():
        print(f"  {name:<28} {seconds:6.2f} s")
    print(f"  {'upload to suggested themes':<28} {result['total_seconds']:6.2f} s  (target: under 30 s)")
    print(f"  {result['flags']} flags, {result['findings']} findings proposed")
    Path(options.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
