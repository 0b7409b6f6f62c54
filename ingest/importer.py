"""Import reviews from JSON Lines: one review a line, each line its own transaction.

A record is first read into a plain, checked description (`read_record`), which raises
`RecordError` with a reason a person can act on; only then is it written (`ReviewImporter.save`).
A record's `id` becomes the review's `external_id`, so importing the same file again updates the
reviews it made instead of duplicating them, and changes nothing when nothing changed.
"""

import datetime
import itertools
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from agencies.models import Agency, Partnership
from findings.models import Finding, Recommendation, Theme, ThemeMatcher
from findings.signals import texts_changed
from ingest.segmentation import split_label
from reviews.models import IllegalTransition, Review
from vocabulary import (
    AgeBand,
    HarmType,
    Nation,
    Outcome,
    Region,
    Sex,
    match_choice,
    match_nation,
    match_review_type,
    review_type_fits_nation,
    usual_review_type,
)

ANONYMOUS_AREAS = {"", "anonymous", "anonymised", "not known", "unknown", "n/a", "none"}
TITLE_MAX = Review._meta.get_field("title").max_length
FINDING_TITLE_MAX = Finding._meta.get_field("title").max_length
FINDING_LABEL_MAX = Finding._meta.get_field("label").max_length
RECOMMENDATION_LABEL_MAX = Recommendation._meta.get_field("label").max_length


class RecordError(ValueError):
    """A record that cannot be imported, with the reason."""


@dataclass
class FindingSpec:
    title: str
    text: str
    label: str = ""  # the review's own label for it ("Finding 3")
    questions: str = ""  # its questions for the partnership, one a line
    source_page: int | None = None
    themes: list = field(default_factory=list)  # theme slugs; None-free
    agencies: list = field(default_factory=list)  # agency slugs
    tagged: bool = False  # whether the record says which themes and agencies the finding has


@dataclass
class RecommendationSpec:
    text: str
    label: str = ""  # as the report wrote it ("Recommendation 3", "CSC 1")
    kind: str = ""  # a Recommendation.Kind value; "" to decide from the addressee
    addressee: str = Recommendation.Addressee.PARTNERSHIP
    addressee_text: str = ""  # whom it asks, in the report's words
    agencies: list = field(default_factory=list)  # agency slugs
    themes: list = field(default_factory=list)  # theme slugs
    findings: list = field(default_factory=list)  # positions (from 1) of the review's findings it follows from

    def row(self):
        """What is compared to decide whether a review's recommendations changed."""
        kind = self.kind or Recommendation.kind_for(self.addressee, len(self.agencies))
        return (self.label, self.text, kind, self.addressee, self.addressee_text, tuple(sorted(self.agencies)),
                tuple(sorted(self.themes)), tuple(sorted(self.findings)))  # fmt: skip


def _row(r):
    """A stored recommendation as RecommendationSpec.row() describes one."""
    agencies, themes = sorted(a.slug for a in r.agencies.all()), sorted(t.slug for t in r.themes.all())
    findings = sorted(f.position for f in r.findings.all())
    return (r.label, r.text, r.kind, r.addressee, r.addressee_text, tuple(agencies), tuple(themes), tuple(findings))


@dataclass
class ReviewSpec:
    external_id: str
    title: str
    area: str  # "" means anonymous
    nation: str
    region: str
    review_type: str
    publication_date: datetime.date | None
    publication_year: int | None
    fields: dict
    keywords: list
    findings: list
    warnings: list
    recommendations: list = field(default_factory=list)


def _text(record, key, *, required=False, max_length=None):
    value = record.get(key)
    if value is None:
        value = ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise RecordError(f"{key} must be text, not {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise RecordError(f"{key} is empty: every review needs a {key}")
    if max_length and len(value) > max_length:
        raise RecordError(f"{key} is {len(value)} characters long; the most allowed is {max_length}")
    return value


def _string_list(record, key):
    value = record.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()] if key == "keywords" else [value.strip()]
    if not isinstance(value, list):
        raise RecordError(f"{key} must be a list, not {type(value).__name__}")
    return value


def _publication(record):
    """(date or None, year or None) from published_on and/or year."""
    raw_date = record.get("published_on") or record.get("publication_date")
    raw_year = record.get("year")
    date = year = None
    if raw_date not in (None, ""):
        text = str(raw_date).strip()
        try:
            if re.fullmatch(r"\d{4}", text):
                year = int(text)
            elif re.fullmatch(r"\d{4}-\d{2}", text):
                year = datetime.date.fromisoformat(text + "-01").year
            else:
                date = datetime.date.fromisoformat(text[:10])
                year = date.year
        except ValueError:
            raise RecordError(f"published_on {text!r} is not a date: write it as YYYY-MM-DD") from None
    if raw_year not in (None, ""):
        try:
            given = int(str(raw_year).strip())
        except ValueError:
            raise RecordError(f"year {raw_year!r} is not a year: write it as four digits, for example 2019") from None
        if year is not None and given != year:
            raise RecordError(f"year {given} does not match published_on {raw_date}")
        year = given
    latest = timezone.now().year + 1
    if year is not None and not 1970 <= year <= latest:
        raise RecordError(f"year {year} is outside the years reviews were published (1970 to {latest})")
    return date, year


def _finding_title(text):
    """A short title for a learning point given as one string."""
    first_line, _, rest = text.partition("\n")
    if rest.strip() and len(first_line.strip()) <= FINDING_TITLE_MAX:
        return first_line.strip().rstrip(":"), rest.strip()
    heading = re.match(r"^(.{8,160}?):\s+\S", text)
    if heading and not re.search(r"[.!?]", heading.group(1)):
        return heading.group(1).strip(), text
    sentence = re.match(r"^(.{8,200}?[.!?])(\s|$)", text)
    if sentence:
        return sentence.group(1).strip(), text
    words = text.split()
    title = " ".join(words[:18])
    return (title + "…" if len(words) > 18 else title)[:FINDING_TITLE_MAX], text


def _labelled(title, label=""):
    """(label, title): a label the title starts with ("Finding 1: Mr K was never seen") kept apart, as uploads do,
    unless the record gives the label itself."""
    found, rest = split_label(title)
    return (label, title) if label or not rest else (found[:FINDING_LABEL_MAX], rest)


def _learning_findings(record):
    findings = []
    for index, item in enumerate(_string_list(record, "learning"), start=1):
        if not isinstance(item, str):
            raise RecordError(f"learning item {index} must be text, not {type(item).__name__}")
        if item.strip():
            title, text = _finding_title(item.strip())
            findings.append(FindingSpec(title=title, text=text))
    return findings


class ReviewImporter:
    """Imports records into reviews. Keeps the themes and agencies in memory for matching."""

    def __init__(self, *, publish=False, source="import"):
        self.publish = publish
        self.source = source
        self.themes = list(Theme.objects.all())
        self.theme_slugs = {theme.slug for theme in self.themes}
        self.matcher = ThemeMatcher(self.themes)
        self.partnerships = {}  # area as written, lowercased: its partnership (forgotten when a line fails)
        self.theme_ids = {theme.slug: theme.pk for theme in self.themes}
        self.agencies, self.agency_ids = {}, {}
        for agency in Agency.objects.all():
            self.agency_ids[agency.slug] = agency.pk
            for name in (agency.slug, agency.name.lower()):
                self.agencies[name] = agency.slug

    # Reading -------------------------------------------------------------------------------------
    def read_record(self, record):
        if not isinstance(record, dict):
            raise RecordError(f"a line must hold a JSON object, not {type(record).__name__}")
        warnings = []
        external_id = _text(record, "id", required=True, max_length=200)
        title = _text(record, "title", required=True, max_length=TITLE_MAX)
        area = _text(record, "area", max_length=200)
        if area.lower() in ANONYMOUS_AREAS:
            area = ""

        raw_nation = _text(record, "nation")
        nation = match_nation(raw_nation)
        if nation is None and raw_nation:
            names = ", ".join(label for _, label in Nation.choices)
            raise RecordError(f"nation {raw_nation!r} is not one of {names}")
        if nation is None:
            existing = Partnership.objects.filter(name__iexact=area).first() if area else None
            if existing is None:
                raise RecordError("nation is empty: say which nation published the review")
            nation = existing.nation

        region = ""
        raw_region = _text(record, "region")
        if raw_region:
            found = match_choice(Region, raw_region)
            if found is None or nation != Nation.ENGLAND:
                warnings.append(f"region {raw_region!r} ignored: regions are the nine English regions")
            else:
                region = found.value

        date, year = _publication(record)
        raw_type = _text(record, "review_type")
        review_type = match_review_type(raw_type, nation)
        if review_type is None or not review_type_fits_nation(review_type, nation):
            review_type = usual_review_type(nation, year)
            if raw_type:
                warnings.append(f"review_type {raw_type!r} not recognised; recorded as {review_type.label.lower()}")

        source_url = _text(record, "source_url", max_length=1000)
        if source_url:
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError:
                warnings.append(f"source_url {source_url!r} is not a web address and was left out")
                source_url = ""

        fields = {
            "summary": _text(record, "summary"),
            "full_text": _text(record, "full_text") or _text(record, "text"),
            "methodology": _text(record, "methodology"),
            "reviewer": _text(record, "reviewer", max_length=300),
            "source_url": source_url,
            "age_bands": self._choices(record, "age_bands", AgeBand, warnings),
            "harm_types": self._choices(record, "harm_types", HarmType, warnings),
            "sex": (self._choices(record, "sex", Sex, warnings) or [""])[0],
            "outcome": (self._choices(record, "outcome", Outcome, warnings) or [""])[0],
        }
        keywords = []
        for keyword in _string_list(record, "keywords"):
            if not isinstance(keyword, str):
                raise RecordError(f"keywords must be text, not {type(keyword).__name__}")
            if keyword.strip() and keyword.strip() not in keywords:
                keywords.append(keyword.strip())

        findings = self._tagged_findings(record, warnings) if record.get("findings") else _learning_findings(record)
        recommendations = [
            RecommendationSpec(text=" ".join(_text(item, "recommendation").split()), findings=[position])
            for position, item in enumerate(record.get("findings") or [], start=1)
            if isinstance(item, dict) and _text(item, "recommendation")
        ]
        recommendations += self._recommendations(record, findings, warnings)
        return ReviewSpec(
            external_id=external_id,
            title=title,
            area=area,
            nation=nation.value,
            region=region,
            review_type=review_type.value,
            publication_date=date,
            publication_year=year,
            fields=fields,
            keywords=keywords,
            findings=findings,
            warnings=warnings,
            recommendations=recommendations,
        )

    def _recommendations(self, record, findings, warnings):
        """The review's recommendations list: each a string, or an object with text and optionally label, kind,
        addressee (one of Recommendation.Addressee's values, or whom it asks in words), agencies, themes and
        findings (labels such as "Finding 2", or positions from 1)."""
        items = record.get("recommendations")
        if items in (None, "", []):
            return []
        if not isinstance(items, list):
            raise RecordError("recommendations must be a list of strings or objects with text")
        labels = {finding.label.lower(): position for position, finding in enumerate(findings, start=1)}
        out = []
        for index, item in enumerate(items, start=1):
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict):
                raise RecordError(f"recommendation {index} must be text or an object with text")
            text = " ".join(_text(item, "text").split())
            if not text:
                raise RecordError(f"recommendation {index} has no text")
            spec = RecommendationSpec(text=text, label=_text(item, "label", max_length=RECOMMENDATION_LABEL_MAX))
            addressee = _text(item, "addressee", max_length=300)
            found = match_choice(Recommendation.Addressee, addressee) if addressee else None
            spec.addressee_text = "" if found else addressee
            for name in _string_list(item, "agencies"):
                slug = self.agencies.get(str(name).strip().lower())
                if slug is None:
                    warnings.append(f"recommendation {index}: unknown agency {name!r} left out")
                elif slug not in spec.agencies:
                    spec.agencies.append(slug)
            spec.addressee = found or (Recommendation.Addressee.AGENCIES if spec.agencies else
                                       Recommendation.Addressee.OTHER if addressee else spec.addressee)  # fmt: skip
            kind = _text(item, "kind")
            if kind:
                matched = match_choice(Recommendation.Kind, kind)
                if matched is None:
                    warnings.append(f"recommendation {index}: kind {kind!r} not recognised; decided from its addressee")
                spec.kind = matched.value if matched else ""
            spec.themes = [slug for slug in _string_list(item, "themes") if slug in self.theme_slugs]
            for reference in item.get("findings") or []:
                position = reference if isinstance(reference, int) else labels.get(str(reference).strip().lower())
                if isinstance(position, int) and 0 < position <= len(findings):
                    spec.findings.append(position)
                else:
                    warnings.append(f"recommendation {index}: no finding {reference!r} to link it to")
            out.append(spec)
        return out

    def _choices(self, record, key, choices, warnings):
        values = []
        for item in _string_list(record, key):
            found = match_choice(choices, item)
            if found is None:
                warnings.append(f"{key} value {item!r} not recognised and left out")
            elif found.value not in values:
                values.append(found.value)
        return values

    def _tagged_findings(self, record, warnings):
        if not isinstance(record["findings"], list):
            raise RecordError("findings must be a list of objects with title and text")
        findings = []
        for index, item in enumerate(record["findings"], start=1):
            if not isinstance(item, dict):
                raise RecordError(f"finding {index} must be an object with title and text")
            text = _text(item, "text")
            if not text:
                raise RecordError(f"finding {index} has no text")
            title = _text(item, "title", max_length=FINDING_TITLE_MAX) or _finding_title(text)[0]
            label, title = _labelled(title, _text(item, "label", max_length=FINDING_LABEL_MAX))
            themes = [slug for slug in _string_list(item, "themes") if slug in self.theme_slugs]
            unknown = [slug for slug in _string_list(item, "themes") if slug not in self.theme_slugs]
            if unknown:
                warnings.append(f"finding {index}: unknown themes left out: {', '.join(map(str, unknown))}")
            agencies = []
            for name in _string_list(item, "agencies"):
                slug = self.agencies.get(str(name).strip().lower())
                if slug is None:
                    warnings.append(f"finding {index}: unknown agency {name!r} left out")
                elif slug not in agencies:
                    agencies.append(slug)
            page = item.get("source_page")
            questions = item.get("questions") or []
            if isinstance(questions, str):
                questions = [questions]
            if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
                raise RecordError(f"finding {index}: questions must be a list of strings")
            findings.append(
                FindingSpec(
                    title=title,
                    text=text,
                    label=label,
                    questions="\n".join(" ".join(q.split()) for q in questions if q.strip()),
                    source_page=page if isinstance(page, int) and page > 0 else None,
                    themes=themes,
                    agencies=agencies,
                    tagged=True,
                )
            )
        return findings

    # Writing -------------------------------------------------------------------------------------
    def save(self, spec):
        """Create or update the review a spec describes. Returns "created", "updated" or "unchanged"."""
        with transaction.atomic():
            review = Review.objects.select_for_update().filter(external_id=spec.external_id).first()
            created = review is None
            if created:
                review = Review(external_id=spec.external_id)
            values = self._values(spec)
            changed = [name for name, value in values.items() if getattr(review, name) != value]
            for name in changed:
                setattr(review, name, values[name])
            if created or changed:
                review.full_clean(exclude=["slug"], validate_unique=False)
                review.save()
            changed_findings = self._sync_findings(review, spec.findings, created)
            changed_findings |= self._sync_recommendations(review, spec.recommendations, created)
            changed_themes = self._sync_themes(review, spec.keywords, created)
            moved = self._advance(review, created)
        if created:
            return "created"
        return "updated" if changed or changed_findings or changed_themes or moved else "unchanged"

    def _values(self, spec):
        return {
            "title": spec.title,
            "partnership": self._partnership(spec),
            "nation": spec.nation,
            "review_type": spec.review_type,
            "publication_date": spec.publication_date,
            "publication_year": spec.publication_year,
            "keywords": spec.keywords,
            **spec.fields,
        }

    def create_many(self, specs):
        """Create the reviews of records that no review has yet, in a few statements (Review.objects.create_records)
        and in a savepoint of their own. Returns {external id: validation errors} for the records not valid
        (the others are created), or raises DatabaseError, having written nothing."""
        invalid, reviews, valid = {}, [], []
        with transaction.atomic():
            for spec in specs:
                review = Review(external_id=spec.external_id, **self._values(spec))
                try:
                    review.full_clean(exclude=["slug", "partnership"], validate_unique=False)
                except ValidationError as error:
                    invalid[spec.external_id] = error
                    continue
                reviews.append(review)
                valid.append(spec)
            Review.objects.create_records(reviews, publish=self.publish, reason=f"Imported from {self.source}")
            findings = [
                (Finding(review=review, position=position, label=f.label, title=f.title, text=f.text,
                         questions=f.questions, source_page=f.source_page), f)
                for review, spec in zip(reviews, valid, strict=True)
                for position, f in enumerate(spec.findings, start=1)
            ]  # fmt: skip
            Finding.objects.bulk_create([finding for finding, _ in findings])
            Finding.themes.through.objects.bulk_create(
                Finding.themes.through(finding_id=finding.pk, theme_id=self.theme_ids[slug])
                for finding, f in findings
                for slug in dict.fromkeys(f.themes)
                if slug in self.theme_ids
            )
            Finding.agencies.through.objects.bulk_create(
                Finding.agencies.through(finding_id=finding.pk, agency_id=self.agency_ids[slug])
                for finding, f in findings
                for slug in dict.fromkeys(f.agencies)
                if slug in self.agency_ids
            )
            by_position = {(finding.review_id, finding.position): finding.pk for finding, _ in findings}
            pairs = zip(reviews, valid, strict=True)
            self._create_recommendations([(review, r, by_position) for review, s in pairs for r in s.recommendations])
            Review.themes.through.objects.bulk_create(
                Review.themes.through(review_id=review.pk, theme_id=pk)
                for review, spec in zip(reviews, valid, strict=True)
                for pk in {theme.pk for theme in map(self.matcher.match, spec.keywords) if theme}
            )
        return invalid

    def _partnership(self, spec):
        if not spec.area:
            return None
        partnership = self.partnerships.get(spec.area.lower())
        if partnership is None:
            partnership = Partnership.objects.filter(
                Q(name__iexact=spec.area) | Q(former_names__contains=[spec.area])
            ).first()
        if partnership is None:
            partnership = Partnership.objects.create(
                name=spec.area,
                nation=spec.nation,
                region=spec.region,
                kind=Partnership.kind_from_name(spec.area, spec.nation),
            )
        elif spec.region and not partnership.region:
            partnership.region = spec.region
            partnership.save(update_fields=["region", "updated_at"])
        self.partnerships[spec.area.lower()] = partnership
        return partnership

    def forget(self):
        """Forget what was read from the database: after a line (or a batch) was rolled back."""
        self.partnerships.clear()

    def _sync_findings(self, review, specs, created):
        """Make the review's findings match specs, position by position. Returns whether anything changed."""
        existing = {} if created else {f.position: f for f in review.findings.prefetch_related("themes", "agencies")}
        changed, new, rows = False, [], []
        for position, spec in enumerate(specs, start=1):
            finding = existing.pop(position, None) or Finding(review=review, position=position)
            values = {
                "label": spec.label,
                "title": spec.title,
                "text": spec.text,
                "questions": spec.questions,
                "source_page": spec.source_page,
            }
            if finding.pk is None or any(getattr(finding, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(finding, key, value)
                if finding.pk is None:
                    new.append(finding)
                else:
                    finding.save()
                changed = True
            rows.append((finding, spec))
        Finding.objects.bulk_create(new)  # one statement for a new review's findings
        for finding, spec in rows:
            if spec.tagged:
                themes = {t.slug for t in finding.themes.all()} if finding not in new else set()
                agencies = {a.slug for a in finding.agencies.all()} if finding not in new else set()
                if themes != set(spec.themes):
                    finding.themes.set(Theme.objects.filter(slug__in=spec.themes))
                    changed = True
                if agencies != set(spec.agencies):
                    finding.agencies.set(Agency.objects.filter(slug__in=spec.agencies))
                    changed = True
        if existing:
            Finding.objects.filter(pk__in=[f.pk for f in existing.values()]).delete()
            changed = True
        return changed

    def _sync_recommendations(self, review, specs, created):
        """Make the review's recommendations match specs (all made again when any differs). Returns whether
        anything changed."""
        if not created:
            existing = review.recommendations.prefetch_related("agencies", "themes", "findings").order_by("position")
            if [_row(r) for r in existing] == [spec.row() for spec in specs]:
                return False
            review.recommendations.all().delete()
        elif not specs:
            return False
        by_position = {(review.pk, position): pk for position, pk in review.findings.values_list("position", "pk")}
        self._create_recommendations([(review, spec, by_position) for spec in specs])
        return True

    def _create_recommendations(self, rows):
        """Create recommendations from (review, spec, {(review id, finding position): finding id}) rows, in order."""
        positions = {}
        made = []
        for review, spec, _ in rows:
            positions[review.pk] = positions.get(review.pk, 0) + 1
            made.append(Recommendation(review=review, position=positions[review.pk], label=spec.label,
                                       text=spec.text, kind=spec.row()[2], addressee=spec.addressee,
                                       addressee_text=spec.addressee_text))  # fmt: skip
        Recommendation.objects.bulk_create(made)
        through = Recommendation.findings.through
        through.objects.bulk_create(
            through(recommendation_id=recommendation.pk, finding_id=by_position[(review.pk, position)])
            for recommendation, (review, spec, by_position) in zip(made, rows, strict=True)
            for position in dict.fromkeys(spec.findings)
            if (review.pk, position) in by_position
        )
        Recommendation.agencies.through.objects.bulk_create(
            Recommendation.agencies.through(recommendation_id=recommendation.pk, agency_id=self.agency_ids[slug])
            for recommendation, (_, spec, _) in zip(made, rows, strict=True)
            for slug in dict.fromkeys(spec.agencies)
        )
        Recommendation.themes.through.objects.bulk_create(
            Recommendation.themes.through(recommendation_id=recommendation.pk, theme_id=self.theme_ids[slug])
            for recommendation, (_, spec, _) in zip(made, rows, strict=True)
            for slug in dict.fromkeys(spec.themes)
        )

    def _sync_themes(self, review, keywords, created):
        """Tag the review with the themes its keywords clearly name. Returns whether anything changed."""
        wanted = {theme.pk for theme in map(self.matcher.match, keywords) if theme}
        current = set() if created else set(review.themes.values_list("pk", flat=True))
        if wanted <= current:
            return False
        review.themes.add(*(wanted - current))
        return True

    def _advance(self, review, created):
        """Move an imported review along the workflow. Returns whether its status changed."""
        reason = f"Imported from {self.source}"
        Status = Review.Status
        if self.publish and review.status not in (Status.PUBLISHED, Status.WITHDRAWN):
            review.publish_record(reason=reason)  # a record of a review already published elsewhere
            return True
        if created:
            review.submit(reason=reason)
        return False


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (line number, reason)
    warnings: list = field(default_factory=list)  # (line number, message)

    def summary(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {len(self.skipped)} skipped"
        )


# Lines are written BATCH at a time, each in a savepoint of its own: a bad line is rolled back alone, and
# the search index, brought into step when a transaction commits, is written once a batch.
BATCH = 200


def import_lines(lines, *, publish=False, source="import", on_line=None, batch=BATCH):
    """Import an iterable of raw JSONL lines (bytes or str). Bad lines are reported and skipped.

    Lines are read BATCH at a time into one transaction. The records no review has yet are created together
    (ReviewImporter.create_many); the others, and all of them if that fails, line by line, each line in a
    savepoint of its own. A bad line is skipped alone either way.
    """
    importer = ReviewImporter(publish=publish, source=source)
    report = ImportReport()
    seen = {}
    numbered = enumerate(lines, start=1)
    while chunk := list(itertools.islice(numbered, batch)):
        done = []  # (number, outcome, warnings) of the lines imported, counted once the batch is committed
        try:
            with transaction.atomic():
                _import_batch(importer, chunk, seen, report, done)
                texts_changed.send(sender=ReviewImporter)  # findings were written in bulk, without their save
        except DatabaseError as error:  # the batch could not be committed: none of its lines were imported
            importer.forget()
            reason = f"the database refused its batch of lines: {str(error).strip().splitlines()[0]}"
            report.skipped.extend((number, reason) for number, _, _ in done)
            continue
        for number, outcome, warnings in done:
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.warnings.extend((number, warning) for warning in warnings)
        if on_line:
            for number, _ in chunk:
                on_line(number, report)
    report.skipped.sort(key=lambda item: item[0])
    report.warnings.sort(key=lambda item: item[0])
    return report


def _import_batch(importer, chunk, seen, report, done):
    """Import a batch of (number, raw line) in the transaction in hand, adding (number, outcome, warnings) to
    done for each line imported and (number, reason) to the report for each line skipped."""
    specs = []
    for number, raw in chunk:
        try:
            spec = _read_line(importer, number, raw, seen)
        except RecordError as error:
            report.skipped.append((number, str(error)))
        else:
            if spec is not None:
                specs.append((number, spec))
    existing = set(
        Review.objects.filter(external_id__in=[spec.external_id for _, spec in specs]).values_list(
            "external_id", flat=True
        )
    )
    new = [(number, spec) for number, spec in specs if spec.external_id not in existing]
    one_by_one = [(number, spec) for number, spec in specs if spec.external_id in existing]
    try:
        invalid = importer.create_many([spec for _, spec in new])
    except (DatabaseError, ValidationError, IllegalTransition):  # the lines will say which is wrong, one by one
        importer.forget()
        one_by_one = specs
    else:
        for number, spec in new:
            if spec.external_id in invalid:
                report.skipped.append((number, "; ".join(invalid[spec.external_id].messages)))
            else:
                done.append((number, "created", spec.warnings))
    for number, spec in one_by_one:
        outcome = _save_line(importer, number, spec, report)
        if outcome:
            done.append((number, outcome, spec.warnings))


def _read_line(importer, number, raw, seen):
    """The spec of a line, None for an empty line, or RecordError."""
    try:
        line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw.lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise RecordError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON: {error.msg.removesuffix(' at')} (column {error.colno})") from None
    where = _nul_in(record)
    if where:
        raise RecordError(f"{where} holds a NUL character (\\u0000), which no text may hold: take it out")
    spec = importer.read_record(record)
    if spec.external_id in seen:
        raise RecordError(f"id {spec.external_id!r} was already used on line {seen[spec.external_id]}")
    seen[spec.external_id] = number
    return spec


def _nul_in(value, where="the record"):
    """Where in a record a NUL character is (PostgreSQL refuses one in text), or ""."""
    if isinstance(value, str):
        return where if "\x00" in value else ""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _nul_in(item, str(key) if isinstance(key, str) else f"{where} item {key + 1}")
        if found:
            return found
    return ""


def _save_line(importer, number, spec, report):
    """Save one record in a savepoint of its own. Returns its outcome, or None when it was skipped."""
    try:
        return importer.save(spec)
    except RecordError as error:
        reason = str(error)
    except ValidationError as error:
        reason = "; ".join(error.messages)
    except IllegalTransition as error:
        reason = str(error)
    except DatabaseError as error:
        reason = f"the database refused it: {str(error).strip().splitlines()[0]}"
    importer.forget()
    report.skipped.append((number, reason))
    return None
