"""A parsed query made ready for SQL: its concepts as tsqueries weighed by rarity, what must match, the tiers
ranking takes its candidates from, and the themes it names."""

import functools
import itertools
import math
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max

from findings.models import Finding
from reviews.models import Review
from search.indexing import corpus_version
from search.models import SearchTerm
from search.vocabulary import indexable, lexemes, phrase_groups, theme_patterns, to_tsqueries
from vocabulary import acronyms, practice_terms

# Acronyms that are also ordinary words count only when typed in capitals.
AMBIGUOUS_ACRONYMS = {"SEND", "DA", "ED", "CP", "CIN", "LAC", "DNA", "CLA", "CME", "PLO", "DASH", "ICON", "CPR", "NRM"}


@dataclass(frozen=True)
class PlannedConcept:
    """One concept of a query as SQL reads it."""

    exact: str  # tsquery text: the words as typed
    expanded: str  # tsquery text: with their synonyms and expansions
    weight: float  # how rare it is in the published corpus (inverse document frequency)
    required: bool  # a quoted phrase: every match must have it
    documents: int = 0  # how many published documents use it
    weak: bool = False  # a word that rarely carries a query's meaning ("could"): it only ranks

    def form(self, with_synonyms):
        return self.expanded if with_synonyms else self.exact


@dataclass
class Plan:
    """A query made ready for SQL. Exclusions are part of match, strict and every tier."""

    concepts: list  # [PlannedConcept]
    match: str  # tsquery text: what a document must match (any of the selective concepts)
    strict: str  # tsquery text: most of the rarest selective concepts
    highlight: str  # tsquery text: everything worth highlighting, phrases as phrases (for headlines and ts_rank)
    tiers: list  # [Tier]: the matches that cover the most (and rarest) concepts first
    themes: list  # theme slugs the query names
    unknown: list  # typed words found nowhere in the corpus
    understood: object = None  # search.understanding.Understood: the nation, type, age, period, agency it names
    # Semantic matching (search.semantic): the text to embed ("" for none), what a match by meaning must still
    # match (quoted phrases and exclusions, tsquery text, "" for nothing), and the matches at one level.
    semantic_text: str = ""
    semantic_gate: str = ""
    semantic: object = None


MAX_TIERS = 8
# Query words that rarely carry its meaning (practitioners type sentences): they rank, but a document
# need not have them. Stop words are dropped by PostgreSQL already.
WEAK_WORDS = {
    "could", "would", "should", "might", "must", "may", "can", "cannot", "yet", "still", "also", "never",
    "ever", "even", "just", "really", "much", "many", "often", "always", "already", "however", "though",
    "although", "whether", "like", "get", "got", "able", "seem", "seemed", "seems", "sometimes", "perhaps",
}  # fmt: skip
# The rarest concepts that decide what matches: a document matching k of n is found by the index testing
# every combination of k, which grows quickly with n.
MOST_CONCEPTS = 5


@dataclass
class Tier:
    query: str  # tsquery text, for the index
    before: str  # tsquery text: the tiers before it (their rows are not this tier's), or ""
    beyond_strict: bool  # whether it asks for more concepts than most of the query needs


def _or(parts):
    parts = [p for p in parts if p]
    return " | ".join(f"( {p} )" for p in parts)


def _without(query, excluded):
    return f"( {query} ) & !( {excluded} )" if excluded else query


def plan(parsed):
    """Turn a parsed query into tsqueries, weights and named themes. None when nothing is searchable."""
    strings = [s for c in parsed.concepts for s in c.exact] + parsed.excluded
    queries = to_tsqueries(strings)
    groups = phrase_groups()

    # Stems of each plain word, in order, to spot multi-word synonyms and theme keywords.
    sequence = []  # (concept index, stem)
    for index, concept in enumerate(parsed.concepts):
        if not concept.phrase and len(concept.exact) == 1:
            sequence.extend((index, stem) for stem in lexemes(queries[concept.exact[0]]))
    stems_only = [stem for _, stem in sequence]
    for group in groups:
        for phrase, stems in group:
            if not stems or (phrase.isupper() and phrase in AMBIGUOUS_ACRONYMS):
                continue
            for start in range(len(stems_only) - len(stems) + 1):
                if tuple(stems_only[start : start + len(stems)]) == stems:
                    for index, _ in sequence[start : start + len(stems)]:
                        parsed.concepts[index].variants.extend(p for p, _ in group if p != phrase)
    for concept in parsed.concepts:  # acronyms typed as such ("DV", "SEND" in capitals)
        for typed in concept.exact:
            expansion = acronyms().get(typed.upper())
            if expansion and (typed.isupper() or typed.upper() not in AMBIGUOUS_ACRONYMS):
                for group in groups:
                    if any(p == typed.upper() for p, _ in group):
                        concept.variants.extend(p for p, _ in group if p.upper() != typed.upper())

    variant_queries = to_tsqueries(v for c in parsed.concepts for v in c.variants)
    all_stems = {stem for c in parsed.concepts for s in c.exact for stem in lexemes(queries[s])}
    document_counts = dict(
        SearchTerm.objects.filter(stem__in=all_stems).values("stem").annotate(n=Max("ndoc")).values_list("stem", "n")
    )
    total = max(_corpus_size(), 1)

    concepts, unknown, highlight = [], [], []
    for concept in parsed.concepts:
        exact = _or(indexable(queries[s]) for s in concept.exact)
        if not exact:
            continue  # only stop words
        highlight.extend(queries[s] for s in concept.exact)
        highlight.extend(variant_queries.get(v, "") for v in concept.variants)
        stems = [stem for s in concept.exact for stem in lexemes(queries[s])]
        df = max((document_counts.get(stem, 0) for stem in stems), default=0)
        if df == 0 and not concept.phrase:
            unknown.extend(w for w in concept.words if lexemes(queries.get(w, "")) or w in concept.exact)
        weight = math.log(1 + total / (1 + df))
        variants = (indexable(variant_queries.get(v, "")) for v in dict.fromkeys(concept.variants))
        expanded = _or([exact, *variants])
        weak = not concept.phrase and all(w.lower() in WEAK_WORDS for w in concept.words)
        concepts.append(PlannedConcept(exact, expanded, weight, concept.phrase, df, weak))
    if not concepts:
        return None

    # A document must match at least one concept; words in more than half the corpus, and words that
    # rarely carry a query's meaning ("could", "yet"), only rank. First try the documents that match
    # most of the (at most five) rarest concepts: both of two, two of three, three of four or five; a
    # search falls back to any one of them when that gives too few (_fallbacks()).
    selective = [c for c in concepts if (c.documents <= total / 2 and not c.weak) or c.required] or concepts
    required = [c for c in concepts if c.required]
    match = _or(c.expanded for c in selective)
    rarest = sorted((c for c in selective if not c.required), key=lambda c: c.documents)[:MOST_CONCEPTS]
    needed = len(rarest) if len(rarest) <= 2 else len(rarest) // 2 + 1
    strict = match
    # Two concepts: both, synonyms included. Three or more: the words as typed (synonyms make broad matches
    # of their own; they still count in the ranking).
    with_synonyms = len(rarest) <= 2
    if needed > 1:
        combos = itertools.combinations(rarest, needed)
        strict = _or(" & ".join(f"( {c.form(with_synonyms)} )" for c in combo) for combo in combos)
    base = [c.expanded for c in required]
    if required:
        match = strict = " & ".join(f"( {b} )" for b in base)
    excluded = _or(indexable(queries[s]) for s in parsed.excluded)

    # Tiers for ranking many matches: combinations of the rarest concepts (in the same form as strict), most
    # weight first, each an AND that the index answers quickly. A row belongs to the first tier it matches;
    # tiers smaller than `needed` hold rows that only the looser match admits.
    smallest = 0 if required else 1
    combos = [combo for size in range(len(rarest), smallest - 1, -1) for combo in itertools.combinations(rarest, size)]
    combos.sort(key=lambda combo: -sum(c.weight for c in combo))
    tiers, before = [], []
    for combo in combos[:MAX_TIERS]:
        tier = " & ".join(f"( {q} )" for q in base + [c.form(with_synonyms) for c in combo])
        beyond = len(combo) > (0 if required else needed)
        tiers.append(Tier(_without(tier, excluded), _or(before), beyond))
        before.append(tier)
    gate = " & ".join(f"( {b} )" for b in base)
    if excluded:
        match, strict = _without(match, excluded), _without(strict, excluded)
        gate = _without(gate, excluded) if gate else f"!( {excluded} )"
    themes = []
    for slug, stems in theme_patterns():
        if slug not in themes and any(
            tuple(stems_only[i : i + len(stems)]) == stems for i in range(len(stems_only) - len(stems) + 1)
        ):
            themes.append(slug)
    return Plan(
        concepts=concepts,
        match=match,
        strict=strict,
        highlight=_or(dict.fromkeys(highlight)),
        tiers=tiers,
        themes=themes,
        unknown=unknown,
        semantic_text=_semantic_text(parsed, known=any(c.documents for c in concepts)),
        semantic_gate=gate,
    )


# Function words that carry no meaning at the edges of a query (its middle keeps them: "not", "after", "with").
EDGE_WORDS = {
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "by", "is", "it", "was", "be", "are", "were",
    "been", "this", "that", "these", "those", "as", "with", "from", "about", "into", "any", "all", "some",
}  # fmt: skip


def _semantic_text(parsed, known=True):
    """The query as the embedding model reads it: acronyms spelt out, terms of art followed by their meaning
    ("cuckooing (taking over a vulnerable person's home for drug dealing)"), exclusions and operators left out.
    Empty when every concept is an acronym or a quoted phrase (they are searched precisely, not by meaning), and
    when no word of it is known to the published corpus nor a term of the field (a word nobody used has no meaning
    to match: its spelling is looked at instead)."""
    words, precise, explained = [], True, False
    for concept in parsed.concepts:
        for typed in concept.exact:
            expansion = acronyms().get(typed.upper())
            if expansion and not concept.phrase and (typed.isupper() or typed.upper() not in AMBIGUOUS_ACRONYMS):
                words.append(expansion)
                explained = True
            else:
                words.append(typed)
                precise = precise and concept.phrase
    if precise:
        return ""
    while words and words[-1].lower() in EDGE_WORDS:  # "neglect of the": the same question as "neglect"
        words.pop()
    while words and words[0].lower() in EDGE_WORDS:
        words.pop(0)
    text = " ".join(words)
    for term, meaning in _term_meanings():
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE):
            explain = f"{term} ({meaning})"
            text = re.sub(
                rf"(?<!\w){re.escape(term)}(?!\w)", lambda _, explain=explain: explain, text, count=1, flags=re.I
            )
            explained = True
    return text if known or explained else ""


@functools.cache
def _term_meanings():
    """(term, meaning) of the field's terms of art, longest first."""
    return sorted(((t["term"], t["meaning"]) for t in practice_terms()), key=lambda pair: -len(pair[0]))


def _corpus_size():
    """Published findings and reviews, counted once per version of the corpus."""
    return cache.get_or_set(
        f"corpus-size:{corpus_version()}",
        lambda: (
            Finding.objects.filter(review__status=Review.Status.PUBLISHED).count() + Review.objects.published().count()
        ),
        timeout=3600,
    )
