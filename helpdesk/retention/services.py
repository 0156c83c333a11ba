"""Plan and apply the retention schedule to closed cases.

``retention_plan`` is the dry run: what would be deleted or anonymised, and which
due cases a legal hold keeps. ``retention_apply`` does it, batch by batch, each
batch in its own transaction so a long first run never holds locks for long;
stored files go only after their batch commits, so a rolled-back case keeps them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from helpdesk.models import Case, LegalHold
from helpdesk.retention import erase, schedule
from helpdesk.retention.schedule import Decision, Outcome
from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record

CLOSED_STATUSES = (Case.Status.CLOSED, Case.Status.CANCELLED)
REPORTED = (Outcome.DELETE, Outcome.ANONYMISE, Outcome.HELD)


@dataclass
class RetentionReport:
    now: datetime
    applied: bool
    decisions: list[Decision] = field(default_factory=list)
    skipped: list[Decision] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def due(self, outcome: Outcome) -> list[Decision]:
        return [d for d in self.decisions if d.outcome == outcome]

    def lines(self) -> list[str]:
        """Return the report as text, one case a line."""
        verb = "Applied" if self.applied else "Dry run, nothing changed"
        lines = [f"Retention at {timezone.localtime(self.now):%d %b %Y %H:%M}. {verb}."]
        for decision in self.decisions:
            lines.append(f"{decision.reference}: {decision.reason}")
        for decision in self.skipped:
            lines.append(f"{decision.reference}: skipped. {decision.reason}")
        summary = ", ".join(
            f"{self.counts[key]} {key.replace('_', ' ')}"
            for key in ("delete", "anonymise", "held", "skipped", "not_due")
        )
        lines.append(f"Totals: {summary}.")
        return lines


def _held(*, case_ids=None) -> tuple[set[int], set[int]]:
    holds = LegalHold.objects.filter(released_at__isnull=True)
    if case_ids is not None:
        holds = holds.filter(Q(case_id__in=case_ids) | Q(case_id__isnull=True))
    cases, requesters = set(), set()
    for case_id, requester_id in holds.values_list("case_id", "requester_id"):
        if case_id:
            cases.add(case_id)
        else:
            requesters.add(requester_id)
    return cases, requesters


def _facts(case: Case, *, held: tuple[set[int], set[int]], placeholder_id):
    policy = case.request_type.retention_policy
    return schedule.CaseFacts(
        case_id=case.pk,
        reference=case.reference,
        closed_at=(
            timezone.localtime(case.closed_at)
            if case.status in CLOSED_STATUSES and case.closed_at
            else None
        ),
        policy=schedule.Policy(
            action=policy.action,
            retain_years=policy.retain_years,
            retain_days=policy.retain_days,
        ),
        held=case.pk in held[0] or case.requester_id in held[1],
        anonymised=erase.is_anonymised(case, placeholder_id),
    )


def retention_plan(*, now: datetime) -> RetentionReport:
    """Return what the schedule would do at ``now``, changing nothing.

    Only closed or cancelled cases whose request type has a policy are looked
    at; open cases and cases under an active legal hold are never due.
    """
    report = RetentionReport(now=now, applied=False)
    placeholder_id = erase.former_staff_user_id()
    held = _held()
    cases = (
        Case.objects.filter(
            request_type__retention_policy__isnull=False,
            status__in=CLOSED_STATUSES,
            closed_at__isnull=False,
        )
        .select_related("request_type__retention_policy")
        .order_by("closed_at", "pk")
    )
    for case in cases.iterator(chunk_size=500):
        decision = schedule.decide(
            _facts(case, held=held, placeholder_id=placeholder_id), now=now
        )
        report.counts[decision.outcome] += 1
        if decision.outcome in REPORTED:
            report.decisions.append(decision)
    return report


def _apply_one(decision: Decision, *, now: datetime, placeholder):
    """Re-check one decision under a row lock and carry it out.

    Return the stored files to remove and the decision actually taken, which
    is None when the case has gone in the meantime.
    """
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("request_type__retention_policy")
        .filter(pk=decision.case_id)
        .first()
    )
    if case is None:
        return [], None
    fresh = schedule.decide(
        _facts(case, held=_held(case_ids=[case.pk]), placeholder_id=placeholder.pk),
        now=now,
    )
    if fresh.outcome == Outcome.DELETE:
        return erase.case_delete(case, placeholder=placeholder), fresh
    if fresh.outcome == Outcome.ANONYMISE:
        return erase.case_anonymise(case, placeholder=placeholder), fresh
    return [], fresh


def _remove_files(files) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


def retention_apply(
    *, now: datetime, batch_size: int = 100, actor=None
) -> RetentionReport:
    """Delete or anonymise every case the schedule says is due, and audit the run.

    A case placed under legal hold, reopened or already dealt with since the plan
    was made is left alone. A case another record still needs (a committee
    booking, a merged case) is skipped and reported, never half-removed.
    Running it again straight after changes nothing.

    :raises ValueError: if ``batch_size`` is not positive
    """
    if batch_size < 1:
        raise ValueError("The batch size must be at least 1.")
    plan = retention_plan(now=now)
    report = RetentionReport(now=now, applied=True)
    report.counts["not_due"] = plan.counts[Outcome.NOT_DUE]
    report.skipped = plan.due(Outcome.HELD)
    report.counts["held"] = len(report.skipped)
    placeholder = erase.former_staff_user()
    due = plan.due(Outcome.DELETE) + plan.due(Outcome.ANONYMISE)
    for start in range(0, len(due), batch_size):
        with transaction.atomic():
            for decision in due[start : start + batch_size]:
                _apply_batch_item(decision, report, now=now, placeholder=placeholder)
    audit_record(
        action=AuditEntry.Action.DATA_PROTECTION,
        actor=actor,
        actor_label="" if actor else "retention schedule",
        object_type="helpdesk.case",
        detail={
            "operation": "retention",
            "deleted": report.counts["delete"],
            "anonymised": report.counts["anonymise"],
            "held": report.counts["held"],
            "skipped": report.counts["skipped"],
            "references": {
                "deleted": [d.reference for d in report.due(Outcome.DELETE)],
                "anonymised": [d.reference for d in report.due(Outcome.ANONYMISE)],
            },
        },
        now=now,
    )
    return report


def _apply_batch_item(decision, report: RetentionReport, *, now, placeholder):
    try:
        with transaction.atomic():
            files, applied = _apply_one(decision, now=now, placeholder=placeholder)
    except ProtectedError as error:
        names = sorted({obj._meta.verbose_name for obj in error.protected_objects})
        kept = Decision(
            decision.case_id,
            decision.reference,
            Outcome.NOT_DUE,
            decision.due_at,
            f"Kept: still needed by {', '.join(names)}.",
        )
        report.skipped.append(kept)
        report.counts["skipped"] += 1
        return
    if applied is None:
        return
    if applied.outcome == Outcome.HELD:
        report.skipped.append(applied)
        report.counts["held"] += 1
    elif applied.outcome in (Outcome.DELETE, Outcome.ANONYMISE):
        report.decisions.append(applied)
        report.counts[applied.outcome] += 1
        transaction.on_commit(lambda: _remove_files(files))
