"""Search reads narrow tables of its own: one entry per finding and per review, holding the vectors and
what filters and facets need (copied from the review), so that a broad search reads neither the texts nor
the reviews. The vectors and id arrays move there from the findings and reviews tables.

Reviews' vectors are large and read only for the few hundred rows being ranked: they are kept out of line,
uncompressed (STORAGE EXTERNAL), which keeps the rows that every match reads small.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

REVIEW_COLUMNS = (
    "r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''), "
    "r.review_type, r.outcome, r.age_bands"
)
ENTRY_COLUMNS = (
    "status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids"
)
FILL_FINDINGS = f"""
INSERT INTO findings_findingentry (id, review_id, {ENTRY_COLUMNS}, vector)
SELECT f.id, f.review_id, {REVIEW_COLUMNS}, f.all_theme_ids, f.agency_ids, f.search_vector
FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
"""
FILL_REVIEWS = f"""
INSERT INTO findings_reviewentry (id, {ENTRY_COLUMNS}, vector, context_vector, full_text_vector)
SELECT r.id, {REVIEW_COLUMNS}, r.all_theme_ids, r.agency_ids, r.search_vector, r.context_vector, r.full_text_vector
FROM reviews_review r LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("findings", "0013_theme_former_names"),
        ("reviews", "0006_curator_audit"),
        ("agencies", "0003_partnership_members"),
    ]

    operations = [
        migrations.CreateModel(
            name="FindingEntry",
            fields=[
                ("status", models.CharField(max_length=20)),
                ("partnership_id", models.IntegerField(null=True)),
                ("year", models.IntegerField(null=True)),
                ("date", models.DateField(null=True)),
                ("nation", models.CharField(blank=True, max_length=20)),
                ("region", models.CharField(blank=True, max_length=40)),
                ("review_type", models.CharField(blank=True, max_length=40)),
                ("outcome", models.CharField(blank=True, max_length=20)),
                (
                    "age_bands",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=20), default=list, size=None
                    ),
                ),
                (
                    "theme_ids",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.IntegerField(), default=list, size=None
                    ),
                ),
                (
                    "agency_ids",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.IntegerField(), default=list, size=None
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                (
                    "finding",
                    models.OneToOneField(
                        db_column="id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="findings.finding",
                    ),
                ),
            ],
        ),
        migrations.CreateModel(
            name="ReviewEntry",
            fields=[
                ("status", models.CharField(max_length=20)),
                ("partnership_id", models.IntegerField(null=True)),
                ("year", models.IntegerField(null=True)),
                ("date", models.DateField(null=True)),
                ("nation", models.CharField(blank=True, max_length=20)),
                ("region", models.CharField(blank=True, max_length=40)),
                ("review_type", models.CharField(blank=True, max_length=40)),
                ("outcome", models.CharField(blank=True, max_length=20)),
                (
                    "age_bands",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(max_length=20), default=list, size=None
                    ),
                ),
                (
                    "theme_ids",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.IntegerField(), default=list, size=None
                    ),
                ),
                (
                    "agency_ids",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.IntegerField(), default=list, size=None
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                (
                    "review",
                    models.OneToOneField(
                        db_column="id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="reviews.review",
                    ),
                ),
                ("context_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("full_text_vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.AddField(
            model_name="findingentry",
            name="review",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.review"),
        ),
        migrations.RunSQL(
            [
                "ALTER TABLE findings_reviewentry ALTER vector SET STORAGE EXTERNAL, "
                "ALTER context_vector SET STORAGE EXTERNAL, ALTER full_text_vector SET STORAGE EXTERNAL",
                FILL_FINDINGS,
                FILL_REVIEWS,
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name="reviewentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="review_entry_vector"),
        ),
        migrations.AddIndex(
            model_name="reviewentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["full_text_vector"], name="review_entry_full_text"),
        ),
        migrations.AddIndex(
            model_name="findingentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="finding_entry_vector"),
        ),
        migrations.AddIndex(
            model_name="findingentry",
            index=models.Index(fields=["review"], name="findings_fi_review__731465_idx"),
        ),
        migrations.RemoveIndex(
            model_name="finding",
            name="finding_search_vector",
        ),
        migrations.RemoveIndex(
            model_name="finding",
            name="finding_all_theme_ids",
        ),
        migrations.RemoveIndex(
            model_name="finding",
            name="finding_agency_ids",
        ),
        migrations.RemoveField(
            model_name="finding",
            name="agency_ids",
        ),
        migrations.RemoveField(
            model_name="finding",
            name="all_theme_ids",
        ),
        migrations.RemoveField(
            model_name="finding",
            name="search_vector",
        ),
    ]
