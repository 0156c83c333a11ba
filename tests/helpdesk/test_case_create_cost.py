"""Opening a case costs the same number of queries however large the queue's team.

Each case mails its requester and everyone in the queue's team; at council
scale a team has a dozen people and a busy form opens a case a second, so a
query per recipient would make form submissions queue behind the worker.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from helpdesk.models import Membership
from intranet.models import OutboxMessage
from tests.helpdesk.conftest import person


def create_queries(make_case) -> tuple[int, int]:
    """Return the queries and outbox messages of opening one HR case."""
    before = OutboxMessage.objects.count()
    with CaptureQueriesContext(connection) as queries:
        make_case()
    return len(queries), OutboxMessage.objects.count() - before


def test_opening_a_case_costs_the_same_queries_for_a_large_team(desk, make_case):
    make_case()
    small_queries, small_messages = create_queries(make_case)
    for number in range(12):
        Membership.objects.create(team=desk.hr, user=person(f"hr.person{number}", "hr"))
    large_queries, large_messages = create_queries(make_case)

    assert large_messages == small_messages + 12
    assert large_queries == small_queries
