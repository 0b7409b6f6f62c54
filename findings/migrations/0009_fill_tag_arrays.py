"""Fill the new theme and agency id arrays (and vectors) of existing findings and reviews."""

from django.db import migrations


def build(apps, schema_editor):
    from findings import indexing

    Finding = apps.get_model("findings", "Finding")
    Review = apps.get_model("reviews", "Review")
    indexing.index_findings(Finding.objects.values_list("pk", flat=True))
    indexing.index_reviews(Review.objects.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [("findings", "0008_tag_arrays"), ("reviews", "0004_tag_arrays")]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
