"""Administrators manage teams, queues, request types and canned responses."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from helpdesk.models import CannedResponse, Queue, RequestType, SupportTeam
from intranet.roles import Role


@pytest.mark.parametrize("model", [SupportTeam, Queue, RequestType, CannedResponse])
def test_snippet_listing_opens_for_an_administrator(client, desk, model, make_user):
    admin = make_user(is_superuser=True)
    client.force_login(admin)
    name = f"wagtailsnippets_helpdesk_{model._meta.model_name}"
    assert client.get(reverse(f"{name}:list")).status_code == 200
    assert client.get(reverse(f"{name}:add")).status_code == 200


def test_canned_response_rejects_unknown_placeholders(db):
    response = CannedResponse(title="Thanks", body="Hi {first_name}, ref {reference}")
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert error.value.message_dict == {"body": ["Unknown placeholder: first_name."]}


def test_administrators_may_manage_support_teams(client, desk, make_user):
    admin = make_user(Role.ADMINISTRATOR)
    client.force_login(admin)
    url = reverse("wagtailsnippets_helpdesk_supportteam:list")
    assert client.get(url).status_code == 200
