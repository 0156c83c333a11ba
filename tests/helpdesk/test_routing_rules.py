"""Routing rules as stored: validation, conversion and the rules in force."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from helpdesk import routing
from helpdesk.models import RoutingRule
from helpdesk.routing_rules import routing_rules_active
from tests.helpdesk.factories import QueueFactory, RequestTypeFactory
from tests.intranet.factories import directorate, service_area, team

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return QueueFactory(name="HR specialists queue")


def facts(**changes) -> routing.CaseFacts:
    fields = {
        "service_area": "hr",
        "request_type": "pay-query",
        "directorate": "strategy",
        "team": "communications",
        "subject": "Payslip",
        "description": "Wrong amount",
        "answers": {},
        "confidential": False,
    }
    return routing.CaseFacts(**{**fields, **changes})


def test_to_rule_carries_every_condition_and_action(queue):
    grievance = RequestTypeFactory(name="Grievance", slug="grievance")
    stored = RoutingRule.objects.create(
        name="Grievances",
        service_area=service_area("hr"),
        request_type=grievance,
        keywords=" bullying, ,harassment ",
        answer_field="reason",
        answer_value="Conduct",
        confidential=RoutingRule.Confidentiality.YES,
        queue=queue,
        mark_confidential=True,
    )
    stored.directorates.set([directorate("strategy")])
    stored.teams.set([team("communications"), team("policy-and-performance")])

    assert stored.to_rule() == routing.Rule(
        id=stored.pk,
        name="Grievances",
        service_area="hr",
        request_type="grievance",
        directorates=frozenset({"strategy"}),
        teams=frozenset({"communications", "policy-and-performance"}),
        keywords=("bullying", "harassment"),
        answer_field="reason",
        answer_value="Conduct",
        confidential=True,
        queue_id=queue.pk,
        to_business_partner=False,
        mark_confidential=True,
    )


def test_to_rule_leaves_unset_conditions_empty():
    stored = RoutingRule.objects.create(name="Partners", to_business_partner=True)
    rule = stored.to_rule()
    assert rule.service_area is None
    assert rule.request_type is None
    assert rule.directorates == rule.teams == frozenset()
    assert rule.keywords == ()
    assert rule.answer_field is None
    assert rule.confidential is None
    assert rule.to_business_partner
    assert rule.queue_id is None


def test_to_rule_confidential_no_means_only_open_requests(queue):
    stored = RoutingRule.objects.create(
        name="Open only", confidential=RoutingRule.Confidentiality.NO, queue=queue
    )
    assert stored.to_rule().confidential is False


def test_routing_rules_active_skips_disabled_rules_and_keeps_order(queue):
    other_queue = QueueFactory(name="Payroll queue")
    RoutingRule.objects.create(name="Apple", position=30, queue=queue)
    RoutingRule.objects.create(
        name="Disabled", position=5, queue=other_queue, enabled=False
    )
    RoutingRule.objects.create(name="Mango", position=10, queue=other_queue)
    RoutingRule.objects.create(name="Zebra", position=20, to_business_partner=True)

    rules = routing_rules_active()

    assert [rule.name for rule in rules] == ["Mango", "Zebra", "Apple"]
    decision = routing.decide(rules=rules, facts=facts(), triage_queue_id=0)
    assert decision.rule_name == "Mango"
    assert decision.queue_id == other_queue.pk


def test_routing_rules_active_a_disabled_rule_never_routes(queue):
    RoutingRule.objects.create(
        name="Payslips", service_area=service_area("hr"), queue=queue, enabled=False
    )
    decision = routing.decide(
        rules=routing_rules_active(), facts=facts(), triage_queue_id=99
    )
    assert decision.queue_id == 99
    assert decision.reason == "No rule matched: sent to triage"


def test_routing_rules_active_reads_many_rules_in_few_queries(
    queue, django_assert_max_num_queries
):
    for position in range(20):
        stored = RoutingRule.objects.create(
            name=f"Rule {position}",
            position=position,
            service_area=service_area("hr"),
            request_type=RequestTypeFactory(),
            queue=queue,
        )
        stored.directorates.set([directorate("strategy")])
        stored.teams.set([team("hr")])
    with django_assert_max_num_queries(3):
        assert len(routing_rules_active()) == 20


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "queue", "Choose a queue, or tick"),
        (
            {"to_business_partner": True, "with_queue": True},
            "to_business_partner",
            "not both",
        ),
        (
            {"answer_field": "reason", "with_queue": True},
            "answer_value",
            "Give the answer the field must have.",
        ),
        (
            {"answer_value": "Conduct", "with_queue": True},
            "answer_field",
            "Give the name of the field to check.",
        ),
        (
            {"keywords": " , ,", "with_queue": True},
            "keywords",
            "Give at least one word",
        ),
    ],
)
def test_routing_rule_clean_refuses_incomplete_rules(queue, fields, field, message):
    fields = dict(fields)
    if fields.pop("with_queue", False):
        fields["queue"] = queue
    rule = RoutingRule(name="Broken", **fields)
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_routing_rule_clean_refuses_a_request_type_from_another_area(queue):
    invoice = RequestTypeFactory(name="Invoice", service_area=service_area("finance"))
    rule = RoutingRule(
        name="Mixed", service_area=service_area("hr"), request_type=invoice, queue=queue
    )
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert error.value.message_dict["request_type"] == [
        "“Invoice” belongs to Finance, not HR."
    ]


def test_routing_rule_database_refuses_both_actions(queue):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoutingRule.objects.create(name="Both", queue=queue, to_business_partner=True)
    assert not RoutingRule.objects.exists()
