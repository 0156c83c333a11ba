"""Simultaneous writes on PostgreSQL: one claim wins, references never repeat."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from helpdesk import services
from helpdesk.models import Case, Membership, TimelineEvent
from tests.helpdesk.conftest import MONDAY_10AM, person

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
]

CONTENDERS = 8


def test_case_claim_race_has_exactly_one_winner(desk, make_case):
    agents = [desk.specialist]
    for n in range(CONTENDERS - 1):
        agent = person(f"agent.{n}", "hr")
        Membership.objects.create(team=desk.hr, user=agent)
        agents.append(agent)
    case = make_case()
    barrier = threading.Barrier(CONTENDERS)
    winners, losers, errors = [], [], []

    def claim(agent):
        try:
            copy = Case.objects.get(pk=case.pk)
            barrier.wait(timeout=30)
            services.case_claim(case=copy, agent=agent, now=MONDAY_10AM)
            winners.append(agent)
        except ValidationError as error:
            losers.append(error.message_dict["assignee"][0])
        except Exception as error:  # reported by the assertion below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(a,)) for a in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(winners) == 1
    winner = winners[0]
    assert Case.objects.get(pk=case.pk).assignee == winner
    assert TimelineEvent.objects.filter(case=case, kind="claimed").count() == 1
    expected = f"This case was claimed by {winner.display_name} a moment ago."
    assert losers == [expected] * (CONTENDERS - 1)


def test_case_create_in_parallel_gives_distinct_references(desk):
    barrier = threading.Barrier(CONTENDERS)
    references, errors = [], []

    def create(n):
        try:
            barrier.wait(timeout=30)
            case = services.case_create(
                requester=desk.requester,
                request_type=desk.hr_query,
                subject=f"Question {n}",
                description="Please help.",
                now=MONDAY_10AM,
            )
            references.append(case.reference)
        except Exception as error:  # reported by the assertion below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(CONTENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(references) == [f"HR-{n:06d}" for n in range(1, CONTENDERS + 1)]
