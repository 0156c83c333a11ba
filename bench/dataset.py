"""Build a council-scale dataset quickly with bulk inserts.

`bench.seed` runs it from the command line; tests call `seed` directly.
The demo council comes first, through its own seeder, so every page has the
teams, forms and committees it expects; the bulk data is then added on top of it
with ``bulk_create``. The same random seed and day give the same data.

Knowledge articles are Wagtail pages, inserted in bulk by `bench.articles`;
`seed` checks the tree with treebeard's own ``find_problems`` afterwards.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from helpdesk.committees.models import Committee, Meeting
from helpdesk.models import (
    Case,
    Membership,
    Queue,
    ReferenceCounter,
    RequestType,
    SupportTeam,
    TimelineEvent,
)
from intranet.models import SearchEntry, ServiceArea, Team
from intranet.roles import Role
from intranet.search import registry
from intranet.search.backends import fulltext
from knowledge.models import KnowledgeArticlePage

from . import articles

BATCH = 5_000
# Published, like the demo password: the benchmark database holds no real data.
PASSWORD = "bench-password-1"  # noqa: S105
USERNAME_PREFIX = "bench."
#: The requester whose "My requests" page the benchmark loads.
HEAVY_REQUESTER_CASES = 300
AGENTS_PER_TEAM = 8
RECENT = timedelta(days=30)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(
    "pay leave laptop access invoice contract payroll overtime expenses "
    "pension printer password licence procurement recruitment absence "
    "holiday supplier budget agenda minutes webcast room report policy "
    "grievance training mileage equipment software account refund purchase "
    "order maternity sickness"
)
FIRST_NAMES = _words(
    "Alex Amira Ben Chloe Dan Ella Femi Grace Harry Isla Jack Kiran Leah Mo "
    "Nia Owen Priya Rhys Sara Tom Uma Vic Will Yasmin Zak"
)
LAST_NAMES = _words(
    "Ahmed Baker Clarke Davies Evans Fisher Green Hughes Iqbal Jones Khan "
    "Lewis Morgan Nash Owens Patel Quinn Roberts Smith Taylor Usman Vaughan "
    "Walsh Young"
)


@dataclass(frozen=True)
class Scale:
    staff: int
    cases: int
    events_per_case: int
    articles: int
    meetings: int


FULL = Scale(
    staff=3_000, cases=100_000, events_per_case=5, articles=5_000, meetings=500
)
TINY = Scale(staff=120, cases=200, events_per_case=5, articles=30, meetings=10)


@dataclass(frozen=True)
class BenchPeople:
    """The seeded accounts the load generator signs in as."""

    staff: list[str]
    heavy_requester: str
    specialists: dict[str, list[str]]
    case_managers: list[str]
    support_managers: list[str]


def is_seeded(scale: Scale) -> bool:
    """Return whether the database already holds a dataset of this scale."""
    staff = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
    return (
        Case.objects.count() >= scale.cases
        and staff.count() >= scale.staff
        and KnowledgeArticlePage.objects.count() >= scale.articles
        and Meeting.objects.count() >= scale.meetings
    )


def bench_people() -> BenchPeople:
    """Return the seeded accounts by role, read back from the database."""
    users = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
    specialists: dict[str, list[str]] = {}
    for username, slug in (
        Membership.objects.filter(
            user__username__startswith=USERNAME_PREFIX,
            team__kind=SupportTeam.Kind.SPECIALISTS,
        )
        .order_by("user__username")
        .values_list("user__username", "team__slug")
    ):
        specialists.setdefault(slug, []).append(username)

    def in_group(role: Role) -> list[str]:
        return list(
            users.filter(groups__name=role.value)
            .order_by("username")
            .values_list("username", flat=True)
        )

    return BenchPeople(
        staff=list(
            users.filter(support_memberships__isnull=True, groups__name=Role.STAFF)
            .order_by("username")
            .values_list("username", flat=True)[:500]
        ),
        heavy_requester=f"{USERNAME_PREFIX}requester",
        specialists=specialists,
        case_managers=in_group(Role.CASE_MANAGER),
        support_managers=in_group(Role.SUPPORT_MANAGER),
    )


def seed(
    *,
    scale: Scale,
    now: datetime,
    rng_seed: int = 2026,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Add the demo council and a dataset of ``scale`` to the database.

    Return the seconds each step took. Run it on an empty, migrated database.

    :raises RuntimeError: if the Wagtail page tree is inconsistent afterwards
    """
    from intranet.demo import seed as demo

    rng = random.Random(rng_seed)
    timings: dict[str, float] = {}

    def step(name: str, fn: Callable[[], int]) -> None:
        started = time.perf_counter()
        count = fn()
        timings[name] = time.perf_counter() - started
        log(f"{name:<16} {count:>9,} rows in {timings[name]:6.1f} s")

    # One transaction, so a failed run leaves nothing half-seeded behind.
    with transaction.atomic():
        step("demo council", lambda: _run(demo.demo_seed))
        step("support teams", lambda: _support_teams())
        step("staff", lambda: _staff(scale, rng))
        step("cases", lambda: _cases(scale, rng, now))
        step("timelines", lambda: _timelines(rng))
        step(
            "articles", lambda: articles.articles_seed(scale.articles, rng, now, WORDS)
        )
        step("meetings", lambda: _meetings(scale, now))
        step("search index", lambda: _search_index())
        problems = Page.find_problems()
        if any(problems):
            raise RuntimeError(f"The page tree has problems: {problems}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return timings


def _run(fn: Callable[[], None]) -> int:
    fn()
    return 0


def _support_teams() -> int:
    """Give each service area a specialist team with a queue, as councils set up."""
    created = 0
    for area in ServiceArea.objects.all():
        team, made = SupportTeam.objects.get_or_create(
            kind=SupportTeam.Kind.SPECIALISTS,
            service_area=area,
            defaults={"name": f"{area.name} specialists", "slug": f"{area.slug}-team"},
        )
        if made:
            Queue.objects.create(team=team, name=f"{area.name} specialists")
            created += 1
        if not RequestType.objects.filter(service_area=area).exists():
            RequestType.objects.create(
                name="General enquiry",
                slug=f"{area.slug}-general-enquiry",
                service_area=area,
            )
    return created


def _batched(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _staff(scale: Scale, rng: random.Random) -> int:
    User = get_user_model()
    teams = list(Team.objects.select_related("directorate"))
    password = make_password(PASSWORD)
    managers_count = max(1, scale.staff // 10)
    people = []
    for number in range(scale.staff):
        username = f"{USERNAME_PREFIX}{number:05d}"
        team = rng.choice(teams)
        people.append(
            User(
                username=username,
                email=f"{username}@bench.avonford.gov.uk",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                job_title=rng.choice(["Officer", "Adviser", "Assistant", "Manager"]),
                team=team,
                directorate=team.directorate,
                password=password,
                location="Civic Centre",
            )
        )
    heavy = User(
        username=f"{USERNAME_PREFIX}requester",
        email="requester@bench.avonford.gov.uk",
        first_name="Rachel",
        last_name="Requester",
        team=teams[0],
        directorate=teams[0].directorate,
        password=password,
    )
    created = User.objects.bulk_create([*people, heavy], batch_size=BATCH)
    managers = created[:managers_count]
    for person in created[managers_count:]:
        person.line_manager = rng.choice(managers)
    User.objects.bulk_update(
        created[managers_count:], ["line_manager"], batch_size=BATCH
    )
    _roles(created, managers)
    return len(created)


def _roles(created: list, managers: list) -> None:
    groups = {group.name: group for group in Group.objects.all()}
    through = get_user_model().groups.through
    rows = [
        through(user_id=person.pk, group_id=groups[Role.STAFF.value].pk)
        for person in created
    ]
    rows += [
        through(user_id=person.pk, group_id=groups[Role.LINE_MANAGER.value].pk)
        for person in managers
    ]
    # Agents are taken from the end of the list, away from the line managers.
    agents = iter(reversed(created[:-1]))
    agents_per_team = AGENTS_PER_TEAM if len(created) > 1_000 else 2
    memberships = []
    for team in SupportTeam.objects.filter(kind=SupportTeam.Kind.SPECIALISTS):
        for _ in range(agents_per_team):
            agent = next(agents)
            memberships.append(Membership(team=team, user=agent))
            rows.append(
                through(user_id=agent.pk, group_id=groups[Role.SPECIALIST.value].pk)
            )
    triage = SupportTeam.objects.get(kind=SupportTeam.Kind.CASE_MANAGEMENT)
    for _ in range(4):
        agent = next(agents)
        memberships.append(Membership(team=triage, user=agent))
        rows.append(
            through(user_id=agent.pk, group_id=groups[Role.CASE_MANAGER.value].pk)
        )
    for _ in range(3):
        rows.append(
            through(
                user_id=next(agents).pk,
                group_id=groups[Role.SUPPORT_MANAGER.value].pk,
            )
        )
    Membership.objects.bulk_create(memberships)
    through.objects.bulk_create(rows, batch_size=BATCH)


def _cases(scale: Scale, rng: random.Random, now: datetime) -> int:
    User = get_user_model()
    requesters = list(
        User.objects.filter(username__startswith=USERNAME_PREFIX)
        .exclude(support_memberships__isnull=False)
        .values_list("pk", flat=True)
    )
    heavy = User.objects.get(username=f"{USERNAME_PREFIX}requester").pk
    areas = list(ServiceArea.objects.all())
    types = {
        area.pk: list(RequestType.objects.filter(service_area=area)) for area in areas
    }
    queues = {
        team.service_area_id: team.queue
        for team in SupportTeam.objects.filter(
            kind=SupportTeam.Kind.SPECIALISTS
        ).select_related("queue")
    }
    triage = Queue.objects.get(is_triage=True)
    agents = {
        team_id: list(
            Membership.objects.filter(team_id=team_id).values_list("user_id", flat=True)
        )
        for team_id in {queue.team_id for queue in queues.values()}
    }
    # Carry on from any references the demo council's own cases took.
    numbers = dict.fromkeys((area.pk for area in areas), 0)
    numbers.update(
        ReferenceCounter.objects.values_list("service_area_id", "last_number")
    )
    # Cases older than a month are finished, as a working desk's are; the open
    # ones are recent, so SLA badges show hours and days, not years, overdue.
    historic = _weighted(
        (Case.Status.CLOSED, 78), (Case.Status.RESOLVED, 18), (Case.Status.CANCELLED, 4)
    )
    recent = _weighted(
        (Case.Status.CLOSED, 10),
        (Case.Status.RESOLVED, 20),
        (Case.Status.NEW, 15),
        (Case.Status.OPEN, 35),
        (Case.Status.AWAITING_REQUESTER, 12),
        (Case.Status.ON_HOLD, 8),
    )
    cases = []
    for number in range(scale.cases):
        area = rng.choice(areas)
        numbers[area.pk] += 1
        queue = triage if rng.random() < 0.1 else queues[area.pk]
        age = timedelta(minutes=rng.randint(10, 3 * 365 * 24 * 60))
        status = rng.choices(*(recent if age < RECENT else historic))[0]
        created_at = now - age
        finished = status in (
            Case.Status.CLOSED,
            Case.Status.RESOLVED,
            Case.Status.CANCELLED,
        )
        resolved_at = min(created_at + timedelta(hours=rng.randint(1, 240)), now)
        confidential = rng.random() < 0.05
        team_agents = agents.get(queue.team_id, [])
        words = " ".join(rng.sample(WORDS, 3))
        cases.append(
            Case(
                reference=f"{area.code}-{numbers[area.pk]:06d}",
                requester_id=heavy
                if number < HEAVY_REQUESTER_CASES
                else rng.choice(requesters),
                subject=f"Question about {words}"[:200],
                description=f"Please help with {words}. " * 4,
                request_type=rng.choice(types[area.pk]),
                service_area=area,
                queue=queue,
                assignee_id=rng.choice(team_agents)
                if team_agents and status != Case.Status.NEW
                else None,
                status=status,
                priority=rng.choice(["low", "normal", "normal", "normal", "high"]),
                confidential=confidential,
                access_team_id=queue.team_id if confidential else None,
                first_response_due_at=created_at + timedelta(hours=8),
                resolution_due_at=created_at + timedelta(hours=40),
                sla_warning_due_at=created_at + timedelta(hours=32),
                first_responded_at=created_at + timedelta(hours=rng.randint(1, 16))
                if status != Case.Status.NEW
                else None,
                resolved_at=resolved_at if finished else None,
                closed_at=min(resolved_at + timedelta(days=5), now)
                if status == Case.Status.CLOSED
                else None,
                resolution_summary=f"Answered: {words}." if finished else "",
                created_at=created_at,
                updated_at=resolved_at if finished else created_at,
            )
        )
    Case.objects.bulk_create(cases, batch_size=BATCH)
    for area_id, last in numbers.items():
        ReferenceCounter.objects.update_or_create(
            service_area_id=area_id, defaults={"last_number": last}
        )
    return len(cases)


def _weighted(*pairs) -> tuple[list, list[int]]:
    return [value for value, _ in pairs], [weight for _, weight in pairs]


def _timelines(rng: random.Random) -> int:
    count = 0
    rows = Case.objects.order_by("pk").values_list(
        "pk", "created_at", "assignee_id", "requester_id", "resolved_at"
    )
    events = []
    for case_id, created_at, assignee, requester, resolved_at in rows.iterator(
        chunk_size=BATCH
    ):
        at = created_at
        kinds = [
            (TimelineEvent.Kind.CREATED, requester, True, "Request received."),
            (TimelineEvent.Kind.ROUTED, None, False, "Routed by the rules."),
        ]
        if assignee:
            kinds += [
                (TimelineEvent.Kind.CLAIMED, assignee, False, ""),
                (TimelineEvent.Kind.REPLY, assignee, True, "Thanks, looking at it."),
            ]
        if resolved_at:
            kinds.append(
                (TimelineEvent.Kind.RESOLVED, assignee, True, "Resolved: see above.")
            )
        elif assignee:
            kinds.append(
                (TimelineEvent.Kind.INTERNAL_NOTE, assignee, False, "Checked policy.")
            )
        for kind, actor, public, body in kinds:
            at = resolved_at if kind == TimelineEvent.Kind.RESOLVED else at
            events.append(
                TimelineEvent(
                    case_id=case_id,
                    kind=kind,
                    actor_id=actor,
                    created_at=at,
                    public=public,
                    body=body,
                )
            )
            at += timedelta(minutes=rng.randint(1, 120))
        if len(events) >= BATCH * 4:
            TimelineEvent.objects.bulk_create(events, batch_size=BATCH)
            count += len(events)
            events = []
    TimelineEvent.objects.bulk_create(events, batch_size=BATCH)
    return count + len(events)


def _meetings(scale: Scale, now: datetime) -> int:
    committees = list(Committee.objects.select_related("default_venue", "clerk"))
    day = timezone.localtime(now).replace(hour=18, minute=0, second=0, microsecond=0)
    # Past meetings first, one an evening, so none clash over a room or a clerk.
    day -= timedelta(days=scale.meetings * 7 // 5)
    meetings = []
    for number in range(scale.meetings):
        while (
            day.weekday() >= 5
            or Meeting.objects.filter(start_at__date=day.date()).exists()
        ):
            day += timedelta(days=1)
        committee = committees[number % len(committees)]
        start = day - timedelta(hours=1)
        meetings.append(
            Meeting(
                committee=committee,
                start_at=start,
                end_at=start + timedelta(hours=2),
                venue=committee.default_venue,
                clerk=committee.clerk,
                status=Meeting.Status.HELD if start < now else Meeting.Status.SCHEDULED,
            )
        )
        day += timedelta(days=1)
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    return len(meetings)


def _search_index() -> int:
    """Write every searchable object's entry, as `search_rebuild` would, in bulk."""
    existing = set(SearchEntry.objects.values_list("object_type", "object_id"))
    count = 0
    for document in registry.documents():
        entries = []
        for obj in document.get_queryset().iterator(chunk_size=2_000):
            if (document.object_type, obj.pk) in existing:
                continue
            doc = document.prepare(obj)
            entries.append(
                SearchEntry(
                    object_type=doc.object_type,
                    object_id=doc.object_id,
                    title=doc.title,
                    summary=doc.summary,
                    body=doc.body,
                    url=doc.url,
                    service_area=doc.service_area,
                    topics=list(doc.topics),
                    facets={"service_area": doc.service_area_name},
                    scope=doc.scope,
                    updated_at=doc.updated_at,
                )
            )
        for batch in _batched(entries):
            created = SearchEntry.objects.bulk_create(batch)
            fulltext.engine().write([entry.pk for entry in created])
        count += len(entries)
    return count
