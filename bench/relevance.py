"""Search quality on the blind development set (bench/data/relevance/): the product's search() against a plain
BM25 baseline over the same records, at review level and at finding level.

The records were written, and the queries graded, by people who had not read the ranking code (the folder's
README says how). Two judges graded every record and every finding for every query (0, 1, 2); a document's gain
is the mean of their grades, and it counts as relevant when that mean is 1 or more. For each query and overall:
nDCG@10 (gains as above), recall@20 (relevant found in the top 20 / min(relevant, 20)) and whether the search
returned nothing. The agreement of the judges is given as quadratic-weighted kappa over every pair.

The queries are split: `dev` may be looked at while tuning; `holdout` was for the final figures of the sixth
session and has been looked at since; `holdout2` (queries_fresh.jsonl, written and graded later by others again)
is for the final figures now. Run:

    psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE casereviews_relevance"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casereviews_relevance .venv/bin/python bench/relevance.py \\
        [--set dev|holdout|holdout2|all] [--per-query]

It migrates the database, imports the records (published; a second run changes nothing) and writes
bench/results/relevance.json.
"""

import argparse
import json
import math
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "relevance"
RESULTS = ROOT / "bench" / "results" / "relevance.json"
LEVELS = ("reviews", "findings")
TOP = 20


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def judged(judgements):
    """query id -> level -> document id -> mean grade of the judges (documents no judge graded are 0)."""
    grades = defaultdict(lambda: {level: defaultdict(list) for level in LEVELS})
    for judge in judgements:
        for line in judge:
            for level in LEVELS:
                for document, grade in line[level].items():
                    grades[line["query"]][level][document].append(grade)
    count = len(judgements)
    return {
        query: {level: {doc: sum(g) / count for doc, g in levels[level].items()} for level in LEVELS}
        for query, levels in grades.items()
    }


def weighted_kappa(first, second, documents):
    """Quadratic-weighted kappa of two judges' grades (0-2) over the given (query, level, document) triples."""
    pairs = [(first.get(key, 0), second.get(key, 0)) for key in documents]
    n = len(pairs)
    if not n:
        return None
    observed = [[0] * 3 for _ in range(3)]
    for a, b in pairs:
        observed[a][b] += 1
    rows = [sum(observed[i]) for i in range(3)]
    cols = [sum(observed[i][j] for i in range(3)) for j in range(3)]
    weight = [[(i - j) ** 2 / 4 for j in range(3)] for i in range(3)]
    disagreement = sum(weight[i][j] * observed[i][j] for i in range(3) for j in range(3)) / n
    chance = sum(weight[i][j] * rows[i] * cols[j] for i in range(3) for j in range(3)) / (n * n)
    return 1 - disagreement / chance if chance else None


def ndcg(ranked, gains, k=10):
    dcg = sum(gains.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:k]))
    ideal = sorted(gains.values(), reverse=True)[:k]
    best = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(ideal))
    return dcg / best if best else None


def recall(ranked, gains, k=TOP):
    relevant = {doc for doc, gain in gains.items() if gain >= 1}
    if not relevant:
        return None
    return len(relevant & set(ranked[:k])) / min(len(relevant), k)


# The product's search -------------------------------------------------------------------------------------
def prepare_database(records_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    try:
        call_command("import_reviews", str(records_path), "--publish", verbosity=0)
    except SystemExit as stop:  # a line skipped: say so, and carry on with the rest
        print(f"import_reviews exited with {stop.code}: some records were skipped", file=sys.stderr)
    call_command("embed_corpus", verbosity=0)  # what the embeddings worker would have done


def product_search(query, level):
    from search.engine import search

    results = search(query, level=level, page_size=TOP).results
    if level == "reviews":
        return [review.external_id for review in results]
    return [f"{finding.review.external_id}:{finding.position}" for finding in results]


# The baseline: BM25 over the same text -------------------------------------------------------------------
class Baseline:
    """BM25 (bm25s, Lucene's variant) with English stop words and the Snowball stemmer: reviews as their title,
    summary, keywords and findings; findings as their title, text and recommendation."""

    def __init__(self, records):
        import bm25s
        import Stemmer

        self.stemmer = Stemmer.Stemmer("english")
        self.bm25s = bm25s
        self.ids, self.indexes = {}, {}
        documents = {"reviews": [], "findings": []}
        for record in records:
            findings = record.get("findings") or [{"title": "", "text": text} for text in record.get("learning", [])]
            parts = [record["title"], record.get("summary", ""), " ".join(record.get("keywords", []))]
            parts += [f"{f.get('title', '')} {f.get('text', '')} {f.get('recommendation', '')}" for f in findings]
            documents["reviews"].append((record["id"], " ".join(parts)))
            for position, finding in enumerate(findings, start=1):
                text = f"{finding.get('title', '')} {finding.get('text', '')} {finding.get('recommendation', '')}"
                documents["findings"].append((f"{record['id']}:{position}", text))
        for level, items in documents.items():
            self.ids[level] = [doc for doc, _ in items]
            index = bm25s.BM25()
            index.index(
                bm25s.tokenize([text for _, text in items], stopwords="en", stemmer=self.stemmer, show_progress=False),
                show_progress=False,
            )
            self.indexes[level] = index

    def search(self, query, level):
        tokens = self.bm25s.tokenize([query], stopwords="en", stemmer=self.stemmer, show_progress=False)
        if not tokens.vocab:
            return []
        k = min(TOP, len(self.ids[level]))
        found, scores = self.indexes[level].retrieve(tokens, k=k, show_progress=False)
        return [self.ids[level][i] for i, score in zip(found[0], scores[0], strict=True) if score > 0]


# Running ---------------------------------------------------------------------------------------------------
def evaluate(queries, gains, engines):
    rows = []
    for query in queries:
        row = {"id": query["id"], "query": query["query"], "set": query["set"]}
        for name, run in engines.items():
            for level in LEVELS:
                ranked = run(query["query"], level)
                wanted = gains.get(query["id"], {}).get(level, {})
                row[f"{name}:{level}"] = {
                    "ndcg10": ndcg(ranked, wanted),
                    "recall20": recall(ranked, wanted),
                    "empty": not ranked,
                    "top": ranked[:5],
                }
        rows.append(row)
    return rows


def summary(rows, engines):
    out = {}
    for name in engines:
        for level in LEVELS:
            cells = [row[f"{name}:{level}"] for row in rows]
            values = {metric: [c[metric] for c in cells if c[metric] is not None] for metric in ("ndcg10", "recall20")}
            out[f"{name}:{level}"] = {
                "ndcg10": round(statistics.mean(values["ndcg10"]), 3) if values["ndcg10"] else None,
                "recall20": round(statistics.mean(values["recall20"]), 3) if values["recall20"] else None,
                "empty": sum(c["empty"] for c in cells),
                "queries": len(cells),
            }
    return out


def agreement(judgements, records, queries):
    """Quadratic-weighted kappa of the two judges, per level, over every (query, document) pair of the queries."""
    if len(judgements) != 2:
        return None
    documents = {
        "reviews": [r["id"] for r in records],
        "findings": [
            f"{r['id']}:{p}" for r in records for p in range(1, len(r.get("findings") or r.get("learning", [])) + 1)
        ],
    }
    result = {}
    for level in LEVELS:
        first, second = ({}, {})
        for grades, judge in ((first, judgements[0]), (second, judgements[1])):
            for line in judge:
                for doc, grade in line[level].items():
                    grades[(line["query"], doc)] = grade
        keys = [(q, d) for q in queries for d in documents[level]]
        kappa = weighted_kappa(first, second, keys)
        result[level] = round(kappa, 3) if kappa is not None else None
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["dev", "holdout", "holdout2", "all"], default="dev")
    parser.add_argument("--per-query", action="store_true", help="print every query's figures")
    arguments = parser.parse_args()

    records = read_jsonl(DATA / "records.jsonl")
    every_query = [q for path in sorted(DATA.glob("queries*.jsonl")) for q in read_jsonl(path)]
    queries = [q for q in every_query if arguments.set in ("all", q["set"])]
    judgement_files = sorted(DATA.glob("judgements_*.jsonl"))
    if not judgement_files:
        sys.exit(f"No judgements in {DATA} (judgements_a.jsonl, judgements_b.jsonl).")
    judgements = [read_jsonl(path) for path in judgement_files]
    gains = judged(judgements)

    prepare_database(DATA / "records.jsonl")
    engines = {"product": product_search, "bm25": Baseline(records).search}
    rows = evaluate(queries, gains, engines)
    totals = summary(rows, engines)
    kappa = agreement(judgements, records, [q["id"] for q in queries])

    if arguments.per_query:
        for row in rows:
            cells = "  ".join(
                f"{key}: nDCG {row[key]['ndcg10'] if row[key]['ndcg10'] is None else round(row[key]['ndcg10'], 2)}"
                for key in row
                if ":" in key
            )
            print(f"{row['id']} {row['query'][:50]!r:54} {cells}")
    print(
        f"Set: {arguments.set}, {len(queries)} queries; judges: {len(judgements)}; agreement (weighted kappa): {kappa}"
    )
    for key, figures in totals.items():
        print(f"  {key:18} nDCG@10 {figures['ndcg10']}  recall@20 {figures['recall20']}  empty {figures['empty']}")
    RESULTS.parent.mkdir(exist_ok=True)
    existing = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    existing[arguments.set] = {"summary": totals, "agreement": kappa, "queries": rows}
    RESULTS.write_text(json.dumps(existing, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
