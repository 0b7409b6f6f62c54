"""Running on more than one machine: two web processes (gunicorn) and two document workers on one database,
with uploaded documents in an S3-compatible bucket (moto's server, started here). Every document is processed
exactly once, its file is in the bucket and nowhere on disk, each web process's cache follows the other's
changes, and /healthz sees the workers.

The processes get a database of their own, copied from the test database (which holds the migrated schema and
the seeded themes and agencies), so that what they commit never reaches the other tests."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import psycopg2
import pytest
import requests
from django.db import connections
from moto.server import ThreadedMotoServer

from tests.documents import make_pdf

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "casereviews-documents"
PASSWORD = "a long test password"
DOCUMENTS = 6
WAIT = 180  # seconds for every document to be processed: a few each, on two workers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def admin_connection(database):
    settings_dict = connections["default"].settings_dict
    connection = psycopg2.connect(
        dbname=database,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        host=settings_dict["HOST"],
        port=settings_dict["PORT"] or None,
    )
    connection.autocommit = True
    return connection


@pytest.fixture(scope="module")
def own_database(django_db_setup, django_db_blocker):
    """A copy of the test database for the processes, dropped afterwards; yields its DATABASE_URL."""
    source = connections["default"].settings_dict["NAME"]
    name = f"{source}_machines_{os.getpid()}"
    with django_db_blocker.unblock():
        connections.close_all()  # a database can be copied only while nobody is connected to it
        server = admin_connection("postgres")
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        d = connections["default"].settings_dict
        host = d["HOST"] if d["HOST"] and not d["HOST"].startswith("/") else "127.0.0.1"
        try:
            yield name, f"postgres://{d['USER']}:{d['PASSWORD']}@{host}:{d['PORT'] or 5432}/{name}"
        finally:
            with server.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.close()


@pytest.fixture(scope="module")
def bucket():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{server._port}"
    s3 = boto3.client(
        "s3", endpoint_url=endpoint, region_name="eu-west-2", aws_access_key_id="test", aws_secret_access_key="test"
    )
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    try:
        yield s3, endpoint
    finally:
        server.stop()


@pytest.fixture(scope="module")
def machines(own_database, bucket, tmp_path_factory):
    """Two web processes and two workers; yields (base URLs, environment, database name)."""
    name, url = own_database
    media = tmp_path_factory.mktemp("media")
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a secret for the processes of this test only",
        "DATABASE_URL": url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "0",
        "SECURE_COOKIES": "0",  # plain HTTP on the loopback, no TLS proxy in front
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(media),
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": bucket[1],
        "S3_REGION": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "RATE_LIMIT_SEARCH": "0",
        "RATE_LIMIT_API": "0",
        "WORKER_HEARTBEAT_SECONDS": "1",
        "PYTHONUNBUFFERED": "1",
    }
    python = sys.executable
    logs = tmp_path_factory.mktemp("logs")
    ports = [free_port(), free_port()]
    started = []
    for number, port in enumerate(ports):
        command = [python, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        started.append(_start(command, environment, logs / f"web{number}.log"))
    for number in range(2):
        command = [python, "manage.py", "process_worker", "--no-reload", "--queue-name", "*", "--interval", "0.2"]
        started.append(_start(command, environment, logs / f"worker{number}.log"))
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for base in bases:
            _wait_for(lambda base=base: requests.get(f"{base}/", timeout=2).status_code == 200, 60, started, logs)
        yield bases, environment, name, media
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _start(command, environment, log):
    return subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT)


def _wait_for(ready, seconds, processes, logs):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if ready():
                return
        except requests.RequestException:
            pass
        if any(process.poll() is not None for process in processes):
            break
        time.sleep(0.3)
    printed = "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in sorted(logs.iterdir()))
    pytest.fail(f"Not ready in {seconds} s:\n{printed}")


def manage(environment, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def signed_in(base, username):
    session = requests.Session()
    form = session.get(f"{base}/account/sign-in/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    answer = session.post(
        f"{base}/account/sign-in/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/account/sign-in/"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[:2000]
    return session


def upload(session, base, path, partnership, title):
    form = session.get(f"{base}/reviews/new/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "title": title,
        "partnership": str(partnership),
        "nation": "england",
        "review_type": "lcspr",
        "publication_year": "2023",
        "outcome": "serious-harm",
        "reviewer": "Jane Reviewer",
        "pseudonyms_text": "Child J",
    }
    with path.open("rb") as document:
        answer = session.post(
            f"{base}/reviews/new/",
            data=fields,
            files={"document": (path.name, document, "application/pdf")},
            headers={"Referer": f"{base}/reviews/new/"},
            allow_redirects=False,
            timeout=60,
        )
    assert answer.status_code == 302, answer.text[:3000]


def query(database, sql, *parameters):
    connection = admin_connection(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall()
    finally:
        connection.close()


def search_count(base, words):
    return requests.get(f"{base}/api/v1/search", params={"q": words}, timeout=30).json()["count"]


@pytest.mark.django_db  # so that the test database exists to be copied
def test_two_web_processes_and_two_workers_share_the_work_the_files_and_what_is_cached(machines, bucket, tmp_path):
    bases, environment, database, media = machines
    partnership = int(
        manage(
            environment,
            "shell",
            "-c",
            "from agencies.models import Partnership; "
            "p = Partnership.objects.create(name='Northshire Safeguarding Children Partnership', nation='england'); "
            "print(p.pk)",
        ).split()[-1]
    )
    manage(
        {**environment, "CASEREVIEWS_PASSWORD": PASSWORD},
        *(
            "create_user",
            "author1",
            "--role",
            "author",
            "--partnership",
            "northshire-safeguarding-children-partnership",
        ),
    )
    sessions = [signed_in(base, "author1") for base in bases]

    # Documents uploaded through both web processes, processed by whichever worker takes each.
    for number in range(DOCUMENTS):
        pdf = make_pdf(
            tmp_path / f"review-{number}.pdf",
            [f"Learning from Child J{number}.\n\nFinding 1: Information sharing between agencies was poor. " * 3],
        )
        upload(sessions[number % 2], bases[number % 2], pdf, partnership, f"Child J{number}")
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        states = dict(query(database, "SELECT state, count(*) FROM reviews_reviewdocument GROUP BY state"))
        if states.get("done", 0) + states.get("failed", 0) + states.get("refused", 0) == DOCUMENTS:
            break
        time.sleep(0.5)
    assert states == {"done": DOCUMENTS}, states

    steps = query(
        database,
        "SELECT document_id, stage, count(*), bool_or(interrupted) FROM reviews_processingstep GROUP BY 1, 2",
    )
    assert len(steps) == DOCUMENTS * 4  # four stages a document ...
    assert all(count == 1 and not interrupted for _, _, count, interrupted in steps)  # ... each run once
    tasks = query(
        database,
        "SELECT status, count(*) FROM django_tasks_database_dbtaskresult "
        "WHERE queue_name <> 'embeddings' AND task_path NOT LIKE 'alerts.%%' GROUP BY 1",  # (the alerts' minute runs)
    )
    assert tasks == [("SUCCESSFUL", DOCUMENTS)]

    # The files are in the bucket, under the names the database gives, and not on the web machines' disks.
    s3 = bucket[0]
    stored = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
    names = {name for (name,) in query(database, "SELECT file FROM reviews_reviewdocument")}
    assert stored == names and len(names) == DOCUMENTS
    assert not any(media.rglob("*.pdf"))

    # A search cached by one web process follows a review published through another process.
    assert search_count(bases[1], "quillfeather") == 0
    record = {
        "id": "machines-1",
        "title": "Child Q",
        "nation": "England",
        "year": 2024,
        "summary": "Quillfeather lessons about information sharing.",
        "learning": ["The quillfeather plan was not shared with the school."],
    }
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record) + "\n")
    manage(environment, "import_reviews", str(records), "--publish")
    assert search_count(bases[1], "quillfeather") >= 1
    assert search_count(bases[0], "quillfeather") >= 1

    health = requests.get(f"{bases[0]}/healthz", timeout=10)
    assert health.status_code == 200, health.text
    assert health.json()["workers"]["default"]["workers"] == 2
