"""The upload pipeline on blind material: full-length reports in every house style and format, and labelled
identifier cases (bench/data/anonymisation_blind/, written by helpers that never read the ingest code; its README
says how).

1. Reports: each of the nine fictional reports is rendered (bench/data/anonymisation_blind/render.py, written blind
   too) as PDF, DOCX, plain text and Markdown, then read (ingest.extraction), checked (ingest.anonymisation) and
   segmented (ingest.segmentation) as an upload is. Per report and format:
   - identifiers: how many of the labelled identifiers are flagged (any occurrence in the text, or in the file's
     properties), and how many occurrences are;
   - false alarms: flags on text that is no labelled identifier, per 1,000 words, those that block, and the
     labelled harmless traps (headings, glossary and version tables, citations, Welsh words...) that are flagged;
   - findings: labelled findings proposed (matched by title or first words), missing and extra proposals; titles
     that keep their label ("Finding 1: ..."); proposals that carry a footnote's text or a footnote mark stuck to a
     word ("worker.2"); labelled questions for the partnership proposed as the finding's questions.
2. Cases: recall per kind on the identifier cases and specificity on the harmless ones. Only the `tuning` third is
   scored unless `--final` is given: the `final` third is for the figure when tuning has stopped.

`--batch fresh` or `--batch third` reads a later blind batch instead (bench/data/anonymisation_fresh/ and
anonymisation_third/: cases and four more reports each, written by other helpers, rendered by the same renderer).
The fresh batch gave the final figures of the eighth session and was then tuned on, as the third was after its
single scoring, and the fourth (bench/data/anonymisation_fourth/) after its scoring in the ninth session;
`--batch fifth` (bench/data/anonymisation_fifth/, 187 cases and four reports) gave the ninth session's final figures;
`--batch sixth` (bench/data/anonymisation_sixth/, 183 cases and four reports in new layouts) the tenth session's;
`--batch seventh` (bench/data/anonymisation_seventh/, 193 cases and four reports in layouts never used before) the
eleventh's; `--batch eighth` (bench/data/anonymisation_eighth/, written while the seventh was tuned on) the twelfth's;
`--batch ninth` (bench/data/anonymisation_ninth/, written while the eighth was tuned on) the thirteenth's;
`--batch tenth` (bench/data/anonymisation_tenth/, written while the ninth was tuned on) gave the thirteenth session's
last figures, scored once at its end; `--batch eleventh` and `twelfth` the fourteenth session's, and `--batch
thirteenth` (bench/data/anonymisation_thirteenth/, 190 cases and four reports in layouts never used before, written
while the twelfth was tuned on) the fifteenth's first, and `--batch fourteenth` (bench/data/anonymisation_fourteenth/,
190 cases and four reports, written while the thirteenth was tuned on) its last; `--batch fifteenth` and `sixteenth`
the sixteenth session's, and `--batch seventeenth` (bench/data/anonymisation_seventeenth/, written while the
sixteenth was tuned on) the seventeenth session's, and `--batch eighteenth` (bench/data/anonymisation_eighteenth/,
written while the seventeenth was tuned on) the eighteenth session's, and `--batch nineteenth`
(bench/data/anonymisation_nineteenth/, written while the eighteenth was tuned on) the nineteenth session's first, and
`--batch twentieth` (bench/data/anonymisation_twentieth/, written while the nineteenth was tuned on) its last; and
`--batch twentyfirst` (bench/data/anonymisation_twentyfirst/, written while the twentieth was tuned on) the twentieth
session's first, and `--batch twentysecond` (bench/data/anonymisation_twentysecond/, written while the twenty-first
was tuned on) its last; `--batch twentythird` (bench/data/anonymisation_twentythird/, written while the twenty-second
was tuned on) was scored once in the twenty-first session, development material since; `--batch twentyfourth`
(bench/data/anonymisation_twentyfourth/, written while the twenty-third was tuned on) was scored once in the
twenty-second session, development material since; `--batch twentyfifth` (bench/data/anonymisation_twentyfifth/,
written while the twenty-fourth was held back) was scored once in the twenty-second session, development material
since; `--batch twentysixth` (bench/data/anonymisation_twentysixth/, written while the twenty-fifth was tuned on) was
scored once in the twenty-second session, development material since; `--batch twentyseventh`
(bench/data/anonymisation_twentyseventh/, written while the twenty-sixth was tuned on) gave the twenty-second session's
last figures, scored once; development material since; `--batch twentyeighth` (bench/data/anonymisation_twentyeighth/,
written while the twenty-seventh was tuned on) was scored once in the twenty-third session, development material
since; `--batch twentyninth` (bench/data/anonymisation_twentyninth/, written while the twenty-eighth was tuned on) gave
the twenty-third session's figures, scored once; development material since; `--batch thirtieth`
(bench/data/anonymisation_thirtieth/, written while the twenty-ninth was tuned on) too, and `--batch thirtyfirst`
(bench/data/anonymisation_thirtyfirst/, 253 cases and no reports, written while the thirtieth was tuned on) its last,
each scored once; development material since; `--batch thirtysecond` (bench/data/anonymisation_thirtysecond/, 262
cases and no reports, written while the thirty-first was tuned on) and `--batch thirtythird`
(bench/data/anonymisation_thirtythird/, 262 cases and no reports, written while the thirty-second was tuned on) and
`--batch thirtyfourth` (bench/data/anonymisation_thirtyfourth/, 263 cases and no reports, written while the
thirty-third was tuned on) were scored once in the twenty-fourth session, development material since; `--batch
thirtyfifth` (bench/data/anonymisation_thirtyfifth/, 263 cases, written while the thirty-fourth was tuned on) and
`--batch thirtysixth` (bench/data/anonymisation_thirtysixth/, 275 cases, written while the thirty-fifth was tuned on)
were scored once in the same session, development material since; `--batch thirtyseventh`
(bench/data/anonymisation_thirtyseventh/, 219 cases, written while the thirty-sixth was tuned on) gave its last figures,
scored once at c721b26, development material since; `--batch thirtyeighth` (bench/data/anonymisation_thirtyeighth/,
247 cases, written while the thirty-seventh was tuned on) was scored once at 088ee09 in the twenty-fifth session,
and `--batch thirtyninth` (bench/data/anonymisation_thirtyninth/, 247 cases, written while the thirty-eighth was tuned
on) at a7efbef, and `--batch fortieth` (bench/data/anonymisation_fortieth/, 249 cases, written while the thirty-ninth
was tuned on) at 141b409, and `--batch fortyfirst` (bench/data/anonymisation_fortyfirst/, 247 cases, written while
the fortieth was tuned on) at 9d372d6, and `--batch fortysecond` (bench/data/anonymisation_fortysecond/, 247 cases,
written while the forty-first was tuned on) at d4451b0, and `--batch fortythird` (bench/data/anonymisation_fortythird/,
242 cases, written while the forty-second was tuned on) at d32094f, development material since; `--batch fortyfourth`
(bench/data/anonymisation_fortyfourth/, 248 cases, written while the forty-third was tuned on) at f2fbf8f, the
session's last code state, not tuned on.

Results are printed and written to bench/results/ingest_reports.json (ingest_reports_<batch>.json for a batch).

    .venv/bin/python bench/ingest_reports.py [--formats pdf docx txt md] [--reports ID ...] [--verbose] [--final]
        [--batch fresh|third|...|fortythird|fortyfourth]
"""

import argparse
import importlib.util
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.anonymisation import BLOCK, check_document, check_text  # noqa: E402
from ingest.extraction import extract  # noqa: E402
from ingest.segmentation import cited_notes, propose_findings  # noqa: E402

BLIND = ROOT / "bench" / "data" / "anonymisation_blind"
DATA = BLIND
RESULTS = ROOT / "bench" / "results" / "ingest_reports.json"
FORMATS = ("pdf", "docx", "txt", "md")
LABEL = re.compile(
    r"^(?:finding|lesson|learning point|learning theme|key learning|key finding|theme|learning)"
    r"\s*\d+\s*[:.\-\u2013\u2014]",
    re.IGNORECASE,
)


def load_renderer():
    spec = importlib.util.spec_from_file_location("blind_render", BLIND / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render


# Characters of presentation that the upload's text drops or replaces, as the labels of a typeset report keep them: a
# ligature is its letters ("\ufb03" is "ffi"), a soft hyphen or a zero-width character is nothing.
PRESENTATION = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def as_read(text):
    """A label's text as the upload's text gives it (compatibility forms as their letters, no invisible marks)."""
    return unicodedata.normalize("NFKC", text).translate(PRESENTATION)


def spans(text, needle):
    """(start, end) of each occurrence of needle in text, any run of white space matching any other."""
    words = as_read(needle).split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def normal(text):
    return " ".join(re.sub(r"[^\w\s]", " ", as_read(text).lower()).split())


def footnotes(report):
    """[(the word before the mark, mark, note text)] of every footnote of the report's paragraphs."""
    notes = []
    for block in report["blocks"]:
        for note in block.get("footnotes") or []:
            before = re.search(rf"(\w+)\W?\[\^{re.escape(str(note['mark']))}\]", block.get("text", ""))
            notes.append((before.group(1) if before else "", str(note["mark"]), note["text"]))
    return notes


def score_identifiers(document, flags, labels):
    pages = {page.number: page.text for page in document.pages}
    body = [f for f in flags if f.source == "body"]
    other = [f for f in flags if f.source != "body"]
    found, occurrences, occurrences_found, missed = 0, 0, 0, []
    covered = defaultdict(list)  # page -> labelled identifier spans
    for identifier in labels["identifiers"]:
        hits = 0
        at = [(number, span) for number, text in pages.items() for span in spans(text, identifier["text"])]
        for number, span in at:
            covered[number].append(span)
            occurrences += 1
            if any(f.page == number and overlaps((f.start, f.end), span) for f in body):
                hits += 1
                occurrences_found += 1
        # In the file's properties, or in text read apart from the pages (a footnote taken out of the text): a
        # flag there on the same words counts.
        in_properties = identifier["location"] != "body" or identifier.get("also_in_metadata")
        property_hit = any(
            normal(identifier["text"]) in normal(f.text) or normal(f.text) in normal(identifier["text"]) for f in other
        )
        if hits or property_hit:
            found += 1
        else:
            missed.append(
                f"{identifier['kind']}: {identifier['text']!r}" + ("" if at or in_properties else " (not in text)")
            )
    traps_flagged = []
    for trap in labels["harmless_traps"]:
        at = [(number, span) for number, text in pages.items() for span in spans(text, trap["text"])]
        if any(f.page == number and overlaps((f.start, f.end), span) for number, span in at for f in body):
            traps_flagged.append(f"{trap['kind']}: {trap['text']!r}")
    false = [f for f in body if not any(overlaps((f.start, f.end), span) for span in covered[f.page])]
    words = sum(len(text.split()) for text in pages.values())
    return {
        "identifiers": len(labels["identifiers"]),
        "found": found,
        "occurrences": occurrences,
        "occurrences_found": occurrences_found,
        "missed": missed,
        "words": words,
        "false_alarms": len(false),
        "false_alarms_blocking": sum(f.severity == BLOCK for f in false),
        "false_alarms_per_1000_words": round(1000 * len(false) / max(words, 1), 2),
        "false_alarm_texts": [f"{f.kind} ({f.severity}): {f.text!r}" for f in false],
        "traps": len(labels["harmless_traps"]),
        "traps_flagged": traps_flagged,
    }


def expected_notes(report, labels):
    """{labelled finding's index: [note texts of the paragraphs between its heading and the next finding's]}."""
    blocks = report["blocks"]
    starts = [wanted["heading_block"] for wanted in labels["findings"]]
    out = {}
    for index, start in enumerate(starts):
        level = blocks[start].get("level", 9) if blocks[start]["type"] == "heading" else 9
        end = next((s for s in sorted(starts) if s > start), len(blocks))
        for number in range(start + 1, end):  # the last finding ends at the next heading of its level
            if blocks[number]["type"] == "heading" and blocks[number].get("level", 9) <= level:
                end = number
                break
        out[index] = [note["text"] for block in blocks[start:end] for note in block.get("footnotes") or []]
    return out


def score_findings(document, report, labels):
    proposal = propose_findings(document.pages)
    proposed = proposal.findings
    extras = [asdict(extra) for extra in document.extras if extra.source == "footnote"]
    wanted_notes = expected_notes(report, labels)
    notes_expected = notes_kept = notes_elsewhere = 0
    used, matched, missing = set(), 0, []
    for wanted in labels["findings"]:
        title, first = normal(wanted["title"] or ""), normal(wanted.get("first_words") or "")[:60]
        choice = next(
            (
                i
                for i, p in enumerate(proposed)
                if i not in used and ((title and title in normal(p.title)) or (first and first in normal(p.text)))
            ),
            None,
        )
        expected = wanted_notes[labels["findings"].index(wanted)]
        notes_expected += len(expected)
        if choice is None:
            missing.append(f"{wanted['label']}: {wanted['title']}")
        else:
            used.add(choice)
            matched += 1
            kept = normal(" ".join(cited_notes(proposed[choice].text, extras)))
            notes_kept += sum(normal(note)[:50] in kept for note in expected)
            others = [normal(n) for i, w in enumerate(labels["findings"]) if w is not wanted for n in wanted_notes[i]]
            notes_elsewhere += sum(note[:50] in kept for note in others)
    notes = footnotes(report)
    leaked, marks = 0, 0
    for p in proposed:
        text = normal(p.text)
        leaked += any(len(normal(note)) > 20 and normal(note)[:60] in text for _, _, note in notes)
        marks += any(word and re.search(rf"\b{re.escape(word)}\W?{mark}\b", p.text) for word, mark, _ in notes)
    questions = [q for wanted in labels["findings"] for q in wanted.get("questions") or []]
    kept = sum(any(normal(q)[:60] in normal(" ".join(p.questions)) for p in proposed) for q in questions)
    return {
        "findings": len(labels["findings"]),
        "proposed": len(proposed),
        "matched": matched,
        "missing": missing,
        "extra": [p.title for i, p in enumerate(proposed) if i not in used],
        "titles_with_label": sum(bool(LABEL.match(p.title.strip())) for p in proposed),
        "with_footnote_text": leaked,
        "with_footnote_marks": marks,
        "questions": len(questions),
        "questions_kept": kept,
        "notes": notes_expected,
        "notes_kept": notes_kept,
        "notes_on_another_finding": notes_elsewhere,
    }


def run_reports(render, formats, chosen, verbose):
    rows = []
    with tempfile.TemporaryDirectory(prefix="ingest-reports-") as folder:
        for source in sorted((DATA / "reports").glob("*.json")):
            if source.name.endswith(".labels.json") or (chosen and source.stem not in chosen):
                continue
            report = json.loads(source.read_text())
            labels = json.loads(source.with_name(f"{source.stem}.labels.json").read_text())
            for fmt in formats:
                path = render(report, fmt, Path(folder) / f"{source.stem}.{fmt}")
                row = {"report": source.stem, "format": fmt}
                try:
                    document = extract(path, name=path.name)
                except Exception as error:  # a refusal is a result here: say what it was
                    row["error"] = f"{type(error).__name__}: {error}"
                    rows.append(row)
                    print(f"{source.stem:32} {fmt:4} refused: {row['error']}")
                    continue
                row.update(score_identifiers(document, check_document(document), labels))
                row.update(score_findings(document, report, labels))
                rows.append(row)
                print(
                    f"{source.stem:32} {fmt:4} identifiers {row['found']}/{row['identifiers']}  "
                    f"false alarms {row['false_alarms']} ({row['false_alarms_blocking']} blocking, "
                    f"{row['false_alarms_per_1000_words']}/1,000 words)  traps flagged {len(row['traps_flagged'])}/"
                    f"{row['traps']}  findings {row['matched']}/{row['findings']} (+{len(row['extra'])} extra)  "
                    f"labelled titles {row['titles_with_label']}  footnote text {row['with_footnote_text']}  "
                    f"marks {row['with_footnote_marks']}  questions kept {row['questions_kept']}/{row['questions']}  "
                    f"notes kept {row['notes_kept']}/{row['notes']} (elsewhere {row['notes_on_another_finding']})"
                )
                if verbose:
                    for key in ("missed", "false_alarm_texts", "traps_flagged", "missing", "extra"):
                        for item in row[key]:
                            print(f"    {key}: {item}")
    return rows


def run_cases(final, batch=None):
    wanted = {batch, "tuning", "final"} if batch else {"final"} if final else {"tuning"}  # a batch: all its cases
    by_kind = defaultdict(Counter)
    misses = []
    for line in (DATA / "cases.jsonl").read_text().splitlines():
        case = json.loads(line)
        if case["set"] not in wanted:
            continue
        flags = check_text(case["text"])
        counts = by_kind[case["kind"]]
        counts["cases"] += 1
        if case["kind"] == "harmless":
            counts["passed"] += not flags
            if flags and not final:
                misses.append(f"harmless flagged: {case['text']!r} -> {[f.text for f in flags]}")
            continue
        caught = all(any(overlaps((f.start, f.end), span) for f in flags for span in spans(case["text"], target))
                     for target in case["targets"])  # fmt: skip
        counts["caught"] += caught
        if not caught and not final:
            misses.append(f"{case['kind']} missed: {case['text']!r} (targets {case['targets']})")
    identifiers = sum(c["cases"] for k, c in by_kind.items() if k != "harmless")
    caught = sum(c["caught"] for k, c in by_kind.items() if k != "harmless")
    harmless = by_kind["harmless"]
    return {
        "set": sorted(wanted)[0],
        "recall": round(caught / identifiers, 3) if identifiers else None,
        "specificity": round(harmless["passed"] / harmless["cases"], 3) if harmless["cases"] else None,
        "identifier_cases": identifiers,
        "harmless_cases": harmless["cases"],
        "by_kind": {k: dict(c) for k, c in sorted(by_kind.items())},
        "misses": misses,
    }


# Batches scored once for final figures and since used for development (their cases' misses may be listed).
SCORED_BATCHES = {
    "fresh", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twentyfirst", "twentysecond", "twentythird", "twentyfourth", "twentyfifth", "twentysixth",
    "twentyseventh", "twentyeighth", "twentyninth", "thirtieth", "thirtyfirst", "thirtysecond",
    "thirtythird", "thirtyfourth", "thirtyfifth", "thirtysixth", "thirtyseventh", "thirtyeighth",
    "thirtyninth", "fortieth", "fortyfirst", "fortysecond", "fortythird", "fortyfourth",
}  # fmt: skip


def totals(rows):
    scored = [r for r in rows if "error" not in r]
    sum_ = lambda key: sum(r[key] for r in scored)  # noqa: E731
    out = {"files": len(rows), "refused": len(rows) - len(scored)}
    if scored:
        out.update(
            identifier_recall=round(sum_("found") / sum_("identifiers"), 3),
            occurrence_recall=round(sum_("occurrences_found") / max(sum_("occurrences"), 1), 3),
            false_alarms_per_1000_words=round(1000 * sum_("false_alarms") / sum_("words"), 2),
            false_alarms_blocking=sum_("false_alarms_blocking"),
            traps_flagged=sum(len(r["traps_flagged"]) for r in scored),
            traps=sum_("traps"),
            findings_matched=sum_("matched"),
            findings=sum_("findings"),
            extra_findings=sum(len(r["extra"]) for r in scored),
            titles_with_label=sum_("titles_with_label"),
            with_footnote_text=sum_("with_footnote_text"),
            with_footnote_marks=sum_("with_footnote_marks"),
            questions_kept=sum_("questions_kept"),
            questions=sum_("questions"),
            notes_kept=sum_("notes_kept"),
            notes=sum_("notes"),
            notes_on_another_finding=sum_("notes_on_another_finding"),
        )
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--reports", nargs="*", help="report ids (default: all)")
    parser.add_argument("--verbose", action="store_true", help="list every miss, false alarm and extra finding")
    parser.add_argument("--final", action="store_true", help="score the held-back third of the cases (once)")
    parser.add_argument(
        "--batch",
        choices=(
            "fresh",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "twentyfirst",
            "twentysecond",
            "twentythird",
            "twentyfourth",
            "twentyfifth",
            "twentysixth",
            "twentyseventh",
            "twentyeighth",
            "twentyninth",
            "thirtieth",
            "thirtyfirst",
            "thirtysecond",
            "thirtythird",
            "thirtyfourth",
            "thirtyfifth",
            "thirtysixth",
            "thirtyseventh",
            "thirtyeighth",
            "thirtyninth",
            "fortieth",
            "fortyfirst",
            "fortysecond",
            "fortythird",
            "fortyfourth",
        ),
        help="a later blind batch",
    )
    arguments = parser.parse_args()
    global DATA, RESULTS
    if arguments.batch:
        DATA = BLIND.parent / f"anonymisation_{arguments.batch}"
        RESULTS = RESULTS.with_name(f"ingest_reports_{arguments.batch}.json")

    rows = run_reports(load_renderer(), arguments.formats, set(arguments.reports or []), arguments.verbose)
    by_format = {fmt: totals([r for r in rows if r["format"] == fmt]) for fmt in arguments.formats}
    # A set kept for final figures has its misses kept out of sight; a batch scored once is development material.
    hidden = arguments.final or (arguments.batch is not None and arguments.batch not in SCORED_BATCHES)
    cases = run_cases(hidden, arguments.batch)
    print()
    for fmt, figures in by_format.items():
        print(f"{fmt:4} {figures}")
    print(f"cases ({cases['set']}): recall {cases['recall']} on {cases['identifier_cases']}, specificity "
          f"{cases['specificity']} on {cases['harmless_cases']}")  # fmt: skip
    if arguments.verbose:
        for miss in cases["misses"]:
            print(f"    {miss}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps({"reports": rows, "by_format": by_format, "all": totals(rows), "cases": cases}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
