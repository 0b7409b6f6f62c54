"""Search latency and throughput through a real server.

Starts gunicorn on a free local port against DATABASE_URL (fill it first with
`manage.py generate_corpus --reviews 20000`), runs a fixed mix of queries with and without
filters against /api/v1/search (facet counts included in every response), and prints p50 / p95
latency and throughput, and the workers' resident memory. Results are written to bench/results/search.json
(search_lexical.json with --lexical-only). Pages of results are not cached for it (SEARCH_CACHE_SECONDS=0).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casereviews_bench .venv/bin/python bench/search.py
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    {"q": "bruises on a baby who could not yet crawl"},
    {"q": "how schools shared worries with the police"},
    {"q": "mother's new partner was never assessed by the social worker"},
    {"q": "domestic abuse"},
    {"q": "DV"},
    {"q": "neglect", "nation": "wales"},
    {"q": "neglet"},
    {"q": "co-sleeping alcohol"},
    {"q": '"safe sleep" advice'},
    {"q": "county lines OR exploitation"},
    {"q": "exploitation -county"},
    {"q": "information sharing between agencies", "theme": "information-sharing"},
    {"q": "was not brought to appointments", "year_from": "2015", "year_to": "2020"},
    {"q": "supervision", "review_type": "scr"},
    {"q": "health visitor", "age_band": "under-1"},
    {"q": "escalation", "nation": "england", "region": "london"},
    {"q": "voice of the child", "level": "reviews"},
    {"q": "start again syndrome", "level": "reviews", "nation": "scotland"},
    {"q": "non-accidental injury skeletal survey"},
    {"q": "CAMHS referral declined", "outcome": "death"},
    {"q": "home education", "theme": "missing-education"},
    {"q": "disguised compliance", "sort": "newest"},
    {"q": "strategy discussion not held", "agency": "police"},
    {"q": "MASH threshold", "facet": "practice"},
    {"q": "fathers", "theme": "unseen-men", "theme_match": "all"},
    {"q": "suicide self-harm teenager", "level": "reviews"},
    {"q": "perplexing presentation FII"},
    {},
    {"nation": "northern-ireland"},
    {"theme": "domestic-abuse", "nation": "england", "year_from": "2019"},
    {"level": "reviews", "review_type": "lcspr"},
    {"q": "parental mental health", "page": "3"},
]
# The recommendations level (--level recommendations): the same kinds of query, and its own filters.
RECOMMENDATION_QUERIES = [
    {"q": "bruises on a baby who could not yet crawl"},
    {"q": "domestic abuse"},
    {"q": "supervision of social workers"},
    {"q": "information sharing between agencies", "theme": "information-sharing"},
    {"q": "escalation", "kind": "multi-agency"},
    {"q": "health visitor", "addressee": "agencies", "agency": "health-visiting"},
    {"q": "guidance", "addressee": "national"},
    {"q": "neglect", "nation": "wales", "year_from": "2015"},
    {"q": "neglet"},
    {"q": '"safe sleep" advice'},
    {"q": "training -police"},
    {},
    {"kind": "single-agency"},
    {"theme": "domestic-abuse", "nation": "england", "year_from": "2019"},
    {"q": "was not brought", "page": "3"},
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base, params):
    url = f"{base}/api/v1/search?{urllib.parse.urlencode(params)}"
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
        status = response.status
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"{url}: {status}")
    return elapsed, json.loads(body)["count"]


def worker_memory(parent):
    """Resident memory (MB) of each gunicorn worker (the server's children), read from /proc."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(parent) and "VmRSS" in fields:
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024))
    return sorted(sizes)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="times the whole mix is run (default 5)")
    parser.add_argument("--concurrency", type=int, default=2, help="parallel clients for the throughput run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--lexical-only", action="store_true", help="full-text search alone (SEMANTIC_SEARCH=0): no query is embedded"
    )
    parser.add_argument(
        "--level",
        choices=["mixed", "recommendations"],
        default="mixed",
        help="mixed: findings and reviews (default); recommendations: the recommendations level's mix, written to "
        "search_recommendations.json",
    )
    args = parser.parse_args()
    queries = QUERIES
    if args.level == "recommendations":
        queries = [{**params, "level": "recommendations"} for params in RECOMMENDATION_QUERIES]
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the benchmark database (see the docstring).")

    port = free_port()
    env = {
        **os.environ,
        "SECRET_KEY": "bench",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "WARNING",
        "SEARCH_CACHE_SECONDS": "0",  # every request searches (a page of results is otherwise kept)
        "RATE_LIMIT_API": "0",  # all the load comes from one address
        "SEMANTIC_SEARCH": "0" if args.lexical_only else "1",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
         str(args.workers), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz/web", timeout=5).read()  # (the themes API is slow at 20k)
                break
            except OSError:
                time.sleep(0.2)
        for params in queries:  # warm up: caches, connections
            fetch(base, params)

        latencies, per_query = [], {}
        for _ in range(args.rounds):
            for params in queries:
                elapsed, count = fetch(base, params)
                latencies.append(elapsed)
                per_query.setdefault(json.dumps(params), []).append((elapsed, count))

        started = time.perf_counter()
        jobs = [params for _ in range(args.rounds) for params in queries]
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(lambda p: fetch(base, p), jobs))
        throughput = len(jobs) / (time.perf_counter() - started)
        resident = worker_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    slowest = sorted(
        ((statistics.median(t for t, _ in runs), query, runs[0][1]) for query, runs in per_query.items()),
        reverse=True,
    )
    result = {
        "queries": len(queries),
        "level": args.level,
        "requests": len(latencies),
        "p50_ms": round(1000 * percentile(latencies, 50), 1),
        "p95_ms": round(1000 * percentile(latencies, 95), 1),
        "max_ms": round(1000 * max(latencies), 1),
        "throughput_rps": round(throughput, 1),
        "concurrency": args.concurrency,
        "semantic": not args.lexical_only,
        "worker_rss_mb": resident,
        "slowest": [{"median_ms": round(1000 * t, 1), "params": json.loads(q), "count": c} for t, q, c in slowest[:5]],
    }
    name = "search_recommendations" if args.level == "recommendations" else "search"
    out = ROOT / "bench" / "results" / f"{name}{'_lexical' if args.lexical_only else ''}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
