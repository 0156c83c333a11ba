"""Load the helpdesk's demo content with the rest of the demo council.

Registered with a low order so it runs before the request forms' demo, which
then finds these teams, queues and request types instead of making its own.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from wagtail import hooks

from helpdesk.models import SLAPolicy
from intranet.demo.seed import DEMO_SEED_HOOK

from . import canned, catalogue, mailboxes, rules, teams
from .cases import demo_cases_seed

SEED_ORDER = -50


def demo_helpdesk_seed(*, now: datetime) -> None:
    """Create whatever helpdesk demo content is missing; a second run adds nothing."""
    by_slug = teams.demo_teams_seed()
    calendar = catalogue.demo_calendar_seed()
    first_time = not SLAPolicy.objects.filter(name=catalogue.STANDARD_POLICY).exists()
    policies = catalogue.demo_policies_seed(calendar)
    if first_time:
        catalogue.demo_policies_fill(policies[catalogue.STANDARD_POLICY])
    request_types = catalogue.demo_request_types_seed(policies=policies, teams=by_slug)
    rules.demo_rules_seed()
    canned.demo_canned_responses_seed(teams=by_slug)
    mailboxes.demo_mailboxes_seed(request_types=request_types)
    demo_cases_seed(now=now)


@hooks.register(DEMO_SEED_HOOK, order=SEED_ORDER)
def seed_helpdesk() -> None:
    demo_helpdesk_seed(now=timezone.now())
