"""Every control on the case page: success, refusal and the htmx variants."""

import pytest
from django.contrib.messages import get_messages

from helpdesk import services
from helpdesk.models import Attachment, Case, CaseLink, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import EXE, upload
from tests.intranet.factories import ServiceAreaPageFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(case, action: str = "") -> str:
    return f"/cases/{case.reference}/" + (f"{action}/" if action else "")


@pytest.fixture
def case(make_case):
    return make_case(subject="Payslip missing overtime")


@pytest.fixture
def agent(client, desk):
    client.force_login(desk.specialist)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_claim_assigns_the_case_and_redirects_with_a_message(agent, desk, case):
    response = agent.post(url(case, "claim"))
    assert response.status_code == 302
    assert response.url == url(case)
    assert _messages(response) == [f"You have claimed {case.reference}."]
    case.refresh_from_db()
    assert case.assignee == desk.specialist
    assert case.status == Case.Status.OPEN


def test_claim_with_htmx_swaps_the_assignment_panel(agent, desk, case):
    response = agent.post(url(case, "claim"), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="case-assignment"')
    assert "you have claimed this case" in body


def test_claim_of_a_case_someone_else_has_shows_who(agent, desk, case):
    services.case_claim(case=case, agent=desk.hr_lead, now=MONDAY_10AM)
    response = agent.post(url(case, "claim"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert f"already assigned to {desk.hr_lead.display_name}" in body


def test_assign_to_a_team_member(agent, desk, case):
    response = agent.post(url(case, "assign"), {"assign-assignee": desk.hr_lead.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.assignee == desk.hr_lead


def test_assign_to_someone_outside_the_team_is_refused(agent, desk, case):
    response = agent.post(
        url(case, "assign"), {"assign-assignee": desk.other_specialist.pk}
    )
    assert response.status_code == 200
    assert "Choose a member of the case&#x27;s team." in response.content.decode()
    case.refresh_from_db()
    assert case.assignee is None


def test_transfer_needs_a_reason_then_moves_the_case(agent, desk, case):
    refused = agent.post(
        url(case, "transfer"), {"transfer-queue": desk.finance.queue.pk}
    )
    assert "Say why you are transferring the case." in refused.content.decode()

    response = agent.post(
        url(case, "transfer"),
        {"transfer-queue": desk.finance.queue.pk, "transfer-reason": "An invoice"},
    )

    case.refresh_from_db()
    assert case.queue == desk.finance.queue
    # The specialist can no longer see it, so they go back to their work.
    assert response.url == "/queues/"


def test_status_offers_only_allowed_transitions(agent, desk, case):
    refused = agent.post(url(case, "status"), {"status-status": "resolved"})
    assert "Choose one of the statuses this case can move to." in (
        refused.content.decode()
    )
    response = agent.post(url(case, "status"), {"status-status": "on_hold"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Case.Status.ON_HOLD


def test_resolve_needs_a_summary(agent, case):
    refused = agent.post(url(case, "resolve"), {"resolve-resolution_summary": " "})
    assert refused.status_code == 200
    assert "Say how the request was resolved." in refused.content.decode()
    agent.post(url(case, "resolve"), {"resolve-resolution_summary": "Paid in July."})
    case.refresh_from_db()
    assert case.status == Case.Status.RESOLVED


def test_link_by_reference(agent, case, make_case):
    other = make_case()
    missing = agent.post(url(case, "link"), {"link-other": "HR-999999"})
    assert "There is no case HR-999999 that you can see." in missing.content.decode()
    agent.post(url(case, "link"), {"link-other": other.reference.lower()})
    assert CaseLink.objects.count() == 1
    page = agent.get(url(case)).content.decode()
    assert f'href="/cases/{other.reference}/"' in page


def test_merge_needs_confirmation(agent, case, make_case):
    target = make_case()
    unconfirmed = agent.post(url(case, "merge"), {"merge-target": target.reference})
    assert "Confirm that you want to merge the cases." in unconfirmed.content.decode()
    case.refresh_from_db()
    assert case.merged_into is None

    response = agent.post(
        url(case, "merge"), {"merge-target": target.reference, "merge-confirm": "on"}
    )

    assert response.url == url(target)
    case.refresh_from_db()
    assert case.merged_into == target
    assert case.status == Case.Status.CLOSED


def test_reply_with_an_attachment(agent, case):
    response = agent.post(
        url(case, "reply"),
        {
            "reply-body": "Please send your timesheet.",
            "reply-attachments": upload("a.pdf"),
        },
    )
    assert response.status_code == 302
    event = TimelineEvent.objects.get(case=case, kind="reply")
    assert event.public
    assert event.attachments.get().original_name == "a.pdf"


def test_refused_upload_shows_an_error_and_saves_nothing(agent, case):
    response = agent.post(
        url(case, "reply"),
        {"reply-body": "See attached.", "reply-attachments": upload("a.pdf", EXE)},
    )
    assert response.status_code == 200
    assert "a.pdf does not look like a PDF" in response.content.decode()
    assert not TimelineEvent.objects.filter(case=case, kind="reply").exists()
    assert Attachment.objects.filter(case=case).count() == 0


def test_reply_with_htmx_appends_to_the_timeline(agent, case):
    response = agent.post(url(case, "reply"), {"reply-body": "On it."}, headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith("<li")
    assert "On it." in body
    assert 'id="reply-box" class="app-reply-box" hx-swap-oob="true"' in body


def test_blank_note_with_htmx_retargets_the_note_box(agent, case):
    response = agent.post(url(case, "note"), {"note-body": ""}, headers=HTMX)
    assert response["HX-Retarget"] == "#note-box"
    assert "Write your note." in response.content.decode()


def test_note_is_internal(agent, case):
    agent.post(url(case, "note"), {"note-body": "Check with payroll."})
    event = TimelineEvent.objects.get(case=case, kind="internal_note")
    assert not event.public


def test_create_article_from_a_resolved_case(agent, desk, case, home_page):
    ServiceAreaPageFactory(parent=home_page, title="HR")
    early = agent.post(url(case, "article"))
    assert "Resolve the case before creating an article" in _messages(early)[0]
    services.case_resolve(
        case=case,
        agent=desk.specialist,
        summary="Overtime is paid a month late.",
        now=MONDAY_10AM,
    )

    response = agent.post(url(case, "article"))

    assert "Draft article “Payslip missing overtime” created." in _messages(response)
    from knowledge.models import KnowledgeArticlePage

    draft = KnowledgeArticlePage.objects.get()
    assert not draft.live
    page = agent.get(url(case)).content.decode()
    assert f"/admin/pages/{draft.pk}/edit/" in page


def test_actions_need_post(agent, case):
    assert agent.get(url(case, "claim")).status_code == 405
