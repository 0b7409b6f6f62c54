import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from agencies.models import Partnership
from findings.models import Finding
from reviews.models import Review
from vocabulary import match_review_type

DATA = Path(__file__).parent / "data"


def run_import(path, *args):
    """Run import_reviews; return (stdout, stderr, error or None)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_reviews", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def write_jsonl(tmp_path, *records):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def snapshot():
    """Everything an import writes, so two runs can be compared."""
    return [
        (
            r.external_id,
            r.title,
            r.status,
            r.updated_at,
            r.partnership_id,
            sorted(r.themes.values_list("slug", flat=True)),
            [(f.position, f.title, f.text, f.updated_at) for f in r.findings.order_by("position")],
        )
        for r in Review.objects.order_by("external_id")
    ]


@pytest.mark.django_db
def test_a_good_file_is_imported_with_its_metadata_findings_and_themes():
    out, err, error = run_import(DATA / "reviews.jsonl", "--publish")
    assert error is None, err
    assert "3 created, 0 updated, 0 unchanged, 0 skipped" in out
    child_j = Review.objects.get(external_id="test-001")
    assert child_j.title == "Child J"
    assert child_j.status == Review.Status.PUBLISHED
    assert (child_j.nation, child_j.review_type, child_j.year) == ("england", "lcspr", 2021)
    assert child_j.partnership.name == "Northshire Safeguarding Children Partnership"
    assert child_j.partnership.kind == Partnership.Kind.PARTNERSHIP
    assert child_j.source_url == "https://example.org/reviews/child-j.pdf"
    assert child_j.keywords == ["bruising", "Domestic abuse", "non-mobile baby"]
    assert set(child_j.themes.values_list("slug", flat=True)) == {"domestic-abuse", "bruising-non-mobile"}
    findings = list(child_j.findings.order_by("position"))
    assert [f.position for f in findings] == [1, 2]
    assert findings[0].title == "Bruising in non-mobile babies"
    assert findings[0].text.startswith("Bruising in non-mobile babies: a bruise on a baby")
    assert findings[1].text.startswith("The health visitor did not know")


@pytest.mark.django_db
def test_anonymous_areas_dates_and_lenient_review_types_are_understood():
    run_import(DATA / "reviews.jsonl")
    baby_t = Review.objects.get(external_id="test-002")
    assert baby_t.partnership is None and baby_t.area == "Anonymous"
    assert str(baby_t.publication_date) == "2016-05-10" and baby_t.year == 2016
    assert baby_t.review_type == "cpr"  # "Concise child practice review"
    child_d = Review.objects.get(external_id="test-003")
    assert child_d.review_type == "significant-case-review"  # "SCR" in Scotland
    assert child_d.partnership.kind == Partnership.Kind.CPC


@pytest.mark.django_db
def test_without_publish_imported_reviews_wait_for_curation_and_are_not_public(practitioner):
    run_import(DATA / "reviews.jsonl")
    assert set(Review.objects.values_list("status", flat=True)) == {Review.Status.SUBMITTED}
    assert practitioner.get(Review.objects.get(external_id="test-001").get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_running_the_same_file_again_changes_nothing():
    run_import(DATA / "reviews.jsonl", "--publish")
    before = snapshot()
    out, _, error = run_import(DATA / "reviews.jsonl", "--publish")
    assert error is None
    assert "0 created, 0 updated, 3 unchanged, 0 skipped" in out
    assert snapshot() == before
    assert Review.objects.count() == 3 and Finding.objects.count() == 5
    assert Partnership.objects.count() == 2


@pytest.mark.django_db
def test_a_changed_record_updates_its_review_in_place(tmp_path):
    record = json.loads((DATA / "reviews.jsonl").read_text().splitlines()[0])
    run_import(write_jsonl(tmp_path, record), "--publish")
    review = Review.objects.get(external_id="test-001")
    record["summary"] = "A corrected summary."
    record["learning"] = [*record["learning"][:1], "A new second learning point about supervision."]
    out, _, _ = run_import(write_jsonl(tmp_path, record), "--publish")
    assert "0 created, 1 updated" in out
    review.refresh_from_db()
    assert review.summary == "A corrected summary."
    assert [f.text for f in review.findings.order_by("position")][1] == "A new second learning point about supervision."
    assert Review.objects.count() == 1 and review.findings.count() == 2


@pytest.mark.django_db
def test_bad_lines_are_reported_by_number_and_reason_and_the_rest_are_imported():
    out, err, error = run_import(DATA / "reviews_with_errors.jsonl")
    assert error is not None and "3 line(s) skipped" in str(error)
    assert "line 2: skipped: not valid JSON" in err
    assert "line 3: skipped: nation 'Atlantis' is not one of England, Wales, Scotland, Northern Ireland" in err
    assert "line 4: skipped: title is empty" in err
    assert "line 1:" not in err and "line 5:" not in err
    assert "2 created, 0 updated, 0 unchanged, 3 skipped" in out
    assert set(Review.objects.values_list("external_id", flat=True)) == {"bad-001", "bad-005"}


@pytest.mark.django_db
def test_a_line_that_fails_while_being_written_leaves_nothing_half_written(tmp_path):
    good = {"id": "ok-1", "title": "Child P", "nation": "England", "year": 2020, "learning": ["One point."]}
    too_long_keyword = {**good, "id": "bad-1", "title": "Child Q", "keywords": ["x" * 250]}
    _, err, error = run_import(write_jsonl(tmp_path, good, too_long_keyword))
    assert error is not None and "line 2: skipped" in err
    assert not Review.objects.filter(external_id="bad-1").exists()
    assert Finding.objects.filter(review__external_id="bad-1").count() == 0
    assert Review.objects.filter(external_id="ok-1").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "Child A", "nation": "England"}, "id is empty"),
        ({"id": "x", "title": "Child A", "nation": "England", "year": "last year"}, "year 'last year' is not a year"),
        ({"id": "x", "title": "Child A", "nation": "England", "published_on": "31/12/2019"}, "is not a date"),
        ({"id": "x", "title": "Child A", "nation": "England", "year": 1850}, "outside the years"),
        ({"id": "x", "title": "Child A", "nation": "England", "learning": [1, 2]}, "learning item 1 must be text"),
        ({"id": "x", "title": "Child A"}, "nation is empty"),
        ('["a", "list"]', "must hold a JSON object"),
    ],
)
def test_each_kind_of_bad_record_gets_a_specific_reason(tmp_path, record, reason):
    _, err, error = run_import(write_jsonl(tmp_path, record))
    assert error is not None
    assert reason in err
    assert Review.objects.count() == 0


@pytest.mark.django_db
def test_an_id_used_twice_in_one_file_is_reported(tmp_path):
    record = {"id": "dup", "title": "Child A", "nation": "Wales", "year": 2019}
    _, err, _ = run_import(write_jsonl(tmp_path, record, {**record, "title": "Child B"}))
    assert "line 2: skipped: id 'dup' was already used on line 1" in err
    assert Review.objects.get(external_id="dup").title == "Child A"


@pytest.mark.django_db
def test_reimporting_with_publish_does_not_bring_back_a_withdrawn_review():
    run_import(DATA / "reviews.jsonl", "--publish")
    review = Review.objects.get(external_id="test-001")
    review.withdraw(reason="Withdrawn at the family's request")
    run_import(DATA / "reviews.jsonl", "--publish")
    review.refresh_from_db()
    assert review.status == Review.Status.WITHDRAWN


@pytest.mark.django_db
def test_reimporting_with_publish_publishes_reviews_imported_earlier_without_it():
    run_import(DATA / "reviews.jsonl")
    out, _, _ = run_import(DATA / "reviews.jsonl", "--publish")
    assert "3 updated" in out
    assert set(Review.objects.values_list("status", flat=True)) == {Review.Status.PUBLISHED}


@pytest.mark.parametrize(
    ("text", "nation", "expected"),
    [
        ("Serious case review", "england", "scr"),
        ("SCR", "england", "scr"),
        ("SCR", "scotland", "significant-case-review"),
        ("Local Child Safeguarding Practice Review", "england", "lcspr"),
        ("LCSPR", "england", "lcspr"),
        ("Child safeguarding practice review", "england", "lcspr"),
        ("National child safeguarding practice review", "england", "national-review"),
        ("Concise Child Practice Review", "wales", "cpr"),
        ("Extended child practice review (CPR)", "wales", "cpr"),
        ("Single Unified Safeguarding Review", "wales", "susr"),
        ("Learning review", "scotland", "learning-review"),
        ("Learning review", "england", "thematic-review"),
        ("Case Management Review", "northern-ireland", "cmr"),
        ("Thematic review", "england", "thematic-review"),
        ("a review of some kind", "england", None),
    ],
)
def test_review_types_are_matched_leniently(text, nation, expected):
    assert match_review_type(text, nation) == expected


@pytest.mark.django_db
def test_an_unrecognised_review_type_is_recorded_as_the_nations_usual_type_with_a_warning(tmp_path):
    record = {"id": "w1", "title": "Child W", "nation": "England", "year": 2015, "review_type": "Partnership review"}
    _out, err, error = run_import(write_jsonl(tmp_path, record), "-v", "2")
    assert error is None
    assert "review_type 'Partnership review' not recognised; recorded as serious case review" in err
    assert Review.objects.get(external_id="w1").review_type == "scr"


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path):
    _, _, error = run_import(tmp_path / "nowhere.jsonl")
    assert "no such file" in str(error)


@pytest.mark.django_db
def test_lines_written_in_batches_are_each_imported_or_skipped_alone():
    from ingest.importer import import_lines

    def record(n, **fields):
        return json.dumps({"id": f"b-{n}", "title": f"Child B{n}", "nation": "England", "year": 2020,
                           "learning": ["A point."], **fields})  # fmt: skip

    lines = [record(1), record(2), record(3, summary="A NUL \u0000 the database refuses."), record(4), record(5)]
    report = import_lines(lines, publish=True, batch=2)
    assert report.created == 4
    assert report.skipped == [(3, "summary holds a NUL character (\\u0000), which no text may hold: take it out")]
    assert sorted(Review.objects.values_list("external_id", flat=True)) == ["b-1", "b-2", "b-4", "b-5"]
    assert set(Review.objects.values_list("status", flat=True)) == {Review.Status.PUBLISHED}
    again = import_lines([record(1, summary="Changed."), record(2)], publish=True, batch=2)
    assert (again.updated, again.unchanged) == (1, 1)


@pytest.mark.django_db
def test_a_findings_label_and_questions_are_imported_and_bad_questions_are_refused_with_a_reason(tmp_path):
    record = json.loads((DATA / "reviews.jsonl").read_text().splitlines()[0])
    record.pop("learning", None)
    record["findings"] = [
        {
            "title": "Missed appointments were treated one at a time",
            "label": "Finding 3",
            "text": "Each missed appointment was recorded as did not attend.",
            "questions": ["How will the Board know that missed appointments are seen together?"],
        }
    ]
    record["findings"].append({"title": "Key learning 4: Fathers were not seen", "text": "Nobody met the father."})
    bad = {**record, "external_id": "test-bad", "findings": [{**record["findings"][0], "questions": [3]}]}

    out, err, error = run_import(write_jsonl(tmp_path, record, bad), "--publish")

    assert "1 created" in out and "1 line(s) skipped" in str(error)
    finding, second = Review.objects.get(external_id="test-001").findings.order_by("position")
    assert (finding.label, finding.title) == ("Finding 3", "Missed appointments were treated one at a time")
    assert (second.label, second.title) == ("Key learning 4", "Fathers were not seen")  # split as uploads are
    assert finding.question_list == ["How will the Board know that missed appointments are seen together?"]
    assert "line 2: skipped: finding 1: questions must be a list of strings" in err


def record_with_recommendations():
    record = json.loads((DATA / "reviews.jsonl").read_text().splitlines()[0])
    record.pop("learning", None)
    record["findings"] = [
        {"title": "Finding 1: Bruising was explained away", "text": "The bruise was accepted as an accident.",
         "recommendation": "The partnership should audit the bruising protocol."},
        {"title": "Finding 2: The new partner was not seen", "text": "Nobody asked who lived in the house."},
    ]  # fmt: skip
    record["recommendations"] = [
        "The safeguarding partners should publish a plan to act on this review.",
        {"label": "P 1", "text": "The police should share domestic incidents with health visitors.",
         "agencies": ["Police", "Probation service of Mars"], "findings": ["Finding 2", 1]},
        {"label": "N1", "text": "The Department for Education should issue guidance on new partners.",
         "addressee": "national", "themes": ["unseen-men"]},
    ]  # fmt: skip
    return record


@pytest.mark.django_db
def test_recommendations_of_findings_and_of_the_review_are_imported_as_records_with_their_links(tmp_path):
    out, err, error = run_import(write_jsonl(tmp_path, record_with_recommendations()), "--publish", "-v", "2")

    assert error is None and "1 created" in out
    review = Review.objects.get(external_id="test-001")
    made = [
        (r.position, r.label, r.text[:20], r.kind, r.addressee, [a.slug for a in r.agencies.all()],
         sorted(f.position for f in r.findings.all()), [t.slug for t in r.themes.all()])
        for r in review.recommendations.order_by("position")
    ]  # fmt: skip
    assert made == [
        (1, "", "The partnership shou", "multi-agency", "partnership", [], [1], []),
        (2, "", "The safeguarding par", "multi-agency", "partnership", [], [], []),
        (3, "P 1", "The police should sh", "single-agency", "agencies", ["police"], [1, 2], []),
        (4, "N1", "The Department for E", "national", "national", [], [], ["unseen-men"]),
    ]
    assert "recommendation 2: unknown agency 'Probation service of Mars' left out" in err


@pytest.mark.django_db
def test_recommendations_imported_again_are_unchanged_and_a_changed_one_updates_the_review(tmp_path):
    record = record_with_recommendations()
    run_import(write_jsonl(tmp_path, record), "--publish")
    out, _, _ = run_import(write_jsonl(tmp_path, record), "--publish")
    assert "0 created, 0 updated, 1 unchanged" in out

    record["recommendations"][0] = "The safeguarding partners should publish a plan within three months."
    out, _, _ = run_import(write_jsonl(tmp_path, record), "--publish")

    assert "0 created, 1 updated" in out
    review = Review.objects.get(external_id="test-001")
    assert review.recommendations.get(position=2).text.endswith("within three months.")
    assert review.recommendations.count() == 4


@pytest.mark.django_db
def test_a_recommendation_without_text_is_refused_with_its_number(tmp_path):
    record = {**record_with_recommendations(), "recommendations": [{"label": "R1", "text": " "}]}

    _, err, error = run_import(write_jsonl(tmp_path, record), "--publish")

    assert "recommendation 1 has no text" in err and "skipped" in str(error) and not Review.objects.exists()
