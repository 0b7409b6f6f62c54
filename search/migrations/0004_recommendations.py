"""Recommendations are records of their own (findings 0023): a finding's search entry carries, at weight C, the
text of the recommendations that follow from it (as it carried its own recommendation field), and a review's entry
the text of all its recommendations. Triggers on recommendations and their links to findings mark what changed, so
the index stays in step whatever writes them. The finding's recommendation field is removed after this migration
(findings 0024), so nothing here refers to it.

Frozen SQL, as in 0001: the functions as 0001 and 0002 made them, but for the recommendations' text.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION search_finding_recommendations(finding bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(rec.text, ' ' ORDER BY rec.position), '')
    FROM findings_recommendation_findings link
    JOIN findings_recommendation rec ON rec.id = link.recommendation_id
    WHERE link.finding_id = finding
$$;

CREATE OR REPLACE FUNCTION search_index_findings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_findingentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM findings_finding f WHERE f.id = e.id);
INSERT INTO findings_findingentry (id, review_id, status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids, vector)
SELECT f.id, f.review_id, r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands,
    ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id ORDER BY 1),
    ARRAY(SELECT agency_id FROM findings_finding_agencies WHERE finding_id = f.id ORDER BY 1),
    search_with_compounds(
        setweight(to_tsvector('english', f.title), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT string_agg(t.name || ' ' || array_to_string(t.former_names, ' '), ' ')
            FROM findings_finding_themes ft JOIN findings_theme t ON t.id = ft.theme_id
            WHERE ft.finding_id = f.id), '')), 'B')
        || setweight(to_tsvector('english', f.text || ' ' || search_finding_recommendations(f.id)), 'C'))
FROM findings_finding f
JOIN reviews_review r ON r.id = f.review_id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
WHERE f.id = ANY(ids)
ON CONFLICT (id) DO UPDATE SET review_id = EXCLUDED.review_id, status = EXCLUDED.status, partnership_id = EXCLUDED.partnership_id, year = EXCLUDED.year, date = EXCLUDED.date, nation = EXCLUDED.nation, region = EXCLUDED.region, review_type = EXCLUDED.review_type, outcome = EXCLUDED.outcome, age_bands = EXCLUDED.age_bands,
    theme_ids = EXCLUDED.theme_ids, agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector;
END
$$;

CREATE OR REPLACE FUNCTION search_index_reviews(ids bigint[], full_text_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_reviewentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM reviews_review r WHERE r.id = e.id);
INSERT INTO findings_reviewentry (id, status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids, vector, context_vector,
    full_text_vector)
SELECT r.id, r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands,
    ARRAY(SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id
          UNION SELECT ft.theme_id FROM findings_finding_themes ft
                JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id
          ORDER BY 1),
    ARRAY(SELECT DISTINCT fa.agency_id FROM findings_finding_agencies fa
          JOIN findings_finding f ON f.id = fa.finding_id WHERE f.review_id = r.id ORDER BY 1),
    search_with_compounds(words.vector), search_with_compounds(head.vector),
    CASE WHEN old.id IS NULL OR r.id = ANY(full_text_ids)
         THEN search_with_compounds(setweight(to_tsvector('english', r.full_text), 'D'))
         ELSE old.full_text_vector END
FROM reviews_review r
LEFT JOIN findings_reviewentry old ON old.id = r.id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT t.name || ' ' || array_to_string(t.former_names, ' '), ' ') AS names
    FROM findings_theme t
    WHERE t.id IN (SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id)
       OR t.id IN (SELECT ft.theme_id FROM findings_finding_themes ft
                   JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id)
) tags ON true
LEFT JOIN LATERAL (
    SELECT concat_ws(' ',
        (SELECT string_agg(f.title || ' ' || f.text, ' ' ORDER BY f.position)
         FROM findings_finding f WHERE f.review_id = r.id),
        (SELECT string_agg(rec.text, ' ' ORDER BY rec.position)
         FROM findings_recommendation rec WHERE rec.review_id = r.id)) AS text
) body ON true
LEFT JOIN LATERAL (
    SELECT setweight(to_tsvector('english', r.title), 'A')
        || setweight(to_tsvector('english', coalesce(tags.names, '') || ' ' || array_to_string(r.keywords, ' ')), 'B')
        || setweight(to_tsvector('english', r.summary), 'C') AS vector
) head ON true
LEFT JOIN LATERAL (
    SELECT head.vector || setweight(to_tsvector('english', coalesce(body.text, '')), 'C') AS vector
) words ON true
WHERE r.id = ANY(ids)
ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, partnership_id = EXCLUDED.partnership_id, year = EXCLUDED.year, date = EXCLUDED.date, nation = EXCLUDED.nation, region = EXCLUDED.region, review_type = EXCLUDED.review_type, outcome = EXCLUDED.outcome, age_bands = EXCLUDED.age_bands, theme_ids = EXCLUDED.theme_ids,
    agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector, context_vector = EXCLUDED.context_vector,
    full_text_vector = EXCLUDED.full_text_vector;
END
$$;
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

DROP TRIGGER search_finding_changed ON findings_finding;
CREATE TRIGGER search_finding_changed AFTER UPDATE ON findings_finding FOR EACH ROW
WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
      OR OLD.position IS DISTINCT FROM NEW.position OR OLD.review_id IS DISTINCT FROM NEW.review_id)
EXECUTE FUNCTION search_finding_changed();

-- A recommendation added, changed or deleted: its review's entry, and those of the findings it follows from.
CREATE FUNCTION search_recommendation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER search_recommendation_added_or_deleted AFTER INSERT OR DELETE ON findings_recommendation
FOR EACH ROW EXECUTE FUNCTION search_recommendation_changed();
CREATE TRIGGER search_recommendation_changed AFTER UPDATE ON findings_recommendation FOR EACH ROW
WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.position IS DISTINCT FROM NEW.position
      OR OLD.review_id IS DISTINCT FROM NEW.review_id)
EXECUTE FUNCTION search_recommendation_changed();

-- A recommendation linked to a finding or unlinked (a deleted recommendation's links go first): that finding.
CREATE FUNCTION search_recommendation_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('f', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.finding_id ELSE NEW.finding_id END]);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_recommendation_link_changed AFTER INSERT OR DELETE ON findings_recommendation_findings
FOR EACH ROW EXECUTE FUNCTION search_recommendation_link_changed();

-- Every entry and every count made again from the data, when this migration commits: the recommendations findings
-- 0023 made from the findings' field are in them now.
TRUNCATE findings_searchterm;
DELETE FROM search_counted;
INSERT INTO search_pending (kind, object_id) SELECT 'c', id FROM reviews_review ON CONFLICT DO NOTHING;
SELECT search_mark('v', ARRAY[0::bigint]);
"""


# Back as 0001 and 0002 left them (findings 0024 has given the finding its recommendation field again by then).
REVERSE = r"""
DROP TRIGGER search_recommendation_link_changed ON findings_recommendation_findings;
DROP TRIGGER search_recommendation_added_or_deleted ON findings_recommendation;
DROP TRIGGER search_recommendation_changed ON findings_recommendation;
DROP FUNCTION search_recommendation_link_changed(), search_recommendation_changed();
DROP TRIGGER search_finding_changed ON findings_finding;
CREATE TRIGGER search_finding_changed AFTER UPDATE ON findings_finding FOR EACH ROW
WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
      OR OLD.recommendation IS DISTINCT FROM NEW.recommendation OR OLD.position IS DISTINCT FROM NEW.position
      OR OLD.review_id IS DISTINCT FROM NEW.review_id)
EXECUTE FUNCTION search_finding_changed();

CREATE OR REPLACE FUNCTION search_index_findings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_findingentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM findings_finding f WHERE f.id = e.id);
INSERT INTO findings_findingentry (id, review_id, status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids, vector)
SELECT f.id, f.review_id, r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands,
    ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id ORDER BY 1),
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
ON CONFLICT (id) DO UPDATE SET review_id = EXCLUDED.review_id, status = EXCLUDED.status, partnership_id = EXCLUDED.partnership_id, year = EXCLUDED.year, date = EXCLUDED.date, nation = EXCLUDED.nation, region = EXCLUDED.region, review_type = EXCLUDED.review_type, outcome = EXCLUDED.outcome, age_bands = EXCLUDED.age_bands,
    theme_ids = EXCLUDED.theme_ids, agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector;
END
$$;

CREATE OR REPLACE FUNCTION search_index_reviews(ids bigint[], full_text_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_reviewentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM reviews_review r WHERE r.id = e.id);
INSERT INTO findings_reviewentry (id, status, partnership_id, year, date, nation, region, review_type, outcome, age_bands, theme_ids, agency_ids, vector, context_vector,
    full_text_vector)
SELECT r.id, r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands,
    ARRAY(SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id
          UNION SELECT ft.theme_id FROM findings_finding_themes ft
                JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id
          ORDER BY 1),
    ARRAY(SELECT DISTINCT fa.agency_id FROM findings_finding_agencies fa
          JOIN findings_finding f ON f.id = fa.finding_id WHERE f.review_id = r.id ORDER BY 1),
    search_with_compounds(words.vector), search_with_compounds(head.vector),
    CASE WHEN old.id IS NULL OR r.id = ANY(full_text_ids)
         THEN search_with_compounds(setweight(to_tsvector('english', r.full_text), 'D'))
         ELSE old.full_text_vector END
FROM reviews_review r
LEFT JOIN findings_reviewentry old ON old.id = r.id
LEFT JOIN agencies_partnership p ON p.id = r.partnership_id
LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT t.name || ' ' || array_to_string(t.former_names, ' '), ' ') AS names
    FROM findings_theme t
    WHERE t.id IN (SELECT theme_id FROM reviews_review_themes WHERE review_id = r.id)
       OR t.id IN (SELECT ft.theme_id FROM findings_finding_themes ft
                   JOIN findings_finding f ON f.id = ft.finding_id WHERE f.review_id = r.id)
) tags ON true
LEFT JOIN LATERAL (
    SELECT string_agg(f.title || ' ' || f.text || ' ' || f.recommendation, ' ' ORDER BY f.position) AS text
    FROM findings_finding f WHERE f.review_id = r.id
) body ON true
LEFT JOIN LATERAL (
    SELECT setweight(to_tsvector('english', r.title), 'A')
        || setweight(to_tsvector('english', coalesce(tags.names, '') || ' ' || array_to_string(r.keywords, ' ')), 'B')
        || setweight(to_tsvector('english', r.summary), 'C') AS vector
) head ON true
LEFT JOIN LATERAL (
    SELECT head.vector || setweight(to_tsvector('english', coalesce(body.text, '')), 'C') AS vector
) words ON true
WHERE r.id = ANY(ids)
ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, partnership_id = EXCLUDED.partnership_id, year = EXCLUDED.year, date = EXCLUDED.date, nation = EXCLUDED.nation, region = EXCLUDED.region, review_type = EXCLUDED.review_type, outcome = EXCLUDED.outcome, age_bands = EXCLUDED.age_bands, theme_ids = EXCLUDED.theme_ids,
    agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector, context_vector = EXCLUDED.context_vector,
    full_text_vector = EXCLUDED.full_text_vector;
END
$$;
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
        SELECT 'f', f.id, search_words(f.title || ' ' || f.text || ' ' || f.recommendation)
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
DROP FUNCTION search_finding_recommendations(bigint);
TRUNCATE findings_searchterm;
DELETE FROM search_counted;
INSERT INTO search_pending (kind, object_id) SELECT 'c', id FROM reviews_review ON CONFLICT DO NOTHING;
SELECT search_mark('v', ARRAY[0::bigint]);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_embedding_changes"),
        ("findings", "0023_recommendations"),
    ]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
