"""Recompute review vectors after the full text moved to a vector of its own."""

from django.db import migrations


def build(apps, schema_editor):
    from findings import indexing

    Review = apps.get_model("reviews", "Review")
    indexing.index_reviews(Review.objects.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [("findings", "0005_build_search_index"), ("reviews", "0003_split_search_vectors")]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
