"""Recommendations proposed from full-length reports, against blind labels.

Each fictional report is rendered (bench/data/anonymisation_blind/render.py) as PDF, DOCX, plain text and Markdown,
read (ingest.extraction), segmented (ingest.segmentation) and its recommendations proposed (ingest.recommendations)
as an upload is. A proposal matches a labelled recommendation when most of the labelled text's words are in it (one
to one, in order of overlap). Per report and format:

- labelled, proposed, matched: precision and recall;
- whether the count proposed equals the report's formal recommendations (and none for a report that makes none);
- labels kept as written ("CSC 1", "Recommendation 3");
- addressee: the kind of addressee (partnership, agencies, national, other) and, for agencies, the agencies;
- findings: the findings each follows from, as labelled (only where the labels say);
- actions: the rows of the report's action plan proposed as a matched recommendation's actions (matched by text).

Sets:
- `dev` (default): the reports of the anonymisation batches (blind, fresh, third, fourth, fifth), whose labels list
  each recommendation's text, label, addressee in words and finding; used for development.
- `blind`: bench/data/recommendations/ (ten reports, one or more per house style, addressees and actions labelled,
  written by a helper that read no code). It was scored once for the tenth session's final figures and has been
  development material since.
- `second`: bench/data/recommendations_second/ (twelve more reports in layouts the first set did not use, written
  blind the same way), scored once for the eleventh session's final figures, development material since.
- `third`: bench/data/recommendations_third/ (ten reports in layouts neither earlier set used, written blind the same
  way): the eleventh session's final figures, since tuned on. Unnumbered recommendations are labelled "[n]" there
  (their place): their labels cannot match, only their texts.
- `fourth`: bench/data/recommendations_fourth/ (ten reports in layouts none of the earlier sets used, written blind
  while the third was tuned on): the twelfth session's final figures, since tuned on.
- `fifth`: bench/data/recommendations_fifth/ (ten reports in layouts none of the earlier sets used, written blind
  while the fourth was tuned on): the thirteenth session's final figures, since tuned on.
- `sixth`: bench/data/recommendations_sixth/ (ten reports in layouts none of the earlier sets used, written blind
  while the fifth was tuned on): scored once at the end of the thirteenth session, development material since.
- `seventh`: bench/data/recommendations_seventh/ (the same, written while the sixth was tuned on): scored once in the
  fourteenth session, development material since.
- `eighth`: bench/data/recommendations_eighth/ (the same, written while the seventh was tuned on): the fourteenth
  session's final figures, scored once; development material since.
- `ninth`: bench/data/recommendations_ninth/ (the same, written while the eighth was tuned on): scored once in the
  fifteenth session, development material since.
- `tenth`: bench/data/recommendations_tenth/ (the same, written while the ninth was tuned on): the fifteenth
  session's final figures, scored once; development material since.
- `eleventh`: bench/data/recommendations_eleventh/ (the same, written while the tenth was tuned on): scored once in
  the sixteenth session, development material since.
- `twelfth`: bench/data/recommendations_twelfth/ (the same, written while the eleventh was tuned on): scored once in
  the sixteenth session, development material since.
- `thirteenth`: bench/data/recommendations_thirteenth/ (the same, written while the twelfth was tuned on): the
  sixteenth session's final figures, scored once; development material since.
- `fourteenth`: bench/data/recommendations_fourteenth/ (the same, written while the thirteenth was tuned on): scored
  once in the seventeenth session, development material since.
- `fifteenth`: bench/data/recommendations_fifteenth/ (the same, written while the fourteenth was tuned on): scored
  once in the eighteenth session, development material since.
- `sixteenth`: bench/data/recommendations_sixteenth/ (the same, written while the fifteenth was tuned on): scored
  once in the nineteenth session, development material since.
- `seventeenth`: bench/data/recommendations_seventeenth/ (the same, written while the sixteenth was tuned on): the
  nineteenth session's final figures, scored once; development material since.
- `eighteenth`: bench/data/recommendations_eighteenth/ (the same, written while the seventeenth was tuned on): scored
  once in the twentieth session, development material since.
- `nineteenth`: bench/data/recommendations_nineteenth/ (the same, written while the eighteenth was tuned on): the
  twentieth session's final figures, scored once; development material since.
- `twentieth`: bench/data/recommendations_twentieth/ (the same, written while the nineteenth was tuned on): scored
  once in the twenty-first session, development material since.
- `twentyfirst`: bench/data/recommendations_twentyfirst/ (the same, written while the twentieth was tuned on): the
  twenty-first session's final figures, scored once; development material since.
- `twentysecond`: bench/data/recommendations_twentysecond/ (the same, written while the twenty-first was tuned on):
  scored once in the twenty-second session, development material since.
- `twentythird`: bench/data/recommendations_twentythird/ (the same, written while the twenty-second was tuned on):
  scored once in the twenty-second session, development material since.
- `twentyfourth`: bench/data/recommendations_twentyfourth/ (the same, written while the twenty-third was tuned on):
  the twenty-second session's final figures, scored once; development material since.
- `twentyfifth`: bench/data/recommendations_twentyfifth/ (the same, written while the twenty-fourth was tuned on):
  scored once in the twenty-third session, development material since.
- `twentysixth`: bench/data/recommendations_twentysixth/ (the same, written while the twenty-fifth was tuned on):
  scored once in the twenty-third session, development material since.
- `twentyseventh`: bench/data/recommendations_twentyseventh/ (the same, written while the twenty-sixth was tuned on):
  the twenty-third session's last figures, scored once; development material since.
- `twentyeighth`: bench/data/recommendations_twentyeighth/ (eight reports, one per house style, laid out as typical
  published reports are rather than in new hostile layouts; written blind while the twenty-seventh was tuned on):
  scored once in the twenty-fourth session, development material since.

Results are printed and written to bench/results/recommendations_<set>.json.

    .venv/bin/python bench/recommendations.py
        [--set dev|blind|second|...|twentyseventh|twentyeighth] [--formats pdf docx txt md]
        [--reports ID ...] [--verbose]
"""

import argparse
import html
import importlib.util
import json
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from findings.models import likely_sources  # noqa: E402
from ingest.extraction import extract  # noqa: E402
from ingest.recommendations import propose_recommendations  # noqa: E402
from ingest.segmentation import propose_findings  # noqa: E402

DATA = ROOT / "bench" / "data"
DEV_BATCHES = ["anonymisation_blind", "anonymisation_fresh", "anonymisation_third", "anonymisation_fourth",
               "anonymisation_fifth"]  # fmt: skip
FORMATS = ("pdf", "docx", "txt", "md")
RESULTS = ROOT / "bench" / "results"
NATIONAL = re.compile(r"\b(?:department|government|home office|dfe|dhsc|ministry|nhs england|panel|ofsted)\b", re.I)
PARTNERSHIP = re.compile(r"\b(?:partnership|board|lscb|scp|cpc|committee|sbni|chief officers|cog)\b", re.I)


def load_renderer():
    spec = importlib.util.spec_from_file_location("blind_render", DATA / "anonymisation_blind" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render


def words(text):
    # (compatibility forms as their letters: a typeset text layer's ligatures, "ﬁ" as "fi", on either side)
    return re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", text).lower())


def overlap(labelled, proposed):
    """The share of the labelled text's words found in the proposal (a bag of words)."""
    want, have = words(labelled), set(words(proposed))
    return sum(word in have for word in want) / len(want) if want else 0.0


def match(labelled, proposed, least=0.7):
    """[(labelled index, proposed index)] one to one, best overlap first."""
    pairs = sorted(
        ((overlap(want["text"], got.text), i, j) for i, want in enumerate(labelled) for j, got in enumerate(proposed)),
        reverse=True,
    )
    used_l, used_p, out = set(), set(), []
    for score, i, j in pairs:
        if score < least:
            break
        if i not in used_l and j not in used_p:
            used_l.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def normal_label(label):
    """A label as compared: case, full stops and brackets aside ("(iv)" is "iv"), a web page's character references
    read ("Finding&nbsp;1"), and the word "Recommendation" before a number aside ("Recommendation 4" is "4")."""
    label = " ".join(re.sub(r"[.()]", " ", html.unescape(str(label or "")).lower()).split())
    return re.sub(r"^recommendation\s+(?=\S*\d)", "", label)


def addressee_of(label):
    """(type, agencies) as labelled: the blind set's objects, or the earlier batches' words (type only)."""
    addressee = label.get("addressee")
    if isinstance(addressee, dict):
        return addressee.get("type"), sorted(addressee.get("agencies") or [])
    text = str(addressee or "")
    if NATIONAL.search(text):
        return "national", None
    if PARTNERSHIP.search(text):
        return "partnership", None
    return None, None  # not judged: an agency named in words the earlier labels did not map


def finding_labels(label):
    found = label.get("findings")
    if found is None:
        one = label.get("finding")
        found = [] if one in (None, "None", "null", "") else [one]
    return sorted(normal_label(f) for f in found)


def score(report, labels, document):
    proposal = propose_findings(document.pages)
    proposed = propose_recommendations(document.pages, proposal.findings)
    labelled = labels.get("recommendations") or []
    pairs = match(labelled, proposed)
    row = {
        "labelled": len(labelled),
        "proposed": len(proposed),
        "matched": len(pairs),
        "count_right": len(proposed) == len(labelled),
        "labels_right": sum(normal_label(labelled[i]["label"]) == normal_label(proposed[j].label) for i, j in pairs),
        "addressees_judged": 0,
        "addressees_right": 0,
        "agencies_judged": 0,
        "agencies_right": 0,
        "findings_judged": 0,
        "findings_right": 0,
        "suggested_judged": 0,  # linked to no finding by its words: the curation screen's "May follow from"
        "suggested_right": 0,
        "actions_labelled": sum(len(r.get("actions") or []) for r in labelled),
        "actions_proposed": sum(len(r.actions) for r in proposed),
        "actions_matched": 0,
        "missed": [labelled[i]["text"][:90] for i in range(len(labelled)) if i not in {a for a, _ in pairs}],
        "extra": [p.text[:90] for j, p in enumerate(proposed) if j not in {b for _, b in pairs}],
        "wrong": [],
    }
    for i, j in pairs:
        kind, agencies = addressee_of(labelled[i])
        got = proposed[j]
        if kind:
            row["addressees_judged"] += 1
            right = got.addressee == kind
            row["addressees_right"] += right
            if not right:
                row["wrong"].append(f"addressee {got.addressee} for {kind}: {labelled[i]['text'][:60]}")
            if kind == "agencies" and agencies is not None:
                row["agencies_judged"] += 1
                row["agencies_right"] += sorted(got.agencies) == agencies
        row["actions_matched"] += len(match(labelled[i].get("actions") or [], got.actions))
        wanted = finding_labels(labelled[i])
        if "findings" in labelled[i] or "finding" in labelled[i]:
            row["findings_judged"] += 1
            have = sorted(normal_label(proposal.findings[k].label or f"finding {k + 1}") for k in got.findings)
            row["findings_right"] += have == wanted
            if not got.findings and wanted:
                texts = [f"{f.title} {f.text}" for f in proposal.findings]
                likely = [normal_label(proposal.findings[k].label or f"finding {k + 1}") for k, _ in
                          likely_sources(got.text, texts)]  # fmt: skip
                row["suggested_judged"] += 1
                row["suggested_right"] += bool(likely) and likely[0] in wanted
    return row


def ratio(a, b):
    return round(a / b, 3) if b else None


def totals(rows):
    ok = [r for r in rows if "error" not in r]
    keys = ("labelled", "proposed", "matched", "labels_right", "addressees_judged", "addressees_right",
            "agencies_judged", "agencies_right", "findings_judged", "findings_right", "suggested_judged",
            "suggested_right", "actions_labelled", "actions_proposed", "actions_matched")  # fmt: skip
    sums = {key: sum(r[key] for r in ok) for key in keys}
    return {
        "files": len(rows),
        "refused": len(rows) - len(ok),
        **sums,
        "precision": ratio(sums["matched"], sums["proposed"]),
        "recall": ratio(sums["matched"], sums["labelled"]),
        "counts_right": sum(r["count_right"] for r in ok),
        "label_accuracy": ratio(sums["labels_right"], sums["matched"]),
        "addressee_accuracy": ratio(sums["addressees_right"], sums["addressees_judged"]),
        "agency_accuracy": ratio(sums["agencies_right"], sums["agencies_judged"]),
        "finding_link_accuracy": ratio(sums["findings_right"], sums["findings_judged"]),
        # of the recommendations linked to no finding that should be: the first finding suggested by shared words
        "suggestion_accuracy": ratio(sums["suggested_right"], sums["suggested_judged"]),
        "action_precision": ratio(sums["actions_matched"], sums["actions_proposed"]),
        "action_recall": ratio(sums["actions_matched"], sums["actions_labelled"]),
    }


SETS = ("dev", "blind", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
SETS += ("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth")
SETS += ("nineteenth", "twentieth", "twentyfirst", "twentysecond", "twentythird", "twentyfourth", "twentyfifth")
SETS += ("twentysixth", "twentyseventh", "twentyeighth", "twentyninth")


def sources(chosen_set, chosen):
    folders = {
        "blind": [DATA / "recommendations"],
        "second": [DATA / "recommendations_second"],
        "third": [DATA / "recommendations_third"],
        "fourth": [DATA / "recommendations_fourth"],
        "fifth": [DATA / "recommendations_fifth"],
        "sixth": [DATA / "recommendations_sixth"],
        "seventh": [DATA / "recommendations_seventh"],
        "eighth": [DATA / "recommendations_eighth"],
        "ninth": [DATA / "recommendations_ninth"],
        "tenth": [DATA / "recommendations_tenth"],
        "eleventh": [DATA / "recommendations_eleventh"],
        "twelfth": [DATA / "recommendations_twelfth"],
        "thirteenth": [DATA / "recommendations_thirteenth"],
        "fourteenth": [DATA / "recommendations_fourteenth"],
        "fifteenth": [DATA / "recommendations_fifteenth"],
        "sixteenth": [DATA / "recommendations_sixteenth"],
        "seventeenth": [DATA / "recommendations_seventeenth"],
        "eighteenth": [DATA / "recommendations_eighteenth"],
        "nineteenth": [DATA / "recommendations_nineteenth"],
        "twentieth": [DATA / "recommendations_twentieth"],
        "twentyfirst": [DATA / "recommendations_twentyfirst"],
        "twentysecond": [DATA / "recommendations_twentysecond"],
        "twentythird": [DATA / "recommendations_twentythird"],
        "twentyfourth": [DATA / "recommendations_twentyfourth"],
        "twentyfifth": [DATA / "recommendations_twentyfifth"],
        "twentysixth": [DATA / "recommendations_twentysixth"],
        "twentyseventh": [DATA / "recommendations_twentyseventh"],
        "twentyeighth": [DATA / "recommendations_twentyeighth"],
        "twentyninth": [DATA / "recommendations_twentyninth"],
    }.get(chosen_set, [DATA / batch for batch in DEV_BATCHES])
    for folder in folders:
        for source in sorted((folder / "reports").glob("*.json")):
            if not source.name.endswith(".labels.json") and (not chosen or source.stem in chosen):
                yield source


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        choices=SETS,
        default="dev",
    )
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--reports", nargs="*", help="report ids (default: all)")
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong addressee")
    arguments = parser.parse_args()
    render = load_renderer()
    rows = []
    with tempfile.TemporaryDirectory(prefix="recommendations-") as folder:
        for source in sources(arguments.set, set(arguments.reports or [])):
            report = json.loads(source.read_text())
            labels = json.loads(source.with_name(f"{source.stem}.labels.json").read_text())
            for fmt in arguments.formats:
                path = render(report, fmt, Path(folder) / f"{source.stem}.{fmt}")
                row = {"report": source.stem, "format": fmt}
                try:
                    row.update(score(report, labels, extract(path, name=path.name)))
                except Exception as error:  # a refusal is a result here: say what it was
                    row["error"] = f"{type(error).__name__}: {error}"
                rows.append(row)
                if "error" in row:
                    print(f"{source.stem:42} {fmt:4} refused: {row['error']}")
                    continue
                print(
                    f"{source.stem:42} {fmt:4} matched {row['matched']}/{row['labelled']} of {row['proposed']} "
                    f"proposed  labels {row['labels_right']}  addressees {row['addressees_right']}/"
                    f"{row['addressees_judged']}  findings {row['findings_right']}/{row['findings_judged']}"
                )
                if arguments.verbose:
                    for what in ("missed", "extra", "wrong"):
                        for line in row[what]:
                            print(f"      {what}: {line}")
    by_format = {fmt: totals([r for r in rows if r["format"] == fmt]) for fmt in arguments.formats}
    print()
    for fmt, figures in by_format.items():
        print(f"{fmt:4} {figures}")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"recommendations_{arguments.set}.json"
    out.write_text(json.dumps({"reports": rows, "by_format": by_format, "all": totals(rows)}, indent=2) + "\n")


if __name__ == "__main__":
    main()
