import pytest
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
