"""A counter that moves whenever searchable data changes, so cached browse results can be trusted."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("findings", "0006_rebuild_split_vectors")]
    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS findings_corpus_version",
            "DROP SEQUENCE IF EXISTS findings_corpus_version",
        )
    ]
