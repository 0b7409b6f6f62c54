"""Rebuilt the reviews' vectors of that time by calling the application's indexing code; superseded: search
0001 builds every search entry from the data with SQL of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("findings", "0005_build_search_index"), ("reviews", "0003_split_search_vectors")]

    operations = []
