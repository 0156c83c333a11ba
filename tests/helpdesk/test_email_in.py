"""The email-in corpus: each message gives the expected case, reply or refusal."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from helpdesk.email_in import rules
from helpdesk.email_in.services import mail_ingest
from helpdesk.models import Case, InboundMailbox, InboundMessage, TimelineEvent
from intranet.models import OutboxMessage
from tests.intranet.factories import service_area

CORPUS = Path(__file__).parent / "mail_corpus"
Outcome = InboundMessage.Outcome


def raw(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


@pytest.fixture
def mailbox(desk, tmp_path):
    return InboundMailbox.objects.create(
        service_area=service_area("hr"),
        address="hr@avonford.gov.uk",
        kind=InboundMailbox.Kind.DIRECTORY,
        folder=str(tmp_path),
        default_request_type=desk.hr_query,
    )


@pytest.fixture
def ingest(mailbox, django_capture_on_commit_callbacks):
    """Ingest a corpus message as the poller would, delivering what it queued."""

    def run(name: str, now=None) -> InboundMessage:
        with django_capture_on_commit_callbacks(execute=True):
            return mail_ingest(
                raw_bytes=raw(name), mailbox=mailbox, now=now or timezone.now()
            )

    return run


@pytest.fixture
def existing_case(make_case):
    case = make_case()
    assert case.reference == "HR-000001"
    mail.outbox.clear()
    return case


def test_mail_ingest_plain_text_creates_case_for_known_sender(ingest, desk):
    logged = ingest("plain.eml")

    case = Case.objects.get()
    assert logged.outcome == Outcome.CASE_CREATED
    assert logged.case == case
    assert case.requester == desk.requester
    assert case.request_type == desk.hr_query
    assert case.subject == "My payslip is missing overtime"
    assert "missing 6 hours of overtime" in case.description
    assert case.answers == {"channel": "email"}
    receipts = [m for m in mail.outbox if m.to == [desk.requester.email]]
    assert [m.subject for m in receipts] == [
        f"[{case.reference}] We have received your request"
    ]


def test_mail_ingest_multipart_uses_the_text(ingest):
    ingest("multipart.eml")

    case = Case.objects.get()
    assert case.description == "Please renew my parking permit for the Civic Centre."


def test_mail_ingest_html_only_stores_sanitised_text(ingest, client, desk):
    ingest("html_script.eml")

    case = Case.objects.get()
    assert "Could I move to the second floor desk?" in case.description
    assert "script" not in case.description
    assert "alert" not in case.description
    client.force_login(desk.requester)
    page = client.get(f"/requests/{case.reference}/").content.decode()
    assert "alert(" not in page
    assert "evil.example" not in page


def test_mail_ingest_keeps_allowed_attachment_and_notes_refused_one(ingest):
    logged = ingest("attachments.eml")

    case = Case.objects.get()
    assert [a.original_name for a in case.attachments.all()] == ["receipts.pdf"]
    assert "claim-tool.exe is not an allowed type" in case.description
    assert "claim-tool.exe" in logged.detail
    assert logged.outcome == Outcome.CASE_CREATED


@pytest.mark.parametrize(
    ("name", "subject", "text"),
    [
        ("latin1.eml", "Café allowance", "still £5 a day? Regards, Renée"),
        ("windows1252.eml", "Training budget", "costs €200 \u2013 is that"),
    ],
)
def test_mail_ingest_decodes_non_utf8_mail(ingest, name, subject, text):
    ingest(name)

    case = Case.objects.get()
    assert case.subject == subject
    assert text in case.description


def test_mail_ingest_reply_with_quoted_history_adds_trimmed_reply(
    ingest, desk, existing_case
):
    logged = ingest("reply_quoted.eml")

    reply = existing_case.events.get(kind=TimelineEvent.Kind.REPLY)
    assert logged.outcome == Outcome.REPLY_ADDED
    assert logged.case == existing_case
    assert reply.actor == desk.requester
    assert reply.public
    assert (
        reply.body == "Thanks, the timesheet is attached to my earlier email.\n\nRita"
    )
    assert Case.objects.count() == 1


def test_mail_ingest_reply_from_agent_who_works_the_case(ingest, desk, existing_case):
    logged = ingest("agent_reply.eml")

    reply = existing_case.events.get(kind=TimelineEvent.Kind.REPLY)
    assert logged.outcome == Outcome.REPLY_ADDED
    assert (reply.actor, reply.body) == (desk.specialist, "Payroll have corrected it.")


def test_mail_ingest_forged_reference_is_rejected_and_logged(
    ingest, desk, existing_case
):
    events = existing_case.events.count()

    logged = ingest("forged_reference.eml")

    assert logged.outcome == Outcome.REJECTED
    assert logged.case is None
    assert "stan.stranger@avonford.gov.uk may not reply to HR-000001" in logged.detail
    assert existing_case.events.count() == events
    assert Case.objects.count() == 1
    assert mail.outbox == []


def test_mail_ingest_reply_to_a_closed_case_is_rejected(ingest, desk, existing_case):
    from helpdesk import services

    services.case_cancel(
        case=existing_case, requester=desk.requester, now=timezone.now()
    )

    logged = ingest("reply_quoted.eml")

    assert logged.outcome == Outcome.REJECTED
    assert "closed" in logged.detail
    assert not existing_case.events.filter(kind=TimelineEvent.Kind.REPLY).exists()


def test_mail_ingest_auto_reply_is_ignored(ingest, existing_case):
    events = existing_case.events.count()

    logged = ingest("auto_reply.eml")

    assert logged.outcome == Outcome.IGNORED_AUTO_REPLY
    assert "auto-replied" in logged.detail
    assert existing_case.events.count() == events
    assert mail.outbox == []


def test_mail_ingest_our_own_mail_is_ignored_as_a_loop(ingest, existing_case):
    logged = ingest("loop.eml")

    assert logged.outcome == Outcome.IGNORED_LOOP
    assert Case.objects.count() == 1
    assert mail.outbox == []


def test_mail_ingest_unknown_sender_gets_one_polite_bounce(ingest, desk):
    logged = ingest("unknown_sender.eml")

    assert logged.outcome == Outcome.BOUNCED
    assert not Case.objects.exists()
    [bounce] = mail.outbox
    assert bounce.to == ["sales@supplier.example"]
    assert "Special offer on office chairs" in bounce.subject
    assert "only takes requests from Avonford Borough Council staff" in bounce.body
    assert bounce.extra_headers["Auto-Submitted"] == "auto-replied"
    assert rules.LOOP_HEADER in bounce.extra_headers


def test_mail_ingest_bounces_a_sender_at_most_once_a_day(ingest, desk):
    first = ingest("unknown_sender.eml")
    again = (
        (CORPUS / "unknown_sender.eml")
        .read_bytes()
        .replace(b"<unknown-1@supplier.example>", b"<unknown-2@supplier.example>")
    )
    second = mail_ingest(
        raw_bytes=again, mailbox=first.mailbox, now=timezone.now() + timedelta(hours=2)
    )

    assert (first.outcome, second.outcome) == (Outcome.BOUNCED, Outcome.REJECTED)
    assert "already sent a bounce" in second.detail
    assert OutboxMessage.objects.filter(topic="helpdesk.email_in.bounce").count() == 1


def test_mail_ingest_same_message_id_twice_creates_one_case(ingest):
    first = ingest("plain.eml")
    second = ingest("plain.eml")

    assert first.pk == second.pk
    assert Case.objects.count() == 1
    assert InboundMessage.objects.count() == 1


def test_mail_ingest_inactive_sender_is_treated_as_unknown(ingest, desk):
    desk.requester.is_active = False
    desk.requester.save()

    logged = ingest("plain.eml")

    assert logged.outcome == Outcome.BOUNCED
    assert not Case.objects.exists()


def test_mail_ingest_without_triage_queue_is_rejected_not_half_saved(
    ingest, desk, mailbox
):
    from helpdesk.models import Queue, RoutingRule

    RoutingRule.objects.all().delete()
    Queue.objects.filter(is_triage=True).update(is_triage=False)

    logged = ingest("plain.eml")

    assert logged.outcome == Outcome.REJECTED
    assert "No triage queue" in logged.detail
    assert not Case.objects.exists()
    assert not TimelineEvent.objects.exists()
