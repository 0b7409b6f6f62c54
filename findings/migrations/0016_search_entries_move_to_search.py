"""The search entries and the corpus word list belong to the search app now (search 0001 takes them over with
their tables): only Django's record of where the models live changes here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("findings", "0015_compound_lexemes"), ("reviews", "0007_search_entries")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="FindingEntry"),
                migrations.DeleteModel(name="ReviewEntry"),
                migrations.DeleteModel(name="SearchTerm"),
            ],
            database_operations=[],
        )
    ]
