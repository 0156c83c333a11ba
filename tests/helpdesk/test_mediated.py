"""Case managers raising a request for someone who phoned or called in."""

import pytest
from django.urls import reverse

from helpdesk.models import Case
from intranet.roles import Role
from tests.helpdesk.conftest import person
from tests.helpdesk.uploads import EXE, upload

URL = "/requests/new/on-behalf/"


@pytest.fixture
def as_case_manager(client, desk):
    client.force_login(desk.case_manager)
    return client


def form_data(desk, **overrides):
    data = {
        "person": desk.requester.email,
        "request_type": desk.hr_query.pk,
        "channel": "phone",
        "subject": "Payslip missing overtime",
        "description": "Rang to say June's overtime is missing.",
    }
    data.update(overrides)
    return data


def test_request_new_on_behalf_creates_case_for_the_person(as_case_manager, desk):
    response = as_case_manager.post(
        URL,
        form_data(desk, attachments=[upload("call-notes.pdf")]),
        follow=True,
    )

    case = Case.objects.get()
    assert case.requester == desk.requester
    assert case.raised_by == desk.case_manager
    assert case.answers == {"channel": "phone"}
    assert [a.original_name for a in case.attachments.all()] == ["call-notes.pdf"]
    assert f"Request {case.reference} raised for" in response.content.decode()
    assert (
        reverse("helpdesk:request-detail", args=[case.reference])
        == (response.redirect_chain[-1][0])
    )


def test_request_new_on_behalf_appears_in_the_persons_requests(client, desk):
    client.force_login(desk.case_manager)
    client.post(URL, form_data(desk))
    reference = Case.objects.get().reference
    client.force_login(desk.requester)

    assert reference in client.get("/requests/").content.decode()


def test_request_new_on_behalf_resolves_a_unique_name(as_case_manager, desk):
    as_case_manager.post(URL, form_data(desk, person="rita"))

    assert Case.objects.get().requester == desk.requester


def test_request_new_on_behalf_no_match_is_a_clear_error(as_case_manager, desk):
    response = as_case_manager.post(URL, form_data(desk, person="Nobody Atall"))

    html = response.content.decode()
    assert "There is a problem" in html
    assert "No member of staff matches “Nobody Atall”" in html
    assert not Case.objects.exists()


def test_request_new_on_behalf_several_matches_is_a_clear_error(as_case_manager, desk):
    person("rita.other")

    response = as_case_manager.post(URL, form_data(desk, person="Rita"))

    assert "More than one member of staff matches “Rita”" in response.content.decode()
    assert not Case.objects.exists()


def test_request_new_on_behalf_inactive_person_is_not_found(as_case_manager, desk):
    desk.colleague.is_active = False
    desk.colleague.save()

    response = as_case_manager.post(URL, form_data(desk, person=desk.colleague.email))

    assert "No member of staff matches" in response.content.decode()


def test_request_new_on_behalf_missing_fields_are_named(as_case_manager, desk):
    response = as_case_manager.post(URL, {"person": ""})

    html = response.content.decode()
    for message in [
        "Enter the name or email address of the person.",
        "Choose a request type.",
        "Choose how they contacted us.",
        "Enter a subject.",
        "Describe what they need.",
    ]:
        assert message in html
    assert not Case.objects.exists()


def test_request_new_on_behalf_refused_upload_saves_nothing(as_case_manager, desk):
    response = as_case_manager.post(
        URL, form_data(desk, attachments=[upload("notes.pdf", EXE)])
    )

    assert "notes.pdf does not look like a PDF" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.parametrize("who", ["requester", "manager", "specialist"])
def test_request_new_on_behalf_is_forbidden_to_others(client, desk, who):
    client.force_login(getattr(desk, who))

    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(desk)).status_code == 403
    assert client.get(URL + "people/", {"person": "rita"}).status_code == 403
    assert not Case.objects.exists()


def test_request_new_on_behalf_group_without_support_team_is_forbidden(
    client, desk, make_user
):
    client.force_login(make_user(Role.CASE_MANAGER))

    assert client.get(URL).status_code == 403


def test_person_suggestions_list_matching_staff(as_case_manager, desk):
    response = as_case_manager.get(URL + "people/", {"person": "rit"})

    html = response.content.decode()
    assert desk.requester.display_name in html
    assert desk.requester.email in html
    assert desk.manager.display_name not in html


def test_person_suggestions_say_when_nobody_matches(as_case_manager):
    html = as_case_manager.get(URL + "people/", {"person": "zzqx"}).content.decode()

    assert "No member of staff matches" in html


def test_person_pick_fills_in_the_email(as_case_manager, desk):
    response = as_case_manager.get(
        URL + "people/pick/", {"email": desk.requester.email}
    )

    html = response.content.decode()
    assert f'value="{desk.requester.email}"' in html
    assert "Chosen: " in html


def test_request_list_offers_raising_for_others_to_case_managers_only(client, desk):
    client.force_login(desk.case_manager)
    offered = client.get("/requests/").content.decode()
    client.force_login(desk.requester)
    not_offered = client.get("/requests/").content.decode()

    assert "Raise a request for someone else" in offered
    assert "Raise a request for someone else" not in not_offered
