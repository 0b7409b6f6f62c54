import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import make_user


@pytest.fixture
def practitioner(db):
    """A member of the public: no login."""
    return Client()


@pytest.fixture
def curator(db):
    """National panel staff, signed in."""
    client = Client()
    client.force_login(make_user(staff=True))
    return client


@pytest.fixture
def outsider(db):
    """Signed in, but neither staff nor attached to any partnership."""
    client = Client()
    client.force_login(make_user())
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: its database rows are rolled back, cached results are not."""
    cache.clear()
