"""The search vectors and id arrays have moved to findings' search entries (findings 0014)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0006_curator_audit"),
        ("findings", "0014_search_entries"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="review",
            name="review_search_vector",
        ),
        migrations.RemoveIndex(
            model_name="review",
            name="review_full_text_vector",
        ),
        migrations.RemoveIndex(
            model_name="review",
            name="review_all_theme_ids",
        ),
        migrations.RemoveField(
            model_name="review",
            name="agency_ids",
        ),
        migrations.RemoveField(
            model_name="review",
            name="all_theme_ids",
        ),
        migrations.RemoveField(
            model_name="review",
            name="context_vector",
        ),
        migrations.RemoveField(
            model_name="review",
            name="full_text_vector",
        ),
        migrations.RemoveField(
            model_name="review",
            name="search_vector",
        ),
    ]
