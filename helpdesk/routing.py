"""The routing decision: which queue a new case goes to, and why.

Rules are data edited in the admin; here they are plain values, tried in order.
The first rule whose every set condition holds wins; a rule's unset conditions
are ignored. With no match the case goes to triage. A rule may send the case to
the business partner for the requester's directorate: the caller resolves that
queue, since it depends on stored teams.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CaseFacts:
    """What routing may look at about a new case; slugs, not model instances."""

    service_area: str
    request_type: str
    directorate: str | None
    team: str | None
    subject: str
    description: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    confidential: bool = False


@dataclass(frozen=True)
class Rule:
    """One routing rule: conditions (None or empty means "any") and an action."""

    id: int
    name: str
    service_area: str | None = None
    request_type: str | None = None
    directorates: frozenset[str] = frozenset()
    teams: frozenset[str] = frozenset()
    keywords: tuple[str, ...] = ()
    answer_field: str | None = None
    answer_value: str | None = None
    confidential: bool | None = None
    queue_id: int | None = None
    to_business_partner: bool = False
    mark_confidential: bool = False

    def __post_init__(self) -> None:
        if (self.queue_id is None) != self.to_business_partner:
            raise ValueError(
                f'Rule "{self.name}" must send cases either to a queue or to the '
                "business partner, not both or neither."
            )


@dataclass(frozen=True)
class Decision:
    """Where a case goes, which rule sent it there and a sentence saying why."""

    queue_id: int | None
    to_business_partner: bool
    rule_id: int | None
    rule_name: str
    mark_confidential: bool
    reason: str


def _mentions(text: str, keyword: str) -> bool:
    # Whole words only: "pay" must not match "payment" or "repay".
    pattern = rf"(?<!\w){re.escape(keyword.strip())}(?!\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def _same(a: Any, b: str) -> bool:
    return str(a).strip().casefold() == b.strip().casefold()


def _answer_matches(answers: Mapping[str, Any], field_name: str, value: str) -> bool:
    if field_name not in answers:
        return False
    answer = answers[field_name]
    if isinstance(answer, list | tuple | set | frozenset):
        return any(_same(item, value) for item in answer)
    return _same(answer, value)


def _matched_conditions(rule: Rule, facts: CaseFacts) -> list[str] | None:
    """Return the conditions of `rule` described as held, or None if one fails."""
    held = []
    if rule.service_area is not None:
        if facts.service_area != rule.service_area:
            return None
        held.append(f"service area is {facts.service_area}")
    if rule.request_type is not None:
        if facts.request_type != rule.request_type:
            return None
        held.append(f"request type is {facts.request_type}")
    if rule.directorates:
        if facts.directorate not in rule.directorates:
            return None
        held.append(f"requester's directorate is {facts.directorate}")
    if rule.teams:
        if facts.team not in rule.teams:
            return None
        held.append(f"requester's team is {facts.team}")
    keywords = [keyword for keyword in rule.keywords if keyword.strip()]
    if keywords:
        text = f"{facts.subject}\n{facts.description}"
        found = [keyword.strip() for keyword in keywords if _mentions(text, keyword)]
        if not found:
            return None
        held.append("the request mentions " + ", ".join(f'"{k}"' for k in found))
    if rule.answer_field:
        value = rule.answer_value or ""
        if not _answer_matches(facts.answers, rule.answer_field, value):
            return None
        held.append(f'answer to "{rule.answer_field}" is "{value}"')
    if rule.confidential is not None:
        if facts.confidential != rule.confidential:
            return None
        held.append(
            "the request is " + ("" if facts.confidential else "not ") + "confidential"
        )
    return held


def decide(
    *, rules: Sequence[Rule], facts: CaseFacts, triage_queue_id: int
) -> Decision:
    """Return where the first matching rule sends the case, or triage if none match."""
    for rule in rules:
        held = _matched_conditions(rule, facts)
        if held is None:
            continue
        because = ", ".join(held) if held else "it has no conditions"
        return Decision(
            queue_id=rule.queue_id,
            to_business_partner=rule.to_business_partner,
            rule_id=rule.id,
            rule_name=rule.name,
            mark_confidential=rule.mark_confidential,
            reason=f'Rule "{rule.name}" matched: {because}',
        )
    return Decision(
        queue_id=triage_queue_id,
        to_business_partner=False,
        rule_id=None,
        rule_name="",
        mark_confidential=False,
        reason="No rule matched: sent to triage",
    )
