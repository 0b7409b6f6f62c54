"""gunicorn's settings in production: `gunicorn -c config/gunicorn.py config.wsgi` (README, Production notes).

Sync workers, as many as WEB_CONCURRENCY (3 by default, for 2 cores): a search is CPU work in Python and in
PostgreSQL on the same machine, so more workers or threads than that only queue requests inside the process
(bench/README.md, "Throughput", has the figures). Each worker holds one database connection.
"""

import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "sync"
timeout = 30  # a request never needs longer: uploads are checked cheaply, documents read by the worker
graceful_timeout = 30
max_requests = 5000  # recycle workers now and then, with jitter so they do not all restart together
max_requests_jitter = 500
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")  # the TLS proxy's address
limit_request_line = 8190
accesslog = "-"
errorlog = "-"
if os.environ.get("LOG_FORMAT") == "json":
    access_log_format = (
        '{"time": "%(t)s", "logger": "gunicorn.access", "client": "%({x-forwarded-for}i)s", "method": "%(m)s", '
        '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s, "agent": "%(a)s"}'
    )


def post_worker_init(worker):
    """Load the sentence-embedding model and the stored vectors before the worker takes its first request (a few
    seconds at 200,000 findings), rather than in someone's search."""
    from django.db import connection

    from search.semantic import warm_up

    warm_up()
    connection.close()  # opened outside any request: the first request opens its own
