"""Throughput and latency of search under load, through a real gunicorn.

Starts gunicorn on a free loopback port against DATABASE_URL, as production runs it (config/gunicorn.py
where the code has one; DEBUG=0, STATIC_MANIFEST=1 over a `collectstatic` into a temporary folder,
BEHIND_TLS_PROXY=1 with the proxy's headers on every request), with the worker class, workers and
threads given here and the per-address rate limits off (RATE_LIMIT_API=0, RATE_LIMIT_SEARCH=0: all the
load comes from one address). It sends bench/search.py's query mix (QUERIES, in turn) to the JSON API
(/api/v1/search?...) or to the HTML search page (/search/?...), and:

1. warms up (the mix once per worker thread), checks (--queries unique) that the varied queries find
   what the mix's own do, and sends one text query and one browse (no text) six times each, one after
   another, to show what the cache does;
2. finds the saturation throughput, closed loop: N clients each send a request as soon as their last
   one is answered (no think time), N stepped up (1, 2, 4, 8, 16, 32, 50) for --duration seconds each,
   until two steps in a row raise the best throughput by less than 5% (or a step has errors); the
   saturation throughput is the best step without errors;
3. sends an open-loop, fixed arrival rate at half that (or --open-rate) for --open-duration seconds:
   requests leave on a clock whatever the answers, and each latency is counted from the moment its
   request was due, so queueing shows;

and writes a JSON result (--output, default bench/results/load.json) with the machine, PostgreSQL's
settings, the code's commit, the gunicorn command, the corpus size, what is cached and the figures.

Search caches each page of results per worker process (see CACHE_NOTE below). `--queries unique` (the
default) adds a tail of stop words never used before to every text query ("domestic abuse of the"), so
that no request is a cache hit while each finds exactly what the mix's query does; `--queries repeat`
sends the mix as it is, so that after the warm-up every request is a hit: the two bound what real
traffic, with some repeats, gets.

Each step records the CPU used by the client, by gunicorn and by the PostgreSQL backends of this
database (also in ms per request), and by everything else on the machine: before each step the
benchmark waits (up to --wait-quiet seconds) for the machine to be idle, and a step that other work
still shared (more than 0.15 of a core) is marked "noisy" and run once more.

The client is asyncio over raw sockets in this process, one connection per request ("Connection:
close", as a proxy in front of gunicorn would send; sync workers close after every response anyway):
under 1 ms of CPU a request. `--target static` loads a small static file (whitenoise, no view) to show
how far the client and gunicorn's bare request handling go.

`--code HEAD` (or any commit) serves that commit's files, extracted with `git archive` into a temporary
folder, so that edits made in this checkout meanwhile change nothing; the default serves the checkout
as it is (the result lists its uncommitted files).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/casereviews_load_demo
    .venv/bin/python bench/load.py --worker-class sync --workers 3
    .venv/bin/python bench/load.py --worker-class gthread --workers 2 --threads 4 --target page \\
        --queries repeat --code HEAD --output bench/results/load-page.json

The gunicorn log (500s' tracebacks, worker timeouts) is kept in a temporary file named in the result.
"""

import argparse
import asyncio
import json
import os
import platform
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import QUERIES, free_port, percentile

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TICK = os.sysconf("SC_CLK_TCK")
TARGETS = {"api": "/api/v1/search", "page": "/search/", "static": "/static/casereviews.css"}
CLIENT_STEPS = [1, 2, 4, 8, 16, 32, 50]
GUNICORN_CONFIG = "config/gunicorn.py"
NOISE = 0.15  # cores used by other work during a step above which the step is marked noisy
TEXT_QUERY = {"q": "domestic abuse"}  # for the cache check: one query with text, one without
BROWSE_QUERY = {"nation": "northern-ireland"}


# --- the client ------------------------------------------------------------------------------------------


class Client:
    """HTTP/1.1 GETs over a fresh connection each, timed on the event loop's clock."""

    def __init__(self, port, timeout):
        self.port, self.timeout = port, timeout
        self.head = (
            f"Host: {HOST}:{port}\r\nUser-Agent: casereviews-bench-load\r\nAccept: */*\r\n"
            # As the TLS proxy in front of the service sends them (BEHIND_TLS_PROXY=1).
            "X-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n"
        ).encode()

    async def get(self, path):
        """(status, body bytes): status is an int, or 'timeout' / an exception's name."""
        try:
            return await asyncio.wait_for(self._get(path), self.timeout)
        except TimeoutError:
            return "timeout", b""
        except OSError as error:
            return type(error).__name__, b""

    async def _get(self, path):
        reader, writer = await asyncio.open_connection(HOST, self.port)
        try:
            writer.write(b"GET " + path.encode() + b" HTTP/1.1\r\n" + self.head)
            data = await reader.read()
        finally:
            writer.close()
        if not data.startswith(b"HTTP/1."):
            return "bad response", data
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head[9:12]), body


def path_of(target, params):
    query = urllib.parse.urlencode(params)
    return TARGETS[target] + (f"?{query}" if query and target != "static" else "")


# Stop words (PostgreSQL's english list) that no part of query reading gives a meaning to: a tail of them
# makes a query's text new without changing what it finds.
TAIL_WORDS = ["the", "of", "and", "to", "is", "it", "was", "be"]


def tail(n):
    """The n-th tail of stop words (n >= 0): 'the', 'of', ..., 'be', 'of the', ..."""
    words, n = [], n + 1
    while n:
        n, digit = divmod(n, len(TAIL_WORDS))
        words.append(TAIL_WORDS[digit])
    return " ".join(words)


class Mix:
    """The requests to send, in turn: bench/search.py's QUERIES. With unique=True every query with text gets
    a tail of stop words never used before, so that no two requests share a cache key (search caches a page
    of results by its parameters); queries without text (browsing) are sent as they are."""

    def __init__(self, target, unique):
        self.target, self.unique = target, unique
        self.sent = 0
        self.tails = iter(range(10**9))

    def params(self, params):
        if self.unique and params.get("q"):
            return {**params, "q": f"{params['q']} {tail(next(self.tails))}"}
        return params

    def next_path(self):
        params = QUERIES[self.sent % len(QUERIES)]
        self.sent += 1
        return path_of(self.target, self.params(params))


def summary(latencies, errors, seconds):
    """Throughput and latency percentiles of the answered-with-200 requests; errors by kind."""
    result = {
        "requests": len(latencies) + sum(errors.values()),
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "errors_by_kind": dict(sorted(errors.items(), key=str)),
        "throughput_rps": round(len(latencies) / seconds, 1),
    }
    if latencies:
        result.update(
            {f"p{p}_ms": round(1000 * percentile(latencies, p), 1) for p in (50, 95, 99)},
            max_ms=round(1000 * max(latencies), 1),
            mean_ms=round(1000 * sum(latencies) / len(latencies), 1),
        )
    return result


async def closed_loop(client, mix, clients, seconds):
    """N clients, no think time, for `seconds`: requests that finish inside the window count."""
    loop = asyncio.get_running_loop()
    latencies, errors = [], {}
    started = loop.time()
    end = started + seconds

    async def one_client():
        while loop.time() < end:
            path = mix.next_path()
            sent = loop.time()
            status, _ = await client.get(path)
            done = loop.time()
            if done > end:
                return
            if status == 200:
                latencies.append(done - sent)
            else:
                errors[status] = errors.get(status, 0) + 1

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return summary(latencies, errors, seconds)


async def open_loop(client, mix, rate, seconds, poisson=False):
    """Requests due on a clock at `rate` a second for `seconds`, whatever the answers; each latency runs from
    when the request was due, so time spent queueing (in the client or the server) counts."""
    loop = asyncio.get_running_loop()
    latencies, errors, lateness = [], {}, []
    in_flight = peak = 0
    rng = random.Random(1)

    async def one(path, due):
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        status, _ = await client.get(path)
        in_flight -= 1
        if status == 200:
            latencies.append(loop.time() - due)
        else:
            errors[status] = errors.get(status, 0) + 1

    tasks, due = [], loop.time() + 0.05
    end = due + seconds
    while due < end:
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        lateness.append(loop.time() - due)
        tasks.append(asyncio.create_task(one(mix.next_path(), due)))
        due += rng.expovariate(rate) if poisson else 1 / rate
    await asyncio.gather(*tasks)
    result = summary(latencies, errors, seconds)
    result.update(
        rate_rps=round(rate, 1),
        scheduled=len(tasks),
        arrivals="poisson" if poisson else "uniform",
        peak_in_flight=peak,
        client_lateness_p99_ms=round(1000 * percentile(lateness, 99), 1),
    )
    return result


# --- CPU accounting ----------------------------------------------------------------------------------------


def _proc_stat(pid):
    """(ppid, CPU seconds) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


class CpuMeter:
    """CPU seconds used by the client, by gunicorn (master and workers), by PostgreSQL backends connected to
    the benchmark's database, and by the whole machine.

    Processes are sampled every SAMPLE seconds from a thread: a backend that exits during a step (the app
    closes a connection after CONN_MAX_AGE, 60 s) still counts up to its last sample."""

    SAMPLE = 0.5

    def __init__(self, master_pid, database):
        self.master, self.database = master_pid, database
        self.seen = {"gunicorn": {}, "postgres": {}}  # latest CPU seconds of every process ever seen
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._sample_loop, daemon=True)
        self.thread.start()

    def _sample_loop(self):
        while not self.stopping.wait(self.SAMPLE):
            self.sample()

    def stop(self):
        self.stopping.set()

    def sample(self):
        gunicorn, postgres = {}, {}
        for pid in _pids():
            stat = _proc_stat(pid)
            if stat is None:
                continue
            if pid == self.master or stat[0] == self.master:
                gunicorn[pid] = stat[1]
                continue
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if cmdline.startswith(b"postgres: ") and f" {self.database} ".encode() in cmdline:
                postgres[pid] = stat[1]
        with self.lock:
            self.seen["gunicorn"].update(gunicorn)
            self.seen["postgres"].update(postgres)

    @staticmethod
    def _machine():
        """(busy, total) CPU seconds of the whole machine since boot."""
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]
        return (sum(fields[:8]) - idle) / TICK, sum(fields[:8]) / TICK

    def snapshot(self):
        self.sample()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with self.lock:
            seen = {name: dict(values) for name, values in self.seen.items()}
        return {
            "wall": time.monotonic(),
            "client": usage.ru_utime + usage.ru_stime,
            **seen,
            "machine": self._machine()[0],
        }

    @staticmethod
    def used(before, after, requests):
        """Cores used on average between two snapshots, and CPU ms per request."""

        def delta(name):  # per process: a process new since `before` counts from zero
            return sum(value - before[name].get(pid, 0.0) for pid, value in after[name].items())

        wall = after["wall"] - before["wall"]
        client, gunicorn, postgres = after["client"] - before["client"], delta("gunicorn"), delta("postgres")
        machine = after["machine"] - before["machine"]
        cores = {
            "client": client / wall,
            "gunicorn": gunicorn / wall,
            "postgres_backends": postgres / wall,
            "everything_else": max(0.0, machine - client - gunicorn - postgres) / wall,
            "machine": machine / wall,
        }
        result = {"cores_used": {k: round(v, 2) for k, v in cores.items()}}
        if requests:
            result["cpu_ms_per_request"] = {
                "client": round(1000 * client / requests, 2),
                "gunicorn": round(1000 * gunicorn / requests, 2),
                "postgres_backends": round(1000 * postgres / requests, 2),
            }
        return result

    async def wait_for_quiet(self, most_seconds, threshold=NOISE):
        """Wait (up to most_seconds) until the machine, less the server and its backends at rest, is using under
        `threshold` of a core over 2 s (another engineer's tests skew a step). Returns the seconds waited."""
        waited = 0.0
        while True:
            before = self.snapshot()
            await asyncio.sleep(2)
            after = self.snapshot()
            if self.used(before, after, 0)["cores_used"]["machine"] < threshold or waited >= most_seconds:
                return waited
            waited += 2


# --- the server --------------------------------------------------------------------------------------------


def server_env(static_root):
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-load-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        "STATIC_MANIFEST": "1",
        "STATIC_ROOT": str(static_root),
        "BEHIND_TLS_PROXY": "1",
        "PROXY_COUNT": "1",
        "RATE_LIMIT_API": "0",
        "RATE_LIMIT_SEARCH": "0",
        "LOG_LEVEL": "WARNING",
    }


def gunicorn_command(args, app_dir, port):
    """Production's settings file (config/gunicorn.py) where the code has one, with the worker settings
    and the address given here (the command line overrides the file)."""
    command = [str(ROOT / ".venv/bin/gunicorn")]
    if (app_dir / GUNICORN_CONFIG).exists():
        command += ["-c", GUNICORN_CONFIG]
    else:
        command += ["--timeout", "30"]
    command += ["config.wsgi", "--bind", f"{HOST}:{port}", "--worker-class", args.worker_class]
    return [*command, "--workers", str(args.workers), "--threads", str(args.threads)]


def start_server(command, app_dir, env, log):
    # Its own session: Ctrl-C reaches the benchmark only, which then stops the server itself.
    return subprocess.Popen(command, cwd=app_dir, env=env, stdout=log, stderr=log, start_new_session=True)


def git(*arguments, cwd=ROOT):
    """A read-only git command's output (--no-optional-locks: not even git status refreshes the index)."""
    return subprocess.run(
        ["git", "--no-optional-locks", *arguments], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


def code_under_test(code):
    """(folder the server runs from, what it holds). 'worktree': this checkout as it is, uncommitted edits and
    all; a commit (HEAD, a hash): that commit's files, extracted with `git archive` into a temporary folder
    (kept for the next run), so that edits made meanwhile do not change what is measured. The venv and the
    built GOV.UK Frontend (.build) are this checkout's either way."""
    if code == "worktree":
        changed = [line[3:] for line in git("status", "--porcelain").splitlines() if not line[3:].startswith("bench/")]
        return ROOT, {"code": "worktree", "commit": git("rev-parse", "HEAD").strip(), "uncommitted_app_files": changed}
    commit = git("rev-parse", "--verify", f"{code}^{{commit}}").strip()
    folder = Path(tempfile.gettempdir()) / f"casereviews-code-{commit[:12]}"
    if not (folder / "manage.py").exists():
        partial = folder.with_name(folder.name + ".partial")
        subprocess.run(["rm", "-rf", str(partial)], check=True)
        partial.mkdir()
        archive = subprocess.Popen(["git", "archive", "--format=tar", commit], cwd=ROOT, stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", str(partial)], stdin=archive.stdout, check=True)
        if archive.wait():
            raise RuntimeError(f"git archive {commit} failed")
        (partial / ".build").symlink_to(ROOT / ".build")
        partial.rename(folder)
    subject = git("log", "-1", "--format=%cI %s", commit).strip()
    return folder, {"code": "commit", "commit": commit, "subject": subject[:200], "folder": str(folder)}


def stop_server(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


async def wait_until_up(client, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode} before answering")
        status, body = await client.get("/api/v1/themes")
        if status == 200:
            return
        if isinstance(status, int):
            raise RuntimeError(f"gunicorn answered {status}: {body[:300]!r}")
        await asyncio.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer in {seconds} s")


# --- facts for the result ----------------------------------------------------------------------------------


def machine():
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(int(meminfo["MemTotal"].split()[0]) / 1024**2, 1),
        "loadavg_at_start": Path("/proc/loadavg").read_text().split()[:3],
        "python": platform.python_version(),
    }


def database_facts(url):
    """Corpus size and the PostgreSQL settings that matter, read with psql (the service as it is)."""

    def psql(sql):
        out = subprocess.run(["psql", url, "-AtXc", sql], capture_output=True, text=True, check=True).stdout
        return [line.split("|") for line in out.strip().splitlines()]

    (reviews, findings), *_ = psql(
        "SELECT (SELECT count(*) FROM reviews_review WHERE status = 'published'),"
        " (SELECT count(*) FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id"
        " WHERE r.status = 'published')"
    )
    names = (
        "server_version",
        "shared_buffers",
        "effective_cache_size",
        "work_mem",
        "random_page_cost",
        "max_connections",
        "jit",
    )
    settings = psql(
        "SELECT name, current_setting(name), source FROM pg_settings WHERE name IN ("
        + ",".join(f"'{n}'" for n in names)
        + ") ORDER BY name"
    )
    return (
        {"published_reviews": int(reviews), "published_findings": int(findings)},
        {name: f"{value} ({source})" for name, value, source in settings},
    )


CACHE_NOTE = (
    "Search caches a page of results (the count, the facet counts and the page's ids: search.engine._choose) "
    "in Django's default local-memory cache (no CACHES setting: each worker process has its own, not shared), "
    "keyed by the corpus version (search_corpus.version, moved on by any change to searchable data), who may "
    "see what, the query text and every parameter, for up to an hour. Before commit 0dddee2 (2026-12-03) only "
    "browsing (no query text) was cached that way. Every request still reads the corpus version, the rows "
    "shown (through the visibility rule), their snippets (ts_headline), the matching lessons and, for "
    "reviews, their top findings. With --queries unique no text query repeats, so only browsing is served "
    "from the cache; with --queries repeat every request after the warm-up is a hit in each worker."
)


def log_problems(path):
    """Counts of what went wrong in the gunicorn log, and the first traceback."""
    text = Path(path).read_text(errors="replace")
    first = re.search(r"Traceback \(most recent call last\):.*?\n(?=\S)[^\n]*", text, re.S)
    return {
        "tracebacks": text.count("Traceback (most recent call last)"),
        "worker_timeouts": text.count("WORKER TIMEOUT"),
        "internal_server_errors": len(re.findall(r"Internal Server Error", text)),
        "first_traceback": first.group(0)[-3000:] if first else None,
    }


# --- the run -----------------------------------------------------------------------------------------------


async def same_results(client, mix):
    """Through the API: does each text query of the mix find the same (count, first page) with a tail of stop
    words as without? Queries that do not are listed."""

    async def found(params):
        status, body = await client.get(path_of("api", params))
        if status != 200:
            return status
        answer = json.loads(body)
        return answer["count"], [item["id"] for item in answer["results"]]

    differ, checked = [], 0
    for params in QUERIES:
        if params.get("q"):
            checked += 1
            varied = mix.params(params)
            if await found(params) != await found(varied):
                differ.append(varied)
    return {"text_queries_checked": checked, "differ": differ}


async def run(args, port, server, meter):
    client = Client(port, args.timeout)
    mix = Mix(args.target, args.queries == "unique")
    await wait_until_up(client, server)
    result = {}

    # Warm up: the mix once per worker thread (each process has its own caches and connections).
    slots = args.workers * args.threads
    gate, statuses = asyncio.Semaphore(slots), {}

    async def warm(path):
        async with gate:
            status, _ = await client.get(path)
        statuses[status] = statuses.get(status, 0) + 1

    await asyncio.gather(*(warm(mix.next_path()) for _ in range(len(QUERIES) * slots)))
    result["warm_up_statuses"] = {str(k): v for k, v in statuses.items()}
    if mix.unique:
        result["tail_check"] = await same_results(client, mix)

    # Cache check: the same query six times, one after another.
    loop = asyncio.get_running_loop()
    repeats = {}
    for name, params in (("text_query", TEXT_QUERY), ("browse", BROWSE_QUERY)):
        times = []
        for _ in range(6):
            started = loop.time()
            status, _ = await client.get(path_of(args.target, params))
            times.append(round(1000 * (loop.time() - started), 1) if status == 200 else str(status))
        repeats[name] = {"params": params, "ms": times}
    result["repeat_check"] = repeats

    steps, best, stale, rising = [], None, 0, 0.0
    for clients in args.clients:
        for _attempt in range(2):  # a step that other work shared is run once more
            waited = await meter.wait_for_quiet(args.wait_quiet) if args.wait_quiet else 0
            before = meter.snapshot()
            step = await closed_loop(client, mix, clients, args.duration)
            step = {"clients": clients, **step, **CpuMeter.used(before, meter.snapshot(), step["requests"])}
            step["waited_for_quiet_s"] = waited
            step["noisy"] = step["cores_used"]["everything_else"] > NOISE
            steps.append(step)
            print(json.dumps(step), flush=True)
            if not step["noisy"] or step["errors"]:
                break
        clean = [s for s in steps if s["clients"] == clients and not s["errors"]]
        top = max(clean, key=lambda s: s["throughput_rps"], default=None)
        if top and (best is None or top["throughput_rps"] > best["throughput_rps"]):
            best = top
        # Still rising: more than 5% above the highest before it; two steps in a row that are not end the search.
        if top and top["throughput_rps"] > 1.05 * rising:
            rising, stale = top["throughput_rps"], 0
        else:
            stale += 1
        if step["errors"] or stale >= 2:
            break
    result["closed_loop"] = steps
    result["saturation"] = (
        {"throughput_rps": best["throughput_rps"], "clients": best["clients"], "errors": 0, "noisy": best["noisy"]}
        if best
        else None
    )
    result["saturation_any"] = max(
        ({"throughput_rps": s["throughput_rps"], "clients": s["clients"], "errors": s["errors"]} for s in steps),
        key=lambda s: s["throughput_rps"],
    )

    rate = args.open_rate or (best["throughput_rps"] / 2 if best else None)
    if rate:
        waited = await meter.wait_for_quiet(args.wait_quiet) if args.wait_quiet else 0
        before = meter.snapshot()
        step = await open_loop(client, mix, rate, args.open_duration, args.poisson)
        step.update(CpuMeter.used(before, meter.snapshot(), step["requests"]))
        step["waited_for_quiet_s"] = waited
        step["noisy"] = step["cores_used"]["everything_else"] > NOISE
        print(json.dumps(step), flush=True)
        result["open_loop"] = step
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread only; default 1)")
    parser.add_argument(
        "--target",
        choices=sorted(TARGETS),
        default="api",
        help="api: /api/v1/search; page: the HTML /search/ page; static: a small static file",
    )
    parser.add_argument(
        "--queries",
        choices=["unique", "repeat"],
        default="unique",
        help="unique (default): every text query made new with a tail of stop words, so search's cache of pages "
        "never answers; repeat: the mix as it is, so after the warm-up cached pages answer",
    )
    parser.add_argument(
        "--code",
        default="worktree",
        help="the code to serve: worktree (default, this checkout as it is) or a commit (HEAD, a hash), "
        "extracted with git archive so that edits made meanwhile change nothing",
    )
    parser.add_argument("--duration", type=float, default=20, help="seconds per closed-loop step (default 20)")
    parser.add_argument("--open-duration", type=float, default=30, help="seconds of the open-loop run (default 30)")
    parser.add_argument(
        "--clients",
        default=",".join(map(str, CLIENT_STEPS)),
        help="closed-loop client counts, in order (default %(default)s)",
    )
    parser.add_argument(
        "--open-rate", type=float, help="arrivals a second for the open loop (default: half saturation)"
    )
    parser.add_argument(
        "--poisson", action="store_true", help="open loop: random (Poisson) arrivals, not evenly spaced"
    )
    parser.add_argument("--timeout", type=float, default=30, help="seconds before a request counts as timed out")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=60,
        help="before each step, wait up to this many seconds for the machine to be idle (0: don't; default 60)",
    )
    parser.add_argument("--label", default="", help="a note kept in the result (e.g. 'repeat 2')")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = parser.parse_args()
    args.clients = [int(n) for n in args.clients.split(",")]
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("Set DATABASE_URL to the benchmark database (see the docstring).")
    if args.worker_class == "sync" and args.threads != 1:
        sys.exit("sync workers have one thread (gunicorn would switch to gthread): use --worker-class gthread.")
    database = urllib.parse.urlparse(url).path.lstrip("/")
    # Stop the server on the way out, on Ctrl-C or SIGTERM too (even when started in the background, where
    # a shell has SIGINT ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    corpus, pg_settings = database_facts(url)
    app_dir, code = code_under_test(args.code)
    static_root = Path(tempfile.gettempdir()) / f"casereviews-bench-static-{code['commit'][:12]}"
    env = server_env(static_root)
    started = time.monotonic()
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=app_dir,
        env=env,
        check=True,
    )
    collect_seconds = time.monotonic() - started

    port = free_port()
    command = gunicorn_command(args, app_dir, port)
    log_path = Path(tempfile.gettempdir()) / f"casereviews-load-gunicorn-{port}.log"
    with log_path.open("w") as log:
        server = start_server(command, app_dir, env, log)
        meter = CpuMeter(server.pid, database)
        try:
            figures = asyncio.run(run(args, port, server, meter))
        except KeyboardInterrupt:
            sys.exit("Interrupted: nothing written.")
        finally:
            meter.stop()
            stop_server(server)

    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "label": args.label,
        "machine": machine(),
        "database": {"name": database, "postgresql": pg_settings, "session": "work_mem=32MB, jit=off (the app's)"},
        "corpus": corpus,
        "code": code,
        "gunicorn": {
            "worker_class": args.worker_class,
            "workers": args.workers,
            "threads": args.threads,
            "command": " ".join(command[1:]),
            "settings": "DEBUG=0, STATIC_MANIFEST=1, BEHIND_TLS_PROXY=1, RATE_LIMIT_API=0, RATE_LIMIT_SEARCH=0, "
            "CONN_MAX_AGE=60 (default)",
        },
        "target": args.target,
        "target_path": TARGETS[args.target],
        "queries": len(QUERIES),
        "query_texts": "unique: a new tail of stop words on every text query (no cache hits)"
        if args.queries == "unique"
        else "repeat: the mix as it is, over and over (cached pages are hits)",
        "browse_queries_in_mix": sum(1 for q in QUERIES if not q.get("q")) if args.target != "static" else 0,
        "cached": CACHE_NOTE,
        "client": "asyncio, one connection per request (Connection: close), in this process",
        "duration_s": args.duration,
        "open_duration_s": args.open_duration,
        "collectstatic_s": round(collect_seconds, 1),
        **figures,
        "gunicorn_log": str(log_path),
        "gunicorn_log_problems": log_problems(log_path),
    }
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    brief = {k: result.get(k) for k in ("corpus", "gunicorn", "target", "saturation", "saturation_any")}
    brief["open_loop"] = {
        k: v
        for k, v in result.get("open_loop", {}).items()
        if k.endswith("ms") or "rate" in k or k.startswith("error") or k in ("ok", "throughput_rps")
    }
    print(json.dumps(brief, indent=2))
    print(f"written to {args.output}; gunicorn log {log_path}")


if __name__ == "__main__":
    main()
