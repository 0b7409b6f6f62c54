"""Recall, false hits, time and memory of the upload's anonymisation check (reviews/anonymisation.py).

1. Recall per kind on labelled identifier sentences (bench/data/anonymisation_identifiers.jsonl): a case counts
   as found when a flag of the expected kind overlaps the identifier, and as caught when any flag does. Cases
   of the set "tuning" were used while writing the rules; the "fresh" set was written afterwards and is
   reported separately.
2. False hits per 1,000 words on clean anonymised review prose (bench/data/clean_review.txt), each one listed.
3. Time and peak memory for a 100-page document (about 500 words a page) built from the clean prose with
   identifiers seeded into every fourth page, and CPU time for the same words as one page (a DOCX upload).

Results are printed and written to bench/results/anonymisation.json.

    .venv/bin/python bench/anonymisation.py
"""

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import anonymisation  # noqa: E402
from ingest.documents import Extra, ExtractedDocument, Page  # noqa: E402

DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results" / "anonymisation.json"
# What the upload form would declare for the clean review: its independent reviewer and its partnership.
CLEAN_ALLOW = ["Helen Marsh", "Northshire Safeguarding Children Partnership"]
WORDS_PER_PAGE = 500


def load_cases():
    with open(DATA / "anonymisation_identifiers.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def overlaps(flag, start, end):
    return flag.start < end and start < flag.end


def measure_recall(cases):
    per_kind = defaultdict(lambda: {"cases": 0, "found": 0, "caught": 0, "fresh_cases": 0, "fresh_found": 0})
    misses = []
    for case in cases:
        start = case["text"].index(case["target"])
        end = start + len(case["target"])
        flags = [flag for flag in anonymisation.check_text(case["text"]) if overlaps(flag, start, end)]
        found = any(flag.kind == case["kind"] for flag in flags)
        row = per_kind[case["kind"]]
        row["cases"] += 1
        row["found"] += found
        row["caught"] += bool(flags)
        if case["set"] == "fresh":
            row["fresh_cases"] += 1
            row["fresh_found"] += found
        if not found:
            misses.append({**case, "flagged_as": [flag.kind for flag in flags]})
    return dict(sorted(per_kind.items())), misses


def measure_false_hits(text):
    flags = anonymisation.check_text(text, allow=CLEAN_ALLOW)
    words = len(text.split())
    return {
        "words": words,
        "false_hits": len(flags),
        "block": sum(flag.severity == anonymisation.BLOCK for flag in flags),
        "warn": sum(flag.severity == anonymisation.WARN for flag in flags),
        "per_1000_words": round(len(flags) * 1000 / words, 2),
        "hits": [{"kind": f.kind, "severity": f.severity, "text": f.text, "context": f.context} for f in flags],
    }


def build_document(text, cases, pages):
    """Pages of about 500 words cut from the clean paragraphs in turn, one identifier sentence in every fourth."""
    paragraphs = [paragraph for paragraph in text.split("\n\n") if paragraph.strip()]
    built, seeded, index = [], [], 0
    for number in range(1, pages + 1):
        parts, words = [], 0
        if number % 4 == 0:
            case = cases[(number // 4) % len(cases)]
            parts.append(case["text"])
            seeded.append((number, case))
        while words < WORDS_PER_PAGE:
            paragraph = paragraphs[index % len(paragraphs)]
            index += 1
            parts.append(paragraph)
            words += len(paragraph.split())
        built.append(Page(number=number, text="\n\n".join(parts)))
    extras = [
        Extra(source="metadata", text="Helen Marsh", label="Author"),
        Extra(source="header_footer", text="Northshire Safeguarding Children Partnership: Child A", page=1),
    ]
    return ExtractedDocument(kind="pdf", pages=built, extras=extras), seeded


def measure_document(text, cases, pages, rounds):
    document, seeded = build_document(text, cases, pages)
    timings, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        flags = anonymisation.check_document(document, allow=CLEAN_ALLOW)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    found = 0
    for number, case in seeded:
        page_text = document.pages[number - 1].text
        start = page_text.index(case["target"])
        end = start + len(case["target"])
        if any(flag.page == number and flag.source == "body" and overlaps(flag, start, end) for flag in flags):
            found += 1
    # A DOCX or text upload is a single page: the same words as one text.
    started_cpu = time.process_time()
    anonymisation.check_text(document.text, allow=CLEAN_ALLOW)
    one_page_cpu = time.process_time() - started_cpu
    tracemalloc.start()
    anonymisation.check_document(document, allow=CLEAN_ALLOW)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "pages": pages,
        "words": document.word_count,
        "seconds_median": round(statistics.median(timings), 2),
        "seconds_runs": [round(seconds, 2) for seconds in timings],
        "cpu_seconds_median": round(statistics.median(cpu), 2),
        "cpu_seconds_as_one_page": round(one_page_cpu, 2),
        "flags": len(flags),
        "seeded_identifiers": len(seeded),
        "seeded_found": found,
        "python_peak_mib_during_check": round(traced_peak / 2**20, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    anonymisation.warm_up()
    load_seconds = time.perf_counter() - started
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    cases = load_cases()
    clean = (DATA / "clean_review.txt").read_text(encoding="utf-8")
    recall, misses = measure_recall(cases)
    false_hits = measure_false_hits(clean)
    document = measure_document(clean, cases, args.pages, args.rounds)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    results = {
        "checker_version": anonymisation.CHECKER_VERSION,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_start": [round(load, 2) for load in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "model_load_seconds": round(load_seconds, 2),
        "rss_mib": {
            "before_model": round(rss_before / 1024, 1),
            "after_model": round(rss_loaded / 1024, 1),
            "peak": round(rss_peak / 1024, 1),
        },
        "recall": recall,
        "recall_total": {key: sum(row[key] for row in recall.values()) for key in next(iter(recall.values()))},
        "misses": misses,
        "clean_text": false_hits,
        "document": document,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_report(results)


def print_report(results):
    print(results["checker_version"], "| load average at start", results["machine"]["load_average_at_start"])
    print(f"\n{'kind':<22}{'cases':>6}{'found':>7}{'recall':>8}{'caught':>8}{'fresh':>9}")
    for kind, row in [*results["recall"].items(), ("all", results["recall_total"])]:
        print(
            f"{kind:<22}{row['cases']:>6}{row['found']:>7}{row['found'] / row['cases']:>8.0%}{row['caught']:>8}"
            f"{row['fresh_found']:>5}/{row['fresh_cases']:<3}"
        )
    for miss in results["misses"]:
        flagged = ", ".join(miss["flagged_as"]) or "nothing"
        print(f"  missed {miss['kind']} ({miss['set']}): {miss['target']!r} in {miss['text']!r}; flagged as {flagged}")
    clean = results["clean_text"]
    print(
        f"\nClean prose: {clean['words']} words, {clean['false_hits']} false hits "
        f"({clean['block']} block, {clean['warn']} warn) = {clean['per_1000_words']} per 1,000 words"
    )
    for hit in clean["hits"]:
        print(f"  {hit['severity']:<5} {hit['kind']:<12} {hit['text']!r}: {hit['context']}")
    document = results["document"]
    rss = results["rss_mib"]
    print(
        f"\n{document['pages']} pages, {document['words']} words: median {document['seconds_median']} s "
        f"(runs {document['seconds_runs']}; CPU {document['cpu_seconds_median']} s), {document['flags']} flags, "
        f"{document['seeded_found']}/{document['seeded_identifiers']} seeded identifiers found; "
        f"as one page (DOCX) CPU {document['cpu_seconds_as_one_page']} s"
    )
    print(
        f"Model load {results['model_load_seconds']} s. RSS: {rss['before_model']} MiB before the model, "
        f"{rss['after_model']} MiB after, {rss['peak']} MiB peak; Python allocations during one check peak at "
        f"{document['python_peak_mib_during_check']} MiB (tracemalloc)"
    )


if __name__ == "__main__":
    main()
