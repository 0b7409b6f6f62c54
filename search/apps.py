from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search.vocabulary import install_compounds

        # The vocabulary's phrases are stored in the vectors as lexemes of their own: after a migration (or a
        # flush), the database's list of them follows the vocabulary in the code.
        post_migrate.connect(install_compounds, sender=self, dispatch_uid="search-install-compounds")
