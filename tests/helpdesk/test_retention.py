"""Retention on aged data: the dry run, the real run, legal holds and audit."""

import pytest
from django.core.exceptions import ValidationError

from helpdesk.models import (
    Attachment,
    Case,
    LegalHold,
    RetentionPolicy,
    SatisfactionRating,
    TimelineEvent,
    Watcher,
)
from helpdesk.retention import erase, services
from intranet.audit.models import AuditEntry
from tests.helpdesk import conftest as helpdesk_fixtures
from tests.helpdesk.retention_data import (
    FIVE_YEARS_AGO,
    NOW,
    SEVEN_YEARS_AGO,
    aged_case,
    file_paths,
)

desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case


@pytest.fixture
def six_years(desk):
    return RetentionPolicy.objects.create(
        request_type=desk.hr_query,
        retain_years=6,
        action=RetentionPolicy.Action.ANONYMISE,
    )


@pytest.fixture
def aged(desk, make_case, six_years):
    """Cases of a six-year policy: due, recent, held, held via requester, open."""
    cases = {
        "due": aged_case(
            desk, make_case, closed_at=SEVEN_YEARS_AGO, raised_by=desk.manager
        ),
        "recent": aged_case(desk, make_case, closed_at=FIVE_YEARS_AGO),
        "held": aged_case(desk, make_case, closed_at=SEVEN_YEARS_AGO),
        "held_requester": aged_case(
            desk, make_case, closed_at=SEVEN_YEARS_AGO, requester=desk.colleague
        ),
        "open": make_case(subject="Still waiting"),
    }
    LegalHold.objects.create(
        case=cases["held"],
        reason="Employment tribunal claim",
        placed_by=desk.hr_lead,
        placed_at=NOW,
    )
    LegalHold.objects.create(
        requester=desk.colleague,
        reason="Grievance appeal",
        placed_by=desk.hr_lead,
        placed_at=NOW,
    )
    return cases


def apply(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return services.retention_apply(now=NOW, **kwargs)


def test_retention_plan_lists_due_and_held_cases_and_changes_nothing(aged):
    paths = file_paths(aged["due"])

    report = services.retention_plan(now=NOW)

    listed = {d.reference: d.outcome for d in report.decisions}
    assert listed == {
        aged["due"].reference: "anonymise",
        aged["held"].reference: "held",
        aged["held_requester"].reference: "held",
    }
    assert report.counts["not_due"] == 1
    aged["due"].refresh_from_db()
    assert aged["due"].subject == "My payslip is wrong"
    assert all(path.exists() for path in paths)
    assert not AuditEntry.objects.filter(action="data_protection").exists()
    assert erase.former_staff_user_id() is None
    text = "\n".join(report.lines())
    assert "Dry run, nothing changed" in text
    assert f"{aged['held'].reference}: Under legal hold." in text


def test_retention_apply_anonymises_the_due_case(
    aged, desk, django_capture_on_commit_callbacks
):
    case = aged["due"]
    paths = file_paths(case)
    assert len(paths) == 2

    report = apply(django_capture_on_commit_callbacks)

    assert [d.reference for d in report.due("anonymise")] == [case.reference]
    case.refresh_from_db()
    assert case.subject == case.description == erase.REMOVED
    assert case.answers == {}
    assert case.requester.username == erase.FORMER_STAFF_USERNAME
    assert str(case.requester) == "Former member of staff"
    assert not case.requester.is_active
    assert case.raised_by is None
    events = TimelineEvent.objects.filter(case=case)
    assert set(events.values_list("body", flat=True)) == {""}
    assert not events.filter(actor__in=[desk.requester, desk.manager]).exists()
    assert events.filter(actor=desk.specialist).exists()
    assert not Attachment.objects.filter(case=case).exists()
    assert not any(path.exists() for path in paths)
    rating = SatisfactionRating.objects.get(case=case)
    assert (rating.rating, rating.comment) == (4, "")
    assert not Watcher.objects.filter(case=case).exists()


def test_retention_apply_leaves_recent_held_and_open_cases_alone(
    aged, django_capture_on_commit_callbacks
):
    untouched = ["recent", "held", "held_requester", "open"]
    paths = [path for name in untouched for path in file_paths(aged[name])]

    report = apply(django_capture_on_commit_callbacks)

    for name in untouched:
        case = Case.objects.get(pk=aged[name].pk)
        assert case.requester_id == aged[name].requester_id
        assert case.subject == aged[name].subject
    assert all(path.exists() for path in paths)
    assert report.counts["held"] == 2


def test_retention_apply_records_the_run_in_the_audit_log(
    aged, django_capture_on_commit_callbacks
):
    apply(django_capture_on_commit_callbacks)

    entry = AuditEntry.objects.get(action=AuditEntry.Action.DATA_PROTECTION)
    assert entry.actor_label == "retention schedule"
    assert entry.detail["anonymised"] == 1
    assert entry.detail["deleted"] == 0
    assert entry.detail["held"] == 2
    assert entry.detail["references"]["anonymised"] == [aged["due"].reference]


def test_retention_apply_twice_changes_nothing_more(
    aged, django_capture_on_commit_callbacks
):
    apply(django_capture_on_commit_callbacks)
    again = apply(django_capture_on_commit_callbacks)

    assert again.decisions == []
    entries = AuditEntry.objects.filter(action="data_protection").order_by("pk")
    assert [e.detail["anonymised"] for e in entries] == [1, 0]


def test_retention_apply_deletes_under_a_delete_policy(
    aged, six_years, django_capture_on_commit_callbacks
):
    six_years.action = RetentionPolicy.Action.DELETE
    six_years.save()
    case = aged["due"]
    paths = file_paths(case)

    report = apply(django_capture_on_commit_callbacks)

    assert [d.reference for d in report.due("delete")] == [case.reference]
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not TimelineEvent.objects.filter(case_id=case.pk).exists()
    assert not Attachment.objects.filter(case_id=case.pk).exists()
    assert not SatisfactionRating.objects.filter(case_id=case.pk).exists()
    assert not any(path.exists() for path in paths)
    assert Case.objects.filter(pk=aged["held"].pk).exists()
    entry = AuditEntry.objects.get(action="data_protection")
    assert entry.detail["references"]["deleted"] == [case.reference]


def test_retention_apply_after_a_hold_is_released_purges_the_case(
    aged, django_capture_on_commit_callbacks
):
    LegalHold.objects.filter(case=aged["held"]).update(released_at=NOW)

    report = apply(django_capture_on_commit_callbacks)

    assert {d.reference for d in report.decisions} == {
        aged["due"].reference,
        aged["held"].reference,
    }


def test_retention_apply_keeps_a_case_another_record_still_needs(
    aged, six_years, django_capture_on_commit_callbacks
):
    six_years.action = RetentionPolicy.Action.DELETE
    six_years.save()
    Case.objects.filter(pk=aged["recent"].pk).update(merged_into=aged["due"])
    paths = file_paths(aged["due"])

    report = apply(django_capture_on_commit_callbacks)

    assert report.decisions == []
    assert "still needed by case" in report.skipped[-1].reason
    assert Attachment.objects.filter(case=aged["due"]).count() == 2
    assert all(path.exists() for path in paths)


def test_retention_apply_refuses_a_batch_size_below_one(db):
    with pytest.raises(ValueError, match="at least 1"):
        services.retention_apply(now=NOW, batch_size=0)


def test_retention_apply_in_batches_of_one_handles_every_case(
    desk, make_case, six_years, django_capture_on_commit_callbacks
):
    cases = [aged_case(desk, make_case, closed_at=SEVEN_YEARS_AGO) for _ in range(3)]

    report = apply(django_capture_on_commit_callbacks, batch_size=1)

    assert report.counts["anonymise"] == 3
    assert {c.subject for c in Case.objects.filter(pk__in=[c.pk for c in cases])} == {
        erase.REMOVED
    }


def test_retention_policy_needs_years_or_days_not_both(desk):
    policy = RetentionPolicy(
        request_type=desk.hr_query, retain_years=6, retain_days=10, action="delete"
    )
    with pytest.raises(ValidationError, match="either years or days"):
        policy.full_clean()


def test_legal_hold_needs_a_case_or_a_requester(desk):
    hold = LegalHold(reason="Claim", placed_by=desk.hr_lead, placed_at=NOW)
    with pytest.raises(ValidationError, match="either one case"):
        hold.full_clean()
