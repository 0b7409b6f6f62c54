"""`/healthz`, for a monitor: the database answers, and every queue has a worker whose heartbeat is recent.
`/healthz/web`, for a load balancer choosing web machines: the database answers (a machine is not taken out of
service because the document workers are down). JSON, never cached, 200 when all is well and 503 with what is
wrong otherwise.

Answered by the first middleware, before the HTTPS redirect, the host check, sessions and everything else, so
a probe over plain HTTP from inside the network, by address, gets the answer.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import Error, connection
from django.http import JsonResponse
from django.utils import timezone

from ingest.models import WorkerHeartbeat

logger = logging.getLogger(__name__)
PATHS = {"/healthz": True, "/healthz/web": False}  # path: whether the workers count


def health_check(get_response):
    def middleware(request):
        path = request.path_info.rstrip("/")
        if path not in PATHS:
            return get_response(request)
        return health(workers=PATHS[path])

    return middleware


def health(workers=True):
    report = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if workers:
            report["workers"] = _workers()
    except Error:
        logger.exception("Health check: the database cannot be reached")
        report["database"] = "unreachable"  # the details (hosts, ports) go to the log, not to whoever asks
    healthy = report["database"] == "ok" and all(q["status"] == "ok" for q in report.get("workers", {}).values())
    report["status"] = "ok" if healthy else "unhealthy"
    response = JsonResponse(report, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def _workers():
    """Each queue with its live workers (a heartbeat within WORKER_HEARTBEAT_STALE_SECONDS)."""
    since = timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)
    beats = list(WorkerHeartbeat.objects.filter(seen_at__gte=since))
    queues = {}
    for queue in settings.WORKER_QUEUES:
        seen = [beat.seen_at for beat in beats if beat.works(queue)]
        if seen:
            age = (timezone.now() - max(seen)).total_seconds()
            queues[queue] = {"status": "ok", "workers": len(seen), "last_seen_seconds": round(age, 1)}
        else:
            queues[queue] = {"status": f"no worker seen in the last {settings.WORKER_HEARTBEAT_STALE_SECONDS} s"}
    return queues
