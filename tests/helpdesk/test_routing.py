"""The routing decision: pure, no database."""

import dataclasses

import pytest

from helpdesk import routing
from helpdesk.routing import CaseFacts, Rule

TRIAGE = 1
HR_QUEUE = 10
PAYROLL_QUEUE = 11
LEGAL_QUEUE = 20


def facts(**changes) -> CaseFacts:
    base = CaseFacts(
        service_area="hr",
        request_type="general-enquiry",
        directorate="service-delivery",
        team="customer-services",
        subject="A question",
        description="Please can someone help.",
        answers={},
        confidential=False,
    )
    return dataclasses.replace(base, **changes)


def rule(rule_id: int = 1, name: str = "Rule", **conditions) -> Rule:
    conditions.setdefault("queue_id", HR_QUEUE)
    return Rule(id=rule_id, name=name, **conditions)


def decide(rules, case_facts) -> routing.Decision:
    return routing.decide(rules=rules, facts=case_facts, triage_queue_id=TRIAGE)


def test_decide_without_rules_sends_to_triage():
    decision = decide([], facts())
    assert decision.queue_id == TRIAGE
    assert decision.rule_id is None
    assert not decision.to_business_partner
    assert not decision.mark_confidential
    assert decision.reason == "No rule matched: sent to triage"


def test_decide_with_no_matching_rule_sends_to_triage():
    decision = decide([rule(service_area="legal")], facts(service_area="hr"))
    assert decision.queue_id == TRIAGE
    assert decision.rule_id is None


def test_decide_first_matching_rule_wins():
    rules = [
        rule(1, "Legal", service_area="legal", queue_id=LEGAL_QUEUE),
        rule(2, "Payroll", service_area="hr", queue_id=PAYROLL_QUEUE),
        rule(3, "All HR", service_area="hr", queue_id=HR_QUEUE),
    ]
    decision = decide(rules, facts(service_area="hr"))
    assert (decision.queue_id, decision.rule_id) == (PAYROLL_QUEUE, 2)
    assert decision.rule_name == "Payroll"


def test_decide_reason_names_the_rule_and_its_conditions():
    grievances = rule(
        7,
        "Grievances to HR business partners",
        service_area="hr",
        request_type="grievance",
        queue_id=None,
        to_business_partner=True,
    )
    decision = decide([grievances], facts(request_type="grievance"))
    assert decision.reason == (
        'Rule "Grievances to HR business partners" matched: '
        "service area is hr, request type is grievance"
    )


def test_decide_rule_without_conditions_matches_everything():
    decision = decide([rule(4, "Catch-all")], facts())
    assert decision.queue_id == HR_QUEUE
    assert decision.reason == 'Rule "Catch-all" matched: it has no conditions'


def test_decide_business_partner_action_leaves_the_queue_to_the_caller():
    partner = rule(queue_id=None, to_business_partner=True)
    decision = decide([partner], facts())
    assert decision.to_business_partner
    assert decision.queue_id is None
    assert decision.rule_id == 1


def test_decide_can_mark_the_case_confidential():
    decision = decide([rule(mark_confidential=True)], facts())
    assert decision.mark_confidential


def test_decide_all_set_conditions_must_hold():
    both = rule(service_area="hr", request_type="grievance")
    assert decide([both], facts(request_type="payslip")).queue_id == TRIAGE
    assert decide([both], facts(request_type="grievance")).queue_id == HR_QUEUE


@pytest.mark.parametrize(
    ("condition", "matching", "other"),
    [
        ({"service_area": "legal"}, {"service_area": "legal"}, {"service_area": "hr"}),
        (
            {"request_type": "payslip"},
            {"request_type": "payslip"},
            {"request_type": "leave"},
        ),
        (
            {"directorates": frozenset({"strategy", "support-services"})},
            {"directorate": "strategy"},
            {"directorate": "service-delivery"},
        ),
        (
            {"directorates": frozenset({"strategy"})},
            {"directorate": "strategy"},
            {"directorate": None},
        ),
        (
            {"teams": frozenset({"finance", "legal"})},
            {"team": "legal"},
            {"team": "hr"},
        ),
        ({"teams": frozenset({"finance"})}, {"team": "finance"}, {"team": None}),
        ({"confidential": True}, {"confidential": True}, {"confidential": False}),
        ({"confidential": False}, {"confidential": False}, {"confidential": True}),
    ],
)
def test_decide_each_condition_type(condition, matching, other):
    only_when = [rule(**condition)]
    assert decide(only_when, facts(**matching)).queue_id == HR_QUEUE
    assert decide(only_when, facts(**other)).queue_id == TRIAGE


def test_decide_unset_confidential_condition_matches_either():
    either = [rule(confidential=None)]
    assert decide(either, facts(confidential=True)).queue_id == HR_QUEUE
    assert decide(either, facts(confidential=False)).queue_id == HR_QUEUE


@pytest.mark.parametrize(
    ("subject", "description"),
    [
        ("Wrong PAY this month", ""),
        ("Question", "My pay, it seems, is short."),
        ("Pay", ""),
        ("", "(pay)"),
        ("Overtime claim", "Not paid for my overtime claim."),
    ],
)
def test_decide_keywords_match_whole_words_in_any_case(subject, description):
    keywords = [rule(keywords=("pay", "overtime claim"))]
    matched = decide(keywords, facts(subject=subject, description=description))
    assert matched.queue_id == HR_QUEUE


@pytest.mark.parametrize(
    ("subject", "description"),
    [
        ("Payment to supplier", "Repayment schedule"),
        ("Paying a visit", "prepay card"),
        ("Overtime", "A claim for mileage"),
    ],
)
def test_decide_keywords_ignore_parts_of_words(subject, description):
    keywords = [rule(keywords=("pay", "overtime claim"))]
    missed = decide(keywords, facts(subject=subject, description=description))
    assert missed.queue_id == TRIAGE


def test_decide_keywords_with_symbols_are_taken_literally():
    keywords = [rule(keywords=("c++", "p.a."))]
    assert decide(keywords, facts(subject="Need C++ compiler")).queue_id == HR_QUEUE
    assert decide(keywords, facts(subject="c compiler")).queue_id == TRIAGE
    assert decide(keywords, facts(subject="pxa request")).queue_id == TRIAGE


def test_decide_reason_lists_the_keywords_found():
    keywords = [rule(name="Pay", keywords=("pay", "salary", "payslip"))]
    decision = decide(keywords, facts(subject="Payslip shows wrong salary"))
    assert decision.reason == (
        'Rule "Pay" matched: the request mentions "salary", "payslip"'
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"reason": "Grievance"}, HR_QUEUE),
        ({"reason": "  grievance "}, HR_QUEUE),
        ({"reason": ["Pay", "GRIEVANCE"]}, HR_QUEUE),
        ({"reason": ("grievance",)}, HR_QUEUE),
        ({"reason": "Pay"}, TRIAGE),
        ({"reason": ["Pay", "Leave"]}, TRIAGE),
        ({"reason": []}, TRIAGE),
        ({"other": "grievance"}, TRIAGE),
        ({}, TRIAGE),
    ],
)
def test_decide_answer_values_including_lists(answers, expected):
    answer_rule = [rule(answer_field="reason", answer_value="grievance")]
    assert decide(answer_rule, facts(answers=answers)).queue_id == expected


def test_decide_answer_values_compare_as_strings():
    numbers = [rule(answer_field="staff_count", answer_value="3")]
    flags = [rule(answer_field="urgent", answer_value="true")]
    assert decide(numbers, facts(answers={"staff_count": 3})).queue_id == HR_QUEUE
    assert decide(flags, facts(answers={"urgent": True})).queue_id == HR_QUEUE
    assert decide(flags, facts(answers={"urgent": False})).queue_id == TRIAGE


def test_decide_reason_describes_every_kind_of_condition():
    everything = rule(
        name="Everything",
        service_area="hr",
        request_type="grievance",
        directorates=frozenset({"strategy"}),
        teams=frozenset({"communications"}),
        keywords=("bullying",),
        answer_field="reason",
        answer_value="conduct",
        confidential=True,
    )
    decision = decide(
        [everything],
        facts(
            request_type="grievance",
            directorate="strategy",
            team="communications",
            description="Bullying by a manager",
            answers={"reason": "Conduct"},
            confidential=True,
        ),
    )
    assert decision.reason == (
        'Rule "Everything" matched: service area is hr, request type is '
        "grievance, requester's directorate is strategy, requester's team is "
        'communications, the request mentions "bullying", answer to "reason" is '
        '"conduct", the request is confidential'
    )


@pytest.mark.parametrize(
    "action", [{"queue_id": None}, {"queue_id": HR_QUEUE, "to_business_partner": True}]
)
def test_rule_needs_exactly_one_action(action):
    with pytest.raises(ValueError, match="either to a queue or to the business"):
        Rule(id=1, name="Broken", **action)
