"""The vocabulary of the sample case stories: who did what, how long after.

Times are working hours: a story starts ``hours_ago`` working hours before the
demo is loaded and each step follows the one before by ``after`` working hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpdesk.models import Case

REQUESTER = "requester"
Status = Case.Status


@dataclass(frozen=True)
class Step:
    action: str
    actor: str
    after: float
    text: str = ""
    target: str = ""
    rating: int = 0


@dataclass(frozen=True)
class Story:
    key: str
    requester: str
    request_type: str
    subject: str
    description: str
    hours_ago: float
    steps: tuple[Step, ...] = ()
    raised_by: str = ""
    answers: dict = field(default_factory=dict)

    def people(self) -> set[str]:
        """Return the usernames the story needs."""
        names = {self.requester, self.raised_by}
        for step in self.steps:
            names.add(step.actor)
            if step.action == "assign":
                names.add(step.target)
        return names - {REQUESTER, ""}

    @property
    def working_hours(self) -> float:
        """Return how long the story's steps take, in working hours."""
        return sum(step.after for step in self.steps)


def claim(who: str, *, after: float = 0.5) -> Step:
    return Step("claim", who, after)


def assign(who: str, to: str, *, after: float = 0.5) -> Step:
    return Step("assign", who, after, target=to)


def reply(who: str, text: str, *, after: float = 1.0) -> Step:
    return Step("reply", who, after, text=text)


def note(who: str, text: str, *, after: float = 0.25) -> Step:
    return Step("note", who, after, text=text)


def status(who: str, to: str, *, after: float = 0.1) -> Step:
    return Step("status", who, after, target=to)


def transfer(who: str, team: str, reason: str, *, after: float = 0.5) -> Step:
    return Step("transfer", who, after, text=reason, target=team)


def resolve(who: str, summary: str, *, after: float = 0.25) -> Step:
    return Step("resolve", who, after, text=summary)


def rate(stars: int, comment: str = "", *, after: float = 2.0) -> Step:
    return Step("rate", REQUESTER, after, text=comment, rating=stars)


def requester_reply(text: str, *, after: float = 2.0) -> Step:
    return Step("reply", REQUESTER, after, text=text)


def reopen(reason: str, *, after: float = 4.0) -> Step:
    return Step("reopen", REQUESTER, after, text=reason)


def cancel(*, after: float = 1.0) -> Step:
    return Step("cancel", REQUESTER, after)


def merge(who: str, into: str, *, after: float = 0.5) -> Step:
    return Step("merge", who, after, target=into)


def link(who: str, other: str, *, after: float = 0.5) -> Step:
    return Step("link", who, after, target=other)
