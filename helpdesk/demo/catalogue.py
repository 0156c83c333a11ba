"""What Avonford's staff can ask for: working hours, SLA policies, request types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils.text import slugify

from helpdesk import sla
from helpdesk.models import (
    BusinessCalendar,
    ClosureDay,
    Priority,
    RequestType,
    SLAPolicy,
    SLATarget,
    SupportTeam,
)
from intranet.models import ServiceArea

CALENDAR_NAME = "Council working hours"
SHUTDOWN_YEAR = 2026
STANDARD_POLICY = "Standard"

# name, description, {priority: (first response hours, resolution hours)}
POLICIES = {
    STANDARD_POLICY: (
        "Most requests to Support Services.",
        {
            Priority.URGENT: ("2", "8"),
            Priority.HIGH: ("4", "16"),
            Priority.NORMAL: ("8", "40"),
            Priority.LOW: ("16", "80"),
        },
    ),
    "Service desk": (
        "IT faults and access: people cannot work until they are fixed.",
        {
            Priority.URGENT: ("1", "4"),
            Priority.HIGH: ("2", "8"),
            Priority.NORMAL: ("4", "24"),
            Priority.LOW: ("8", "40"),
        },
    ),
    "Legal": (
        "Legal advice, contracts and information rights.",
        {
            Priority.URGENT: ("4", "16"),
            Priority.HIGH: ("8", "40"),
            Priority.NORMAL: ("16", "80"),
            Priority.LOW: ("24", "160"),
        },
    ),
    "Employee relations": (
        "Grievances and sensitive people matters handled by business partners.",
        {
            Priority.URGENT: ("4", "16"),
            Priority.HIGH: ("8", "40"),
            Priority.NORMAL: ("16", "80"),
            Priority.LOW: ("16", "120"),
        },
    ),
}


@dataclass(frozen=True)
class TypeSpec:
    area: str
    name: str
    description: str
    policy: str = STANDARD_POLICY
    priority: str = Priority.NORMAL
    confidential_to: str = ""

    @property
    def slug(self) -> str:
        # The same slug the request forms look for, so they reuse these types.
        return f"{self.area}-{slugify(self.name)}"


GENERAL_ENQUIRY = "General enquiry"

REQUEST_TYPES = (
    *(
        TypeSpec(area, GENERAL_ENQUIRY, "A question that fits no other request.")
        for area in (
            "hr",
            "legal",
            "finance",
            "digital",
            "pa-support",
            "democratic-services",
        )
    ),
    TypeSpec("hr", "Pay query", "Pay, overtime, allowances and deductions."),
    TypeSpec("hr", "Personal details", "Address, name, bank and emergency contacts."),
    TypeSpec("hr", "Flexible working", "A request to change working pattern."),
    TypeSpec("hr", "Sickness absence", "Fit notes and returning to work."),
    TypeSpec("hr", "Recruitment", "Approval and advertising of a post."),
    TypeSpec(
        "hr",
        "Grievance",
        "A formal complaint about how you have been treated at work.",
        policy="Employee relations",
        priority=Priority.HIGH,
        confidential_to="hr-business-partners",
    ),
    TypeSpec(
        "hr",
        "Disciplinary or capability advice",
        "Advice for managers on conduct, capability and attendance cases.",
        policy="Employee relations",
        confidential_to="hr-business-partners",
    ),
    TypeSpec("legal", "Contract review", "Check, sign and seal contracts.", "Legal"),
    TypeSpec("legal", "Legal advice", "Advice on a legal question.", "Legal"),
    TypeSpec(
        "legal",
        "Information requests",
        "Freedom of information and subject access requests.",
        "Legal",
        Priority.HIGH,
    ),
    TypeSpec("finance", "New supplier", "Set up a supplier so it can be paid."),
    TypeSpec("finance", "Purchase order", "Raise an order before committing spend."),
    TypeSpec("finance", "Expense claim", "Mileage, travel and other expenses."),
    TypeSpec("finance", "Invoice query", "An invoice paid late, twice or wrongly."),
    TypeSpec(
        "digital",
        "IT fault",
        "Something is broken or not working.",
        "Service desk",
        Priority.HIGH,
    ),
    TypeSpec(
        "digital", "New starter kit", "Laptop, phone and accounts.", "Service desk"
    ),
    TypeSpec("digital", "System access", "Access to a council system.", "Service desk"),
    TypeSpec("digital", "Website change", "Change a page on avonford.gov.uk."),
    TypeSpec("digital", "Design request", "Posters, leaflets and graphics."),
    TypeSpec("pa-support", "Diary support", "Manage a diary or arrange meetings."),
    TypeSpec("pa-support", "Meeting room booking", "Rooms and equipment."),
)


def shutdown_dates(year: int = SHUTDOWN_YEAR) -> list[date]:
    """Return the working days between Christmas and New Year that are not bank
    holidays: the days the Christmas shutdown closes."""
    bank_holidays = sla.england_and_wales_bank_holidays([year])
    days = (date(year, 12, 27) + timedelta(days=n) for n in range(5))
    return [day for day in days if day.weekday() < 5 and day not in bank_holidays]


def demo_calendar_seed() -> BusinessCalendar:
    """Return the council's working hours, creating them with the shutdown."""
    calendar = BusinessCalendar.objects.filter(name=CALENDAR_NAME).first()
    if calendar is not None:
        return calendar
    calendar = BusinessCalendar(name=CALENDAR_NAME, friday_closes=time(16, 30))
    calendar.full_clean()
    calendar.save()
    for day in shutdown_dates():
        ClosureDay.objects.create(
            calendar=calendar, date=day, reason="Christmas shutdown"
        )
    return calendar


def demo_policies_seed(calendar: BusinessCalendar) -> dict[str, SLAPolicy]:
    """Return the SLA policies by name, creating missing ones with their targets."""
    policies = {}
    for name, (description, targets) in POLICIES.items():
        policy, created = SLAPolicy.objects.get_or_create(
            name=name, defaults={"description": description, "calendar": calendar}
        )
        if created:
            for priority, (respond, resolve) in targets.items():
                target = SLATarget(
                    policy=policy,
                    priority=priority,
                    first_response_hours=Decimal(respond),
                    resolution_hours=Decimal(resolve),
                )
                target.full_clean()
                target.save()
        policies[name] = policy
    return policies


def demo_request_types_seed(
    *, policies: dict[str, SLAPolicy], teams: dict[str, SupportTeam]
) -> dict[str, RequestType]:
    """Return request types by slug, creating the missing ones.

    Types that already exist, found by slug or by name in their area, keep
    their settings.
    """
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    types = {}
    for spec in REQUEST_TYPES:
        area = areas[spec.area]
        found = (
            RequestType.objects.filter(slug=spec.slug).first()
            or RequestType.objects.filter(service_area=area, name=spec.name).first()
        )
        if found is None:
            found = RequestType(
                slug=spec.slug,
                name=spec.name,
                service_area=area,
                description=spec.description,
                default_priority=spec.priority,
                sla_policy=policies[spec.policy],
                confidential=bool(spec.confidential_to),
                access_team=teams.get(spec.confidential_to),
            )
            found.full_clean()
            found.save()
        types[spec.slug] = found
    return types


def demo_policies_fill(policy: SLAPolicy) -> int:
    """Give request types without an SLA policy, such as those committee support
    books, the policy; return how many changed."""
    return RequestType.objects.filter(sla_policy__isnull=True).update(sla_policy=policy)
