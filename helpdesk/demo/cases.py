"""Play the sample case stories through the case services, backdated from `now`.

Every case is created and worked through the same services the screens use,
so its timeline, SLA clock and routing are exactly what the product would
record. Each story is keyed by ``answers["demo_key"]``, so a second run skips
the stories already told.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Max

from helpdesk import notifications, services, sla
from helpdesk.models import Case, Queue, RequestType
from helpdesk.services import satisfaction, sla_clock
from intranet.models import OutboxMessage

from .case_steps import REQUESTER, Step, Story
from .stories import STORIES

DEMO_KEY = "demo_key"


@dataclass(frozen=True)
class Scene:
    """Everything one step acts on."""

    case: Case
    actor: object
    people: dict
    cases: dict[str, Case]
    now: datetime


def demo_cases_seed(*, now: datetime, stories: Sequence[Story] = STORIES) -> int:
    """Create the sample cases not yet there and return how many were created.

    Once any are created, the SLA sweep and the auto-close run as the scheduler
    would, and the emails the backdated history queued are marked as sent:
    nobody should be mailed about weeks-old events when the demo starts.
    """
    cases = demo_cases_existing()
    people = get_user_model().objects.in_bulk(
        {name for story in stories for name in story.people()}, field_name="username"
    )
    # Oldest first, so references count up in the order requests arrived. A
    # story whose people are not all there (a trimmed staff list) is left out.
    missing = sorted(
        (
            story
            for story in stories
            if story.key not in cases and story.people() <= people.keys()
        ),
        key=lambda story: -story.hours_ago,
    )
    if not missing:
        return 0
    last_message = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
    for story in missing:
        cases[story.key] = _tell(story, people=people, cases=cases, now=now)
    services.case_sla_check(now=now)
    services.case_close_resolved(now=now)
    OutboxMessage.objects.filter(
        pk__gt=last_message, topic=notifications.TOPIC, delivered_at__isnull=True
    ).update(delivered_at=now)
    return len(missing)


def demo_cases_existing() -> dict[str, Case]:
    """Return the sample cases already created, by their story's key."""
    cases = Case.objects.filter(answers__has_key=DEMO_KEY)
    return {case.answers[DEMO_KEY]: case for case in cases}


def _tell(story: Story, *, people: dict, cases: dict[str, Case], now: datetime):
    request_type = RequestType.objects.select_related("service_area", "sla_policy").get(
        slug=story.request_type
    )
    calendar = sla_clock.calendar_for(request_type)
    # Counting back in working hours keeps every event inside office hours and
    # gives the same SLA picture whatever day the demo is loaded.
    moment = sla.deadline(start=now, hours=-story.hours_ago, calendar=calendar)
    requester = people[story.requester]
    case = services.case_create(
        requester=requester,
        raised_by=people.get(story.raised_by),
        request_type=request_type,
        subject=story.subject,
        description=story.description,
        answers={**story.answers, DEMO_KEY: story.key},
        now=moment,
    )
    for step in story.steps:
        moment = sla.deadline(start=moment, hours=step.after, calendar=calendar)
        actor = requester if step.actor == REQUESTER else people[step.actor]
        ACTIONS[step.action](
            step, Scene(case=case, actor=actor, people=people, cases=cases, now=moment)
        )
    return case


def _claim(step: Step, scene: Scene) -> None:
    services.case_claim(case=scene.case, agent=scene.actor, now=scene.now)


def _assign(step: Step, scene: Scene) -> None:
    services.case_assign(
        case=scene.case,
        agent=scene.actor,
        assignee=scene.people[step.target],
        now=scene.now,
    )


def _reply(step: Step, scene: Scene) -> None:
    services.case_reply(
        case=scene.case, author=scene.actor, body=step.text, now=scene.now
    )


def _note(step: Step, scene: Scene) -> None:
    services.case_note(
        case=scene.case, author=scene.actor, body=step.text, now=scene.now
    )


def _status(step: Step, scene: Scene) -> None:
    services.case_change_status(
        case=scene.case, agent=scene.actor, status=step.target, now=scene.now
    )


def _transfer(step: Step, scene: Scene) -> None:
    services.case_transfer(
        case=scene.case,
        agent=scene.actor,
        queue=Queue.objects.get(team__slug=step.target),
        reason=step.text,
        now=scene.now,
    )


def _resolve(step: Step, scene: Scene) -> None:
    services.case_resolve(
        case=scene.case, agent=scene.actor, summary=step.text, now=scene.now
    )


def _rate(step: Step, scene: Scene) -> None:
    satisfaction.case_rate(
        case=scene.case,
        requester=scene.actor,
        rating=step.rating,
        comment=step.text,
        now=scene.now,
    )


def _reopen(step: Step, scene: Scene) -> None:
    services.case_reopen(
        case=scene.case, requester=scene.actor, reason=step.text, now=scene.now
    )


def _cancel(step: Step, scene: Scene) -> None:
    services.case_cancel(case=scene.case, requester=scene.actor, now=scene.now)


def _merge(step: Step, scene: Scene) -> None:
    services.case_merge(
        source=scene.case,
        target=scene.cases[step.target],
        agent=scene.actor,
        now=scene.now,
    )


def _link(step: Step, scene: Scene) -> None:
    services.case_link(
        case=scene.case,
        other=scene.cases[step.target],
        agent=scene.actor,
        now=scene.now,
    )


ACTIONS: dict[str, Callable[[Step, Scene], None]] = {
    "claim": _claim,
    "assign": _assign,
    "reply": _reply,
    "note": _note,
    "status": _status,
    "transfer": _transfer,
    "resolve": _resolve,
    "rate": _rate,
    "reopen": _reopen,
    "cancel": _cancel,
    "merge": _merge,
    "link": _link,
}
