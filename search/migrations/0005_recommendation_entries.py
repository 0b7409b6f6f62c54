"""Recommendations are searched as findings and reviews are (the search page's third level): each has a narrow entry
(search.models.RecommendationEntry) made by the database as the others are. Its vector holds its theme names and
whom it asks (B), its label and text (C); its theme ids are its own themes and those of the findings it follows from
(as the theme page counts them); its agency ids the agencies it asks. A recommendation (m) is marked when it, its
links, themes or agencies change; a review's change (c) reaches its recommendations, and a finding's (f) the
recommendations that follow from it.

Frozen SQL, as in 0001: search_apply() as 0004 made it, but for recommendations.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FORWARD = r"""
CREATE FUNCTION search_index_recommendations(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM search_recommendationentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM findings_recommendation m WHERE m.id = e.id);
INSERT INTO search_recommendationentry (id, review_id, status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids, kind, addressee, vector)
SELECT m.id, m.review_id, r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands, tags.theme_ids,
    ARRAY(SELECT agency_id FROM findings_recommendation_agencies WHERE recommendation_id = m.id ORDER BY 1),
    m.kind, m.addressee,
    search_with_compounds(
        setweight(to_tsvector('english', coalesce((
            SELECT string_agg(t.name || ' ' || array_to_string(t.former_names, ' '), ' ')
            FROM findings_theme t WHERE t.id = ANY(tags.theme_ids)), '') || ' ' || m.addressee_text), 'B')
        || setweight(to_tsvector('english', m.label || ' ' || m.text), 'C'))
FROM findings_recommendation m
JOIN reviews_review r ON r.id = m.review_id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
LEFT JOIN LATERAL (
    SELECT ARRAY(SELECT theme_id FROM findings_recommendation_themes WHERE recommendation_id = m.id
                 UNION SELECT ft.theme_id FROM findings_recommendation_findings link
                       JOIN findings_finding_themes ft ON ft.finding_id = link.finding_id
                       WHERE link.recommendation_id = m.id
                 ORDER BY 1) AS theme_ids
) tags ON true
WHERE m.id = ANY(ids)
ON CONFLICT (id) DO UPDATE SET review_id = EXCLUDED.review_id, status = EXCLUDED.status, partnership_id = EXCLUDED.partnership_id, year = EXCLUDED.year, date = EXCLUDED.date, nation = EXCLUDED.nation, region = EXCLUDED.region, review_type = EXCLUDED.review_type, outcome = EXCLUDED.outcome, age_bands = EXCLUDED.age_bands,
    theme_ids = EXCLUDED.theme_ids, agency_ids = EXCLUDED.agency_ids, kind = EXCLUDED.kind, addressee = EXCLUDED.addressee, vector = EXCLUDED.vector;
END
$$;
CREATE OR REPLACE FUNCTION search_apply() RETURNS integer LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    taken integer;
    f_ids bigint[];
    r_ids bigint[];
    c_ids bigint[];
    t_ids bigint[];
    m_ids bigint[];
    old_words text[];
    new_words text[];
    delta_words text[];
    delta_counts integer[];
BEGIN
    DELETE FROM search_apply_request WHERE txid = txid_current();
    WITH t AS (DELETE FROM search_pending RETURNING kind, object_id)
    SELECT count(*),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'f'), '{}'),
        coalesce(array_agg(DISTINCT object_id) FILTER (WHERE kind IN ('r', 'c', 't')), '{}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'c'), '{}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 't'), '{}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'm'), '{}')
    INTO taken, f_ids, r_ids, c_ids, t_ids, m_ids FROM t;
    IF taken = 0 THEN
        RETURN 0;
    END IF;
    -- Transactions committing at once write the word list one after the other (each would otherwise lock
    -- its words in its own order, and two could wait on each other). Held only until the commit.
    PERFORM pg_advisory_xact_lock(7240001);
    -- A change to a review's own fields, tags or status reaches every one of its findings' entries.
    IF c_ids <> '{}' THEN
        f_ids := f_ids || ARRAY(SELECT id FROM findings_finding WHERE review_id = ANY(c_ids));
        m_ids := m_ids || ARRAY(SELECT id FROM findings_recommendation WHERE review_id = ANY(c_ids));
    END IF;
    -- A recommendation's theme ids include those of the findings it follows from.
    IF f_ids <> '{}' THEN
        m_ids := m_ids || ARRAY(SELECT recommendation_id FROM findings_recommendation_findings
                                WHERE finding_id = ANY(f_ids));
    END IF;
    IF m_ids <> '{}' THEN
        PERFORM search_index_recommendations(m_ids);
    END IF;
    IF f_ids = '{}' AND r_ids = '{}' THEN  -- only the version moves on (a theme was added)
        UPDATE search_corpus SET version = nextval('search_corpus_version_seq');
        RETURN taken;
    END IF;
    IF f_ids <> '{}' THEN
        PERFORM search_index_findings(f_ids);
    END IF;
    IF r_ids <> '{}' THEN
        PERFORM search_index_reviews(r_ids, t_ids);
    END IF;

    -- The word list counts the words of published documents: take away what each changed document counted,
    -- add what it counts now.
    SELECT coalesce(array_agg(w), '{}') INTO old_words
    FROM search_counted c, unnest(c.words) w
    WHERE (c.kind = 'f' AND c.object_id = ANY(f_ids)) OR (c.kind = 'r' AND c.object_id = ANY(r_ids));
    DELETE FROM search_counted c
    WHERE (c.kind = 'f' AND c.object_id = ANY(f_ids)) OR (c.kind = 'r' AND c.object_id = ANY(r_ids));
    WITH fresh AS (
        INSERT INTO search_counted (kind, object_id, words)
        SELECT 'f', f.id, search_words(f.title || ' ' || f.text || ' ' || search_finding_recommendations(f.id))
        FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id
        WHERE f.id = ANY(f_ids) AND r.status = 'published'
        UNION ALL
        SELECT 'r', r.id, search_words(r.title || ' ' || r.summary || ' ' || array_to_string(r.keywords, ' '))
        FROM reviews_review r WHERE r.id = ANY(r_ids) AND r.status = 'published'
        RETURNING words
    )
    SELECT coalesce(array_agg(w), '{}') INTO new_words FROM fresh, unnest(fresh.words) w;
    SELECT coalesce(array_agg(w), '{}'), coalesce(array_agg(d), '{}') INTO delta_words, delta_counts
    FROM (
        SELECT w, sum(d)::integer AS d
        FROM (SELECT unnest(new_words) AS w, 1 AS d UNION ALL SELECT unnest(old_words), -1) x
        GROUP BY w HAVING sum(d) <> 0
    ) delta;
    UPDATE findings_searchterm t SET ndoc = greatest(t.ndoc + x.d, 0)
    FROM unnest(delta_words, delta_counts) AS x(w, d) WHERE t.word = x.w;
    INSERT INTO findings_searchterm (word, stem, ndoc)
    SELECT x.w, '', x.d FROM unnest(delta_words, delta_counts) AS x(w, d) WHERE x.d > 0
    ON CONFLICT (word) DO NOTHING;
    DELETE FROM findings_searchterm WHERE word = ANY(delta_words) AND ndoc = 0;
    UPDATE findings_searchterm
    SET stem = coalesce((SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', word))), '')
    WHERE word = ANY(delta_words) AND stem = '';

    UPDATE search_corpus SET version = nextval('search_corpus_version_seq');
    RETURN taken;
END
$$;

-- A recommendation added, changed or deleted: its own entry too.
CREATE OR REPLACE FUNCTION search_recommendation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_mark('r', ARRAY[OLD.review_id]);
        PERFORM search_mark('m', ARRAY[OLD.id]);
    ELSE
        PERFORM search_mark('r', ARRAY[NEW.review_id]);
        PERFORM search_mark('m', ARRAY[NEW.id]);
        PERFORM search_mark('f', ARRAY(
            SELECT finding_id FROM findings_recommendation_findings WHERE recommendation_id = NEW.id));
        IF TG_OP = 'UPDATE' AND OLD.review_id <> NEW.review_id THEN
            PERFORM search_mark('r', ARRAY[OLD.review_id]);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER search_recommendation_changed ON findings_recommendation;
CREATE TRIGGER search_recommendation_changed AFTER UPDATE ON findings_recommendation FOR EACH ROW
WHEN ((OLD.text, OLD.label, OLD.position, OLD.review_id, OLD.kind, OLD.addressee, OLD.addressee_text)
      IS DISTINCT FROM (NEW.text, NEW.label, NEW.position, NEW.review_id, NEW.kind, NEW.addressee, NEW.addressee_text))
EXECUTE FUNCTION search_recommendation_changed();

-- A recommendation linked to a finding or unlinked: that finding, and the recommendation (its theme ids).
CREATE OR REPLACE FUNCTION search_recommendation_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('f', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.finding_id ELSE NEW.finding_id END]);
    PERFORM search_mark('m', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.recommendation_id ELSE NEW.recommendation_id END]);
    RETURN NULL;
END
$$;

-- A recommendation's themes or agencies: its entry.
CREATE FUNCTION search_recommendation_tag_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('m', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.recommendation_id ELSE NEW.recommendation_id END]);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_recommendation_theme_changed AFTER INSERT OR DELETE ON findings_recommendation_themes
FOR EACH ROW EXECUTE FUNCTION search_recommendation_tag_changed();
CREATE TRIGGER search_recommendation_agency_changed AFTER INSERT OR DELETE ON findings_recommendation_agencies
FOR EACH ROW EXECUTE FUNCTION search_recommendation_tag_changed();

-- A theme's new name reaches the recommendations tagged with it (those following from a finding tagged with it come
-- with the finding).
CREATE OR REPLACE FUNCTION search_theme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('v', ARRAY[0::bigint]);
    IF TG_OP = 'UPDATE' AND (OLD.name, OLD.former_names) IS DISTINCT FROM (NEW.name, NEW.former_names) THEN
        PERFORM search_mark('f', ARRAY(SELECT finding_id FROM findings_finding_themes WHERE theme_id = NEW.id));
        PERFORM search_mark('r', ARRAY(
            SELECT review_id FROM reviews_review_themes WHERE theme_id = NEW.id
            UNION SELECT f.review_id FROM findings_finding f
                  JOIN findings_finding_themes ft ON ft.finding_id = f.id WHERE ft.theme_id = NEW.id));
        PERFORM search_mark('m', ARRAY(
            SELECT recommendation_id FROM findings_recommendation_themes WHERE theme_id = NEW.id));
    END IF;
    RETURN NULL;
END
$$;

-- Every recommendation's entry made, when this migration commits.
INSERT INTO search_pending (kind, object_id) SELECT 'm', id FROM findings_recommendation ON CONFLICT DO NOTHING;
SELECT search_mark('v', ARRAY[0::bigint]);
"""

# Back as 0004 left them.
REVERSE = r"""
DROP TRIGGER search_recommendation_theme_changed ON findings_recommendation_themes;
DROP TRIGGER search_recommendation_agency_changed ON findings_recommendation_agencies;
DROP FUNCTION search_recommendation_tag_changed();
DROP TRIGGER search_recommendation_changed ON findings_recommendation;
CREATE TRIGGER search_recommendation_changed AFTER UPDATE ON findings_recommendation FOR EACH ROW
WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.position IS DISTINCT FROM NEW.position
      OR OLD.review_id IS DISTINCT FROM NEW.review_id)
EXECUTE FUNCTION search_recommendation_changed();
CREATE OR REPLACE FUNCTION search_recommendation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_mark('r', ARRAY[OLD.review_id]);
    ELSE
        PERFORM search_mark('r', ARRAY[NEW.review_id]);
        PERFORM search_mark('f', ARRAY(
            SELECT finding_id FROM findings_recommendation_findings WHERE recommendation_id = NEW.id));
        IF TG_OP = 'UPDATE' AND OLD.review_id <> NEW.review_id THEN
            PERFORM search_mark('r', ARRAY[OLD.review_id]);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_recommendation_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('f', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.finding_id ELSE NEW.finding_id END]);
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION search_theme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('v', ARRAY[0::bigint]);
    IF TG_OP = 'UPDATE' AND (OLD.name, OLD.former_names) IS DISTINCT FROM (NEW.name, NEW.former_names) THEN
        PERFORM search_mark('f', ARRAY(SELECT finding_id FROM findings_finding_themes WHERE theme_id = NEW.id));
        PERFORM search_mark('r', ARRAY(
            SELECT review_id FROM reviews_review_themes WHERE theme_id = NEW.id
            UNION SELECT f.review_id FROM findings_finding f
                  JOIN findings_finding_themes ft ON ft.finding_id = f.id WHERE ft.theme_id = NEW.id));
    END IF;
    RETURN NULL;
END
$$;
DELETE FROM search_pending WHERE kind = 'm';
CREATE OR REPLACE FUNCTION search_apply() RETURNS integer LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    taken integer;
    f_ids bigint[];
    r_ids bigint[];
    c_ids bigint[];
    t_ids bigint[];
    old_words text[];
    new_words text[];
    delta_words text[];
    delta_counts integer[];
BEGIN
    DELETE FROM search_apply_request WHERE txid = txid_current();
    WITH t AS (DELETE FROM search_pending RETURNING kind, object_id)
    SELECT count(*),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'f'), '{}'),
        coalesce(array_agg(DISTINCT object_id) FILTER (WHERE kind IN ('r', 'c', 't')), '{}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'c'), '{}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 't'), '{}')
    INTO taken, f_ids, r_ids, c_ids, t_ids FROM t;
    IF taken = 0 THEN
        RETURN 0;
    END IF;
    -- Transactions committing at once write the word list one after the other (each would otherwise lock
    -- its words in its own order, and two could wait on each other). Held only until the commit.
    PERFORM pg_advisory_xact_lock(7240001);
    -- A change to a review's own fields, tags or status reaches every one of its findings' entries.
    IF c_ids <> '{}' THEN
        f_ids := f_ids || ARRAY(SELECT id FROM findings_finding WHERE review_id = ANY(c_ids));
    END IF;
    IF f_ids = '{}' AND r_ids = '{}' THEN  -- only the version moves on (a theme was added)
        UPDATE search_corpus SET version = nextval('search_corpus_version_seq');
        RETURN taken;
    END IF;
    IF f_ids <> '{}' THEN
        PERFORM search_index_findings(f_ids);
    END IF;
    IF r_ids <> '{}' THEN
        PERFORM search_index_reviews(r_ids, t_ids);
    END IF;

    -- The word list counts the words of published documents: take away what each changed document counted,
    -- add what it counts now.
    SELECT coalesce(array_agg(w), '{}') INTO old_words
    FROM search_counted c, unnest(c.words) w
    WHERE (c.kind = 'f' AND c.object_id = ANY(f_ids)) OR (c.kind = 'r' AND c.object_id = ANY(r_ids));
    DELETE FROM search_counted c
    WHERE (c.kind = 'f' AND c.object_id = ANY(f_ids)) OR (c.kind = 'r' AND c.object_id = ANY(r_ids));
    WITH fresh AS (
        INSERT INTO search_counted (kind, object_id, words)
        SELECT 'f', f.id, search_words(f.title || ' ' || f.text || ' ' || search_finding_recommendations(f.id))
        FROM findings_finding f JOIN reviews_review r ON r.id = f.review_id
        WHERE f.id = ANY(f_ids) AND r.status = 'published'
        UNION ALL
        SELECT 'r', r.id, search_words(r.title || ' ' || r.summary || ' ' || array_to_string(r.keywords, ' '))
        FROM reviews_review r WHERE r.id = ANY(r_ids) AND r.status = 'published'
        RETURNING words
    )
    SELECT coalesce(array_agg(w), '{}') INTO new_words FROM fresh, unnest(fresh.words) w;
    SELECT coalesce(array_agg(w), '{}'), coalesce(array_agg(d), '{}') INTO delta_words, delta_counts
    FROM (
        SELECT w, sum(d)::integer AS d
        FROM (SELECT unnest(new_words) AS w, 1 AS d UNION ALL SELECT unnest(old_words), -1) x
        GROUP BY w HAVING sum(d) <> 0
    ) delta;
    UPDATE findings_searchterm t SET ndoc = greatest(t.ndoc + x.d, 0)
    FROM unnest(delta_words, delta_counts) AS x(w, d) WHERE t.word = x.w;
    INSERT INTO findings_searchterm (word, stem, ndoc)
    SELECT x.w, '', x.d FROM unnest(delta_words, delta_counts) AS x(w, d) WHERE x.d > 0
    ON CONFLICT (word) DO NOTHING;
    DELETE FROM findings_searchterm WHERE word = ANY(delta_words) AND ndoc = 0;
    UPDATE findings_searchterm
    SET stem = coalesce((SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', word))), '')
    WHERE word = ANY(delta_words) AND stem = '';

    UPDATE search_corpus SET version = nextval('search_corpus_version_seq');
    RETURN taken;
END
$$;
DROP FUNCTION search_index_recommendations(bigint[]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("findings", "0025_recommendation_tracking"),
        ("reviews", "0012_document_names_recommendations"),
        ("search", "0004_recommendations"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecommendationEntry",
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
                    "recommendation",
                    models.OneToOneField(
                        db_column="id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="findings.recommendation",
                    ),
                ),
                ("kind", models.CharField(blank=True, max_length=20)),
                ("addressee", models.CharField(blank=True, max_length=20)),
                (
                    "review",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.review"
                    ),
                ),
            ],
            options={
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="recommendation_entry_vector"),
                    models.Index(fields=["review"], name="search_reco_review__ded2a3_idx"),
                ],
            },
        ),
        migrations.RunSQL(FORWARD, REVERSE),
    ]
