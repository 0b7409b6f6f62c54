from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = "Uploads, processing and imports"

    def ready(self):
        from findings.signals import texts_changed
        from ingest.training import train_if_due
        from reviews.models import status_changed

        # Curators' confirmed tags change when reviews are published or withdrawn, and with bulk imports.
        status_changed.connect(_published_or_withdrawn, dispatch_uid="ingest-train-theme-model")
        texts_changed.connect(train_if_due, dispatch_uid="ingest-train-theme-model")


def _published_or_withdrawn(sender, review, statuses, **kwargs):
    from ingest.training import train_if_due
    from reviews.models import Review

    if any(Review.Status.PUBLISHED in pair for pair in statuses):
        train_if_due()
