"""Fill the new theme and agency id arrays of existing findings and reviews."""

from django.db import migrations

FILL = """
UPDATE findings_finding f SET
    all_theme_ids = ARRAY(
        SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id
        UNION SELECT theme_id FROM reviews_review_themes WHERE review_id = f.review_id ORDER BY 1),
    agency_ids = ARRAY(SELECT agency_id FROM findings_finding_agencies WHERE finding_id = f.id ORDER BY 1);
UPDATE reviews_review r SET
    all_theme_ids = ARRAY(
        SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id
        UNION SELECT ft.theme_id FROM findings_finding_themes ft
              JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id ORDER BY 1),
    agency_ids = ARRAY(
        SELECT DISTINCT fa.agency_id FROM findings_finding_agencies fa
        JOIN findings_finding f ON f.id = fa.finding_id WHERE f.review_id = r.id ORDER BY 1);
"""


class Migration(migrations.Migration):
    dependencies = [("findings", "0008_tag_arrays"), ("reviews", "0004_tag_arrays")]
    operations = [migrations.RunSQL(FILL, migrations.RunSQL.noop)]
