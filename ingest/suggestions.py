"""Theme suggestions for a finding or a whole review record, each with the reasons for it.

Rules, always. Each active theme's name and keywords (curators edit them in the database), with
the acronyms and synonyms of findings/data and the extra review vocabulary of
ingest/data/suggestion_rules.json. Words are compared after light stemming ("neglected",
"neglectful" -> "neglect"), hyphens and spaces alike ("co-sleeping", "co sleeping"); a two-word
phrase also matches a word apart or the other way round ("sharing of information"). A phrase or a
specific term weighs more than an ordinary word, and a generic word ("risk", "school") is evidence
only alongside others; a keyword in the title counts three times; repeats count less and less; a
context theme mentioned only to be denied ("there was no evidence of domestic abuse") does not
count. A theme's evidence is the sum over its keywords, read as a score in 0..1 on a scale that
grows with the length of the text.

What curators confirmed (findings of published reviews, tagged) and the project's own training set: a
classifier (TF-IDF word 1-2-grams and character 3-5-grams, one logistic regression per theme), trained by the worker
and persisted (ingest.training), whose probability raises the score of a theme, and adds a theme the rules missed only
when it is confident ("similar to N confirmed findings tagged X"); and how often each theme is confirmed, which raises a
theme that the text gives some evidence of. The three are combined as independent chances: 1 - (1-a)(1-b)(1-c),
the rules' a multiplied by RULES_WEIGHT when a classifier is there.

Django models are imported where used, so the rules also run without a database
(bench/theme_suggestions.py).
"""

import functools
import itertools
import json
import math
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from agencies import terms
from ingest.documents import Page
from ingest.segmentation import propose_findings
from vocabulary import acronyms, synonym_groups

DATA = Path(__file__).resolve().parent / "data"

# Weights of the rules.
WEAK, SINGLE, STRONG = 0.15, 0.5, 1.0  # a generic word, an ordinary single word, a phrase or specific term
EXTRA_FACTOR = 0.8  # vocabulary of suggestion_rules.json, against the curated keywords
VARIANT_FACTOR = 0.9  # a synonym or an acronym's expansion, against the keyword itself
TITLE_BOOST = 3.0  # a keyword in the title counts as much as three in the text
SPREAD = 0.5  # beyond one mention, more mentions add log-wise
WEAK_CAP = 0.3  # all generic words of a theme together never weigh more than this
MAX_REASONS = 3  # keyword reasons kept per suggestion, the weightiest first
# Which scores are suggested: a finding, and a whole review record (chosen with bench/theme_suggestions.py).
FINDING_THRESHOLD = 0.6
RECORD_THRESHOLD = 0.4
RECORD_LIMIT = 10
SCALE_WORDS = 150  # a text this long reads its evidence as it is; a longer one on a scale growing as sqrt(length)
# A review record: how much each part counts.
PART_WEIGHTS = {
    "title": 1.0,
    "keywords": 1.0,
    "summary": 1.0,
    "finding": 1.0,
    "learning": 1.0,
    "recommendation": 0.5,  # a finding's recommendation
    "proposed": 0.5,  # a finding proposed from the full text (ingest.segmentation), when none is given
    "full_text": 0.25,
}
FULL_TEXT_WORDS = 20000  # the most of a full text read

# The classifier.
MIN_CONFIRMED = 200  # confirmed findings before a classifier is trained
MIN_EXAMPLES = 5  # confirmed findings of a theme before the classifier suggests it
MAX_TRAINING = 10000  # the most recent confirmed findings trained on
MAX_FEATURES = 50000  # the commonest words and word pairs the classifier reads, and as many pieces of words
CLASSIFIER_COUNTS = 0.3  # probability from which the classifier is named as a source, with its reason
CLASSIFIER_ALONE = 0.5  # probability from which the classifier adds a theme the rules did not find
PRIOR_WEIGHT = 0.7  # how far the share of confirmed reviews (or findings) carrying a theme counts as a chance
PRIOR_COUNTS = 0.2  # from which it is named as a reason
RULES_WEIGHT = 0.7  # how far the rules' score counts beside a trained classifier (fully without one)
RETRAIN_CHANGE = 0.05  # retrain when confirmed tags change by this fraction

STOPWORDS = frozenset(
    ("a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "as", "is", "was",
     "were", "be", "been", "being", "are", "had", "has", "have", "did", "do", "does", "it", "its", "this", "that",
     "these", "those", "their", "his", "her", "into", "about", "than", "s")
)  # fmt: skip
IRREGULAR = {"children": "child", "men": "man", "women": "woman", "babies": "baby", "people": "person"}
SUFFIXES = (
    ("ations", ""), ("ation", ""), ("ities", "ity"), ("ments", ""), ("ment", ""), ("ings", ""), ("ing", ""),
    ("ated", ""), ("ates", ""), ("ate", ""), ("fully", ""), ("ful", ""), ("ness", ""), ("ies", "y"), ("ied", "y"),
    ("ive", ""), ("ure", ""), ("edly", ""), ("ed", ""), ("es", "e"), ("s", ""),
)  # fmt: skip
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[&'][A-Za-z0-9]+)*|[,;:()]")
CLAUSE_WORDS = frozenset(("but", "although", "though", "however", "whereas", "yet", "while", "whilst", "which"))
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+$")
SOFT_GAP = frozenset(("any", "a", "the", "used", "using", "use", "current", "known", "such"))  # "no current use"
# Typographic quotes and dashes read as plain ones.
PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@functools.lru_cache(maxsize=200_000)
def stem(word):
    """A light stem: plural, -ing, -ed, -ful and a few more endings off ("neglectful" -> "neglect")."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    word = word.replace("iz", "is")
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)] + replacement
            if len(base) >= 3 and not (suffix == "s" and word.endswith(("ss", "us", "is"))):
                word = base
                doubled = len(word) > 3 and word[-1] == word[-2] and word[-1] not in "slfz"
                if doubled and suffix in ("ing", "ed", "ings"):  # "stopping" -> "stop"
                    word = word[:-1]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass
class Token:
    stem: str
    surface: str
    clause: int


@dataclass
class Sentence:
    text: str
    tokens: list  # every word, in order


def split_sentences(text):
    """The sentences of a text: paragraphs and list items first, then sentence ends."""
    blocks = re.split(
        r"\n\s*\n|\n(?=\s*(?:[-\u2022*]\s|\d+(?:\.\d+)*[.)]?\s|\(?[a-z]\)\s))", (text or "").translate(PLAIN)
    )
    for block in blocks:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])", block):
            sentence = " ".join(sentence.split())
            if sentence:
                yield sentence


def tokenize(sentence):
    tokens, clause = [], 0
    for match in TOKEN.finditer(sentence):
        word = match.group()
        if word in ",;:()":
            clause += 1
            continue
        lower = word.lower()
        if lower in CLAUSE_WORDS:
            clause += 1
        if lower.endswith("n't"):
            tokens += [Token(stem(lower[:-3]), word[:-3], clause), Token("not", "not", clause)]
            continue
        if lower.endswith("'s"):
            word, lower = word[:-2], lower[:-2]
        tokens.append(Token(stem(lower), word, clause))
    return tokens


def read_sentences(text):
    out = []
    for sentence in split_sentences(text):
        tokens = tokenize(sentence)
        if tokens:
            out.append(Sentence(sentence, tokens))
    return out


def normalise(phrase):
    return " ".join(stem(w) for w in re.findall(r"[A-Za-z0-9&]+", (phrase or "").translate(PLAIN).lower()))


# Patterns --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Concept:
    """One keyword of one theme: every pattern that finds it counts towards the same keyword."""

    slug: str
    keyword: str
    weight: float
    context: bool  # a context theme: negated mentions do not count


@dataclass(frozen=True)
class Pattern:
    stems: tuple  # the stems of the content words; of every word when exact
    gaps: tuple  # between content words k and k+1: "stop" (the phrase has stop words there), "next" or "near"
    exact: bool  # matched word for word, stop words included ("in care")
    surface: str  # the exact spelling required (acronyms, capitalised names); "" when any case will do
    concept: Concept
    weight: float


@dataclass
class ThemeInfo:
    """What the rules need of a theme."""

    slug: str
    name: str
    facet: str
    keywords: list = field(default_factory=list)


@functools.cache
def rules_data():
    return json.loads((DATA / "suggestion_rules.json").read_text(encoding="utf-8"))


@functools.cache
def _tiers():
    data = rules_data()
    return {normalise(p) for p in data["weak"]}, {normalise(p) for p in data["strong"]}


@functools.cache
def _equivalents():
    """normalised phrase -> the phrases that mean the same (synonym groups, acronyms both ways)."""
    groups = synonym_groups() + [[acronym, expansion] for acronym, expansion in acronyms().items()]
    out = defaultdict(set)
    for group in groups:
        for phrase in group:
            out[normalise(phrase)].update(p for p in group if normalise(p) != normalise(phrase))
    return out


def specificity(phrase):
    """How much one mention of a phrase says: generic words little, phrases and specific terms much."""
    weak, strong = _tiers()
    key = normalise(phrase)
    if key in weak:
        return WEAK
    if key in strong or ACRONYM.match(phrase.strip()):
        return STRONG
    content = [w for w in key.split() if w not in STOPWORDS]
    return STRONG if len(content) >= 2 else SINGLE


def _shapes(phrase):
    """(stems, gaps, exact, surface) ways of finding a phrase in tokenised text."""
    phrase = phrase.strip().translate(PLAIN)
    words = re.findall(r"[A-Za-z0-9&]+(?:'[A-Za-z]+)?", phrase)
    if not words:
        return []
    if len(words) == 1 and (ACRONYM.match(words[0]) or words[0][0].isupper()):
        return [((stem(words[0]),), (), True, words[0])]
    tokens = tokenize(phrase)
    stems = tuple(t.stem for t in tokens)
    content = [i for i, s in enumerate(stems) if s not in STOPWORDS]
    if len(content) < 2 and len(stems) > 1:
        shapes = [(stems, (), True, "")]
    else:
        gaps = []
        for a, b in itertools.pairwise(content):
            possessive = re.search(rf"\b{re.escape(tokens[a].surface)}'s\b", phrase, re.IGNORECASE)
            gaps.append("stop" if b - a > 1 else "next" if possessive or len(content) > 2 else "near")
        shapes = [(tuple(stems[i] for i in content), tuple(gaps), False, "")]
    if "-" in phrase and " " not in phrase:  # "co-sleeping" is also written "cosleeping"
        shapes.append(((stem(phrase.replace("-", "")),), (), True, ""))
    return [s for s in dict.fromkeys(shapes) if s[0]]


def theme_patterns(theme, extra=()):
    """Every pattern of a theme: its name, its keywords and the extra vocabulary, with their variants."""
    context = theme.facet == "context"
    name_parts = [
        p if ACRONYM.match(p) else p.lower() for p in re.split(r"\s*(?:,|\band\b|\(|\))\s*", theme.name) if p.strip()
    ]
    sources = [(k, 1.0) for k in [*name_parts, *theme.keywords]] + [(k, EXTRA_FACTOR) for k in extra]
    patterns, seen = [], set()
    for keyword, factor in sources:
        key = normalise(keyword)
        if not key or key in seen:
            continue
        seen.add(key)
        concept = Concept(theme.slug, keyword.strip(), specificity(keyword) * factor, context)
        for shape in _shapes(keyword):
            patterns.append(Pattern(*shape, concept, concept.weight))
        for variant in sorted(_equivalents().get(key, ())):
            weight = min(specificity(variant), specificity(keyword)) * factor * VARIANT_FACTOR
            for shape in _shapes(variant):
                patterns.append(Pattern(*shape, concept, weight))
    return patterns


# Matching --------------------------------------------------------------------------------------------
@dataclass
class Hit:
    concept: Concept
    weight: float
    sentence: str
    surface: str
    span: tuple  # (sentence number, first token, last token)
    negated: bool


@functools.cache
def _negation_cues():
    """(cues before a mention by their last stem, single words just before, cues after by their first stem)."""
    cues = rules_data()["negation"]
    before, after = defaultdict(list), defaultdict(list)
    for cue in cues["before"]:
        stems = tuple(stem(w) for w in cue.split())
        before[stems[-1]].append(stems)
    for cue in cues["after"]:
        stems = tuple(stem(w) for w in cue.split())
        after[stems[0]].append(stems)
    return before, {stem(w) for w in cues["adjacent"]}, after


def _negated(tokens, first, last):
    """Whether a mention at tokens[first..last] is denied in its clause ("no evidence of ...", "... ruled out")."""
    before, adjacent, after = _negation_cues()
    clause = tokens[first].clause

    def stems(start, end):
        return tuple(t.stem for t in tokens[max(start, 0) : end] if t.clause == clause)

    for gap in (1, 2):
        i = first - gap
        soft = gap == 1 or tokens[i + 1].stem in SOFT_GAP
        if i >= 0 and tokens[i].clause == clause and tokens[i].stem in adjacent and soft:
            return True
    for end in range(max(0, first - 4), first):
        for cue in before.get(tokens[end].stem, ()):
            if tokens[end].clause == clause and stems(end - len(cue) + 1, end + 1) == cue:
                return True
    for start in range(last + 1, min(len(tokens), last + 4)):
        for cue in after.get(tokens[start].stem, ()):
            if tokens[start].clause == clause and stems(start, start + len(cue)) == cue:
                return True
    return False


LINKS = frozenset(("of", "for", "about", "on", "with", "around", "between", "to"))


class Matcher:
    """Finds the patterns of every theme in a text.

    A phrase matches word for word, its stop words aside. A two-word phrase also matches with one
    word between ("mother's new partner") and the other way round after a preposition ("sharing of
    information", "assessment of the risk"), or, when it has "of", as a possessive ("child's voice").
    """

    def __init__(self, patterns):
        self.patterns = defaultdict(list)  # patterns that look for the same words, found together
        for p in patterns:
            self.patterns[(p.stems, p.gaps, p.exact, p.surface)].append(p)
        self.forward, self.backward = defaultdict(list), defaultdict(list)
        for shape in self.patterns.values():
            p = shape[0]
            self.forward[p.stems[0]].append((p, frozenset(p.stems)))
            if not p.exact and len(p.stems) == 2:
                self.backward[p.stems[1]].append((p, frozenset(p.stems)))

    def hits(self, sentences, number_from=0):
        out = []
        for number, sentence in enumerate(sentences, start=number_from):
            tokens = sentence.tokens
            present = {t.stem for t in tokens}
            for i, token in enumerate(tokens):
                found = [(p, self._forward(p, tokens, i)) for p, needs in self.forward[token.stem] if needs <= present]
                found += [
                    (p, self._backward(p, tokens, i)) for p, needs in self.backward[token.stem] if needs <= present
                ]
                for p, span in found:
                    if not span:
                        continue
                    first, last = span
                    words = " ".join(t.surface for t in tokens[first : last + 1])
                    denied = None
                    for same in self.patterns[(p.stems, p.gaps, p.exact, p.surface)]:
                        if same.concept.context and denied is None:
                            denied = _negated(tokens, first, last)
                        hit_span = (number, first, last)
                        out.append(Hit(same.concept, same.weight, sentence.text, words, hit_span, bool(denied)))
        return out

    @staticmethod
    def _forward(p, tokens, i):
        if p.surface and tokens[i].surface != p.surface:
            return None
        if p.exact:
            n = len(p.stems)
            return (i, i + n - 1) if tuple(t.stem for t in tokens[i : i + n]) == p.stems else None
        j = i
        for target, gap in zip(p.stems[1:], p.gaps, strict=True):
            if gap == "stop":  # up to two stop words, any
                options = [
                    j + 1 + skip for skip in range(3) if all(t.stem in STOPWORDS for t in tokens[j + 1 : j + 1 + skip])
                ]
            else:
                options = [j + 1, j + 2] if gap == "near" else [j + 1]
            j = next(
                (
                    k
                    for k in options
                    if k < len(tokens) and tokens[k].stem == target and tokens[k].clause == tokens[i].clause
                ),
                None,
            )
            if j is None:
                return None
        return i, j

    @staticmethod
    def _backward(p, tokens, i):
        """The two words the other way round: "sharing of information"; "child's voice" for "voice of the child"."""
        first, (gap,) = p.stems[0], p.gaps
        if gap == "stop":
            j = i + 1
        else:
            if i + 2 >= len(tokens) or tokens[i + 1].stem not in LINKS:
                return None
            j = i + 2 + (tokens[i + 2].stem in STOPWORDS)
        if j < len(tokens) and tokens[j].stem == first and tokens[j].clause == tokens[i].clause:
            return i, j
        return None


def _best_hits(hits):
    """One concept per stretch of text and theme: overlapping mentions count once, the weightiest."""
    kept, taken = [], defaultdict(list)
    for hit in sorted(hits, key=lambda h: (-h.weight, h.span[0] - h.span[2])):
        number, first, last = hit.span
        spans = taken[(hit.concept.slug, number)]
        if any(first <= b and a <= last for a, b in spans):
            continue
        spans.append((first, last))
        kept.append(hit)
    return kept


# Scoring ---------------------------------------------------------------------------------------------
@dataclass
class Reason:
    keyword: str  # which keyword or phrase matched
    sentence: str  # in which sentence (trimmed to about 200 characters)


@dataclass
class Suggestion:
    slug: str
    name: str
    score: float
    reasons: list
    source: str  # "rules" | "classifier" | "rules+classifier"


@dataclass
class Part:
    """A piece of text to read: a finding's title and text, a review's summary, one learning point..."""

    text: str
    title: str = ""
    weight: float = 1.0
    keyword: bool = False  # a keyword given with a review: naming a theme keyword outright counts fully


def trim(sentence, around="", size=200):
    """The sentence, or about size characters of it around the words that matched."""
    if len(sentence) <= size:
        return sentence
    at = sentence.lower().find(around.lower()) if around else -1
    start = max(0, min(at - size // 3, len(sentence) - size)) if at >= 0 else 0
    end = start + size
    if start:  # whole words only
        start = sentence.find(" ", start) + 1 or start
    if end < len(sentence):
        end = sentence.rfind(" ", start, end) if sentence.rfind(" ", start, end) > start else end
    piece = sentence[start:end].strip()
    return ("\u2026" if start else "") + piece + ("\u2026" if end < len(sentence) else "")


def _diminish(mentions):
    return mentions if mentions <= 1 else 1 + SPREAD * math.log(mentions)


def rule_evidence(matcher, parts):
    """{slug: (evidence, [Reason])} from the keywords found in the parts."""
    mentions = defaultdict(float)  # concept -> weighted mentions
    weight = {}  # concept -> the weight of its best pattern found
    first_seen = {}  # concept -> (rank, Reason)
    for part in parts:
        title = read_sentences(part.title)
        body = read_sentences(part.text)
        hits = _best_hits(matcher.hits(title) + matcher.hits(body, number_from=len(title)))
        for hit in hits:
            if hit.negated:
                continue
            in_title = hit.span[0] < len(title)
            concept = hit.concept
            mentions[concept] += part.weight * (TITLE_BOOST if in_title else 1.0)
            named = part.keyword and normalise(hit.surface) == normalise(part.title)
            weight[concept] = max(weight.get(concept, 0.0), STRONG if named else hit.weight)
            rank = (0 if in_title else 1, -part.weight)
            if concept not in first_seen or rank < first_seen[concept][0]:
                same = normalise(hit.surface) == normalise(concept.keyword)
                label = concept.keyword if same else f"{hit.surface} ({concept.keyword})"
                first_seen[concept] = (rank, Reason(label, trim(hit.sentence, hit.surface)))
    by_theme = defaultdict(list)
    for concept, count in mentions.items():
        by_theme[concept.slug].append((weight[concept] * _diminish(count), concept))
    out = {}
    for slug, items in by_theme.items():
        items.sort(key=lambda item: -item[0])
        strong = sum(value for value, c in items if weight[c] > WEAK)
        weak = sum(value for value, c in items if weight[c] <= WEAK)
        out[slug] = (strong + min(weak, WEAK_CAP), [first_seen[c][1] for _, c in items])
    return out


def evidence_score(evidence, words):
    """A score in 0..1: a longer text mentions more keywords in passing, so it needs more evidence."""
    return 1.0 - math.exp(-evidence / max(1.0, math.sqrt(words / SCALE_WORDS)))


# The classifier --------------------------------------------------------------------------------------
class ThemeClassifier:
    """What curators' confirmed findings teach: a text classifier, and how often each theme is confirmed.

    The classifier: TF-IDF word 1-2-grams and character 3-5-grams (within words), and one logistic regression per
    theme with enough examples, fitted by stochastic gradient descent.
    The rates: the share of confirmed findings, and of reviews, that carry each theme. A theme that
    curators put on most reviews (information sharing, say) is more likely right when the text gives
    some evidence of it, and for F1 worth suggesting on less evidence.
    """

    def __init__(self, vectorizer, models, examples, finding_rates, review_rates):
        self.vectorizer = vectorizer
        self.models = models  # slug -> fitted logistic regression (SGDClassifier, log loss)
        self.examples = examples  # slug -> number of confirmed findings tagged with it
        self.finding_rates = finding_rates  # slug -> share of confirmed findings tagged with it
        self.review_rates = review_rates  # slug -> share of reviews with a confirmed finding tagged with it

    @classmethod
    def train(cls, documents, labels, groups, *, rated=None, min_documents=MIN_CONFIRMED, min_examples=MIN_EXAMPLES):
        """Train on texts, their sets of theme slugs and their reviews; the rates are those of the first rated
        texts (curators' confirmed findings; all when None). None when there are too few examples."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import FeatureUnion

        if len(documents) < min_documents:
            return None
        counts = defaultdict(int)
        for slugs in labels:
            for slug in slugs:
                counts[slug] += 1
        eligible = sorted(slug for slug, n in counts.items() if min_examples <= n < len(documents))
        if not eligible:
            return None
        words = TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, max_features=MAX_FEATURES, sublinear_tf=True, strip_accents="unicode"
        )
        # Pieces of words as well ("escalat", "supervis"): a text written in other words than the training set's
        characters = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=MAX_FEATURES, sublinear_tf=True
        )
        vectorizer = FeatureUnion([("words", words), ("characters", characters)])
        matrix = vectorizer.fit_transform(documents)
        models = {}
        for slug in eligible:
            target = [slug in slugs for slugs in labels]
            model = SGDClassifier(loss="log_loss", alpha=1e-4, class_weight="balanced", random_state=0)
            models[slug] = model.fit(matrix, target)
        finding_rates, review_rates = cls.rates(labels[:rated], groups[:rated])
        return cls(vectorizer, models, {slug: counts[slug] for slug in eligible}, finding_rates, review_rates)

    @staticmethod
    def rates(labels, groups):
        """({slug: share of findings tagged with it}, {slug: share of reviews with a finding tagged with it})."""
        counts, by_review = defaultdict(int), defaultdict(set)
        for slugs, group in zip(labels, groups, strict=True):
            by_review[group].update(slugs)
            for slug in slugs:
                counts[slug] += 1
        review_counts = defaultdict(int)
        for slugs in by_review.values():
            for slug in slugs:
                review_counts[slug] += 1
        if not labels:
            return {}, {}
        return (
            {slug: n / len(labels) for slug, n in counts.items()},
            {slug: n / len(by_review) for slug, n in review_counts.items()},
        )

    def probabilities(self, texts):
        """{slug: the highest probability over the texts}."""
        texts = [t for t in texts if t.strip()]
        if not texts:
            return {}
        matrix = self.vectorizer.transform(texts)
        return {slug: float(model.predict_proba(matrix)[:, 1].max()) for slug, model in self.models.items()}


# The suggester ---------------------------------------------------------------------------------------
class Suggester:
    """Suggests themes for a text or a review record, from the rules and, when trained, the classifier."""

    def __init__(self, themes, classifier=None):
        extra = rules_data()["extra"]
        self.themes = {t.slug: t for t in themes}
        self.matcher = Matcher([p for t in themes for p in theme_patterns(t, extra.get(t.slug, ()))])
        self.classifier = classifier

    def rank(self, parts, classifier_texts=(), *, record=False):
        """Every theme with any evidence, best first, unfiltered.

        The score combines three chances of being right: the rules', the classifier's and, for a theme
        with some evidence, how often curators confirm it (on findings, or on reviews for a record).
        """
        evidence = rule_evidence(self.matcher, parts)
        words = sum(p.weight * len(f"{p.title} {p.text}".split()) for p in parts)
        probabilities, rates = {}, {}
        if self.classifier is not None:
            probabilities = self.classifier.probabilities(classifier_texts or [f"{p.title}\n{p.text}" for p in parts])
            rates = self.classifier.review_rates if record else self.classifier.finding_rates
        out = []
        for slug, theme in self.themes.items():
            found = evidence.get(slug)
            p = probabilities.get(slug, 0.0)
            if not found and p < CLASSIFIER_ALONE:
                continue
            rules = evidence_score(found[0], words) if found else 0.0
            prior = PRIOR_WEIGHT * rates.get(slug, 0.0)
            reasons = found[1][:MAX_REASONS] if found else []
            source = "rules"
            if p >= CLASSIFIER_COUNTS:
                source = "rules+classifier" if found else "classifier"
                n = self.classifier.examples[slug]
                reasons.append(
                    Reason("similar findings", f"Similar to {n} confirmed findings tagged \u201c{theme.name}\u201d.")
                )
            if prior >= PRIOR_COUNTS:
                source = "rules+classifier"
                share = f"{rates[slug]:.0%} of confirmed {'reviews' if record else 'findings'}"
                reasons.append(Reason("often confirmed", f"Curators tagged {share} with \u201c{theme.name}\u201d."))
            rules *= RULES_WEIGHT if self.classifier is not None else 1.0
            out.append(Suggestion(slug, theme.name, 1 - (1 - rules) * (1 - p) * (1 - prior), reasons, source))
        out.sort(key=lambda s: (-s.score, s.slug))
        for suggestion in out:
            suggestion.score = round(suggestion.score, 3)
        return out

    def suggest(self, text, *, title="", limit=5, threshold=FINDING_THRESHOLD):
        """Themes for one piece of text (a finding's title and text), best first."""
        ranked = self.rank([Part(text or "", title or "")])
        return [s for s in ranked if s.score >= threshold][:limit]

    def suggest_record(self, record, *, limit=RECORD_LIMIT, threshold=RECORD_THRESHOLD):
        """Themes for a review record in the import format (title, summary, learning, keywords, findings...)."""
        parts, texts = record_parts(record)
        ranked = self.rank(parts, texts, record=True)
        return [s for s in ranked if s.score >= threshold][:limit]


def record_parts(record):
    """([Part], classifier texts) of a record: summary, learning, findings and keywords first, full text last."""
    w = PART_WEIGHTS
    parts, texts = [], []

    def text(value):
        return value.strip() if isinstance(value, str) else ""

    for keyword in record.get("keywords") or []:
        if text(keyword):
            parts.append(Part("", text(keyword), w["keywords"], keyword=True))
    if text(record.get("title")):
        parts.append(Part("", text(record.get("title")), w["title"]))
    if text(record.get("summary")):
        parts.append(Part(text(record.get("summary")), "", w["summary"]))
        texts.append(text(record.get("summary")))
    for item in record.get("learning") or []:
        if text(item):
            parts.append(Part(text(item), "", w["learning"]))
            texts.append(text(item))
    for item in record.get("findings") or []:
        if isinstance(item, dict) and (text(item.get("text")) or text(item.get("title"))):
            parts.append(Part(text(item.get("text")), text(item.get("title")), w["finding"]))
            if text(item.get("recommendation")):
                parts.append(Part(text(item.get("recommendation")), "", w["recommendation"]))
            texts.append(f"{text(item.get('title'))}\n{text(item.get('text'))}")
    full_text = " ".join(text(record.get("full_text") or record.get("text")).split(" ")[:FULL_TEXT_WORDS])
    if full_text:
        if not (record.get("learning") or record.get("findings")):  # those segmentation proposes from the full text
            for proposed in propose_findings([Page(1, full_text)]).findings:
                parts.append(Part(proposed.text, proposed.title, w["proposed"]))
                texts.append(f"{proposed.title}\n{proposed.text}")
        parts.append(Part(full_text, "", w["full_text"]))
    return parts, texts


# Agencies --------------------------------------------------------------------------------------------
@dataclass
class AgencyMention:
    agency: str  # the agency's name
    phrase: str  # the words that first named it, as written
    sentence: str  # the sentence they are in (trimmed to about 200 characters)
    mentions: int


def suggest_agencies(text, *, title=""):
    """The agencies a finding names (agencies.terms), each with the words that first named it and their sentence;
    the most often named first."""
    found = {}
    for sentence in [*split_sentences(title), *split_sentences(text)]:
        for mention in terms.mentions(sentence):
            if mention.agency in found:
                found[mention.agency].mentions += 1
            else:
                found[mention.agency] = AgencyMention(mention.agency, mention.phrase, trim(sentence, mention.phrase), 1)
    return sorted(found.values(), key=lambda m: -m.mentions)


def active_themes():
    from findings.models import Theme

    rows = Theme.objects.active().order_by("facet", "position", "slug").values_list("slug", "name", "facet", "keywords")
    return [ThemeInfo(slug, name, facet, list(keywords)) for slug, name, facet, keywords in rows]


# The in-process cache --------------------------------------------------------------------------------
_lock = threading.Lock()
_cached = {"themes": None, "version": None, "classifier": None, "suggester": None}


def get_suggester():
    """The suggester for the themes as they are now, with the newest trained classifier: a version trained since
    the last call (by any process) is loaded. Never trains (ingest.training does, in a task)."""
    from ingest import training
    from ingest.models import ThemeModel

    with _lock:
        themes = active_themes()
        latest = ThemeModel.objects.latest_version()
        if latest != _cached["version"]:
            _cached.update(version=latest, classifier=training.load(latest) if latest else None, suggester=None)
        if themes != _cached["themes"] or _cached["suggester"] is None:
            _cached.update(themes=themes, suggester=Suggester(themes, _cached["classifier"]))
        return _cached["suggester"]


def reset():
    """Forget the cached suggester: the next call builds it afresh (tests)."""
    with _lock:
        _cached.update(themes=None, version=None, classifier=None, suggester=None)


def suggest_themes(text, *, title="", limit=5):
    """Themes for a piece of text, best first, from the cached suggester."""
    return get_suggester().suggest(text, title=title, limit=limit)
