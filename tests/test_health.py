"""`/healthz`: the database answers and every queue has a worker with a recent heartbeat; 503 with what is wrong
otherwise; answered over plain HTTP and for any host, before the HTTPS redirect."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ingest.management.commands.process_worker import Heartbeat
from ingest.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def beat(worker_id, queues, seconds_ago=0):
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        queues=queues,
        host="worker-1",
        pid=1,
        seen_at=timezone.now() - timedelta(seconds=seconds_ago),
    )


def test_health_is_ok_when_the_database_answers_and_every_queue_has_a_live_worker():
    beat("a", "default", seconds_ago=5)
    beat("b", "large", seconds_ago=20)
    beat("c", "embeddings", seconds_ago=1)

    response = Client().get("/healthz")

    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    report = response.json()
    assert report["status"] == "ok" and report["database"] == "ok"
    assert report["workers"]["default"]["status"] == "ok" and report["workers"]["large"]["workers"] == 1
    assert report["workers"]["embeddings"]["status"] == "ok"


def test_with_semantic_search_off_the_app_starts_and_expects_no_embeddings_worker():
    env = {**os.environ, "SEMANTIC_SEARCH": "0", "SECRET_KEY": "x", "DEBUG": "1"}
    code = "import django; django.setup(); from django.conf import settings; print(settings.WORKER_QUEUES)"
    out = subprocess.run(
        [sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"}, capture_output=True
    )
    assert out.stdout.decode().strip() == "['default', 'large']", out.stderr.decode()[-500:]


def test_a_worker_of_every_queue_counts_for_each():
    beat("a", "*")

    assert Client().get("/healthz").status_code == 200


def test_a_queue_without_a_recent_heartbeat_is_unhealthy(settings):
    settings.WORKER_HEARTBEAT_STALE_SECONDS = 60
    beat("a", "default")
    beat("b", "large", seconds_ago=90)

    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json()["workers"]["large"] == {"status": "no worker seen in the last 60 s"}


def test_health_answers_over_plain_http_and_for_any_host_behind_the_proxy(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["casereviews.example"]
    beat("a", "*")

    response = Client().get("/healthz", HTTP_HOST="10.0.0.7")

    assert response.status_code == 200
    assert Client().get("/", HTTP_HOST="casereviews.example").status_code == 301  # everything else is redirected


def test_a_running_worker_s_heartbeat_is_seen_and_goes_when_it_stops(settings):
    settings.WORKER_HEARTBEAT_SECONDS = 1
    heartbeat = Heartbeat("worker-test", "*")
    heartbeat.start()
    try:
        for _ in range(50):
            if WorkerHeartbeat.objects.filter(worker_id="worker-test").exists():
                break
            heartbeat.stopping.wait(0.1)
        assert Client().get("/healthz").status_code == 200
    finally:
        heartbeat.stop()
    assert not WorkerHeartbeat.objects.filter(worker_id="worker-test").exists()
    assert Client().get("/healthz").status_code == 503


def test_the_web_check_for_a_load_balancer_does_not_depend_on_the_workers():
    beat("a", "default", seconds_ago=3600)  # no live worker

    assert Client().get("/healthz").status_code == 503
    web = Client().get("/healthz/web")
    assert web.status_code == 200 and web.json() == {"database": "ok", "status": "ok"}
