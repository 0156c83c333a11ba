"""Inbound mailboxes and the mail-in log in the admin's Support Services menu."""

import json
import re
from datetime import datetime

import pytest
from django.urls import reverse

from helpdesk.models import InboundMailbox, InboundMessage
from helpdesk.sla import LONDON
from intranet.roles import Role
from tests.intranet.factories import service_area

LISTINGS = [
    "wagtailsnippets_helpdesk_inboundmailbox:list",
    "wagtailsnippets_helpdesk_inboundmessage:list",
    "wagtailsnippets_committees_meeting:list",
    "wagtailsnippets_committees_committee:list",
    "wagtailsnippets_committees_venue:list",
]


@pytest.fixture
def administrator(make_user):
    return make_user(Role.ADMINISTRATOR)


@pytest.fixture
def mail_log(desk):
    mailbox = InboundMailbox.objects.create(
        service_area=service_area("hr"),
        address="hr@avonford.gov.uk",
        kind=InboundMailbox.Kind.DIRECTORY,
        folder="/srv/mail/hr",
        default_request_type=desk.hr_query,
    )
    message = InboundMessage.objects.create(
        message_id="<abc@example.com>",
        mailbox=mailbox,
        sender="rita.requester@avonford.gov.uk",
        subject="My payslip is wrong",
        outcome=InboundMessage.Outcome.BOUNCED,
        received_at=datetime(2026, 6, 1, 10, tzinfo=LONDON),
    )
    return mailbox, message


def menu_groups(html: str) -> dict[str, list[str]]:
    """Return each admin menu group's label and the labels of its items."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    groups = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem":
                item, children = node["_args"]
                groups[item["label"]] = [c["_args"][0]["label"] for c in children]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return groups


@pytest.mark.parametrize("listing", LISTINGS)
def test_support_services_listing_opens_for_an_administrator(
    client, administrator, mail_log, listing
):
    client.force_login(administrator)
    assert client.get(reverse(listing)).status_code == 200


@pytest.mark.parametrize("listing", LISTINGS)
def test_support_services_listing_is_refused_to_staff(client, staff_user, listing):
    client.force_login(staff_user)
    response = client.get(reverse(listing))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/login/" in response["Location"]


def test_inbound_mail_log_lists_messages_and_cannot_be_edited(
    client, administrator, make_user, mail_log
):
    _, message = mail_log
    name = "wagtailsnippets_helpdesk_inboundmessage"
    for user in (administrator, make_user(is_superuser=True)):
        client.force_login(user)
        html = client.get(reverse(f"{name}:list")).content.decode()
        assert "My payslip is wrong" in html
        assert "Bounced to an unknown sender" in html
        assert reverse(f"{name}:add") not in html
        assert client.get(reverse(f"{name}:add")).status_code in (302, 403)
        edit = client.post(
            reverse(f"{name}:edit", args=[message.pk]),
            {"subject": "Rewritten", "outcome": "rejected"},
        )
        assert edit.status_code in (302, 403)
        assert (
            client.get(reverse(f"{name}:inspect", args=[message.pk])).status_code == 200
        )
    message.refresh_from_db()
    assert message.subject == "My payslip is wrong"


def test_administrator_adds_an_inbound_mailbox(client, administrator, desk):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailsnippets_helpdesk_inboundmailbox:add"),
        {
            "service_area": service_area("finance").pk,
            "address": "finance@avonford.gov.uk",
            "kind": "imap",
            "host": "imap.avonford.gov.uk",
            "port": "993",
            "use_ssl": "on",
            "username": "finance",
            "password_env": "FINANCE_IMAP_PASSWORD",
            "folder": "INBOX",
            "default_request_type": desk.invoice.pk,
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    assert InboundMailbox.objects.get().address == "finance@avonford.gov.uk"


def test_admin_menu_groups_mail_and_committees_under_support_services(
    client, administrator
):
    client.force_login(administrator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    groups = menu_groups(html)
    assert {
        "Inbound mailboxes",
        "Inbound mail log",
        "Meetings",
        "Committees",
        "Venues",
    } <= set(groups["Support Services"])
    assert "Committees" not in groups
