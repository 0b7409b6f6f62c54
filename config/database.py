"""Database configuration: DATABASE_URL when set, otherwise an embedded PostgreSQL (pgserver)."""

from pathlib import Path

import dj_database_url

# Search counts and ranks tens of thousands of rows in memory: more than PostgreSQL's default 4 MB
# of working memory per sort or hash keeps that off disk. JIT compilation costs a search about
# 100 ms and gains nothing for its short, expression-heavy statements.
SESSION_OPTIONS = "-c work_mem=32MB -c jit=off"


def database_from_url(url, conn_max_age=60):
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    config.setdefault("OPTIONS", {})["options"] = SESSION_OPTIONS
    config["OPTIONS"].setdefault("connect_timeout", 5)  # an unreachable database is said so in seconds, not minutes
    if not config["ENGINE"].endswith("postgresql"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"DATABASE_URL must point at PostgreSQL, not {config['ENGINE']}.")
    return config


def embedded_database(data_dir: Path):
    """Start (or reuse) the embedded PostgreSQL server kept in data_dir.

    The server keeps running after this process exits (cleanup_mode=None), so every
    manage.py process, the test run and the worker share one server and its data.
    """
    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": "",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"options": SESSION_OPTIONS},
    }
