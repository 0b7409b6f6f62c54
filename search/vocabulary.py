"""The safeguarding vocabulary as search uses it: query text as tsqueries, groups of phrases that mean the same
(acronyms both ways), the vocabulary's phrases as lexemes of their own in every vector (`compounds()`,
installed in the database by `install_compounds`), and the themes a query names."""

import functools
import re

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections

from findings.models import Theme
from search.indexing import corpus_version
from vocabulary import acronyms, synonym_groups


def lexemes(tsquery_text):
    return re.findall(r"'((?:[^']|'')*)'", tsquery_text or "")


def to_tsqueries(strings):
    """{string: its phraseto_tsquery text} for many strings in one round trip ('' for stop words)."""
    strings = sorted(set(strings))
    if not strings:
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT s, phraseto_tsquery('english', s)::text FROM unnest(%s::text[]) AS s", [strings])
        return dict(cursor.fetchall())


_HYPHENATED = re.compile(r"^'([^' ]+-[^' ]+)'(?: <-> '[^']+')+$")


def _compound(tsquery_text):
    """A hyphenated word alone ("co-sleeping": 'co-sleep' <-> 'co' <-> 'sleep') as its compound lexeme, which
    the parser stores only for the hyphenated form: the same matches, found by the index without re-reading
    each row's positions."""
    match = _HYPHENATED.match(tsquery_text or "")
    if match and tsquery_text.count("<->") == match.group(1).count("-") + 1:
        return f"'{match.group(1)}'"
    return tsquery_text


@functools.cache
def phrase_groups():
    """Groups of phrases that mean the same, each phrase with its stems: [[(phrase, (stems...)), ...]]."""
    groups = synonym_groups()
    for acronym, expansion in acronyms().items():
        for group in groups:
            if acronym in group or expansion in group:
                group.extend(p for p in (acronym, expansion) if p not in group)
                break
        else:
            groups.append([acronym, expansion])
    queries = to_tsqueries(p for group in groups for p in group)
    return [[(p, tuple(lexemes(queries[p]))) for p in group] for group in groups]


@functools.cache
def compounds():
    """{tsquery text of a multi-word phrase of the vocabulary: the lexeme that stands for it in every vector}.

    Search entries carry one extra lexeme for each vocabulary phrase they contain ("lived experience":
    'live<->experi'; see `install_compounds`), so that a synonym or an acronym's expansion is matched by the
    index alone: testing a phrase means re-reading each candidate row's positions, and reviews' vectors are
    stored out of line.
    """
    phrases = [phrase for group in phrase_groups() for phrase, stems in group if len(stems) > 1]
    queries = to_tsqueries(phrases).values()
    return {
        query: re.sub(r"[' ]", "", query)
        for query in queries
        if "<" in query and "''" not in query and _compound(query) == query
    }


def indexable(tsquery_text):
    """A tsquery the index answers alone: a hyphenated word or a vocabulary phrase as its one lexeme."""
    name = compounds().get(tsquery_text)
    return f"'{name}'" if name else _compound(tsquery_text)


# Single-word theme keywords too general to say that a query is about the theme.
GENERIC_KEYWORDS = {
    "referral", "contact", "assessment", "analysis", "challenge", "closed", "flag", "alert", "records", "recording",
    "transfer", "online", "culture", "cultural", "race", "faith", "religion", "hostile", "reluctant", "resistant",
    "avoidant", "curious", "optimism", "drift", "dispute", "escalate", "threshold", "training", "capacity",
    "staffing", "caseload", "workload", "housing", "debt", "father", "disclosure", "internet", "exclusion",
    "hypothesis", "assumption", "misinterpreted", "reassess", "chronology", "documentation", "sofa", "overlay",
    "drugs", "alcohol", "anxiety", "depression", "disability", "disabled", "deaf", "stepfather", "transition",
}  # fmt: skip


def theme_patterns():
    """[(theme slug, stems of its name or one of its keywords)] for spotting themes named in a query.

    Read once per version of the corpus (a theme's change moves the version on; see search.indexing)."""
    return cache.get_or_set(f"theme-patterns:{corpus_version()}", _read_theme_patterns, timeout=3600)


def _read_theme_patterns():
    themes = list(Theme.objects.active().values_list("slug", "name", "keywords"))
    queries = to_tsqueries([name for _, name, _ in themes] + [k for *_, keywords in themes for k in keywords])
    patterns = []
    for slug, name, keywords in themes:
        patterns.append((slug, tuple(lexemes(queries[name]))))
        patterns.extend((slug, tuple(lexemes(queries[k]))) for k in keywords if k.lower() not in GENERIC_KEYWORDS)
    return [p for p in patterns if p[1]]


def install_compounds(using=DEFAULT_DB_ALIAS, **kwargs):
    """Make the database's list of compound lexemes (`search_compound`, which every vector is made with) the
    vocabulary's, and when it changed, add the new lexemes to the vectors already stored.

    Runs after every migrate (and flush). A phrase taken out of the vocabulary leaves its lexeme in stored
    vectors until `rebuild_search_index`.
    """
    wanted = sorted({name: query for query, name in compounds().items()}.items())
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT to_regclass('search_compound')")
        if cursor.fetchone()[0] is None:  # migrated only part of the way
            return False
        cursor.execute("SELECT name, query::text FROM search_compound ORDER BY 1, 2")
        if [tuple(row) for row in cursor.fetchall()] == wanted:
            return False
        cursor.execute("DELETE FROM search_compound")
        cursor.execute(
            "INSERT INTO search_compound (name, query) SELECT name, query::tsquery "
            "FROM unnest(%s::text[], %s::text[]) AS c(name, query) ON CONFLICT (name) DO NOTHING",
            [[name for name, _ in wanted], [query for _, query in wanted]],
        )
        cursor.execute("UPDATE findings_findingentry SET vector = search_with_compounds(vector)")
        cursor.execute(
            "UPDATE findings_reviewentry SET vector = search_with_compounds(vector), "
            "context_vector = search_with_compounds(context_vector), "
            "full_text_vector = search_with_compounds(full_text_vector)"
        )
        cursor.execute("SELECT search_mark('v', ARRAY[0::bigint])")
    return True
