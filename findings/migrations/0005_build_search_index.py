"""Fill the new search vectors and the corpus word list for rows that already exist."""

from django.db import migrations


def build(apps, schema_editor):
    from findings import indexing

    Finding = apps.get_model("findings", "Finding")
    Review = apps.get_model("reviews", "Review")
    indexing.index_findings(Finding.objects.values_list("pk", flat=True))
    indexing.index_reviews(Review.objects.values_list("pk", flat=True))
    indexing.refresh_terms()


class Migration(migrations.Migration):
    dependencies = [("findings", "0004_search"), ("reviews", "0002_search")]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
