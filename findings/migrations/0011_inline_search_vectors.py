"""Keep search vectors inside their rows instead of in TOAST tables.

A search reads the vector of every matching row several times (the match, then each concept of the
query while ranking). Out-of-line, each read is a lookup in the TOAST table: at 200,000 findings that
was most of a search's time. Rows are only moved out of line when above 8,160 bytes (in practice: the
reviews' full texts), and the vectors already stored are written again so that they move back in.
"""

from django.db import migrations

TABLES = {"findings_finding": ["search_vector"], "reviews_review": ["search_vector", "context_vector"]}


def forwards_sql():
    statements = []
    for table, columns in TABLES.items():
        statements.append(f"ALTER TABLE {table} SET (toast_tuple_target = 8160)")
        assignments = ", ".join(f"{column} = {column} || ''::tsvector" for column in columns)
        statements.append(f"UPDATE {table} SET {assignments} WHERE {columns[0]} IS NOT NULL")
    return statements


class Migration(migrations.Migration):
    dependencies = [
        ("findings", "0010_proposed_findings_and_suggestions"),
        ("reviews", "0005_upload_processing"),
    ]

    operations = [
        migrations.RunSQL(
            forwards_sql(),
            reverse_sql=[f"ALTER TABLE {table} RESET (toast_tuple_target)" for table in TABLES],
        )
    ]
