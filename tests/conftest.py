"""Fixtures shared by every app's tests."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import settings as hypothesis_settings

from intranet.models import HomePage
from intranet.roles import Role
from tests.intranet.factories import UserFactory

# Property tests check behaviour, never speed: a busy CI machine must not fail them.
hypothesis_settings.register_profile("intranet", deadline=None)
hypothesis_settings.load_profile("intranet")


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def staff_user(db):
    return UserFactory(username="sam.staff", first_name="Sam", last_name="Staff")


@pytest.fixture
def signed_in_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def make_user(db):
    """Return a factory for a user holding the given roles."""

    def make(*roles: Role, **fields):
        user = UserFactory(**fields)
        for role in roles:
            user.groups.add(Group.objects.get(name=role.value))
        return user

    return make
