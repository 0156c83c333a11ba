"""Who gets which case email, with what in it, through the outbox."""

import re
from datetime import datetime

import pytest
from django.core import mail

from helpdesk import notifications, services
from helpdesk.models import Case, Membership
from helpdesk.sla import LONDON
from intranet import outbox
from intranet.models import OutboxMessage

MONDAY_10AM = datetime(2026, 6, 1, 10, 0, tzinfo=LONDON)
LATER = datetime(2026, 6, 1, 11, 0, tzinfo=LONDON)


def at(*parts):
    return datetime(*parts, tzinfo=LONDON)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a service as if its transaction committed, sending what it queued."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def case(desk, commit):
    """Return an HR case in the HR specialists' queue, with its first mail sent."""
    created = commit(
        services.case_create,
        requester=desk.requester,
        request_type=desk.hr_query,
        subject="My payslip is wrong",
        description="June's payslip is missing overtime.",
        now=MONDAY_10AM,
    )
    mail.outbox.clear()
    return created


def sent() -> dict[str, list[str]]:
    """Return the subjects each address was sent, in order."""
    by_address: dict[str, list[str]] = {}
    for email in mail.outbox:
        for address in email.to:
            by_address.setdefault(address, []).append(email.subject)
    return by_address


def html(email) -> str:
    [(content, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    return content


def test_event_notify_new_case_mails_requester_reference_and_queue_team(desk, commit):
    created = commit(
        services.case_create,
        requester=desk.requester,
        request_type=desk.hr_query,
        subject="My payslip is wrong",
        description="June's payslip is missing overtime.",
        now=MONDAY_10AM,
    )
    ref = created.reference
    assert ref.startswith("HR-")
    assert sent() == {
        desk.requester.email: [f"[{ref}] We have received your request"],
        desk.specialist.email: [f"[{ref}] New case in your queue"],
        desk.hr_lead.email: [f"[{ref}] New case in your queue"],
    }
    receipt = mail.outbox[0]
    assert f"Your reference is {ref}" in receipt.body
    assert ref in html(receipt)


def test_event_notify_agent_reply_mails_requester_the_reply_only(desk, case, commit):
    commit(
        services.case_reply,
        case=case,
        author=desk.specialist,
        body="Overtime will be paid in July's salary.",
        now=LATER,
    )
    assert sent() == {
        desk.requester.email: [f"[{case.reference}] New reply to your request"]
    }
    [email] = mail.outbox
    assert "Overtime will be paid in July's salary." in email.body
    assert "Overtime will be paid in July&#x27;s salary." in html(email)


def test_event_notify_internal_note_never_reaches_the_requester(desk, case, commit):
    note = "Requester was warned about late timesheets twice before."
    commit(services.case_note, case=case, author=desk.specialist, body=note, now=LATER)
    assert mail.outbox == []
    commit(
        services.case_resolve,
        case=case,
        agent=desk.specialist,
        summary="Overtime added to July's pay.",
        now=at(2026, 6, 1, 12),
    )
    assert sent() == {
        desk.requester.email: [f"[{case.reference}] Your request has been resolved"]
    }
    [email] = mail.outbox
    assert "Overtime added to July's pay." in email.body
    assert note not in email.body
    assert note not in html(email)


def test_event_notify_awaiting_requester_asks_the_requester(desk, case, commit):
    commit(
        services.case_change_status,
        case=case,
        agent=desk.specialist,
        status=Case.Status.AWAITING_REQUESTER,
        now=LATER,
    )
    assert sent() == {desk.requester.email: [f"[{case.reference}] We need your reply"]}


def test_event_notify_assignment_mails_the_assignee_but_not_a_claimer(
    desk, case, commit
):
    commit(
        services.case_assign,
        case=case,
        agent=desk.hr_lead,
        assignee=desk.specialist,
        now=LATER,
    )
    assert sent() == {
        desk.specialist.email: [f"[{case.reference}] Case assigned to you"]
    }

    other = commit(
        services.case_create,
        requester=desk.colleague,
        request_type=desk.hr_query,
        subject="Holiday carry-over",
        description="Can I carry five days over?",
        now=LATER,
    )
    mail.outbox.clear()
    commit(services.case_claim, case=other, agent=desk.specialist, now=LATER)
    assert mail.outbox == []


def test_event_notify_requester_reply_mails_the_assignee(desk, case, commit):
    commit(services.case_claim, case=case, agent=desk.specialist, now=LATER)
    commit(
        services.case_reply,
        case=case,
        author=desk.requester,
        body="I worked 6 hours on 12 June.",
        now=at(2026, 6, 1, 12),
    )
    assert sent() == {
        desk.specialist.email: [f"[{case.reference}] The requester has replied"]
    }
    assert "I worked 6 hours on 12 June." in mail.outbox[0].body


def test_event_notify_sla_warning_to_assignee_breach_to_lead_and_assignee(
    desk, case, commit
):
    desk.hr.lead = desk.hr_lead
    desk.hr.save()
    commit(services.case_claim, case=case, agent=desk.specialist, now=LATER)
    commit(
        services.case_reply,
        case=case,
        author=desk.specialist,
        body="Looking into it.",
        now=LATER,
    )
    mail.outbox.clear()

    commit(services.case_sla_check, now=at(2026, 6, 4, 16))
    assert sent() == {
        desk.specialist.email: [f"[{case.reference}] Resolution target is near"]
    }
    mail.outbox.clear()

    commit(services.case_sla_check, now=at(2026, 6, 8, 10))
    assert sent() == {
        desk.hr_lead.email: [f"[{case.reference}] Resolution target missed"],
        desk.specialist.email: [f"[{case.reference}] Resolution target missed"],
    }
    assert "Its priority is now high." in mail.outbox[0].body


def test_event_notify_first_response_warning_and_breach_name_their_target(
    desk, case, commit
):
    desk.hr.lead = desk.hr_lead
    desk.hr.save()
    commit(services.case_claim, case=case, agent=desk.specialist, now=LATER)

    commit(services.case_sla_check, now=at(2026, 6, 1, 16))
    assert sent() == {
        desk.specialist.email: [f"[{case.reference}] First response target is near"]
    }
    assert "has had no reply yet" in mail.outbox[0].body
    assert "Tuesday 2 June 2026, 10:00" in mail.outbox[0].body
    mail.outbox.clear()

    commit(services.case_sla_check, now=at(2026, 6, 2, 10))
    assert sent() == {
        desk.hr_lead.email: [f"[{case.reference}] First response target missed"],
        desk.specialist.email: [f"[{case.reference}] First response target missed"],
    }
    assert "missed its first-response target" in mail.outbox[0].body
    assert "Its priority is now high." in mail.outbox[0].body
    assert "missed its first-response target" in html(mail.outbox[0])


def test_event_notify_confidential_case_mails_only_requester_and_access_team(
    desk, commit
):
    grievance = commit(
        services.case_create,
        requester=desk.requester,
        request_type=desk.grievance,
        subject="Grievance about my manager",
        description="Details of the grievance.",
        now=MONDAY_10AM,
    )
    assert grievance.confidential
    commit(
        services.case_assign,
        case=grievance,
        agent=desk.business_partner,
        assignee=desk.business_partner,
        now=LATER,
    )
    commit(
        services.case_transfer,
        case=grievance,
        agent=desk.business_partner,
        queue=desk.hr.queue,
        reason="Needs a payroll specialist's view.",
        now=at(2026, 6, 1, 12),
    )
    commit(services.case_sla_check, now=at(2026, 6, 30, 10))
    commit(
        services.case_reply,
        case=grievance,
        author=desk.business_partner,
        body="We will meet you on Friday.",
        now=at(2026, 6, 30, 11),
    )
    recipients = set(sent())
    assert desk.requester.email in recipients
    assert recipients <= {desk.requester.email, desk.business_partner.email}
    outsiders = {desk.specialist, desk.hr_lead, desk.case_manager, desk.manager}
    assert not OutboxMessage.objects.filter(
        payload__recipient_id__in=[user.pk for user in outsiders]
    ).exists()


def test_event_notify_twice_for_one_event_queues_nothing_new(desk, case, commit):
    event = case.events.get(kind="created")
    before = OutboxMessage.objects.count()
    commit(notifications.event_notify, event=event)
    assert OutboxMessage.objects.count() == before
    assert mail.outbox == []


def test_email_deliver_sends_nothing_to_someone_who_lost_sight_of_the_case(
    desk, make_case
):
    created = make_case()  # on-commit delivery never runs inside this test
    message = OutboxMessage.objects.get(
        payload__recipient_id=desk.specialist.pk,
        payload__template="case_new_in_queue",
    )
    Membership.objects.filter(user=desk.specialist).delete()
    assert outbox.deliver(message.pk) is True
    assert mail.outbox == []
    receipt = OutboxMessage.objects.get(payload__recipient_id=created.requester_id)
    assert outbox.deliver(receipt.pk) is True
    assert len(mail.outbox) == 1


def test_email_deliver_in_a_batch_still_checks_who_may_see_the_case_at_sending(
    desk, make_case
):
    make_case()
    team_emails = OutboxMessage.objects.filter(payload__template="case_new_in_queue")
    Membership.objects.filter(user=desk.specialist).delete()
    assert outbox.deliver_many(list(team_emails.values_list("pk", flat=True))) == 2
    assert [email.to for email in mail.outbox] == [[desk.hr_lead.email]]


def test_email_deliver_tolerates_a_deleted_recipient(desk, make_case):
    make_case()
    message = OutboxMessage.objects.get(payload__recipient_id=desk.hr_lead.pk)
    desk.hr_lead.delete()
    assert outbox.deliver(message.pk) is True
    message.refresh_from_db()
    assert message.delivered_at is not None
    assert mail.outbox == []


def test_email_deliver_labels_each_email_with_a_stable_message_id(desk, make_case):
    created = make_case()
    message = OutboxMessage.objects.get(payload__recipient_id=desk.requester.pk)
    outbox.deliver(message.pk)
    [email] = mail.outbox
    key = message.dedupe_key.replace(":", ".")
    assert email.extra_headers["Message-ID"] == f"<helpdesk.{key}@avonford.gov.uk>"
    assert email.extra_headers["References"] == f"<case.{created.pk}@avonford.gov.uk>"


def test_email_build_renders_text_and_html_for_every_notice(desk, case):
    event = case.events.get(kind="created")
    for template in notifications.NOTICES:
        email = notifications.email_build(
            event=event, recipient=desk.requester, template=template, message_id="<x@y>"
        )
        assert email.subject.startswith(f"[{case.reference}] ")
        assert case.reference in email.body
        assert "{%" not in email.body
        assert f"Hello {desk.requester.first_name}," in email.body
        assert case.reference in html(email)
        assert "&lt;" not in email.body


def test_event_notify_never_mails_people_about_their_own_action(desk, case, commit):
    commit(
        services.case_assign,
        case=case,
        agent=desk.hr_lead,
        assignee=desk.hr_lead,
        now=LATER,
    )
    assert mail.outbox == []


def test_case_email_is_marked_automatic_so_mail_in_ignores_it_if_it_comes_back(
    desk, make_case, django_capture_on_commit_callbacks
):
    from helpdesk.email_in import rules

    with django_capture_on_commit_callbacks(execute=True):
        make_case()
    email = next(m for m in mail.outbox if m.to == [desk.requester.email])
    message = email.message()
    assert message["Auto-Submitted"] == "auto-generated"
    assert message[rules.LOOP_HEADER]
    headers = {key.lower(): value for key, value in message.items()}
    sender = desk.requester.email
    assert rules.auto_reply_reason(headers=headers, sender=sender)
    assert rules.loop_reason(headers=headers, sender=sender, own_addresses=())


def links(email) -> list[str]:
    """Return the case links in both versions of an email."""
    text = [
        line.split(": ", 1)[1]
        for line in email.body.splitlines()
        if line.startswith("View the case: ")
    ]
    return text + re.findall(r'href="([^"]+)"', html(email))


def test_email_build_links_requesters_to_their_request_page(desk, case, settings):
    settings.SITE_URL = "https://intranet.avonford.example/"
    event = case.events.get(kind="created")
    page = f"https://intranet.avonford.example/requests/{case.reference}/"
    for template, notice in notifications.NOTICES.items():
        if not notice.for_requester:
            continue
        email = notifications.email_build(
            event=event, recipient=desk.requester, template=template, message_id="<x>"
        )
        assert links(email) == [page, page], template


def test_email_build_links_agents_to_the_case_page(desk, case, settings):
    settings.SITE_URL = "https://intranet.avonford.example"
    event = case.events.get(kind="created")
    page = f"https://intranet.avonford.example/cases/{case.reference}/"
    for template, notice in notifications.NOTICES.items():
        if notice.for_requester:
            continue
        email = notifications.email_build(
            event=event, recipient=desk.specialist, template=template, message_id="<x>"
        )
        assert links(email) == [page, page], template


def test_event_notify_sends_assignee_team_and_lead_the_case_page(desk, case, commit):
    desk.hr.lead = desk.hr_lead
    desk.hr.save()
    page = f"/cases/{case.reference}/"
    commit(
        services.case_assign,
        case=case,
        agent=desk.hr_lead,
        assignee=desk.specialist,
        now=LATER,
    )
    commit(services.case_sla_check, now=at(2026, 6, 8, 10))

    assert mail.outbox
    for email in mail.outbox:
        assert email.to != [desk.requester.email]
        assert [link.endswith(page) for link in links(email)] == [True, True]
