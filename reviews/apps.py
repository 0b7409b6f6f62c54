from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from reviews import notifications  # noqa: F401  (connects the e-mails to status changes)
