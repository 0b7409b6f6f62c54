"""With the database down, pages and the API say the service is unavailable (security finding 14)."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse


@pytest.fixture
def database_down(django_db_blocker):
    """The database stops answering: its connection points at a port nothing listens on."""
    database = connection.settings_dict
    saved = database["HOST"], database["PORT"]
    with django_db_blocker.unblock():
        connection.close()
        database["HOST"], database["PORT"] = "127.0.0.1", "1"
        try:
            yield
        finally:
            connection.close()
            database["HOST"], database["PORT"] = saved


def test_with_the_database_down_pages_say_the_service_is_unavailable_and_the_api_answers_json(database_down):
    client = Client(raise_request_exception=False)
    page = client.get(reverse("home"))
    assert page.status_code == 503 and page["Retry-After"]
    assert "Sorry, the service is unavailable" in page.content.decode()
    assert 'class="govuk-template' in page.content.decode()  # the service's own layout
    api = client.get(reverse("api-search"), {"q": "neglect"})
    assert api.status_code == 503 and "cannot reach its database" in api.json()["error"]


def test_with_the_database_down_health_says_so(database_down):
    for path in ("/healthz", "/healthz/web"):
        response = Client().get(path)

        assert response.status_code == 503
        assert response.json()["database"].startswith("unreachable")
