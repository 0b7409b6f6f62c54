"""Import speed: `import_reviews --publish` of a catalogue of real-shaped records into a fresh database.

Makes the catalogue with bench/data/make_catalogue.py (records shaped like a national catalogue's entries:
a summary of about 80 words, four learning points, three keywords; written without reading the importer),
creates an empty database on the PostgreSQL server of --server, migrates it, then times the import through
the real command in a subprocess, and checks the result (every review published, searchable, the word list
equal to a full recount). Results are written to bench/results/import.json.

    .venv/bin/python bench/import.py [--records 10000] [--server postgres://postgres@127.0.0.1:5432]
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "casereviews_import_bench"


def run(*args, env, capture=False):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, capture_output=capture)


def psql(server, sql, database="postgres"):
    return subprocess.run(
        ["psql", f"{server}/{database}", "-qtAc", sql], check=True, text=True, capture_output=True
    ).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--label", default="", help="a note on the server's settings, kept with the result")
    args = parser.parse_args()

    catalogue = Path("/tmp") / f"catalogue-{args.records}.jsonl"
    run(PYTHON, "bench/data/make_catalogue.py", str(catalogue), "--records", str(args.records), env=os.environ)

    psql(args.server, f'DROP DATABASE IF EXISTS "{DATABASE}"')
    psql(args.server, f'CREATE DATABASE "{DATABASE}"')
    env = {**os.environ, "DATABASE_URL": f"{args.server}/{DATABASE}", "DEBUG": "1", "SECRET_KEY": "bench-only"}
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v", "0", env=env, capture=True)

    started = time.monotonic()
    out = run(PYTHON, "manage.py", "import_reviews", str(catalogue), "--publish", "-v", "0", env=env, capture=True)
    seconds = time.monotonic() - started

    published = int(psql(args.server, "SELECT count(*) FROM reviews_review WHERE status = 'published'", DATABASE))
    entries = int(psql(args.server, "SELECT count(*) FROM findings_findingentry WHERE status = 'published'", DATABASE))
    drift = psql(
        args.server,
        "SELECT count(*) FROM (SELECT word, ndoc FROM findings_searchterm EXCEPT "
        "SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', f.title || ' ' || f.text || ' ' || "
        "search_finding_recommendations(f.id)) FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id "
        "WHERE r.status = 'published' UNION ALL SELECT to_tsvector('simple', r.title || ' ' || r.summary || ' ' || "
        "array_to_string(r.keywords, ' ')) FROM reviews_review r WHERE r.status = 'published'$$) "
        "WHERE length(word) BETWEEN 2 AND 100 AND word ~ '^[[:alpha:]][[:alpha:]''-]*$') d",
        DATABASE,
    )
    settings = {
        name: psql(args.server, f"SHOW {name}")
        for name in ("shared_buffers", "effective_cache_size", "random_page_cost", "synchronous_commit")
    }
    result = {
        "records": args.records,
        "seconds": round(seconds, 1),
        "records_per_second": round(args.records / seconds, 1),
        "published_reviews": published,
        "published_finding_entries": entries,
        "word_list_rows_differing_from_a_recount": int(drift),
        "command_output": out.stdout.strip(),
        "postgresql": {"version": psql(args.server, "SHOW server_version"), **settings, "label": args.label},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "at": time.strftime("%Y-%m-%d %H:%M"),
    }
    print(json.dumps(result, indent=2))
    results = ROOT / "bench" / "results" / "import.json"
    previous = json.loads(results.read_text()) if results.exists() else []
    results.write_text(json.dumps([*previous, result], indent=2) + "\n")
    psql(args.server, f'DROP DATABASE IF EXISTS "{DATABASE}"')


if __name__ == "__main__":
    main()
