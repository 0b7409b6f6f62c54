"""`/healthz`, for a load balancer or a monitor: the database answers, and every queue has a worker whose
heartbeat is recent. JSON, never cached, 200 when all is well and 503 with what is wrong otherwise.

Answered by the first middleware, before the HTTPS redirect, the host check, sessions and everything else, so
a probe over plain HTTP from inside the network, by address, gets the answer.
"""

from datetime import timedelta

from django.conf import settings
from django.db import Error, connection
from django.http import JsonResponse
from django.utils import timezone

from ingest.models import WorkerHeartbeat

PATH = "/healthz"


def health_check(get_response):
    def middleware(request):
        if request.path_info.rstrip("/") != PATH:
            return get_response(request)
        return health()

    return middleware


def health():
    report, healthy = {"database": "ok", "workers": {}}, True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        since = timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)
        beats = list(WorkerHeartbeat.objects.filter(seen_at__gte=since))
    except Error as error:
        report["database"] = f"unreachable: {str(error).strip().splitlines()[0] if str(error).strip() else error}"
        report["workers"] = "unknown"
        healthy = False
    else:
        for queue in settings.TASKS["default"].get("QUEUES", ["default"]):
            seen = [beat.seen_at for beat in beats if beat.works(queue)]
            if seen:
                age = (timezone.now() - max(seen)).total_seconds()
                report["workers"][queue] = {"status": "ok", "workers": len(seen), "last_seen_seconds": round(age, 1)}
            else:
                report["workers"][queue] = {
                    "status": f"no worker seen in the last {settings.WORKER_HEARTBEAT_STALE_SECONDS} s"
                }
                healthy = False
    report["status"] = "ok" if healthy else "unhealthy"
    response = JsonResponse(report, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
