"""Anonymous search, API and CSV export are limited per client address a minute, with a clear 429 (security
review, issue 11); another address, and anyone signed in, are not held back."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = {"search": 3, "api": 2, "export": 1}


def test_the_search_page_says_when_to_try_again_after_too_many_searches(limits):
    client = Client(REMOTE_ADDR="198.51.100.66")
    assert [client.get(reverse("search"), {"q": "neglect"}).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(reverse("search"), {"q": "neglect"})
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 60
    assert "Too many searches from your connection" in refused.content.decode()
    assert Client(REMOTE_ADDR="203.0.113.7").get(reverse("search")).status_code == 200


def test_the_api_answers_a_429_in_json_and_the_export_is_limited_too(limits):
    client = Client(REMOTE_ADDR="198.51.100.66")
    assert [client.get(reverse("api-themes")).status_code for _ in range(2)] == [200, 200]
    refused = client.get(reverse("api-search"), {"q": "neglect"})
    assert refused.status_code == 429 and "try again in" in refused.json()["error"]
    assert client.get(reverse("search-export")).status_code == 200
    assert client.get(reverse("search-export")).status_code == 429


def test_signed_in_users_are_not_limited(limits, author):
    assert {author.get(reverse("search"), {"q": "neglect"}).status_code for _ in range(5)} == {200}
