"""The alerts' background work, queued once a minute by the worker (settings.WORKER_EVERY_MINUTE)."""

import logging

from django_tasks import task

from alerts.sending import purge_unconfirmed, queue_due, send_confirmation_mail, send_pending

logger = logging.getLogger(__name__)


@task()
def run_alerts():
    """Gather what is due, send what waits (ALERTS_SEND_PER_MINUTE e-mails at most), forget unconfirmed addresses."""
    queued = queue_due()
    sent = send_pending()
    purged = purge_unconfirmed()
    if queued or sent or purged:
        logger.info("Alerts: %s items queued, %s e-mails sent, %s unconfirmed addresses deleted", queued, len(sent),
                    purged)  # fmt: skip


@task()
def send_confirmation(alert_id):
    """The e-mail that asks the address to confirm an alert (nothing else is sent before it is confirmed)."""
    send_confirmation_mail(alert_id)
