"""A finding's search entry carries the finding's own themes only (it also carried its review's, so the theme
filter counted findings that are not about the theme: "Neglect" said 10 findings on its theme page and 42 in
search). A review's entry still carries its own themes and its findings'.

Frozen SQL, as in 0001: the function as 0001 made it, but for its theme ids.
"""

from django.db import migrations

COPIED = """r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands"""
COPIED_COLUMNS = "status, partnership_id, year, date, nation, region, review_type, outcome, age_bands"
UPDATE_COPIED = ", ".join(f"{c} = EXCLUDED.{c}" for c in COPIED_COLUMNS.split(", "))


def index_findings(themes):
    return f"""
CREATE OR REPLACE FUNCTION search_index_findings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_findingentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM findings_finding f WHERE f.id = e.id);
INSERT INTO findings_findingentry (id, review_id, {COPIED_COLUMNS}, theme_ids, agency_ids, vector)
SELECT f.id, f.review_id, {COPIED},
    {themes},
    ARRAY(SELECT agency_id FROM findings_finding_agencies WHERE finding_id = f.id ORDER BY 1),
    search_with_compounds(
        setweight(to_tsvector('english', f.title), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT string_agg(t.name || ' ' || array_to_string(t.former_names, ' '), ' ')
            FROM findings_finding_themes ft JOIN findings_theme t ON t.id = ft.theme_id
            WHERE ft.finding_id = f.id), '')), 'B')
        || setweight(to_tsvector('english', f.text || ' ' || f.recommendation), 'C'))
FROM findings_finding f
JOIN reviews_review r ON r.id = f.review_id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
WHERE f.id = ANY(ids)
ON CONFLICT (id) DO UPDATE SET review_id = EXCLUDED.review_id, {UPDATE_COPIED},
    theme_ids = EXCLUDED.theme_ids, agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector;
END
$$;
"""


OWN = "ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id ORDER BY 1)"
WITH_REVIEWS = """ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id
          UNION SELECT theme_id FROM reviews_review_themes WHERE review_id = f.review_id ORDER BY 1)"""

FORWARD = (
    index_findings(OWN)
    + """
UPDATE findings_findingentry e
SET theme_ids = ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = e.id ORDER BY 1);
"""
)
BACKWARD = (
    index_findings(WITH_REVIEWS)
    + """
UPDATE findings_findingentry e
SET theme_ids = ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = e.id
                      UNION SELECT theme_id FROM reviews_review_themes WHERE review_id = e.review_id ORDER BY 1);
"""
)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
