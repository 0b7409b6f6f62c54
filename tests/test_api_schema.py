"""The API is described by its code: the OpenAPI document is generated from the declarations that check the
answers, it is a valid OpenAPI document, and every answer the suite gets matches it (conftest checks each one;
these tests make sure each path and status is met at least once, and that the check can fail)."""

import jsonschema
import pytest
from django.urls import reverse
from openapi_spec_validator import validate as validate_openapi

from findings.models import Lesson
from search.filters import FILTERS
from tests import api_schema
from tests.factories import make_finding, make_recommendation, make_review

pytestmark = pytest.mark.django_db


def test_the_generated_description_is_a_valid_openapi_document(practitioner):
    document = practitioner.get(reverse("api-schema")).json()
    validate_openapi(document)
    assert document["servers"] == [{"url": "http://testserver"}]


def test_the_search_parameters_are_every_filter_of_the_registry(practitioner):
    document = practitioner.get(reverse("api-schema")).json()
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert {f.name for f in FILTERS} | {"q", "level", "sort", "theme_match", "exact", "page", "page_size"} == set(
        parameters
    )
    assert parameters["nation"]["schema"]["type"] == "array"
    assert "england" in parameters["nation"]["schema"]["items"]["enum"]


def test_the_description_says_who_sees_what_as_the_readme_does(practitioner):
    document = practitioner.get(reverse("api-schema")).json()
    said = document["info"]["description"] + document["paths"]["/api/v1/search"]["get"]["description"]
    assert "published material" in said and "author" in said and "curator" in said
    review = document["components"]["schemas"]["ReviewDetail"]["properties"]
    assert {"publication_date", "age_bands", "sex", "outcome", "summary", "keywords", "themes", "source_url"} <= set(
        review
    )


def test_every_path_and_status_of_the_api_answers_as_described(practitioner):
    review = make_review(title="Child S", summary="Bruising on a baby was not referred.")
    finding = make_finding(review, title="Bruising", text="Bruising on a non-mobile baby was not referred.")
    make_recommendation(review, "The partnership should audit the bruising protocol.", findings=[finding])
    lesson = Lesson.objects.create(statement="Bruising in babies is not referred", status=Lesson.Status.PUBLISHED)
    lesson.link(review.findings.get())
    before = len(api_schema.checked)
    answers = [
        practitioner.get(reverse("api-search"), {"q": "bruising baby"}),
        practitioner.get(reverse("api-search"), {"q": "bruising", "level": "reviews"}),
        practitioner.get(reverse("api-search"), {"nation": "atlantis"}),
        practitioner.get(reverse("api-search"), {"year_from": 2020, "year_to": 2010}),
        practitioner.get(reverse("api-review", args=[review.public_id])),
        practitioner.get(reverse("api-review", args=["no-such-review"])),
        practitioner.get(reverse("api-themes")),
        practitioner.get(reverse("api-lessons")),
        practitioner.get(reverse("api-lesson", args=[lesson.slug])),
        practitioner.get(reverse("api-lesson", args=["no-such-lesson"])),
        practitioner.get(reverse("api-recommendations"), {"nation": "england"}),
        practitioner.get(reverse("api-recommendations"), {"year_from": 2020, "year_to": 2010}),
    ]
    assert [a.status_code for a in answers] == [200, 200, 400, 400, 200, 404, 200, 200, 200, 404, 200, 400]
    assert len(api_schema.checked) - before == len(answers)


def test_an_answer_that_does_not_match_its_description_is_caught():
    schema = api_schema.response_schema("/api/v1/reviews/x", "GET", 200)
    with pytest.raises(jsonschema.ValidationError):
        api_schema.validate({"id": "x", "title": "Child S"}, schema)  # most fields missing
    with pytest.raises(AssertionError, match="does not declare"):
        api_schema.response_schema("/api/v1/themes", "GET", 404)
