"""The administrators' subject access page in the Wagtail admin."""

import pytest
from django.urls import reverse

from intranet.audit.models import AuditEntry
from intranet.roles import Role
from tests.intranet.subject_access_data import records, unzip

pytestmark = pytest.mark.django_db

URL = reverse("data_protection_subject_access")


@pytest.mark.parametrize(
    "role", [Role.SPECIALIST, Role.SUPPORT_MANAGER, Role.CONTENT_EDITOR]
)
def test_subject_access_view_is_refused_to_non_administrators(
    client, make_user, staff_user, role
):
    client.force_login(make_user(role))

    for response in (client.get(URL), client.post(URL, {"username": "sam.staff"})):
        # The admin turns a refusal into a redirect away from the page.
        assert response.status_code == 302
        assert response["Location"] != URL
        assert response.get("Content-Type") != "application/zip"
    assert not AuditEntry.objects.filter(action="export").exists()


def test_subject_access_view_is_refused_to_signed_out_visitors(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_subject_access_view_downloads_the_zip_for_administrators(
    client, make_user, staff_user
):
    administrator = make_user(Role.ADMINISTRATOR)
    client.force_login(administrator)
    assert client.get(URL).status_code == 200

    response = client.post(URL, {"username": "sam.staff"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment;" in response["Content-Disposition"]
    assert "subject-access-sam.staff-" in response["Content-Disposition"]
    files = unzip(b"".join(response.streaming_content))
    assert records(files, "intranet/data.json")["profile"][0]["email"] == (
        staff_user.email
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.actor, entry.object_id) == (administrator, str(staff_user.pk))


def test_subject_access_view_explains_an_unknown_username(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))

    response = client.post(URL, {"username": "no.one"})

    assert response.status_code == 200
    assert "No member of staff has the username" in response.content.decode()
    assert not AuditEntry.objects.filter(action="export").exists()
