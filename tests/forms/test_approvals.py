"""Line-manager approval: in the intranet, from a one-time email link, by a delegate."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from forms import services, tokens
from forms.models import Approval, ApprovalDelegation, Submission
from helpdesk.models import Case
from tests.forms.conftest import MONDAY_10AM
from tests.intranet.factories import UserFactory


@pytest.fixture
def ask(flexible_form, django_capture_on_commit_callbacks):
    """Return a function submitting the flexible working form for someone."""

    def submit(requester) -> Submission:
        with django_capture_on_commit_callbacks(execute=True):
            submission, _ = services.submission_create(
                page=flexible_form,
                submitter=requester,
                subject="Compressed hours",
                answers={"pattern_you_would_like": "Four long days"},
                labels={"pattern_you_would_like": "Pattern you would like"},
                key=uuid.uuid4(),
                now=MONDAY_10AM,
            )
        submission.refresh_from_db()
        return submission

    return submit


def _link(message) -> str:
    return re.search(r"http://[^\s]+/requests/approvals/link/[^\s/]+/", message.body)[
        0
    ].removeprefix("http://127.0.0.1:8000")


def _decide(client, url, capture, **data):
    with capture(execute=True):
        return client.post(url, data)


def test_approval_request_waits_and_emails_the_line_manager(ask, desk):
    submission = ask(desk.requester)
    assert submission.status == Submission.Status.AWAITING_APPROVAL
    assert submission.approval.approver == desk.manager
    assert not Case.objects.exists()
    (email,) = [m for m in mail.outbox if desk.manager.email in m.to]
    assert "Please approve a request" in email.subject
    assert "Four long days" in email.body
    assert "/requests/approvals/link/" in email.body


def test_manager_approves_in_the_intranet_and_the_case_opens(
    ask, desk, client, django_capture_on_commit_callbacks
):
    submission = ask(desk.requester)
    client.force_login(desk.manager)
    listing = client.get(reverse("selfservice:approvals")).content.decode()
    assert "Compressed hours" in listing
    url = reverse("selfservice:approval", args=[submission.approval.pk])
    response = _decide(
        client, url, django_capture_on_commit_callbacks, decision="approve"
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CASE_OPENED
    assert submission.case.requester == desk.requester
    assert submission.approval.decided_by == desk.manager


def test_decline_needs_a_reason_and_tells_the_requester(
    ask, desk, client, django_capture_on_commit_callbacks
):
    submission = ask(desk.requester)
    client.force_login(desk.manager)
    url = reverse("selfservice:approval", args=[submission.approval.pk])
    response = _decide(
        client, url, django_capture_on_commit_callbacks, decision="decline"
    )
    assert "Explain why you are declining" in response.content.decode()
    mail.outbox.clear()
    _decide(
        client,
        url,
        django_capture_on_commit_callbacks,
        decision="decline",
        comment="We need cover on Fridays.",
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DECLINED
    assert not Case.objects.exists()
    (email,) = mail.outbox
    assert email.to == [desk.requester.email]
    assert "We need cover on Fridays." in email.body
    client.force_login(desk.requester)
    status = client.get(reverse("selfservice:submission", args=[submission.pk]))
    assert "We need cover on Fridays." in status.content.decode()


def test_email_link_approves_once_and_is_refused_when_reused(
    ask, desk, client, django_capture_on_commit_callbacks
):
    ask(desk.requester)
    link = _link(next(m for m in mail.outbox if desk.manager.email in m.to))
    client.force_login(desk.manager)
    assert "Do you approve this request?" in client.get(link).content.decode()
    _decide(client, link, django_capture_on_commit_callbacks, decision="approve")
    assert Case.objects.count() == 1
    reused = client.get(link)
    assert reused.status_code == 410
    assert "already been used" in reused.content.decode()
    again = _decide(
        client, link, django_capture_on_commit_callbacks, decision="decline"
    )
    assert again.status_code == 410
    assert Approval.objects.get().decision == Approval.Decision.APPROVED


def test_expired_link_is_refused(ask, desk, client):
    submission = ask(desk.requester)
    old = tokens.link_token(
        approval_id=submission.approval.pk,
        approver_id=desk.manager.pk,
        nonce=submission.approval.link_nonce,
        now=timezone.now() - timedelta(days=8),
    )
    client.force_login(desk.manager)
    response = client.get(reverse("selfservice:approval-link", args=[old]))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_forged_link_is_refused(ask, desk, client):
    ask(desk.requester)
    link = _link(next(m for m in mail.outbox if desk.manager.email in m.to))
    client.force_login(desk.manager)
    forged = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.get(forged)
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert Approval.objects.get().is_pending


def test_link_is_refused_to_someone_else(ask, desk, client):
    ask(desk.requester)
    link = _link(next(m for m in mail.outbox if desk.manager.email in m.to))
    client.force_login(desk.colleague)
    response = client.get(link)
    assert response.status_code == 403
    assert "sent to someone else" in response.content.decode()


def test_someone_else_cannot_open_or_decide_an_approval(ask, desk, client):
    submission = ask(desk.requester)
    client.force_login(desk.colleague)
    url = reverse("selfservice:approval", args=[submission.approval.pk])
    assert client.get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.approval_decide(
            approval_id=submission.approval.pk,
            user=desk.colleague,
            approve=True,
            now=MONDAY_10AM,
        )


def test_decided_approval_cannot_be_decided_again(ask, desk):
    submission = ask(desk.requester)
    services.approval_decide(
        approval_id=submission.approval.pk,
        user=desk.manager,
        approve=False,
        comment="No",
        now=MONDAY_10AM,
    )
    with pytest.raises(ValidationError, match="already declined"):
        services.approval_decide(
            approval_id=submission.approval.pk,
            user=desk.manager,
            approve=True,
            now=MONDAY_10AM,
        )


# Delegates


def test_absent_manager_s_delegate_gets_the_approval(
    ask, desk, client, django_capture_on_commit_callbacks
):
    deputy = UserFactory(username="dee.deputy")
    ApprovalDelegation.objects.create(
        user=desk.manager,
        delegate=deputy,
        absent_until=timezone.localdate() + timedelta(days=7),
    )
    submission = ask(desk.requester)
    approval = submission.approval
    assert (approval.approver, approval.covering_for) == (deputy, desk.manager)
    client.force_login(deputy)
    url = reverse("selfservice:approval", args=[approval.pk])
    _decide(client, url, django_capture_on_commit_callbacks, decision="approve")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CASE_OPENED


def test_absent_manager_without_delegate_passes_to_their_manager(ask, desk):
    director = UserFactory(username="di.director")
    desk.manager.line_manager = director
    desk.manager.save()
    ApprovalDelegation.objects.create(
        user=desk.manager, absent_until=timezone.localdate() + timedelta(days=1)
    )
    assert ask(desk.requester).approval.approver == director


def test_delegate_decides_an_approval_sent_before_the_absence(ask, desk, client):
    submission = ask(desk.requester)
    deputy = UserFactory(username="dee.deputy")
    client.force_login(deputy)
    listing = reverse("selfservice:approvals")
    assert "Compressed hours" not in client.get(listing).content.decode()
    ApprovalDelegation.objects.create(
        user=desk.manager,
        delegate=deputy,
        absent_until=timezone.localdate() + timedelta(days=3),
    )
    assert "Compressed hours" in client.get(listing).content.decode()
    services.approval_decide(
        approval_id=submission.approval.pk,
        user=deputy,
        approve=True,
        now=timezone.now(),
    )


def test_manager_sets_a_delegate_while_away(desk, client):
    deputy = UserFactory(username="dee.deputy")
    client.force_login(desk.manager)
    response = client.post(
        reverse("selfservice:delegation"),
        {
            "absent_until_0": "1",
            "absent_until_1": "1",
            "absent_until_2": "2000",
            "delegate": "dee.deputy",
        },
    )
    assert "The last day away must be today or later." in response.content.decode()
    until = timezone.localdate() + timedelta(days=5)
    client.post(
        reverse("selfservice:delegation"),
        {
            "absent_until_0": until.day,
            "absent_until_1": until.month,
            "absent_until_2": until.year,
            "delegate": "dee.deputy",
        },
    )
    delegation = ApprovalDelegation.objects.get(user=desk.manager)
    assert (delegation.delegate, delegation.absent_until) == (deputy, until)


def test_requester_without_a_line_manager_goes_straight_to_a_case(ask, desk):
    submission = ask(desk.stranger)
    assert submission.status == Submission.Status.CASE_OPENED
    assert "No line manager is on record" in submission.case.description


def test_manager_raising_for_a_report_counts_as_approval(
    flexible_form, desk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = services.submission_create(
            page=flexible_form,
            submitter=desk.manager,
            on_behalf_of=desk.requester,
            subject="Compressed hours for Rita",
            answers={},
            labels={},
            key=uuid.uuid4(),
            now=MONDAY_10AM,
        )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CASE_OPENED
    assert submission.approval.decided_by == desk.manager


def test_approval_form_names_the_approver_or_says_there_is_none(
    client, desk, flexible_form
):
    client.force_login(desk.requester)
    page = client.get(flexible_form.url).content.decode()
    # Names such as O'Connor reach the page HTML-escaped.
    assert f"{escape(desk.manager.display_name)} approves this request" in page
    client.force_login(desk.stranger)
    page = client.get(flexible_form.url).content.decode()
    assert "You have no line manager on record" in page
