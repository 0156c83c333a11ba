"""Retention policies and legal holds in the admin, and the demo schedule."""

import pytest
from django.urls import reverse

from helpdesk.models import LegalHold, RetentionPolicy
from helpdesk.retention.demo import seed_retention_policies
from intranet.roles import Role
from tests.helpdesk.factories import RequestTypeFactory
from tests.intranet.factories import UserFactory, service_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR)


@pytest.mark.parametrize(
    "listing",
    [
        "wagtailsnippets_helpdesk_retentionpolicy:list",
        "wagtailsnippets_helpdesk_legalhold:list",
    ],
)
def test_retention_admin_listing_opens_for_administrators_only(
    client, administrator, make_user, listing
):
    client.force_login(make_user(Role.SPECIALIST))
    assert client.get(reverse(listing)).status_code in (302, 403)
    client.force_login(administrator)
    assert client.get(reverse(listing)).status_code == 200


def test_retention_admin_legal_hold_records_who_placed_it(client, administrator):
    client.force_login(administrator)
    person = UserFactory()

    response = client.post(
        reverse("wagtailsnippets_helpdesk_legalhold:add"),
        {"case": "", "requester": person.pk, "reason": "Tribunal claim"},
    )

    assert response.status_code == 302, response.context["form"].errors
    hold = LegalHold.objects.get()
    assert (hold.requester, hold.placed_by) == (person, administrator)
    assert hold.placed_at is not None


def test_retention_admin_legal_hold_without_case_or_requester_is_refused(
    client, administrator
):
    client.force_login(administrator)

    response = client.post(
        reverse("wagtailsnippets_helpdesk_legalhold:add"),
        {"case": "", "requester": "", "reason": "Tribunal claim"},
    )

    assert response.status_code == 200
    assert "Hold either one case or one requester" in response.content.decode()
    assert not LegalHold.objects.exists()


def test_retention_demo_seed_gives_every_request_type_its_period():
    hr = RequestTypeFactory(service_area=service_area("hr"))
    legal = RequestTypeFactory(service_area=service_area("legal"))
    finance = RequestTypeFactory(service_area=service_area("finance"))

    seed_retention_policies()
    assert seed_retention_policies() == 0

    years = dict(RetentionPolicy.objects.values_list("request_type", "retain_years"))
    assert (years[hr.pk], years[legal.pk], years[finance.pk]) == (6, 7, 2)
