"""An administrator editing a chooser address gets "not found", never a server error."""

import pytest

from helpdesk.models import SupportTeam
from intranet.roles import Role

pytestmark = pytest.mark.django_db
CHOSEN = "/admin/snippets/choose/helpdesk/supportteam/chosen/{}/"


@pytest.fixture
def admin_client(client, make_user, home_page):
    client.force_login(make_user(Role.ADMINISTRATOR))
    return client


@pytest.mark.parametrize("bad_id", ["sample", "1.5", "%27%20OR%201=1"])
def test_a_malformed_chooser_id_is_not_found(admin_client, bad_id):
    assert admin_client.get(CHOSEN.format(bad_id)).status_code == 404


def test_an_unknown_chooser_id_is_not_found(admin_client):
    assert admin_client.get(CHOSEN.format(987654)).status_code == 404


def test_a_known_chooser_id_is_chosen(admin_client):
    team = SupportTeam.objects.create(name="HR specialists", slug="hr-team-x")
    response = admin_client.get(CHOSEN.format(team.pk))
    assert response.status_code == 200
    assert response.json()["result"]["id"] == str(team.pk)


def test_a_malformed_image_chooser_id_is_not_found(admin_client):
    assert admin_client.get("/admin/images/chooser/chosen/sample/").status_code == 404
