from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from findings.models import Finding, Lesson, LessonFinding
from reviews.models import Review

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_demo_data_is_a_varied_published_library():
    load_demo()
    reviews = Review.objects.all()
    assert reviews.count() >= 40
    assert set(reviews.values_list("status", flat=True)) == {Review.Status.PUBLISHED}
    assert set(reviews.values_list("nation", flat=True)) == {"england", "wales", "scotland", "northern-ireland"}
    years = set(reviews.values_list("publication_year", flat=True))
    assert min(years) == 2008 and max(years) == 2025 and len(years) >= 12
    assert len(set(reviews.values_list("review_type", flat=True))) >= 7
    counts = reviews.annotate(n=Count("findings")).values_list("n", flat=True)
    assert min(counts) >= 3 and max(counts) <= 8
    assert not Finding.objects.filter(themes=None).exists()
    assert not Finding.objects.filter(agencies=None).exists()
    assert Finding.objects.values("themes").distinct().count() >= 30
    lessons = Lesson.objects.filter(status=Lesson.Status.PUBLISHED)
    assert lessons.count() >= 5, "recurring lessons on a fresh install"
    for lesson in lessons:
        assert lesson.findings.values("review").distinct().count() >= 2, lesson.statement
        assert lesson.themes.exists()


def test_the_demo_areas_are_invented():
    load_demo()
    areas = set(Review.objects.exclude(partnership=None).values_list("partnership__name", flat=True))
    real_places = ["London Borough", "Birmingham", "Manchester", "Cardiff", "Glasgow", "Belfast", "Kent", "Leeds"]
    assert not [area for area in areas if any(place in area for place in real_places)]


def test_loading_the_demo_twice_changes_nothing():
    load_demo()
    before = list(Review.objects.order_by("pk").values_list("pk", "updated_at", "status"))
    findings, links = Finding.objects.count(), LessonFinding.objects.count()
    out = load_demo()
    assert " 0 created, 0 updated," in out and " created, 0 updated" in out
    assert list(Review.objects.order_by("pk").values_list("pk", "updated_at", "status")) == before
    assert Finding.objects.count() == findings
    assert LessonFinding.objects.count() == links

