import pytest
from django.core.cache import cache
from django.test import Client

from ingest import suggestions
from search import indexing
from tests import api_schema
from tests.factories import make_partnership, make_user, sign_in


@pytest.fixture(autouse=True, scope="session")
def api_answers_match_their_description():
    """Every answer a test gets from the API is checked against the OpenAPI description the API generates."""
    answer = Client.request

    def checked(self, **request):
        response = answer(self, **request)
        path = request.get("PATH_INFO", "")
        if path.startswith("/api/v1/") and path != "/api/v1/schema":
            api_schema.check(path, request.get("REQUEST_METHOD", "GET"), response)
        return response

    Client.request = checked
    yield
    Client.request = answer


@pytest.fixture
def practitioner(db):
    """A member of the public: no login."""
    return Client()


def _author_client(**names):
    client = Client()
    client.user = make_user(**names)
    client.partnership = make_partnership()
    client.partnership.members.add(client.user)
    sign_in(client, client.user)
    return client


@pytest.fixture
def author(db):
    """Writes reviews for one partnership (client.partnership): sees and works on that partnership's reviews."""
    return _author_client(first_name="Jane", last_name="Author")


@pytest.fixture
def other_author(db):
    """Writes reviews for another partnership."""
    return _author_client()


@pytest.fixture
def curator(db):
    """National panel staff, signed in."""
    client = Client()
    sign_in(client, make_user(staff=True))
    return client


@pytest.fixture
def outsider(db):
    """Signed in, but neither staff nor attached to any partnership."""
    client = Client()
    sign_in(client, make_user())
    return client


@pytest.fixture(autouse=True)
def fresh_suggester():
    """The theme suggester's in-process cache outlives each test's rollback: every test builds its own."""
    suggestions.reset()
    yield
    suggestions.reset()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: its database rows are rolled back, cached results are not."""
    cache.clear()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing passwords the slow, safe way costs most of a test that makes users; tests need no safety."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def search_index_in_step_within_the_test(request):
    """A test runs in one transaction that never commits, so the search index would never be brought into step
    (it is, at commit): within such a test it is brought into step at the end of each statement instead.
    Tests that commit (transaction=True) keep the real behaviour."""
    marker = request.node.get_closest_marker("django_db")
    committing = "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction"))
    if committing or (marker is None and "db" not in request.fixturenames):
        return
    request.getfixturevalue("db")
    indexing.apply_at_each_statement()
