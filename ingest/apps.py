from django.apps import AppConfig
from django.db.models.signals import post_save


class IngestConfig(AppConfig):
    name = "ingest"
    verbose_name = "Uploads, processing and imports"

    def ready(self):
        from findings.signals import texts_changed
        from ingest.training import train_if_due
        from reviews.models import Review

        # Curators' confirmed tags change when reviews are published or withdrawn, and with bulk imports.
        post_save.connect(_review_saved, sender=Review, dispatch_uid="ingest-train-theme-model")
        texts_changed.connect(train_if_due, dispatch_uid="ingest-train-theme-model")


def _review_saved(sender, instance, update_fields=None, **kwargs):
    from ingest.training import train_if_due
    from reviews.models import Review

    if instance.status in (Review.Status.PUBLISHED, Review.Status.WITHDRAWN):
        train_if_due()
