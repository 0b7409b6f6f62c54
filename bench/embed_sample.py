"""Stored embeddings for the 20,000-review benchmark corpus, in the time a session has, and the embedding rate.

Embedding the whole corpus with the product (`manage.py embed_corpus`: 199,991 findings of 80 to 200 words and
20,000 reviews) takes hours on the 2-core machine (the rate this script measures, and bench/README.md, say how many).
For the search benchmark (bench/search.py), what matters is that every finding and review has a vector and that the
similarities of queries to them are spread as real ones are. So this script:

1. embeds a random sample of findings (`--findings`, default 3,000) for real, with the product's code, and times it
   (findings a second, word pieces a second);
2. gives every other finding the vector of a random finding of the sample (the similarity of a query to the corpus
   is then spread as it is to the sample, at the corpus's size), and every review the mean of its findings';
3. marks the copies' digests "bench-copy" (so `embed_corpus` would embed them for real) and empties the change log.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casereviews_bench .venv/bin/python bench/embed_sample.py

Use it on the benchmark database only: it writes vectors that are not the texts' own.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=3000, help="findings embedded for real (default 3,000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the benchmark database (see the docstring).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import numpy as np
    from django.db import connection, transaction
    from psycopg2.extras import execute_values

    from findings import vectors
    from findings.models import Finding
    from search import semantic
    from search.encoder import encoder
    from search.models import EmbeddingChange

    rng = random.Random(args.seed)
    ids = list(Finding.objects.order_by("pk").values_list("pk", "review_id"))
    sample = rng.sample(ids, min(args.findings, len(ids)))
    findings = {f.pk: f for f in Finding.objects.filter(pk__in=[pk for pk, _ in sample]).only("pk", "title", "text")}
    texts = {pk: semantic.finding_text(f) for pk, f in findings.items()}
    pieces = sum(
        min(len(e.ids), 128)
        for part in texts.values()
        for e in encoder._load()[1].encode_batch(semantic.parts_of(part))
    )
    started = time.perf_counter()
    embedded = {}
    keys = list(texts)
    for start in range(0, len(keys), 200):
        chunk = {pk: texts[pk] for pk in keys[start : start + 200]}
        embedded.update(semantic._embed_texts(chunk))
        done = start + len(chunk)
        rate = done / (time.perf_counter() - started)
        print(f"\rembedded {done}/{len(keys)} findings ({rate:.1f} a second)", end="", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(file=sys.stderr)

    pool = list(embedded.values())
    by_review = {}
    rows = []
    for pk, review_id in ids:
        if pk in embedded:
            vector, digest = embedded[pk], semantic._digest(texts[pk])
        else:
            vector, digest = pool[rng.randrange(len(pool))], "bench-copy"
        by_review.setdefault(review_id, []).append(vector)
        rows.append((pk, digest, vectors.to_bytes(vector)))
    reviews = [(pk, "bench-copy", vectors.to_bytes(semantic._mean(vs))) for pk, vs in by_review.items()]
    with transaction.atomic(), connection.cursor() as cursor:
        for table, key, data in (
            ("findings_findingembedding", "finding_id", rows),
            ("findings_reviewembedding", "review_id", reviews),
        ):
            for start in range(0, len(data), 5000):
                execute_values(
                    cursor.cursor,
                    f"INSERT INTO {table} ({key}, digest, vector, seq) VALUES %s ON CONFLICT ({key}) DO UPDATE "
                    "SET digest = EXCLUDED.digest, vector = EXCLUDED.vector, seq = EXCLUDED.seq",
                    data[start : start + 5000],
                    template="(%s, %s, %s, nextval('findings_embedding_seq'))",
                )
        EmbeddingChange.objects.all().delete()
    findings_rate = len(embedded) / seconds
    total_pieces = pieces / len(texts) * len(ids)
    print(
        f"{len(embedded)} findings embedded in {seconds:.0f} s: {findings_rate:.1f} findings a second, "
        f"{pieces / seconds:.0f} word pieces a second (a finding: {pieces / len(texts):.0f} word pieces).\n"
        f"The whole corpus ({len(ids)} findings, then {len(by_review)} reviews' summaries) would take about "
        f"{total_pieces / (pieces / seconds) / 3600:.1f} hours of this for its findings.\n"
        f"Stored {len(rows)} finding and {len(reviews)} review vectors "
        f"({np.dtype(np.float32).itemsize * 384 * len(rows) >> 20} MB of finding vectors)."
    )


if __name__ == "__main__":
    main()
