"""Findings made before labels were kept apart (0018) may have titles that start with their label ("Finding 3: The
plan was not reviewed"): the label moves to `label`, the rest stays the title. A copy of the labels of
ingest.segmentation as they were when this was written (a migration does not follow later changes)."""

import re

from django.db import migrations

LABELLED = re.compile(
    r"^(?P<label>(?:(?:key\s+)?findings?|(?:key\s+)?learning(?:\s+(?:points?|themes?))?|lessons?(?:\s+learned)?)"
    r"\s*(?:no\.?\s*)?(?:\d{1,2}(?:\.\d{1,2})?|[a-z]|[ivx]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s*[:.\-\u2013\u2014)]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def split_labels(apps, schema_editor):
    Finding = apps.get_model("findings", "Finding")
    changed = []
    for finding in Finding.objects.filter(label="").only("pk", "title", "label").iterator(chunk_size=2000):
        found = LABELLED.match(finding.title)
        if found:
            finding.label, finding.title = found.group("label").strip()[:60], found.group("rest").strip()
            changed.append(finding)
        if len(changed) >= 2000:
            Finding.objects.bulk_update(changed, ["label", "title"])
            changed = []
    Finding.objects.bulk_update(changed, ["label", "title"])


class Migration(migrations.Migration):
    dependencies = [("findings", "0020_agency_suggestions")]

    operations = [migrations.RunPython(split_labels, migrations.RunPython.noop)]
