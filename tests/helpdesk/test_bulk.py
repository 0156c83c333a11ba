"""Bulk actions: per-case results, background runs with progress, refusals."""

import pytest
from django.contrib.messages import get_messages

from helpdesk import services
from helpdesk.models import BulkJob, Case
from helpdesk.services import bulk
from tests.helpdesk.conftest import MONDAY_10AM

pytestmark = pytest.mark.django_db
HR_BULK = "/queues/hr-specialists/bulk/"


@pytest.fixture
def agent(client, desk):
    client.force_login(desk.specialist)
    return client


def _results(job: BulkJob) -> dict[str, str]:
    return {r["reference"] or str(r["case_id"]): r["message"] for r in job.results}


def test_bulk_assign_reports_each_case(agent, desk, make_case):
    first, second = make_case(), make_case()
    resolved = make_case()
    services.case_resolve(
        case=resolved, agent=desk.specialist, summary="Done.", now=MONDAY_10AM
    )

    response = agent.post(
        HR_BULK + "?status=all",
        {
            "cases": [first.pk, second.pk, resolved.pk],
            "action": "assign",
            "assignee": desk.hr_lead.pk,
        },
        follow=True,
    )

    job = BulkJob.objects.get()
    assert job.is_finished
    assert job.changed == 2
    lead = desk.hr_lead.display_name
    assert _results(job) == {
        first.reference: f"assigned to {lead}",
        second.reference: f"assigned to {lead}",
        resolved.reference: "not changed: This case is resolved.",
    }
    body = response.content.decode()
    assert "2 of 3 cases changed" in body
    assert (
        f"{resolved.reference}</a>\n          not changed: This case is resolved."
        in body
    )
    first.refresh_from_db()
    assert first.assignee == desk.hr_lead


def test_bulk_service_reports_cases_the_agent_may_not_work_or_see(desk, make_case):
    workable = make_case()
    seen_only = make_case(request_type=desk.invoice, raised_by=desk.specialist)
    hidden = make_case(request_type=desk.grievance)

    job = bulk.bulk_job_start(
        user=desk.specialist,
        action="change_status",
        case_ids=[workable.pk, seen_only.pk, hidden.pk],
        parameters={"status": "on_hold"},
        now=MONDAY_10AM,
    )

    assert _results(job) == {
        workable.reference: "set to on hold",
        seen_only.reference: "not changed: you may not work this case",
        str(hidden.pk): "not changed: the case no longer exists or you cannot see it",
    }
    hidden.refresh_from_db()
    assert hidden.status == Case.Status.NEW


def test_bulk_transfer_keeps_going_after_a_refusal(desk, make_case):
    cases = [make_case() for _ in range(3)]
    Case.objects.filter(pk=cases[1].pk).update(queue=desk.finance.queue)
    job = bulk.bulk_job_start(
        user=desk.case_manager,
        action="transfer",
        case_ids=[c.pk for c in cases],
        parameters={"queue_id": desk.finance.queue.pk, "reason": "Invoices"},
        now=MONDAY_10AM,
    )
    assert [r["ok"] for r in job.results] == [True, False, True]
    assert "already in Finance specialists queue" in job.results[1]["message"]


def test_large_selection_runs_in_the_background_with_progress(
    agent, desk, make_case, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(bulk, "INLINE_LIMIT", 2)
    cases = [make_case() for _ in range(3)]
    form = {
        "cases": [c.pk for c in cases],
        "action": "change_status",
        "status": "on_hold",
    }

    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = agent.post(HR_BULK, form)
    job = BulkJob.objects.get()
    assert job.results == []
    assert len(queued) == 1

    page = agent.get(response.url).content.decode()
    assert "0 of 3 cases done" in page
    assert 'hx-trigger="every 1s"' in page
    assert ">Refresh</a>" in page

    with django_capture_on_commit_callbacks(execute=True):
        queued[0]()
    job.refresh_from_db()
    assert job.is_finished
    assert job.changed == 3
    partial = agent.get(response.url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="bulk-progress"')
    assert "every 1s" not in partial
    assert "3 of 3 cases changed" in partial
    assert set(Case.objects.values_list("status", flat=True)) == {"on_hold"}


def test_bulk_all_matching_changes_every_filtered_case(agent, desk, make_case):
    cases = [make_case() for _ in range(3)]
    services.case_claim(case=cases[0], agent=desk.hr_lead, now=MONDAY_10AM)

    agent.post(
        HR_BULK + "?assignee=unassigned",
        {"all_matching": "on", "action": "assign", "assignee": desk.specialist.pk},
    )

    job = BulkJob.objects.get()
    assert sorted(job.case_ids) == sorted([cases[1].pk, cases[2].pk])


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"action": "assign"}, "Choose who to assign the cases to."),
        (
            {"action": "transfer", "queue": "1"},
            "Say why you are transferring the cases.",
        ),
        ({"action": "explode"}, "Choose an action from the list."),
        ({}, "Choose what to do to the selected cases."),
    ],
)
def test_bulk_refuses_incomplete_requests_clearly(agent, make_case, form, message):
    case = make_case()
    response = agent.post(HR_BULK, {"cases": [case.pk], **form})
    assert response.status_code == 302
    assert message in [str(m) for m in get_messages(response.wsgi_request)]
    assert not BulkJob.objects.exists()


def test_bulk_without_cases_asks_for_a_selection(agent):
    response = agent.post(HR_BULK, {"action": "change_status", "status": "on_hold"})
    assert "Select at least one case." in [
        str(m) for m in get_messages(response.wsgi_request)
    ]


def test_bulk_job_page_is_only_for_its_owner(client, desk, make_case):
    job = bulk.bulk_job_start(
        user=desk.specialist,
        action="change_status",
        case_ids=[make_case().pk],
        parameters={"status": "on_hold"},
        now=MONDAY_10AM,
    )
    client.force_login(desk.hr_lead)
    assert client.get(f"/queues/bulk-jobs/{job.pk}/").status_code == 404
    client.force_login(desk.requester)
    assert client.get(f"/queues/bulk-jobs/{job.pk}/").status_code == 403
    assert client.post(HR_BULK, {"action": "assign"}).status_code == 403
