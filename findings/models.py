import math
import re
import uuid
from collections import Counter

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import connection, models, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from accounts.roles import author_partnership_ids, is_curator
from agencies.models import unique_slug
from reviews.audit import audit_events, link_events
from reviews.models import Review
from vocabulary import acronyms


class SubqueryCount(Subquery):
    """The number of distinct rows a correlated queryset returns, as an annotation."""

    template = "(SELECT count(DISTINCT _counted.id) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset.order_by().values("id"), **kwargs)


class Facet(models.TextChoices):
    PRACTICE = "practice", "Practice"
    CONTEXT = "context", "Context"


class ThemeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_counts(self, user):
        """The themes (a list), each with finding_count and review_count: how many findings and reviews the user
        may see carry it. A review carries a theme when one of its findings does or when it is tagged directly.

        Two grouped statements count every theme at once (a count per theme read the tag tables once per theme:
        18 s for the themes of 20,000 reviews)."""
        themes = list(self)
        if not themes:
            return themes
        reviews = Review.objects.visible_to(user)
        findings = Finding.objects.visible_to(user).filter(themes__in=themes)
        finding_counts = dict(findings.order_by().values("themes").annotate(n=Count("pk")).values_list("themes", "n"))
        # (theme, review) pairs from both sources; UNION keeps each pair once.
        pairs = (
            findings.order_by()
            .values_list("themes", "review_id")
            .union(reviews.filter(themes__in=themes).order_by().values_list("themes", "pk"))
        )
        sql, params = pairs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT theme, count(*) FROM ({sql}) AS pair(theme, review) GROUP BY theme", params)
            review_counts = dict(cursor.fetchall())
        for theme in themes:
            theme.finding_count = finding_counts.get(theme.pk, 0)
            theme.review_count = review_counts.get(theme.pk, 0)
        return themes


class ThemeMatcher:
    """Which of some themes a free-text keyword clearly names, with the themes' names and keywords read once.

    A keyword names a theme when it is the theme's slug or name, or one of its indicative keywords that
    belongs to no other theme (case, punctuation and a plural s ignored); an acronym ("DV") counts as its
    expansion too.
    """

    def __init__(self, themes):
        self.names = {}  # normalised slug or name: the first theme (in the order given) that has it
        self.owners = {}  # normalised keyword: the themes that have it
        for theme in themes:
            for name in (normalise_keyword(theme.slug), normalise_keyword(theme.name)):
                self.names.setdefault(name, theme)
            for keyword in {normalise_keyword(k) for k in theme.keywords}:
                self.owners.setdefault(keyword, []).append(theme)

    def match(self, phrase):
        expansion = acronyms().get((phrase or "").strip().upper())
        for candidate in filter(None, (normalise_keyword(phrase), normalise_keyword(expansion))):
            if candidate in self.names:
                return self.names[candidate]
            owners = self.owners.get(candidate, [])
            if len(owners) == 1:
                return owners[0]
        return None


def normalise_keyword(text):
    words = "".join(c if c.isalnum() else " " for c in (text or "").lower()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


@pghistory.track(*audit_events())
class Theme(models.Model):
    """A recurring theme of review findings, in one of two facets (practice, context)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, unique=True)
    facet = models.CharField(max_length=20, choices=Facet.choices)
    definition = models.TextField(blank=True)
    keywords = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    # Names it had before a rename, and the names of themes merged into it: search still finds its findings by them.
    former_names = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["facet", "position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("theme-detail", args=[self.slug])

    # Taxonomy: curators rename and merge themes; old slugs keep redirecting.
    @transaction.atomic
    def rename(self, name, slug=None):
        """Give the theme a new name (and slug); links to the old slug redirect to the new one."""
        old_slug, old_name = self.slug, self.name
        self.name = name.strip()
        self.slug = slug or self.slug
        if old_name != self.name and old_name not in self.former_names:
            self.former_names = [*self.former_names, old_name]
        self.save()
        if self.slug != old_slug:
            ThemeRedirect.objects.update_or_create(old_slug=old_slug, defaults={"theme": self})
            ThemeRedirect.objects.filter(old_slug=self.slug).delete()

    @transaction.atomic
    def merge_into(self, survivor):
        """Move every tag, suggestion and lesson of this theme to survivor, keep this slug redirecting to it,
        and delete this theme. Returns how many findings were retagged."""
        if survivor.pk == self.pk:
            raise ValueError("A theme cannot be merged into itself.")
        finding_ids = list(Finding.themes.through.objects.filter(theme=self).values_list("finding_id", flat=True))
        review_ids = list(Review.themes.through.objects.filter(theme=self).values_list("review_id", flat=True))
        for finding in Finding.objects.filter(pk__in=finding_ids):
            finding.themes.add(survivor)
        for review in Review.objects.filter(pk__in=review_ids):
            review.themes.add(survivor)
        for lesson in self.lessons.all():
            lesson.themes.add(survivor)
        for suggestion in self.suggestions.exclude(finding__suggestions__theme=survivor):
            suggestion.theme = survivor
            suggestion.save(update_fields=["theme"])
        survivor.keywords = list(dict.fromkeys([*survivor.keywords, self.name.lower(), *self.keywords]))
        survivor.former_names = list(dict.fromkeys([*survivor.former_names, self.name, *self.former_names]))
        survivor.save(update_fields=["keywords", "former_names"])
        ThemeRedirect.objects.filter(theme=self).update(theme=survivor)
        old_slug = self.slug
        self.delete()
        ThemeRedirect.objects.update_or_create(old_slug=old_slug, defaults={"theme": survivor})
        return len(finding_ids)

    def visible_findings(self, user):
        return Finding.objects.visible_to(user).filter(themes=self)

    def by_year(self, user):
        """[(year, findings, reviews)] of this theme's published material, oldest first, gaps filled."""
        findings = dict(
            self.visible_findings(user)
            .exclude(review__publication_year=None)
            .values_list("review__publication_year")
            .annotate(n=Count("pk"))
        )
        reviews = dict(
            Review.objects.visible_to(user)
            .filter(Q(themes=self) | Q(findings__themes=self))
            .exclude(publication_year=None)
            .values_list("publication_year")
            .annotate(n=Count("pk", distinct=True))
        )
        years = set(findings) | set(reviews)
        if not years:
            return []
        return [(y, findings.get(y, 0), reviews.get(y, 0)) for y in range(min(years), max(years) + 1)]

    def co_occurring(self, user, limit=8):
        """The themes most often tagged on the same findings, with how many findings share them."""
        return (
            Finding.themes.through.objects.filter(finding__in=self.visible_findings(user))
            .exclude(theme=self)
            .values("theme__slug", "theme__name")
            .annotate(n=Count("finding"))
            .order_by("-n", "theme__name")[:limit]
        )

    def top_agencies(self, user, limit=8):
        """The agencies most often named in this theme's findings."""
        return (
            Finding.agencies.through.objects.filter(finding__in=self.visible_findings(user))
            .values("agency__slug", "agency__name")
            .annotate(n=Count("finding"))
            .order_by("-n", "agency__name")[:limit]
        )


# Where a sentence starts: at each line (a paragraph or list item), and after a full stop, question or exclamation
# mark (and any closing quote or bracket) followed by a capital or a digit.
SENTENCE_START = re.compile(
    r"^[ \t]*(?=\S)|(?<=[.!?])[\"'\u201d\u2019)\]]*[ \t]+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])", re.MULTILINE
)


def sentence_starts(text):
    """The offsets in text at which its sentences start, in order."""
    return sorted({match.end() for match in SENTENCE_START.finditer(text or "")})


SERIES_LABEL = re.compile(r"^(?P<words>\D*?)\s*(?P<number>\d{1,3})$")  # "Finding 3", "Learning point 12"


def renumber_findings(ordered_ids):
    """Give the findings positions 1, 2, 3... in the order given (one review's findings, every one of them). When
    every one is labelled in one numbered series ("Finding 1", "Finding 2"...), the labels follow the positions."""
    labels = dict(Finding.objects.filter(pk__in=ordered_ids).values_list("pk", "label"))
    found = [SERIES_LABEL.match(labels.get(pk) or "") for pk in ordered_ids]
    words = {match.group("words") for match in found if match}
    series = next(iter(words)) if len(words) == 1 and all(found) else None
    for position, pk in enumerate(ordered_ids, start=1):
        wanted = {"position": position, **({"label": f"{series} {position}"} if series else {})}
        Finding.objects.filter(pk=pk).exclude(**wanted).update(**wanted)


class OrderedInReview:
    """Numbered 1, 2, 3... within its review: moved up or down one place, or deleted with the others closing up.
    `renumber(ids)` writes the new order (and whatever follows from it); `refreshed` names the fields to read
    back after it. Its text can be cut into sentences (to split it)."""

    refreshed = ["position"]

    def sentences(self):
        """The sentences of the text, in order."""
        starts = sentence_starts(self.text)
        return [self.text[start:end].strip() for start, end in zip(starts, [*starts[1:], len(self.text)], strict=True)]

    def _cut(self, before, name):
        """(head, tail) of the text cut before its sentence number `before` (from 0; the first cannot be chosen)."""
        starts = sentence_starts(self.text)
        if not 0 < before < len(starts):
            raise ValueError(f"{name} has no sentence {before + 1} to split before.")
        return self.text[: starts[before]].rstrip(), self.text[starts[before] :].strip()

    def _ordered_ids(self):
        """The ids of the review's rows in order, locked against concurrent reordering."""
        rows = type(self).objects.select_for_update().filter(review_id=self.review_id).order_by("position", "id")
        return list(rows.values_list("pk", flat=True))

    @transaction.atomic
    def move(self, up=True):
        """Swap it with the one before it (up) or after it. False if it is already first (or last)."""
        ids = self._ordered_ids()
        here = ids.index(self.pk)
        there = here - 1 if up else here + 1
        if not 0 <= there < len(ids):
            return False
        ids[here], ids[there] = ids[there], ids[here]
        self.renumber(ids)
        self.refresh_from_db(fields=self.refreshed)
        return True

    @transaction.atomic
    def discard(self):
        """Delete it and close up the positions of those after it."""
        ids = self._ordered_ids()
        ids.remove(self.pk)
        self.delete()
        self.renumber(ids)


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(Review.visibility_filter(user, prefix="review__"))

    def for_display(self):
        return self.select_related("review", "review__partnership").prefetch_related(
            "themes", "agencies", "recommendations"
        )


@pghistory.track(*audit_events(), exclude=["updated_at"])
class Finding(OrderedInReview, models.Model):
    """One finding or learning point of a review, tagged with themes and agencies."""

    refreshed = ["position", "label"]  # a label in the report's series is renumbered with its position
    renumber = staticmethod(renumber_findings)

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(default=0)
    # The review's own label for it, as written ("Finding 3", "Key learning 2", "Learning point 4"); the title
    # is the rest of its heading.
    label = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=300)
    text = models.TextField()
    # Questions the review asks of the partnership about this finding (Learning Together's "Issues for the Board to
    # consider"), one a line: they are not recommendations.
    questions = models.TextField(blank=True)
    # The review's footnotes the finding's text cites, one a line with its number ("3. Munro, E. (2011) ..."): kept
    # apart from its text, as the review printed them apart.
    notes = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")
    agencies = models.ManyToManyField("agencies.Agency", blank=True, related_name="findings")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    # Set on findings proposed from an uploaded document: which document, and which of its proposals.
    document = models.ForeignKey(
        "reviews.ReviewDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposed_findings"
    )
    proposal_index = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["review", "position", "id"]
        indexes = [
            models.Index(fields=["review", "position"]),
        ]
        constraints = [models.UniqueConstraint(fields=["document", "proposal_index"], name="one_finding_per_proposal")]

    def __str__(self):
        return self.title

    @property
    def own_label(self):
        """The label when it says more than the position does ("Learning point 3", not "Finding 3" at position 3)."""
        return "" if self.label == f"Finding {self.position}" else self.label

    @property
    def anchor(self):
        return f"finding-{self.position}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#{self.anchor}"

    # Curation: split, merge, reorder, delete and tag findings. Positions stay 1, 2, 3... within a review.
    @classmethod
    @transaction.atomic
    def append(cls, review, *, title, text, source_page=None, label="", questions="", notes=""):
        """A new finding after the review's others; its page is looked up in the review's document if not given."""
        last = review.findings.aggregate(last=models.Max("position"))["last"] or 0
        return cls.objects.create(
            review=review,
            position=last + 1,
            label=label,
            title=title,
            text=text,
            questions=questions,
            notes=notes,
            source_page=source_page or review.page_of(text),
        )

    @property
    def question_list(self):
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def note_list(self):
        return [line.strip() for line in self.notes.splitlines() if line.strip()]

    @transaction.atomic
    def split(self, before, title=""):
        """Split the finding before its sentence number `before` (counting from 0; the first cannot be chosen).
        A new finding right after this one takes that sentence and those after it, with the same themes, agencies
        and page; this one keeps its title, the recommendations that follow from it and the sentences before.
        Returns the new finding."""
        head, tail = self._cut(before, f"“{self.title}”")
        ids = self._ordered_ids()
        self.text = head
        self.save(update_fields=["text", "updated_at"])
        series = SERIES_LABEL.match(self.label or "")
        new = Finding.objects.create(
            review_id=self.review_id,
            position=self.position,
            label=f"{series.group('words')} {self.position + 1}" if series else "",  # renumbered below
            title=title or f"{self.title} (continued)"[:300],
            text=tail,
            source_page=self.source_page,
        )
        new.themes.set(self.themes.all())
        new.agencies.set(self.agencies.all())
        ids.insert(ids.index(self.pk) + 1, new.pk)
        renumber_findings(ids)
        self.refresh_from_db(fields=["position", "label"])
        new.refresh_from_db(fields=["position", "label"])
        return new

    @transaction.atomic
    def merge_with(self, *others):
        """Fold other findings of the same review into this one, in their order: texts joined with a blank line,
        questions and notes one after another, this title and label kept, themes and agencies together, their
        recommendations, lesson links and accepted theme suggestions carried over. The others are deleted and the
        positions closed up."""
        others = sorted(others, key=lambda finding: (finding.position, finding.pk))
        if any(other.review_id != self.review_id or other.pk == self.pk for other in others):
            raise ValueError("Only other findings of the same review can be merged into a finding.")
        ids = self._ordered_ids()
        for other in others:
            self.text = "\n\n".join(filter(None, [self.text.strip(), other.text.strip()]))
            self.questions = "\n".join([*self.question_list, *other.question_list])
            self.notes = "\n".join(dict.fromkeys([*self.note_list, *other.note_list]))
            pages = [page for page in (self.source_page, other.source_page) if page]
            self.source_page = min(pages) if pages else None
            self.themes.add(*other.themes.all())
            self.agencies.add(*other.agencies.all())
            self.recommendations.add(*other.recommendations.all())
            for link in other.lesson_links.all():
                LessonFinding.objects.get_or_create(
                    lesson_id=link.lesson_id, finding=self, defaults={"added_by_id": link.added_by_id}
                )
            for suggestion in other.suggestions.filter(decision=ThemeSuggestion.Decision.ACCEPTED):
                ours = self.suggestions.filter(theme=suggestion.theme).first()
                if ours is None:
                    suggestion.finding = self
                    suggestion.save(update_fields=["finding"])
                elif ours.decision != ThemeSuggestion.Decision.ACCEPTED:
                    ours.decide(ThemeSuggestion.Decision.ACCEPTED, suggestion.decided_by, at=suggestion.decided_at)
            ids.remove(other.pk)
            other.delete()
        self.save(update_fields=["text", "questions", "notes", "source_page", "updated_at"])
        renumber_findings(ids)
        self.refresh_from_db(fields=["position", "label"])

    @transaction.atomic
    def add_themes(self, themes, by=None):
        """Tag the finding with themes; suggestions of them still waiting for a decision count as accepted."""
        self.themes.add(*themes)
        for suggestion in self.suggestions.filter(theme__in=themes, decision=ThemeSuggestion.Decision.PENDING):
            suggestion.decide(ThemeSuggestion.Decision.ACCEPTED, by)

    @transaction.atomic
    def set_agencies(self, agencies, by=None):
        """Tag the finding with exactly these agencies: the suggestions of them count as accepted, and the
        suggestions of others as rejected (the curator saw them and chose)."""
        self.agencies.set(agencies)
        chosen = {agency.pk for agency in agencies}
        for suggestion in self.agency_suggestions.all():
            accepted = suggestion.agency_id in chosen
            decision = Suggestion.Decision.ACCEPTED if accepted else Suggestion.Decision.REJECTED
            if suggestion.decision != decision:
                suggestion.decide(decision, by)

    @transaction.atomic
    def remove_theme(self, theme, by=None):
        """Untag a theme; a suggestion of it that was accepted now counts as rejected."""
        self.themes.remove(theme)
        for suggestion in self.suggestions.filter(theme=theme, decision=ThemeSuggestion.Decision.ACCEPTED):
            suggestion.decide(ThemeSuggestion.Decision.REJECTED, by)


class Figures:
    """Counts of recommendations made, accepted and completed, by (dimension, value): ("year", 2021), ("theme", 7),
    ("all", None)."""

    def __init__(self):
        self.counts = {}  # {(dimension, value): (made, accepted, completed)}

    def of(self, dimension):
        """{value: (made, accepted, completed)} of one dimension."""
        return {value: counts for (kind, value), counts in self.counts.items() if kind == dimension}

    @property
    def total(self):
        return self.counts.get(("all", None), (0, 0, 0))


class RecommendationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(Review.visibility_filter(user, prefix="review__"))

    def matching(self, *, nation=None, year_from=None, year_to=None, kind=None, addressee=None, theme=None,
                 agency=None):  # fmt: skip
        """Those that match every filter given (None: any), newest review first, in each review's order."""
        filters = {
            "review__nation": nation,
            "review__publication_year__gte": year_from,
            "review__publication_year__lte": year_to,
            "kind": kind,
            "addressee": addressee,
            "agencies__slug": agency,
        }
        chosen = self.filter(**{name: value for name, value in filters.items() if value is not None})
        if theme is not None:
            chosen = chosen.about(Theme.objects.filter(slug=theme).first())
        if agency is not None:
            chosen = chosen.distinct()
        newest = models.F("review__publication_year").desc(nulls_last=True)
        return chosen.order_by(newest, "review__title", "review_id", "position", "id")

    def for_display(self):
        return self.select_related("review", "review__partnership").prefetch_related("agencies", "findings", "themes")

    def figures(self):
        """How many of these recommendations were made, accepted (in full or in part) and completed (every one of
        their actions completed, and at least one), by year of the review, by nation, by theme (tagged with it or
        following from a finding tagged with it), by whom they ask and by agency asked. A Figures of the counts,
        counted by the database in one statement (a national picture covers every recommendation)."""
        ids_sql, ids_params = self.order_by().values("pk").query.sql_with_params()
        counts = "count(*), count(*) FILTER (WHERE c.yes), count(*) FILTER (WHERE c.done)"
        sql = f"""
            WITH chosen AS MATERIALIZED (
                SELECT m.id, r.publication_year AS year, r.nation, m.addressee,
                       m.response IN (%s, %s) AS yes,
                       EXISTS (SELECT 1 FROM findings_action a WHERE a.recommendation_id = m.id)
                       AND NOT EXISTS (SELECT 1 FROM findings_action a
                                       WHERE a.recommendation_id = m.id AND a.status <> %s) AS done
                FROM findings_recommendation m JOIN reviews_review r ON r.id = m.review_id
                WHERE m.id IN ({ids_sql})
            ),
            themed AS (
                SELECT t.recommendation_id AS id, t.theme_id FROM findings_recommendation_themes t
                WHERE t.recommendation_id IN (SELECT id FROM chosen)
                UNION
                SELECT l.recommendation_id, ft.theme_id FROM findings_recommendation_findings l
                JOIN findings_finding_themes ft ON ft.finding_id = l.finding_id
                WHERE l.recommendation_id IN (SELECT id FROM chosen)
            )
            SELECT 'all', NULL, {counts} FROM chosen c
            UNION ALL SELECT 'year', c.year::text, {counts} FROM chosen c GROUP BY c.year
            UNION ALL SELECT 'nation', c.nation, {counts} FROM chosen c GROUP BY c.nation
            UNION ALL SELECT 'addressee', c.addressee, {counts} FROM chosen c GROUP BY c.addressee
            UNION ALL SELECT 'theme', t.theme_id::text, {counts} FROM themed t JOIN chosen c USING (id)
                GROUP BY t.theme_id
            UNION ALL SELECT 'agency', a.agency_id::text, {counts} FROM findings_recommendation_agencies a
                JOIN chosen c ON c.id = a.recommendation_id GROUP BY a.agency_id
        """
        accepted = [Recommendation.Response.ACCEPTED, Recommendation.Response.PARTLY_ACCEPTED]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*accepted, Action.Status.COMPLETED, *ids_params])
            rows = cursor.fetchall()
        figures = Figures()
        typed = {"year": int, "theme": int, "agency": int}
        for dimension, value, made, yes, done in rows:
            if dimension == "all" and not made:
                continue
            key = typed[dimension](value) if dimension in typed and value is not None else value
            figures.counts[(dimension, key)] = (made, yes, done)
        return figures

    def about(self, theme):
        """Those about a theme: tagged with it, or following from a finding tagged with it."""
        matching = Q(themes=theme) | Q(findings__themes=theme)
        return self.filter(pk__in=Recommendation.objects.filter(matching).values("pk")) if theme else self.none()


# A finding suggested as one a recommendation follows from shares words with it that weigh at least this much (each
# shared word weighs more the fewer of the review's findings use it), and at least this share of the best.
LIKELY_LEAST, LIKELY_SHARE, LIKELY_MOST = 3.0, 0.6, 2


def likely_sources(text, sources):
    """[(index of a source text, [the words it shares with text, as text writes them])] of the sources (a review's
    findings) a recommendation's text most likely follows from, best first, by the words they share after
    PostgreSQL's English stemming ("bruises" and "bruising" are one word)."""
    if not sources:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector('english', source)) FROM unnest(%s::text[]) WITH ORDINALITY "
            "AS chosen(source, n) ORDER BY n",
            [list(sources)],
        )
        theirs = [set(row[0]) for row in cursor.fetchall()]
        cursor.execute(
            "SELECT word, tsvector_to_array(to_tsvector('english', word)) FROM unnest(%s::text[]) AS word",
            [re.findall(r"[A-Za-z][A-Za-z'-]+", text)],
        )
        written = {}
        for word, lexemes in cursor.fetchall():
            for lexeme in lexemes:
                written.setdefault(lexeme, word)
    own = set(written)
    used = Counter(lexeme for words in theirs for lexeme in words)
    scored = []
    for index, words in enumerate(theirs):
        shared = own & words
        # (summed exactly: a set's order changes between runs, and a float sum with it, which broke ties by chance)
        weight = math.fsum(math.log((len(sources) + 1) / used[lexeme]) for lexeme in shared)
        scored.append((weight, index, sorted(shared, key=lambda lexeme: (used[lexeme], lexeme))))
    scored.sort(key=lambda row: (-row[0], row[1]))
    best = scored[0][0]
    return [
        (index, list(dict.fromkeys(written.get(lexeme, lexeme) for lexeme in shared))[:6])
        for weight, index, shared in scored[:LIKELY_MOST]
        if weight >= LIKELY_LEAST and weight >= LIKELY_SHARE * best
    ]


@pghistory.track(*audit_events(), exclude=["updated_at"])
class Recommendation(OrderedInReview, models.Model):
    """A formal recommendation of a review: what it asks someone to change, as the report wrote it, addressed to
    the partnership, to agencies or to a national body, following from some of the review's findings."""

    class Kind(models.TextChoices):
        MULTI_AGENCY = "multi-agency", "Multi-agency"
        SINGLE_AGENCY = "single-agency", "Single agency"
        NATIONAL = "national", "National"

    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY_ACCEPTED = "partly-accepted", "Partly accepted"
        NOT_ACCEPTED = "not-accepted", "Not accepted"

    class Addressee(models.TextChoices):
        PARTNERSHIP = "partnership", "The safeguarding partnership"
        AGENCIES = "agencies", "Agencies"
        NATIONAL = "national", "A government department or national body"
        OTHER = "other", "Someone else"

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveIntegerField(default=0)
    label = models.CharField(max_length=60, blank=True)  # as the report wrote it: "Recommendation 3", "CSC 1", "3.2"
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MULTI_AGENCY)
    addressee = models.CharField(max_length=20, choices=Addressee.choices, default=Addressee.PARTNERSHIP)
    addressee_text = models.CharField(max_length=300, blank=True)  # as the report names whom it asks
    agencies = models.ManyToManyField("agencies.Agency", blank=True, related_name="recommendations")
    findings = models.ManyToManyField(Finding, blank=True, related_name="recommendations")
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    # Tracking, after publication: the response of whom it asks, recorded by the publishing partnership (curators
    # for national recommendations), with its reasons.
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    response_reasons = models.TextField(blank=True)
    responded_at = models.DateField(null=True, blank=True)
    # Set on recommendations proposed from an uploaded document: which document, and which of its proposals.
    document = models.ForeignKey(
        "reviews.ReviewDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_recommendations",
    )
    proposal_index = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "position", "id"]
        indexes = [models.Index(fields=["review", "position"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "proposal_index"], name="one_recommendation_per_proposal")
        ]

    def __str__(self):
        return f"{self.label}: {self.text[:60]}" if self.label else self.text[:70]

    @property
    def anchor(self):
        return f"recommendation-{self.position}"

    def get_absolute_url(self):
        return f"{self.review.get_absolute_url()}#{self.anchor}"

    @property
    def addressed_to(self):
        """Whom it asks, in words: the report's own words, else the agencies, else the kind of addressee."""
        if self.addressee_text:
            return self.addressee_text
        agencies = [agency.name for agency in self.agencies.all()]
        return ", ".join(agencies) if agencies else self.get_addressee_display()

    @classmethod
    def kind_for(cls, addressee, agency_count):
        """The kind a recommendation is, by whom it asks: a national body, one agency, or several."""
        if addressee == cls.Addressee.NATIONAL:
            return cls.Kind.NATIONAL
        if addressee == cls.Addressee.AGENCIES and agency_count == 1:
            return cls.Kind.SINGLE_AGENCY
        return cls.Kind.MULTI_AGENCY

    @staticmethod
    def next_position(review):
        """The position of a recommendation added after the review's others."""
        return (review.recommendations.aggregate(last=models.Max("position"))["last"] or 0) + 1

    def is_trackable_by(self, user):
        """Whether the user records the response and actions: curators always; the authors of the partnership that
        published the review, for its published recommendations that are not national (curators record those on
        behalf of their addressees)."""
        if is_curator(user):
            return True
        review = self.review
        return (
            review.status == Review.Status.PUBLISHED
            and self.kind != self.Kind.NATIONAL
            and review.partnership_id is not None
            and review.partnership_id in author_partnership_ids(user)
        )

    @staticmethod
    def renumber(ordered_ids):
        for position, pk in enumerate(ordered_ids, start=1):
            Recommendation.objects.filter(pk=pk).exclude(position=position).update(position=position)

    def likely_findings(self):
        """The findings of its review it most likely follows from, by the words they share, when it is linked to
        none: [(finding, [shared words as the recommendation writes them])], best first (likely_sources)."""
        if self.findings.exists():
            return []
        findings = list(self.review.findings.order_by("position", "id"))
        ranked = likely_sources(self.text, [f"{f.title} {f.text}" for f in findings])
        return [(findings[index], words) for index, words in ranked]

    @property
    def name(self):
        """How a curator's message names it: its label as written, else its number."""
        return f"recommendation {self.label or self.position}"

    @transaction.atomic
    def split(self, before):
        """Split it before its sentence number `before` (from 0; the first cannot be chosen): a new recommendation
        right after it, without a label, takes that sentence and those after it, asking whom it asks, following
        from the same findings, with the same themes. This one keeps its label, response and actions. Returns the
        new recommendation."""
        head, tail = self._cut(before, self.name.capitalize())
        ids = self._ordered_ids()
        self.text = head
        self.save(update_fields=["text", "updated_at"])
        new = Recommendation.objects.create(
            review_id=self.review_id,
            position=self.position,  # renumbered below
            text=tail,
            kind=self.kind,
            addressee=self.addressee,
            addressee_text=self.addressee_text,
            source_page=self.source_page,
        )
        new.agencies.set(self.agencies.all())
        new.findings.set(self.findings.all())
        new.themes.set(self.themes.all())
        ids.insert(ids.index(self.pk) + 1, new.pk)
        self.renumber(ids)
        self.refresh_from_db(fields=["position"])
        new.refresh_from_db(fields=["position"])
        return new

    @transaction.atomic
    def merge_with(self, *others):
        """Fold other recommendations of the same review into this one, in their order: texts joined with a blank
        line, their agencies, findings, themes and actions carried over, this label, kind and addressee kept (and
        the first response recorded, when this has none). The others are deleted and the positions closed up."""
        others = sorted(others, key=lambda other: (other.position, other.pk))
        if any(other.review_id != self.review_id or other.pk == self.pk for other in others):
            raise ValueError("Only other recommendations of the same review can be merged into a recommendation.")
        ids = self._ordered_ids()
        for other in others:
            self.text = "\n\n".join(filter(None, [self.text.strip(), other.text.strip()]))
            self.agencies.add(*other.agencies.all())
            self.findings.add(*other.findings.all())
            self.themes.add(*other.themes.all())
            other.actions.update(recommendation=self)
            if not self.response and other.response:
                self.response, self.response_reasons = other.response, other.response_reasons
                self.responded_at = other.responded_at
            ids.remove(other.pk)
            other.delete()
        self.save()
        self.renumber(ids)
        self.refresh_from_db(fields=["position"])


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(Review.visibility_filter(user, prefix="recommendation__review__"))

    def overdue(self, today=None):
        """Not completed, and due before today."""
        today = today or timezone.localdate()
        return self.exclude(status=Action.Status.COMPLETED).filter(due__lt=today)


@pghistory.track(*audit_events(), exclude=["updated_at"])
class Action(models.Model):
    """What is being done about a recommendation: by whom, by when, how far it has got, and the evidence that it
    was done. Its internal note is seen only by the partnership's authors and the curators."""

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        IN_PROGRESS = "in-progress", "In progress"
        COMPLETED = "completed", "Completed"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_text = models.CharField(max_length=200, blank=True)  # the owner in words, when no agency of the list fits
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    evidence = models.TextField(blank=True)  # what shows it was done: text and links, public
    internal_note = models.TextField(blank=True)
    completed_at = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "due", "id"]

    def __str__(self):
        return self.text[:70]

    @property
    def owned_by(self):
        return self.owner.name if self.owner_id else self.owner_text

    @property
    def is_overdue(self):
        return self.status != self.Status.COMPLETED and self.due is not None and self.due < timezone.localdate()

    def save(self, *args, **kwargs):
        """A completed action keeps the day it was completed; one reopened loses it."""
        if self.status == self.Status.COMPLETED and self.completed_at is None:
            self.completed_at = timezone.localdate()
        elif self.status != self.Status.COMPLETED:
            self.completed_at = None
        super().save(*args, **kwargs)


class ThemeRedirect(models.Model):
    """A slug a theme used to have (renamed, or merged into another theme): its pages redirect."""

    old_slug = models.SlugField(max_length=80, unique=True)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.theme.slug}"


class LessonQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if is_curator(user) else self.filter(status=Lesson.Status.PUBLISHED)

    def with_review_counts(self, user):
        """Each lesson with review_count (how many reviews the user may see found it), its themes prefetched."""
        reviews = Review.objects.visible_to(user).filter(findings__lessons=OuterRef("pk"))
        return self.annotate(review_count=SubqueryCount(reviews)).prefetch_related("themes")


@pghistory.track(*audit_events(), exclude=["updated_at"])
class Lesson(models.Model):
    """A recurring lesson: a curated statement of something reviews keep finding, with the findings
    from several reviews that found it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=120, unique=True)
    statement = models.CharField(
        max_length=300,
        help_text="For example “Bruises on non-mobile babies were not referred for a child protection medical”.",
    )
    summary = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="lessons")
    findings = models.ManyToManyField(Finding, blank=True, through="LessonFinding", related_name="lessons")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["statement"]

    def __str__(self):
        return self.statement

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Lesson, self.statement, max_length=110)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("lesson-detail", args=[self.slug])

    def publish(self):
        self.status, self.published_at = self.Status.PUBLISHED, timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])

    def unpublish(self):
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    def link(self, finding, by=None):
        """Add a finding to the lesson (nothing changes if it is there already)."""
        LessonFinding.objects.get_or_create(lesson=self, finding=finding, defaults={"added_by": by})

    def unlink(self, finding):
        LessonFinding.objects.filter(lesson=self, finding=finding).delete()

    def visible_findings(self, user):
        return (
            self.findings.visible_to(user)
            .for_display()
            .order_by("-review__publication_year", "review__title", "position")
        )

    def reach(self, user):
        """How many reviews the user may see found this, in which years and nations."""
        reviews = Review.objects.visible_to(user).filter(findings__lessons=self).distinct()
        years = sorted({y for y in reviews.values_list("publication_year", flat=True) if y})
        nations = sorted(set(reviews.values_list("nation", flat=True)))
        return {"reviews": reviews.count(), "years": years, "nations": nations}


@pghistory.track(*link_events())
class LessonFinding(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="links")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="lesson_links")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [models.UniqueConstraint(fields=["lesson", "finding"], name="one_link_per_finding")]

    def __str__(self):
        return f"{self.finding} in {self.lesson}"


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision=Suggestion.Decision.PENDING)

    @transaction.atomic
    def accept_all(self, by=None):
        """Accept every pending suggestion among these (a review's, in one step). How many were accepted."""
        return self.decide_all(accept=True, by=by)

    @transaction.atomic
    def decide_all(self, *, accept, by=None):
        """Accept (or reject) every pending suggestion among these. How many were decided."""
        pending = list(self.pending().select_related(self.model.OWNER, self.model.TAG))
        for suggestion in pending:
            if accept:
                suggestion.accept(by=by)
            else:
                suggestion.reject(by=by)
        return len(pending)


class Suggestion(models.Model):
    """Something proposed for a finding (or a recommendation), with why: nothing is tagged until a person accepts
    it."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Not yet decided"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)

    TAG = ""  # the field naming what is suggested
    OWNER = "finding"  # the field naming what it is suggested for

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def tag(self):
        return getattr(self, self.TAG)

    def decide(self, decision, by=None, at=None):
        self.decision, self.decided_by, self.decided_at = decision, by, at or timezone.now()
        self.save(update_fields=["decision", "decided_by", "decided_at"])

    def reject(self, by=None):
        self.decide(self.Decision.REJECTED, by)


class ThemeSuggestion(Suggestion):
    """A theme the suggester proposes for a finding, with its reasons."""

    TAG = "theme"

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)  # [{"keyword": ..., "sentence": ...}]
    source = models.CharField(max_length=30)  # rules, classifier or both

    class Meta:
        ordering = ["finding", "-score"]
        constraints = [models.UniqueConstraint(fields=["finding", "theme"], name="one_suggestion_per_theme")]

    def __str__(self):
        return f"{self.theme} for {self.finding} ({self.score:.2f})"

    @transaction.atomic
    def accept(self, by=None):
        """Tag the finding with the suggested theme."""
        self.finding.themes.add(self.theme)
        self.decide(self.Decision.ACCEPTED, by)


class AgencySuggestion(Suggestion):
    """An agency the finding's text names ("the health visitor"), with the words that named it and where."""

    TAG = "agency"

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="agency_suggestions")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="suggestions")
    phrase = models.CharField(max_length=200)  # the words as written
    sentence = models.TextField()  # the sentence they are in, trimmed
    mentions = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["finding", "-mentions", "agency__position"]
        constraints = [models.UniqueConstraint(fields=["finding", "agency"], name="one_suggestion_per_agency")]

    def __str__(self):
        return f"{self.agency} for {self.finding} (“{self.phrase}”)"

    @transaction.atomic
    def accept(self, by=None):
        """Tag the finding with the suggested agency."""
        self.finding.agencies.add(self.agency)
        self.decide(self.Decision.ACCEPTED, by)


class RecommendationThemeSuggestion(Suggestion):
    """A theme the suggester proposes for a recommendation, from its text, with its reasons."""

    TAG = "theme"
    OWNER = "recommendation"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="recommendation_suggestions")
    score = models.FloatField()
    reasons = models.JSONField(default=list, blank=True)  # [{"keyword": ..., "sentence": ...}]
    source = models.CharField(max_length=30)  # rules, classifier or both

    class Meta:
        ordering = ["recommendation", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "theme"], name="one_suggestion_per_recommendation_theme")
        ]

    def __str__(self):
        return f"{self.theme} for {self.recommendation} ({self.score:.2f})"

    @transaction.atomic
    def accept(self, by=None):
        """Tag the recommendation with the suggested theme."""
        self.recommendation.themes.add(self.theme)
        self.decide(self.Decision.ACCEPTED, by)


for through, name in (
    (Finding.themes.through, "FindingThemeEvent"),
    (Finding.agencies.through, "FindingAgencyEvent"),
    (Recommendation.findings.through, "RecommendationFindingEvent"),
    (Recommendation.agencies.through, "RecommendationAgencyEvent"),
    (Recommendation.themes.through, "RecommendationThemeEvent"),
    (Lesson.themes.through, "LessonThemeEvent"),
):
    pghistory.track(*link_events(), model_name=name, app_label="findings")(through)


class Embedding(models.Model):
    """A sentence embedding of a finding, a review or a lesson (search.semantic computes and writes them;
    findings.vectors reads them). Kept in PostgreSQL as float32 bytes: no extension is needed.

    digest: of the text that was embedded, so that unchanged text is never embedded again. seq: moves on at
    every write (from one sequence across the three tables), so that a process holding the vectors in memory
    reads only what changed since it last looked.
    """

    digest = models.CharField(max_length=32)
    vector = models.BinaryField()
    seq = models.BigIntegerField(db_index=True)

    class Meta:
        abstract = True


class FindingEmbedding(Embedding):
    finding = models.OneToOneField(Finding, primary_key=True, on_delete=models.CASCADE, related_name="embedding")

    def __str__(self):
        return f"Embedding of finding {self.pk}"


class ReviewEmbedding(Embedding):
    review = models.OneToOneField(
        "reviews.Review", primary_key=True, on_delete=models.CASCADE, related_name="embedding"
    )

    def __str__(self):
        return f"Embedding of review {self.pk}"


class LessonEmbedding(Embedding):
    lesson = models.OneToOneField(Lesson, primary_key=True, on_delete=models.CASCADE, related_name="embedding")

    def __str__(self):
        return f"Embedding of lesson {self.pk}"
