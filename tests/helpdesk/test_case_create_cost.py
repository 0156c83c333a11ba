"""Opening a case, and mailing its queue's team, cost the same whatever the team's size.

Each case mails its requester and everyone in the queue's team; at council
scale a team has a dozen people and a busy form opens a case a second, so a
query per recipient would make form submissions queue behind the worker.
"""

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from helpdesk.models import Membership
from intranet import outbox
from intranet.models import OutboxMessage
from tests.helpdesk.conftest import person

#: Claim, read and mark delivered: the outbox's own bookkeeping per message.
OUTBOX_QUERIES_PER_MESSAGE = 3


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


def delivery_queries(desk, make_case) -> tuple[int, int]:
    """Return the queries and emails of delivering one new case's team emails."""
    make_case()
    team_emails = OutboxMessage.objects.filter(
        payload__template="case_new_in_queue", delivered_at__isnull=True
    ).values_list("pk", flat=True)
    ids = list(team_emails)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        outbox.deliver_many(ids)
    return len(queries), len(mail.outbox)


def test_a_teams_emails_read_the_case_once_however_large_the_team(desk, make_case):
    small_queries, small_emails = delivery_queries(desk, make_case)
    for number in range(12):
        Membership.objects.create(team=desk.hr, user=person(f"hr.person{number}", "hr"))
    large_queries, large_emails = delivery_queries(desk, make_case)

    assert large_emails == small_emails + 12
    # Claiming, reading and marking each message; nothing else per recipient.
    assert large_queries - small_queries == 12 * OUTBOX_QUERIES_PER_MESSAGE
