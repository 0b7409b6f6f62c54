"""Fill the database with synthetic published reviews for benchmarks.

Sentences are drawn from the demo reviews, so the vocabulary and the word frequencies are those of
real review language; sizes follow real reviews (about 10 findings a review, summaries of 100 to
300 words, full texts of 5,000 to 20,000 words, none to ten recommendations of 20 to 60 words, each asking the
partnership, one or two agencies or a national body and following from up to two of its findings). Synthetic
reviews have external ids "synthetic-N"; `--clear` removes them.
"""

import json
import random
import re
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from agencies.models import Agency, Partnership
from findings.models import Finding, Recommendation, Theme
from reviews.models import Review
from vocabulary import REVIEW_TYPE_NATIONS, AgeBand, Nation, Outcome, Region, ReviewType

DEMO_DIR = Path(__file__).resolve().parents[3] / "ingest" / "demo"
BATCH = 100
# Whom synthetic recommendations ask, as often as reviews ask each (most ask the partnership).
ADDRESSEES = [Recommendation.Addressee.PARTNERSHIP] * 3 + [Recommendation.Addressee.AGENCIES] * 2 + ["national"]


def sentence_pool():
    sentences = []
    for path in sorted(DEMO_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts = [record.get("summary", ""), record.get("full_text", "")]
            texts += [f.get("text", "") for f in record.get("findings", [])]
            for text in texts:
                sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    return sentences


def words_of(pool, rng, low, high):
    target = rng.randint(low, high)
    out, count = [], 0
    while count < target:
        sentence = rng.choice(pool)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


class Command(BaseCommand):
    help = "Create N synthetic published reviews (about 10 findings each) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--reviews", type=int, required=True, help="how many reviews to create")
        parser.add_argument("--seed", type=int, default=1, help="random seed (the same seed gives the same corpus)")
        parser.add_argument("--clear", action="store_true", help="first delete the synthetic reviews made before")
        parser.add_argument(
            "--full-text-words", default="5000-20000", help="range of full-text lengths in words (default 5000-20000)"
        )

    def handle(self, *args, reviews, seed, clear, full_text_words, **options):
        rng = random.Random(seed)
        low, high = (int(x) for x in full_text_words.split("-"))
        if clear:
            deleted = Review.objects.filter(external_id__startswith="synthetic-").delete()[0]
            self.stdout.write(f"Deleted {deleted} synthetic rows.")
        pool = sentence_pool()
        themes = list(Theme.objects.active())
        agencies = list(Agency.objects.all())
        partnerships = self._partnerships(rng)
        start = Review.objects.filter(external_id__startswith="synthetic-").count()
        started = time.monotonic()
        for batch_start in range(0, reviews, BATCH):
            size = min(BATCH, reviews - batch_start)
            self._batch(rng, pool, themes, agencies, partnerships, start + batch_start, size, low, high)
            done = batch_start + size
            rate = done / max(time.monotonic() - started, 0.001)
            self.stderr.write(f"\r{done}/{reviews} reviews ({rate:.0f}/s)", ending="")
        self.stderr.write("")
        with connection.cursor() as cursor:  # fresh planner statistics: searches are planned from them
            cursor.execute("ANALYZE")
        self.stdout.write(f"Created {reviews} reviews in {time.monotonic() - started:.0f} s.")

    def _partnerships(self, rng):
        names = ["Northmoor", "Eastfield", "Westmarsh", "Southdale", "Highcombe", "Lowbridge", "Ashvale", "Brookholm"]
        partnerships = []
        for index in range(60):
            nation = rng.choice([Nation.ENGLAND] * 7 + [Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND])
            name = f"{names[index % len(names)]} {index} Synthetic Safeguarding Partnership"
            partnership, _ = Partnership.objects.get_or_create(
                name=name,
                defaults={
                    "nation": nation,
                    "region": rng.choice(Region.values) if nation == Nation.ENGLAND else "",
                    "kind": Partnership.Kind.PARTNERSHIP,
                },
            )
            partnerships.append(partnership)
        return partnerships

    @transaction.atomic
    def _batch(self, rng, pool, themes, agencies, partnerships, first, size, low, high):
        now = timezone.now()
        rows = []
        for n in range(first, first + size):
            partnership = rng.choice(partnerships)
            types = [
                t for t in ReviewType.values if partnership.nation in REVIEW_TYPE_NATIONS.get(t, {partnership.nation})
            ]
            rows.append(
                Review(
                    external_id=f"synthetic-{n}",
                    slug=f"synthetic-{n}",
                    title=f"Child {chr(65 + n % 26)}{n}",
                    partnership=partnership,
                    nation=partnership.nation,
                    review_type=rng.choice(types),
                    publication_year=rng.randint(2008, 2025),
                    age_bands=[rng.choice(AgeBand.values)],
                    outcome=rng.choice(Outcome.values),
                    summary=words_of(pool, rng, 100, 300),
                    full_text=words_of(pool, rng, low, high),
                    keywords=[t.name.lower() for t in rng.sample(themes, 3)],
                    status=Review.Status.PUBLISHED,
                    status_changed_at=now,
                )
            )
        created = Review.objects.bulk_create(rows)
        findings = []
        for review in created:
            for position in range(1, rng.randint(8, 12) + 1):
                text = words_of(pool, rng, 80, 200)
                findings.append(Finding(review=review, position=position, title=text.split(".")[0][:200], text=text))
        findings = Finding.objects.bulk_create(findings)
        theme_links, agency_links = [], []
        for finding in findings:
            theme_links += [
                Finding.themes.through(finding_id=finding.pk, theme_id=t.pk)
                for t in rng.sample(themes, rng.randint(1, 3))
            ]
            agency_links += [
                Finding.agencies.through(finding_id=finding.pk, agency_id=a.pk)
                for a in rng.sample(agencies, rng.randint(1, 3))
            ]
        Finding.themes.through.objects.bulk_create(theme_links)
        Finding.agencies.through.objects.bulk_create(agency_links)
        self._recommendations(rng, pool, agencies, findings)
        # The search index is brought into step when the batch's transaction commits (search.indexing).

    def _recommendations(self, rng, pool, agencies, findings):
        by_review = {}
        for finding in findings:
            by_review.setdefault(finding.review_id, []).append(finding)
        rows, asked = [], []
        for review_id, own in by_review.items():
            for position in range(1, rng.randint(0, 10) + 1):
                addressee = rng.choice(ADDRESSEES)
                chosen = (
                    rng.sample(agencies, rng.randint(1, 2)) if addressee == Recommendation.Addressee.AGENCIES else []
                )
                rows.append(
                    Recommendation(
                        review_id=review_id,
                        position=position,
                        label=str(position),
                        text=words_of(pool, rng, 20, 60),
                        addressee=addressee,
                        kind=Recommendation.kind_for(addressee, len(chosen)),
                    )
                )
                asked.append((chosen, rng.sample(own, rng.randint(0, 2))))
        rows = Recommendation.objects.bulk_create(rows)
        agency_links, finding_links = [], []
        for recommendation, (chosen, followed) in zip(rows, asked, strict=True):
            agency_links += [Recommendation.agencies.through(recommendation_id=recommendation.pk, agency_id=a.pk)
                             for a in chosen]  # fmt: skip
            finding_links += [Recommendation.findings.through(recommendation_id=recommendation.pk, finding_id=f.pk)
                              for f in followed]  # fmt: skip
        Recommendation.agencies.through.objects.bulk_create(agency_links)
        Recommendation.findings.through.objects.bulk_create(finding_links)
