"""Avonford's routing rules, tried in order; anything they miss goes to triage."""

from __future__ import annotations

from dataclasses import dataclass

from helpdesk.models import Queue, RequestType, RoutingRule
from intranet.models import Directorate, ServiceArea

Confidentiality = RoutingRule.Confidentiality


@dataclass(frozen=True)
class RuleSpec:
    name: str
    position: int
    area: str | None = None
    request_type: str | None = None
    directorates: tuple[str, ...] = ()
    keywords: str = ""
    confidential: str = Confidentiality.ANY
    team: str | None = None
    mark_confidential: bool = False

    @property
    def to_business_partner(self) -> bool:
        return self.team is None


GENERAL_ENQUIRY_AREAS = (
    ("hr", "HR"),
    ("legal", "Legal"),
    ("finance", "Finance"),
    ("digital", "Digital & Design"),
    ("pa-support", "PA Support"),
)

RULES = (
    # The request forms look this rule up by name, so keep it word for word.
    RuleSpec(
        "Grievances to the HR business partner",
        0,
        request_type="hr-grievance",
        mark_confidential=True,
    ),
    RuleSpec(
        "Confidential HR requests to the HR business partner",
        10,
        area="hr",
        directorates=("strategy", "service-delivery"),
        confidential=Confidentiality.YES,
    ),
    RuleSpec(
        "Pay and payslip questions to HR specialists",
        20,
        area="hr",
        keywords="payroll, payslip, overtime, pay, pension",
        team="hr-specialists",
    ),
    RuleSpec(
        "Budget questions to the finance business partner",
        30,
        area="finance",
        keywords="budget monitoring, budget setting, savings proposal, forecast",
    ),
    *(
        RuleSpec(
            f"{label} general enquiries to triage",
            40 + index,
            request_type=f"{area}-general-enquiry",
            team="case-management",
        )
        for index, (area, label) in enumerate(GENERAL_ENQUIRY_AREAS)
    ),
    RuleSpec("HR requests to HR specialists", 50, area="hr", team="hr-specialists"),
    RuleSpec("Legal requests to Legal", 51, area="legal", team="legal"),
    RuleSpec("Finance requests to Finance", 52, area="finance", team="finance"),
    RuleSpec(
        "Digital requests to the service desk",
        53,
        area="digital",
        team="digital-service-desk",
    ),
    RuleSpec(
        "PA Support requests to PA Support", 54, area="pa-support", team="pa-support"
    ),
)


def demo_rules_seed() -> int:
    """Create the routing rules that are missing, matched by name; return how many.

    Democratic Services requests have no rule on purpose: they fall through to
    triage, which knows the committee calendar.
    """
    queues = {queue.team.slug: queue for queue in Queue.objects.select_related("team")}
    created = 0
    for spec in RULES:
        if RoutingRule.objects.filter(name=spec.name).exists():
            continue
        queue = None if spec.to_business_partner else _queue(spec, queues)
        rule = RoutingRule(
            name=spec.name,
            position=spec.position,
            service_area=(
                ServiceArea.objects.get(slug=spec.area) if spec.area else None
            ),
            request_type=(
                RequestType.objects.get(slug=spec.request_type)
                if spec.request_type
                else None
            ),
            keywords=spec.keywords,
            confidential=spec.confidential,
            queue=queue,
            to_business_partner=spec.to_business_partner,
            mark_confidential=spec.mark_confidential,
        )
        rule.full_clean()
        rule.save()
        if spec.directorates:
            rule.directorates.set(
                Directorate.objects.filter(slug__in=spec.directorates)
            )
        created += 1
    return created


def _queue(spec: RuleSpec, queues: dict[str, Queue]) -> Queue:
    if spec.team == "case-management":
        return Queue.objects.get(is_triage=True)
    return queues[spec.team]
