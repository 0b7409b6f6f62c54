"""Migrations are safe on a database with rows: a database populated at the oldest migrations (with the models
as they were then) migrates to the newest without losing anything, and search finds what it held.

The migrating runs in a process of its own whose default database is a new, empty one (some third-party
migrations read only the default database): this file run as a script does it.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest
from django.db import connections

OLDEST = [("agencies", "0002_seed_agencies"), ("findings", "0003_seed_themes")]
ROOT = Path(__file__).resolve().parent.parent


def populate_at_the_oldest_migrations_then_migrate():
    """(In the script's process.) Migrate to OLDEST, add rows with the models of then, migrate to the newest."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(OLDEST)  # the migrations alone: no post-migrate work for a schema that is not the code's
    old = executor.loader.project_state(OLDEST).apps
    Partnership, Review = old.get_model("agencies", "Partnership"), old.get_model("reviews", "Review")
    Finding, Theme = old.get_model("findings", "Finding"), old.get_model("findings", "Theme")
    Agency = old.get_model("agencies", "Agency")
    partnership = Partnership.objects.create(
        name="Northshire Safeguarding Children Partnership", slug="northshire", nation="england", region="north-east"
    )
    for n, status in enumerate(["published", "published", "submitted"]):
        review = Review.objects.create(
            slug=f"child-{n}",
            title=f"Child {'JKL'[n]}",
            partnership=partnership,
            nation="england",
            review_type="scr",
            publication_year=2015 + n,
            summary="A baby's bruising was not referred for a child protection medical.",
            status=status,
            keywords=["bruising"],
        )
        finding = Finding.objects.create(
            review=review,
            position=1,
            title="Cuckooing was not recognised",
            text=f"Dealers took over the flat (finding {n}); practitioners did not see the cuckooing.",
            # two recommendations in the field, as merged findings kept them: two records later (findings 0023)
            recommendation="The partnership should commission training on cuckooing.\n\n"
            "The police should share intelligence about county lines with housing officers.",
        )
        finding.themes.add(Theme.objects.get(slug="criminal-exploitation"))
        finding.agencies.add(Agency.objects.get(slug="police"))
        Finding.objects.create(review=review, position=2, title="Finding 2: Drift was not challenged", text="...")
    call_command("migrate", verbosity=0)


@pytest.fixture
def empty_database():
    """A new, empty database on the same server: (its name, a psycopg2 connection to it)."""
    settings = connections["default"].settings_dict
    server = {k.lower(): settings[k] for k in ("USER", "PASSWORD", "HOST", "PORT")}
    name = f"casereviews_migrations_{os.getpid()}"
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{quote(server['password'], safe='')}" if server["password"] else ""
    host = quote(server["host"] or "localhost", safe="")  # a socket's folder (the embedded server) too
    port = f":{server['port']}" if server["port"] else ""
    url = f"postgres://{server['user']}{password}@{host}{port}/{name}"
    try:
        yield url, name, server
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_database_populated_at_the_oldest_migrations_migrates_to_the_newest(empty_database):
    url, name, server = empty_database
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, __file__], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]

    with psycopg2.connect(dbname=name, **server) as database, database.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM reviews_review")
        assert cursor.fetchone()[0] == 3
        cursor.execute(
            "SELECT e.status, e.region, cardinality(e.theme_ids), cardinality(e.agency_ids) "
            "FROM findings_findingentry e WHERE e.vector @@ to_tsquery('english', 'cuckooing') ORDER BY e.id"
        )
        assert cursor.fetchall() == [
            ("published", "north-east", 1, 1),
            ("published", "north-east", 1, 1),
            ("submitted", "north-east", 1, 1),
        ]
        cursor.execute(
            "SELECT count(*) FROM findings_reviewentry WHERE vector @@ plainto_tsquery('english', 'bruising')"
        )
        assert cursor.fetchone()[0] == 3
        cursor.execute("SELECT word, ndoc FROM findings_searchterm WHERE word IN ('cuckooing', 'bruising')")
        assert dict(cursor.fetchall()) == {"cuckooing": 2, "bruising": 2}  # published documents only
        cursor.execute("SELECT count(*) FROM search_compound")
        assert cursor.fetchone()[0] > 0
        cursor.execute(
            "SELECT r.position, r.text, f.title FROM findings_recommendation r "
            "JOIN findings_recommendation_findings link ON link.recommendation_id = r.id "
            "JOIN findings_finding f ON f.id = link.finding_id ORDER BY r.review_id, r.position"
        )
        assert cursor.fetchall() == [
            (1, "The partnership should commission training on cuckooing.", "Cuckooing was not recognised"),
            (2, "The police should share intelligence about county lines with housing officers.",
             "Cuckooing was not recognised"),
        ] * 3  # fmt: skip
        cursor.execute(  # a finding is found by the words of its recommendations, as by its old field's
            "SELECT count(*) FROM findings_findingentry WHERE vector @@ plainto_tsquery('english', 'county lines')"
        )
        assert cursor.fetchone()[0] == 3
        cursor.execute("SELECT DISTINCT label, title FROM findings_finding WHERE position = 2")
        assert cursor.fetchall() == [("Finding 2", "Drift was not challenged")]  # the label out of the title
    database.close()


if __name__ == "__main__":
    populate_at_the_oldest_migrations_then_migrate()
