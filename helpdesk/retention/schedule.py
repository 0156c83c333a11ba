"""Decide which closed cases are due for purging; pure, so ``now`` is passed in."""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class Outcome(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    HELD = "held"
    NOT_DUE = "not_due"
    NOT_CLOSED = "not_closed"
    DONE = "done"


@dataclass(frozen=True)
class Policy:
    action: str
    retain_years: int | None = None
    retain_days: int | None = None


@dataclass(frozen=True)
class CaseFacts:
    case_id: int
    reference: str
    closed_at: datetime | None
    policy: Policy
    held: bool = False
    anonymised: bool = False


@dataclass(frozen=True)
class Decision:
    case_id: int
    reference: str
    outcome: Outcome
    due_at: datetime | None
    reason: str


def add_years(moment: datetime, years: int) -> datetime:
    """Return the same date ``years`` later; 29 February becomes 28 February."""
    year = moment.year + years
    day = min(moment.day, calendar.monthrange(year, moment.month)[1])
    return moment.replace(year=year, day=day)


def retain_until(*, closed_at: datetime, policy: Policy) -> datetime:
    """Return when a case closed at ``closed_at`` stops being kept."""
    if policy.retain_years is not None:
        return add_years(closed_at, policy.retain_years)
    return closed_at + timedelta(days=policy.retain_days or 0)


def _period(policy: Policy) -> str:
    if policy.retain_years is not None:
        return f"{policy.retain_years} years"
    return f"{policy.retain_days} days"


def decide(facts: CaseFacts, *, now: datetime) -> Decision:
    """Return what retention does with one case at ``now``, and why."""

    def decision(outcome: Outcome, reason: str, due_at=None) -> Decision:
        return Decision(facts.case_id, facts.reference, outcome, due_at, reason)

    if facts.closed_at is None:
        return decision(Outcome.NOT_CLOSED, "Not closed yet.")
    due_at = retain_until(closed_at=facts.closed_at, policy=facts.policy)
    if now < due_at:
        return decision(Outcome.NOT_DUE, "Still within its retention period.", due_at)
    if facts.held:
        return decision(Outcome.HELD, "Under legal hold.", due_at)
    closed = f"closed {facts.closed_at:%d %b %Y}, kept {_period(facts.policy)}"
    if facts.policy.action == Outcome.DELETE:
        return decision(Outcome.DELETE, f"Delete: {closed}.", due_at)
    if facts.anonymised:
        return decision(Outcome.DONE, "Already anonymised.", due_at)
    return decision(Outcome.ANONYMISE, f"Anonymise: {closed}.", due_at)
