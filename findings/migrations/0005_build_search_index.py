"""Built the search vectors of that time by calling the application's indexing code. That code now writes
tables made by later migrations, so it cannot run here: search 0001 builds every search entry from the data
with SQL of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("findings", "0004_search"), ("reviews", "0002_search")]

    operations = []
