"""Search becomes an app of its own, and the database keeps its index in step.

- The search entries and the corpus word list move here with their tables (state only: the tables keep
  their names).
- Triggers on findings, reviews, their tag tables, themes and partnerships mark what changed in
  `search_pending` (f: a finding; r: a review; c: a review and its findings, which copy its fields; t: a
  review whose full text changed; v: only the corpus version). The first mark of a transaction queues a
  constraint trigger deferred to commit, which applies the marks once per transaction (`search_apply()`):
  entries made again, word counts moved by the difference between what each document
  counted and what it counts now (`search_counted`), the corpus version moved on. So the index is written
  once per transaction, whatever wrote the data (the ORM, `.update()`, SQL), and the version a reader sees
  moves when the data it describes becomes visible.
- Every entry and every word count is made again here, from the data, with this migration's own SQL.

The SQL is frozen here: a later change to how entries are made is a later migration (CREATE OR REPLACE).
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

ENTRY_FIELDS = [
    ("status", models.CharField(max_length=20)),
    ("partnership_id", models.IntegerField(null=True)),
    ("year", models.IntegerField(null=True)),
    ("date", models.DateField(null=True)),
    ("nation", models.CharField(blank=True, max_length=20)),
    ("region", models.CharField(blank=True, max_length=40)),
    ("review_type", models.CharField(blank=True, max_length=40)),
    ("outcome", models.CharField(blank=True, max_length=20)),
    ("age_bands", django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=20), default=list)),
    ("theme_ids", django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), default=list)),
    ("agency_ids", django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), default=list)),
    ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
]

# The review's fields every entry copies, as SQL over the review r and its partnership p.
COPIED = """r.status, r.partnership_id, r.publication_year, r.publication_date, r.nation, coalesce(p.region, ''),
        r.review_type, r.outcome, r.age_bands"""
COPIED_COLUMNS = "status, partnership_id, year, date, nation, region, review_type, outcome, age_bands"
UPDATE_COPIED = ", ".join(f"{c} = EXCLUDED.{c}" for c in COPIED_COLUMNS.split(", "))

FUNCTIONS = f"""
ALTER SEQUENCE findings_corpus_version RENAME TO search_corpus_version_seq;
CREATE TABLE search_corpus (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO search_corpus VALUES (1, nextval('search_corpus_version_seq'));

-- The vocabulary's phrases, each with the lexeme that stands for it in every vector that contains it
-- (search.vocabulary.install_compounds keeps the rows in step with the vocabulary after every migrate).
CREATE TABLE search_compound (name text PRIMARY KEY, query tsquery NOT NULL);

CREATE FUNCTION search_with_compounds(v tsvector) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT v || coalesce((SELECT array_to_tsvector(array_agg(DISTINCT c.name))
                          FROM search_compound c WHERE v @@ c.query), ''::tsvector)
$$;

-- The words of a document as the corpus word list counts them: unstemmed, distinct.
CREATE FUNCTION search_words(document text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(lexeme ORDER BY lexeme), '{{}}') FROM unnest(to_tsvector('simple', document))
    WHERE length(lexeme) BETWEEN 2 AND 100 AND lexeme ~ '^[[:alpha:]][[:alpha:]''-]*$'
$$;

-- A finding's entry: title (A), its themes' names and former names (B), text and recommendation (C).
-- (PL/pgSQL, whose statements are planned once a session, not at every call as SQL functions' are.)
CREATE FUNCTION search_index_findings(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_findingentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM findings_finding f WHERE f.id = e.id);
INSERT INTO findings_findingentry (id, review_id, {COPIED_COLUMNS}, theme_ids, agency_ids, vector)
SELECT f.id, f.review_id, {COPIED},
    ARRAY(SELECT theme_id FROM findings_finding_themes WHERE finding_id = f.id
          UNION SELECT theme_id FROM reviews_review_themes WHERE review_id = f.review_id ORDER BY 1),
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

-- A review's entry: `vector` is its pseudonym (A), its and its findings' theme names and its keywords (B),
-- its summary and findings (C); `context_vector` the same without the findings; `full_text_vector` its full
-- text (D), large, so made again only for a new entry or when the full text changed (full_text_ids).
CREATE FUNCTION search_index_reviews(ids bigint[], full_text_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
DELETE FROM findings_reviewentry e
WHERE e.id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM reviews_review r WHERE r.id = e.id);
INSERT INTO findings_reviewentry (id, {COPIED_COLUMNS}, theme_ids, agency_ids, vector, context_vector,
    full_text_vector)
SELECT r.id, {COPIED},
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
ON CONFLICT (id) DO UPDATE SET {UPDATE_COPIED}, theme_ids = EXCLUDED.theme_ids,
    agency_ids = EXCLUDED.agency_ids, vector = EXCLUDED.vector, context_vector = EXCLUDED.context_vector,
    full_text_vector = EXCLUDED.full_text_vector;
END
$$;

-- Apply every pending mark: entries, word counts, corpus version. Returns how many marks it took.
-- Its statements are planned afresh at each call (plan_cache_mode): a plan cached by a long session (an import)
-- while the tables were small would otherwise be kept as they grow.
CREATE FUNCTION search_apply() RETURNS integer LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
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
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'f'), '{{}}'),
        coalesce(array_agg(DISTINCT object_id) FILTER (WHERE kind IN ('r', 'c', 't')), '{{}}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 'c'), '{{}}'),
        coalesce(array_agg(object_id) FILTER (WHERE kind = 't'), '{{}}')
    INTO taken, f_ids, r_ids, c_ids, t_ids FROM t;
    IF taken = 0 THEN
        RETURN 0;
    END IF;
    -- Transactions committing at once write the word list one after the other (each would otherwise lock
    -- its words in its own order, and two could wait on each other). Held only until the commit.
    PERFORM pg_advisory_xact_lock(7240001);
    -- A change to a review's own fields, tags or status reaches every one of its findings' entries.
    IF c_ids <> '{{}}' THEN
        f_ids := f_ids || ARRAY(SELECT id FROM findings_finding WHERE review_id = ANY(c_ids));
    END IF;
    IF f_ids = '{{}}' AND r_ids = '{{}}' THEN  -- only the version moves on (a theme was added)
        UPDATE search_corpus SET version = nextval('search_corpus_version_seq');
        RETURN taken;
    END IF;
    IF f_ids <> '{{}}' THEN
        PERFORM search_index_findings(f_ids);
    END IF;
    IF r_ids <> '{{}}' THEN
        PERFORM search_index_reviews(r_ids, t_ids);
    END IF;

    -- The word list counts the words of published documents: take away what each changed document counted,
    -- add what it counts now.
    SELECT coalesce(array_agg(w), '{{}}') INTO old_words
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
    SELECT coalesce(array_agg(w), '{{}}') INTO new_words FROM fresh, unnest(fresh.words) w;
    SELECT coalesce(array_agg(w), '{{}}'), coalesce(array_agg(d), '{{}}') INTO delta_words, delta_counts
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

-- A transaction that marked something asks, once, for the marks to be applied when it commits: one row here,
-- whose insert queues the deferred trigger (a trigger on the marks themselves would fire once per mark).
CREATE TABLE search_apply_request (txid bigint PRIMARY KEY);

CREATE FUNCTION search_apply_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_apply();
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER search_apply_at_commit AFTER INSERT ON search_apply_request
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_apply_at_commit();

-- Marking what changed.
CREATE FUNCTION search_mark(mark text, ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_pending (kind, object_id) SELECT mark, id FROM unnest(ids) AS id WHERE id IS NOT NULL
    ON CONFLICT (kind, object_id) DO NOTHING;
    INSERT INTO search_apply_request VALUES (txid_current()) ON CONFLICT (txid) DO NOTHING;
$$;

CREATE FUNCTION search_finding_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_mark('f', ARRAY[OLD.id]);
        PERFORM search_mark('r', ARRAY[OLD.review_id]);
    ELSE
        PERFORM search_mark('f', ARRAY[NEW.id]);
        PERFORM search_mark('r', ARRAY[NEW.review_id]);
        IF TG_OP = 'UPDATE' AND OLD.review_id <> NEW.review_id THEN
            PERFORM search_mark('r', ARRAY[OLD.review_id]);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_finding_added_or_deleted AFTER INSERT OR DELETE ON findings_finding
FOR EACH ROW EXECUTE FUNCTION search_finding_changed();
CREATE TRIGGER search_finding_changed AFTER UPDATE ON findings_finding FOR EACH ROW
WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
      OR OLD.recommendation IS DISTINCT FROM NEW.recommendation OR OLD.position IS DISTINCT FROM NEW.position
      OR OLD.review_id IS DISTINCT FROM NEW.review_id)
EXECUTE FUNCTION search_finding_changed();

CREATE FUNCTION search_review_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_mark('r', ARRAY[OLD.id]);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM search_mark('r', ARRAY[NEW.id]);
    ELSIF (OLD.status, OLD.partnership_id, OLD.publication_year, OLD.publication_date, OLD.nation,
           OLD.review_type, OLD.outcome, OLD.age_bands)
          IS DISTINCT FROM (NEW.status, NEW.partnership_id, NEW.publication_year, NEW.publication_date, NEW.nation,
                            NEW.review_type, NEW.outcome, NEW.age_bands) THEN
        PERFORM search_mark('c', ARRAY[NEW.id]);  -- its findings' entries copy these
    ELSE
        PERFORM search_mark('r', ARRAY[NEW.id]);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.full_text IS DISTINCT FROM NEW.full_text THEN
        PERFORM search_mark('t', ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_review_added_or_deleted AFTER INSERT OR DELETE ON reviews_review
FOR EACH ROW EXECUTE FUNCTION search_review_changed();
CREATE TRIGGER search_review_changed AFTER UPDATE ON reviews_review FOR EACH ROW
WHEN ((OLD.title, OLD.summary, OLD.keywords, OLD.full_text, OLD.status, OLD.partnership_id, OLD.publication_year,
       OLD.publication_date, OLD.nation, OLD.review_type, OLD.outcome, OLD.age_bands)
      IS DISTINCT FROM (NEW.title, NEW.summary, NEW.keywords, NEW.full_text, NEW.status, NEW.partnership_id,
                        NEW.publication_year, NEW.publication_date, NEW.nation, NEW.review_type, NEW.outcome,
                        NEW.age_bands))
EXECUTE FUNCTION search_review_changed();

-- A finding's themes or agencies: its entry, and its review's (which gathers its findings' tags).
CREATE FUNCTION search_finding_tag_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    finding bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.finding_id ELSE NEW.finding_id END;
BEGIN
    PERFORM search_mark('f', ARRAY[finding]);
    PERFORM search_mark('r', ARRAY(SELECT review_id FROM findings_finding WHERE id = finding));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_finding_theme_changed AFTER INSERT OR DELETE ON findings_finding_themes
FOR EACH ROW EXECUTE FUNCTION search_finding_tag_changed();
CREATE TRIGGER search_finding_agency_changed AFTER INSERT OR DELETE ON findings_finding_agencies
FOR EACH ROW EXECUTE FUNCTION search_finding_tag_changed();

-- A review's own themes: its entry and its findings' (their theme ids include the review's).
CREATE FUNCTION search_review_theme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('c', ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.review_id ELSE NEW.review_id END]);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_review_theme_changed AFTER INSERT OR DELETE ON reviews_review_themes
FOR EACH ROW EXECUTE FUNCTION search_review_theme_changed();

-- A theme: searches read themes once per corpus version; a new name reaches the vectors that carry it.
CREATE FUNCTION search_theme_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER search_theme_changed AFTER INSERT OR UPDATE OR DELETE ON findings_theme
FOR EACH ROW EXECUTE FUNCTION search_theme_changed();

-- A partnership's region is copied onto its reviews' and their findings' entries.
CREATE FUNCTION search_partnership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_mark('c', ARRAY(SELECT id FROM reviews_review WHERE partnership_id = NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER search_partnership_changed AFTER UPDATE ON agencies_partnership FOR EACH ROW
WHEN (OLD.region IS DISTINCT FROM NEW.region)
EXECUTE FUNCTION search_partnership_changed();

-- Every entry and every count made again from the data, when this migration commits.
TRUNCATE findings_searchterm;
INSERT INTO search_pending (kind, object_id) SELECT 'c', id FROM reviews_review;
INSERT INTO search_pending (kind, object_id) SELECT 't', id FROM reviews_review;
SELECT search_mark('v', ARRAY[0::bigint]);
"""

REVERSE = """
DROP TRIGGER search_apply_at_commit ON search_apply_request;
DROP TRIGGER search_finding_added_or_deleted ON findings_finding;
DROP TRIGGER search_finding_changed ON findings_finding;
DROP TRIGGER search_review_added_or_deleted ON reviews_review;
DROP TRIGGER search_review_changed ON reviews_review;
DROP TRIGGER search_finding_theme_changed ON findings_finding_themes;
DROP TRIGGER search_finding_agency_changed ON findings_finding_agencies;
DROP TRIGGER search_review_theme_changed ON reviews_review_themes;
DROP TRIGGER search_theme_changed ON findings_theme;
DROP TRIGGER search_partnership_changed ON agencies_partnership;
DROP FUNCTION search_apply_at_commit(), search_apply(), search_mark(text, bigint[]), search_finding_changed(),
    search_review_changed(), search_finding_tag_changed(), search_review_theme_changed(), search_theme_changed(),
    search_partnership_changed(), search_index_findings(bigint[]), search_index_reviews(bigint[], bigint[]),
    search_words(text), search_with_compounds(tsvector);
DROP TABLE search_corpus, search_compound, search_apply_request;
ALTER SEQUENCE search_corpus_version_seq RENAME TO findings_corpus_version;
"""


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("findings", "0016_search_entries_move_to_search"),
        ("reviews", "0007_search_entries"),
        ("agencies", "0003_partnership_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="FindingEntry",
                    fields=[
                        *ENTRY_FIELDS,
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
                        (
                            "review",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.review"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "findings_findingentry",
                        "indexes": [
                            django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="finding_entry_vector"),
                            models.Index(fields=["review"], name="findings_fi_review__731465_idx"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ReviewEntry",
                    fields=[
                        *ENTRY_FIELDS,
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
                    options={
                        "db_table": "findings_reviewentry",
                        "indexes": [
                            django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="review_entry_vector"),
                            django.contrib.postgres.indexes.GinIndex(
                                fields=["full_text_vector"], name="review_entry_full_text"
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SearchTerm",
                    fields=[
                        ("word", models.CharField(max_length=100, primary_key=True, serialize=False)),
                        ("stem", models.CharField(blank=True, db_index=True, max_length=100)),
                        ("ndoc", models.PositiveIntegerField(default=0)),
                    ],
                    options={"db_table": "findings_searchterm"},
                ),
            ],
            database_operations=[],
        ),
        migrations.CreateModel(
            name="PendingChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=1)),
                ("object_id", models.BigIntegerField()),
            ],
            options={
                "db_table": "search_pending",
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="one_pending_change")],
            },
        ),
        migrations.CreateModel(
            name="CountedWords",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=1)),
                ("object_id", models.BigIntegerField()),
                (
                    "words",
                    django.contrib.postgres.fields.ArrayField(base_field=models.TextField(), default=list),
                ),
            ],
            options={
                "db_table": "search_counted",
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="one_count_per_document")],
            },
        ),
        migrations.RunSQL(FUNCTIONS, REVERSE),
    ]
