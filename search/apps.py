from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from findings.models import Finding, Lesson
        from findings.signals import texts_changed
        from reviews.models import Review
        from search.tasks import request_embedding
        from search.vocabulary import install_compounds

        # The vocabulary's phrases are stored in the vectors as lexemes of their own: after a migration (or a
        # flush), the database's list of them follows the vocabulary in the code.
        post_migrate.connect(install_compounds, sender=self, dispatch_uid="search-install-compounds")
        # Texts that changed are embedded in the background (search.semantic); the triggers have logged which.
        for model in (Finding, Review, Lesson):
            post_save.connect(request_embedding, sender=model, dispatch_uid=f"search-embed-{model.__name__}")
        texts_changed.connect(request_embedding, dispatch_uid="search-embed-bulk")
        post_migrate.connect(request_embedding, sender=self, dispatch_uid="search-embed-after-migrate")
