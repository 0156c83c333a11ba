"""The endpoints the benchmark loads, who loads them, and the targets they must meet.

Each scenario reads what it needs from the seeded database once, then hands the
load generator one request at a time. Sessions are created directly in the
session store, as signing in through the form would, so every request is made
by a real account with its real roles.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote_plus

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from bench import dataset
from bench.load import Call
from forms import validation
from forms.fields import FieldType
from forms.models import Outcome, RequestFormPage
from helpdesk.models import Case, Queue

SIMPLE_ANSWERS = {
    FieldType.SHORT_TEXT: "Bench answer",
    FieldType.PARAGRAPH: "A longer answer written for the benchmark.",
    FieldType.EMAIL: "someone@avonford.gov.uk",
    FieldType.NUMBER: "3",
    FieldType.YES_NO: "no",
}
SEARCH_TERMS = ["payroll", "laptop access", "invoice", "sickness", "room", "pension"]
PREFIXES = ["pa", "lap", "inv", "sic", "pol", "tra", "rec", "mat"]


@dataclass(frozen=True)
class Scenario:
    """One row of the results table."""

    name: str
    #: The p95 target in milliseconds, or None where the issue sets none.
    target_ms: int | None
    calls: Callable[[int, int], Call] | None
    concurrency: int | None = None
    note: str = ""
    #: Served by a Wagtail page rather than a URL pattern of its own.
    page_tree: bool = False
    #: The only status that counts as success, when any other would be a failure.
    expect_status: int | None = None
    #: Mean pause of each client between its requests (0: none).
    pause_seconds: float = 0.0


class Sessions:
    """Signed-in session keys, one per username, made once."""

    def __init__(self):
        self._keys: dict[str, str] = {}

    def __call__(self, username: str) -> str:
        if username not in self._keys:
            client = Client()
            client.force_login(get_user_model().objects.get(username=username))
            self._keys[username] = client.cookies["sessionid"].value
        return self._keys[username]


def resolves(path: str) -> bool:
    """Return whether a path is served by something other than the page tree."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return False
    return match.url_name != "wagtail_serve"


def build(
    *, rng_seed: int = 7, submitters: int = 50, think_seconds: float = 2.0
) -> list[Scenario]:
    """Return the scenarios in table order, marking any not available yet."""
    rng = random.Random(rng_seed)
    people = dataset.bench_people()
    sessions = Sessions()
    staff = [sessions(name) for name in people.staff[:40]]
    team_slug, agents = max(people.specialists.items(), key=lambda item: item[0])
    agent_sessions = [sessions(name) for name in agents]

    def pick(items: list):
        return items[rng.randrange(len(items))]

    def get(path_fn: Callable[[], str], who: list[str]) -> Callable[[int, int], Call]:
        return lambda thread, n: Call("GET", path_fn(), pick(who))

    queue = Queue.objects.select_related("team").get(team__slug=team_slug)
    references = list(
        Case.objects.filter(queue=queue, confidential=False)
        .order_by("?")
        .values_list("reference", flat=True)[:500]
    )
    requester = [sessions(people.heavy_requester)]
    managers = [sessions(name) for name in people.support_managers]
    scenarios = [
        Scenario("home", None, get(lambda: "/", staff), page_tree=True),
        Scenario(
            "queue view",
            100,
            get(lambda: reverse("queues:queue", args=[team_slug]), agent_sessions),
        ),
        Scenario(
            "case page",
            100,
            get(
                lambda: reverse("helpdesk:case", args=[pick(references)]),
                agent_sessions,
            ),
        ),
        Scenario(
            "my requests", 100, get(lambda: reverse("helpdesk:requests"), requester)
        ),
        Scenario(
            "search",
            150,
            get(lambda: f"/search/?q={quote_plus(pick(SEARCH_TERMS))}", agent_sessions),
            note="as a specialist, so cases are searched too",
        ),
        Scenario(
            "suggestions",
            50,
            get(lambda: f"/search/suggest?q={pick(PREFIXES)}", agent_sessions),
        ),
        *_submissions(people, sessions, submitters, think_seconds),
        Scenario("reports dashboard", 300, get(lambda: "/reports/", managers)),
        Scenario("API case list", None, get(lambda: "/api/v1/cases/", agent_sessions)),
    ]
    return [_if_available(scenario) for scenario in scenarios]


def _if_available(scenario: Scenario) -> Scenario:
    if scenario.calls is None or scenario.page_tree:
        return scenario
    try:
        available = resolves(scenario.calls(0, 0).path)
    except NoReverseMatch:
        available = False
    if available:
        return scenario
    return Scenario(scenario.name, scenario.target_ms, None, note="not available yet")


def submission_form() -> tuple[RequestFormPage, dict[str, str]] | None:
    """Return a live case-opening form whose questions the benchmark can answer."""
    pages = (
        RequestFormPage.objects.live()
        .filter(outcome=Outcome.CASE, request_type__confidential=False)
        .order_by("pk")
    )
    for page in pages:
        answers = {}
        for question in page.form_fields.all():
            if question.condition_field:
                continue
            name = question.clean_name
            if question.field_type in SIMPLE_ANSWERS:
                answers[name] = SIMPLE_ANSWERS[question.field_type]
            elif question.field_type in (FieldType.CHOICE, FieldType.MULTIPLE_CHOICE):
                answers[name] = question.choices.splitlines()[0].strip()
            elif question.required:
                break
        else:
            return page, answers
    return None


def _submissions(
    people, sessions: Sessions, submitters: int, think_seconds: float
) -> list[Scenario]:
    """The submission target, with people pausing between submissions, and a burst.

    The burst (nobody pauses) has no target: with every submitter sending again
    the moment an answer arrives, its latency is time spent queueing for a
    worker, and it shows the throughput and that nothing is lost under it.
    """
    found = submission_form()
    if found is None:
        return [Scenario("form submission", 250, None, note="not available yet")]
    page, answers = found
    who = [sessions(name) for name in people.staff[:submitters]]

    def call(thread: int, n: int) -> Call:
        form = {
            **answers,
            # Asked only of line managers; everyone else's form ignores it.
            "request_for": validation.MYSELF,
            "subject": f"Benchmark request {thread}-{n}",
            "submission_key": str(uuid.uuid4()),
        }
        return Call("POST", page.url, who[thread % len(who)], form=form)

    paced = Scenario(
        "form submission",
        250,
        call,
        concurrency=submitters,
        page_tree=True,
        expect_status=302,
        pause_seconds=think_seconds,
        note=f"{submitters} concurrent submitters to “{page.title}”, each pausing "
        f"{think_seconds:g} s on average between submissions",
    )
    burst = Scenario(
        "submission burst",
        None,
        call,
        concurrency=submitters,
        page_tree=True,
        expect_status=302,
        note=f"{submitters} submitters sending again at once: throughput, no losses",
    )
    return [paced, burst]
