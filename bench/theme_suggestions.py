"""Quality of the theme suggestions on the demo reviews (reviews/demo/*.jsonl), which curators tagged.

Per finding: the suggestions for its title and text against its curated themes. Per review: the
suggestions for the whole record (its curated themes taken out) against the union of its findings'
themes, in four shapes: the record as it is; its findings given as "learning" strings with no
full text; its summary, keywords and full text without findings; its summary and keywords alone. Prints micro-averaged
precision, recall and F1 at a few thresholds and limits.

Rules alone by default; the themes come from findings/data/themes.json, so no database is needed:

    .venv/bin/python bench/theme_suggestions.py

`--classifier` adds the classifier, trained in 5 folds grouped by review (each review's findings
are scored by a classifier that never saw that review). The folds train on about 175 findings,
below the 200 the app waits for, so the figures are a floor.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.suggestions import (  # noqa: E402
    FINDING_THRESHOLD,
    RECORD_LIMIT,
    RECORD_THRESHOLD,
    Part,
    Suggester,
    ThemeClassifier,
    ThemeInfo,
    record_parts,
    suggest_agencies,
)

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def load_themes():
    data = json.loads((ROOT / "findings" / "data" / "themes.json").read_text(encoding="utf-8"))
    return [ThemeInfo(t["slug"], t["name"], t["facet"], t["keywords"]) for t in data["themes"]]


def load_reviews():
    reviews = []
    for path in sorted((ROOT / "ingest" / "demo").glob("*.jsonl")):
        reviews += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return reviews


def record_shapes(review):
    """The record in four shapes, curated themes taken out."""
    findings = [{"title": f["title"], "text": f["text"], "recommendation": f.get("recommendation", "")}
                for f in review["findings"]]  # fmt: skip
    base = {k: review.get(k) for k in ("id", "title", "summary", "keywords")}
    return {
        "record": {**base, "full_text": review.get("full_text", ""), "findings": findings},
        "learning": {**base, "learning": [f"{f['title']}: {f['text']}" for f in findings]},
        "no findings": {**base, "full_text": review.get("full_text", "")},
        "summary": base,
    }


def micro(rows, threshold, limit):
    """(precision, recall, F1) over rows of (ranked suggestions, gold set)."""
    tp = fp = fn = 0
    for ranked, gold in rows:
        chosen = {s.slug for s in [s for s in ranked if s.score >= threshold][:limit]}
        tp += len(chosen & gold)
        fp += len(chosen - gold)
        fn += len(gold - chosen)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(title, rows, limits, marked):
    print(f"\n{title} ({len(rows)}; {sum(len(g) for _, g in rows) / len(rows):.1f} curated themes each)")
    print("  threshold  " + "  ".join(f"limit {n:>2}: P     R     F1   " for n in limits))
    for threshold in THRESHOLDS:
        cells = []
        for limit in limits:
            p, r, f = micro(rows, threshold, limit)
            cells.append(f"         {p:.3f} {r:.3f} {f:.3f}{' *' if (threshold, limit) == marked else '  '}")
        print(f"  {threshold:.1f}     " + "".join(cells))


def blind_findings():
    """The findings of the search issue's blind records (bench/data/relevance/records.jsonl), labelled with their
    themes by the helper that wrote them: never used for training."""
    path = ROOT / "bench" / "data" / "relevance" / "records.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [f for record in records for f in record["findings"]]


def fresh_findings(folder="theme_labels_second"):
    """A later blind set: findings labelled with themes by a curator-helper that saw neither the code nor the training
    sets (bench/data/theme_labels_second/findings.jsonl, written and labelled by one helper; theme_labels_third/ and
    theme_labels_fourth/, each written by one helper and labelled by another)."""
    path = ROOT / "bench" / "data" / folder / "findings.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_findings():
    """The project's own training set (ingest/data/training_findings*.jsonl), as the training task reads it."""
    paths = sorted((ROOT / "ingest" / "data").glob("training_findings*.jsonl"))
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    return [json.loads(line) for line in lines if line.strip()]


def blind_report_findings():
    """The findings of the blind full reports (bench/data/anonymisation_*/reports), their text cut from the report
    source between headings, labelled with themes by a curator who never saw the software
    (bench/data/theme_labels/reports.jsonl)."""
    labels = ROOT / "bench" / "data" / "theme_labels" / "reports.jsonl"
    out = []
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        folder = "anonymisation_blind" if row["set"] == "blind" else "anonymisation_fresh"
        source = json.loads((ROOT / "bench" / "data" / folder / "reports" / f"{row['report']}.json").read_text())
        blocks = source["blocks"]
        start = row["heading_block"]
        level = blocks[start].get("level", 9) if blocks[start]["type"] == "heading" else 9
        texts = []
        for block in blocks[start + 1 :]:
            if block["type"] == "heading" and block.get("level", 9) <= level:
                break
            if any(r["report"] == row["report"] and r["heading_block"] == blocks.index(block) for r in rows):
                break
            texts += [block.get("text") or "", *block.get("items", []), *(" ".join(c) for c in block.get("rows", []))]
        out.append({"title": row["title"], "text": "\n\n".join(t for t in texts if t), "themes": row["themes"],
                    "agencies": row["agencies"]})  # fmt: skip
    return out


def folds(reviews, k=5):
    return [reviews[i::k] for i in range(k)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classifier", action="store_true", help="add the classifier, trained in folds by review")
    parser.add_argument(
        "--blind",
        action="store_true",
        help="score the findings of the blind relevance records and of the blind full reports instead: rules alone, "
        "then with the classifier trained as the training task trains it, on the demo findings and the seed set "
        "(never on a blind set)",
    )
    parser.add_argument(
        "--agencies",
        action="store_true",
        help="score the agencies each finding names (ingest.suggestions.suggest_agencies) against the labelled "
        "agencies of the blind records' and reports' findings",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="as --blind, on the second blind set of findings (bench/data/theme_labels_second/, written and labelled "
        "by a curator-helper that saw neither the code nor the training data): held back, scored once",
    )
    parser.add_argument(
        "--third",
        action="store_true",
        help="as --blind, on the third blind set (bench/data/theme_labels_third/: texts by one helper, themes by "
        "another, neither seeing the code or the training data): held back, scored once",
    )
    parser.add_argument(
        "--fourth",
        action="store_true",
        help="as --third, on the fourth blind set (bench/data/theme_labels_fourth/, nations and themes in roughly the "
        "proportions of real repositories): held back, scored once",
    )
    parser.add_argument(
        "--seed-dev",
        action="store_true",
        help="for tuning: train on the demo findings and four fifths of the seed set, score the other fifth",
    )
    args = parser.parse_args()
    if args.agencies:
        for set_name, findings in (
            ("blind records' findings", blind_findings()),
            ("blind reports' findings", blind_report_findings()),
            ("the training set (own data)", seed_findings()),
        ):
            rows = [({m.agency for m in suggest_agencies(f["text"], title=f["title"])}, set(f["agencies"]))
                    for f in findings]  # fmt: skip
            tp = sum(len(found & gold) for found, gold in rows)
            fp = sum(len(found - gold) for found, gold in rows)
            fn = sum(len(gold - found) for found, gold in rows)
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            print(f"agencies named, {set_name} ({len(rows)}): P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        return
    themes = load_themes()
    reviews = load_reviews()
    rules = Suggester(themes)
    if args.blind or args.seed_dev or args.fresh or args.third or args.fourth:
        seed = seed_findings()
        held = seed[::5] if args.seed_dev else []
        training = [f for r in reviews for f in r["findings"]] + [f for f in seed if f not in held]
        classifier = ThemeClassifier.train(
            [f"{f['title']}\n{f['text']}" for f in training],
            [set(f["themes"]) for f in training],
            [r["id"] for r in reviews for _ in r["findings"]] + [f["id"] for f in seed if f not in held],
            rated=sum(len(r["findings"]) for r in reviews),
            min_documents=100,
        )
        sets = {"seed held out (development)": held} if args.seed_dev else {
            "blind records' findings": blind_findings(), "blind reports' findings": blind_report_findings()
        }  # fmt: skip
        if args.fresh:
            sets = {"second blind findings": fresh_findings()}
        if args.third:
            sets = {"third blind findings": fresh_findings("theme_labels_third")}
        if args.fourth:
            sets = {"fourth blind findings": fresh_findings("theme_labels_fourth")}
        learned = Suggester(themes, classifier)
        for set_name, findings in sets.items():
            for name, suggester in (("rules alone", rules), ("rules and the classifier", learned)):
                rows = [(suggester.rank([Part(f["text"], f["title"])]), set(f["themes"])) for f in findings]
                report(f"{set_name}, {name}", rows, (2, 3, 5), (FINDING_THRESHOLD, 3))
        return

    def suggester_for(review):
        return rules

    if args.classifier:
        by_review = {}
        for fold in folds(reviews):
            held = {r["id"] for r in fold}
            training = [f for r in reviews if r["id"] not in held for f in r["findings"]]
            classifier = ThemeClassifier.train(
                [f"{f['title']}\n{f['text']}" for f in training],
                [set(f["themes"]) for f in training],
                [r["id"] for r in reviews if r["id"] not in held for _ in r["findings"]],
                min_documents=100,
            )
            suggester = Suggester(themes, classifier)
            by_review.update(dict.fromkeys(held, suggester))

        def suggester_for(review):
            return by_review[review["id"]]

    findings = []
    shapes = {name: [] for name in record_shapes(reviews[0])}
    for review in reviews:
        suggester = suggester_for(review)
        for f in review["findings"]:
            findings.append((suggester.rank([Part(f["text"], f["title"])]), set(f["themes"])))
        gold = {t for f in review["findings"] for t in f["themes"]}
        for name, record in record_shapes(review).items():
            parts, texts = record_parts(record)
            shapes[name].append((suggester.rank(parts, texts, record=True), gold))
    print("Rules and classifier (5 folds by review)" if args.classifier else "Rules alone")
    report("Per finding", findings, (2, 3, 5), (FINDING_THRESHOLD, 3))
    for name, rows in shapes.items():
        report(f"Per review: {name}", rows, (5, 8, 10), (RECORD_THRESHOLD, RECORD_LIMIT))
    print("\n* the defaults: findings/suggestions.py FINDING_THRESHOLD (limit 3 shown), RECORD_THRESHOLD, RECORD_LIMIT")


if __name__ == "__main__":
    main()
