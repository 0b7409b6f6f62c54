"""Vectors gain a lexeme for each vocabulary phrase they contain (see findings.search.compounds)."""

from django.db import migrations


def add_compounds(apps, schema_editor):
    from findings import indexing

    indexing.add_compounds()


class Migration(migrations.Migration):
    dependencies = [("findings", "0014_search_entries"), ("reviews", "0007_search_entries")]

    operations = [migrations.RunPython(add_compounds, migrations.RunPython.noop)]
