import pytest

from intranet.roles import Role
from tests.intranet.factories import ServiceAreaPageFactory, service_area


@pytest.fixture
def hr_page(home_page):
    return ServiceAreaPageFactory(
        parent=home_page, title="HR", slug="hr", service_area=service_area("hr")
    )


@pytest.fixture
def editor(make_user):
    return make_user(Role.CONTENT_EDITOR, username="eve.editor", first_name="Eve")
