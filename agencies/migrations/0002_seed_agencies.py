"""Seed the agencies, grouped by sector, from the project's copy of the reference vocabulary."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

AGENCIES = Path(__file__).resolve().parent.parent / "data" / "agencies.json"
SECTORS = {
    "Children's social care": "social-care",
    "Police": "police",
    "Health": "health",
    "Education": "education",
    "Justice": "justice",
    "Housing": "housing",
    "Voluntary and other": "voluntary",
}


def seed_agencies(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    position = 0
    for group in json.loads(AGENCIES.read_text(encoding="utf-8"))["agencies"]:
        for name in group["agencies"]:
            Agency.objects.using(schema_editor.connection.alias).update_or_create(
                slug=slugify(name), defaults={"name": name, "sector": SECTORS[group["sector"]], "position": position}
            )
            position += 1


class Migration(migrations.Migration):
    dependencies = [("agencies", "0001_initial")]
    operations = [migrations.RunPython(seed_agencies, migrations.RunPython.noop)]
