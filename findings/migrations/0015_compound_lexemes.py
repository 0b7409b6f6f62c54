"""Added the vocabulary's compound lexemes to the stored vectors by calling the application's indexing code;
superseded: search 0001 builds every entry again, and the compounds follow the vocabulary after every
migrate (search.vocabulary.install_compounds)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("findings", "0014_search_entries"), ("reviews", "0007_search_entries")]

    operations = []
