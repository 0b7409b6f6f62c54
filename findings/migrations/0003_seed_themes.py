"""Seed the theme taxonomy from the project's copy of the reference taxonomy."""

import json
from pathlib import Path

from django.db import migrations

THEMES = Path(__file__).resolve().parent.parent / "data" / "themes.json"


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("findings", "Theme")
    for position, item in enumerate(json.loads(THEMES.read_text(encoding="utf-8"))["themes"]):
        Theme.objects.using(schema_editor.connection.alias).update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "facet": item["facet"],
                "definition": item["definition"],
                "keywords": item["keywords"],
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("findings", "0002_initial")]
    operations = [migrations.RunPython(seed_themes, migrations.RunPython.noop)]
