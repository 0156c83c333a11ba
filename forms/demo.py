"""Demo request forms for Avonford, one set per service area; safe to run again."""

from __future__ import annotations

from django.utils.text import slugify

from forms.models import Outcome, RequestFormField, RequestFormPage
from helpdesk.models import Queue, RequestType, RoutingRule, SupportTeam
from intranet.models import Directorate, ServiceArea, ServiceAreaPage

Kind = SupportTeam.Kind

# (label, type, extra) — extra may hold required, choices, help_text, and
# "when": (earlier question's label, answer) for a conditional question.
FORMS = [
    {
        "area": "hr",
        "title": "Change of personal details",
        "type": "Personal details",
        "questions": [
            (
                "What has changed?",
                "checkboxes",
                {"choices": "Address\nName\nBank details\nEmergency contact"},
            ),
            (
                "Your new address",
                "multiline",
                {"when": ("What has changed?", "Address")},
            ),
            ("Your new name", "singleline", {"when": ("What has changed?", "Name")}),
            (
                "Proof of your change of name",
                "file",
                {
                    "required": False,
                    "when": ("What has changed?", "Name"),
                    "help_text": "A marriage certificate or deed poll.",
                },
            ),
            ("Date the change takes effect", "date", {}),
        ],
    },
    {
        "area": "hr",
        "title": "Flexible working request",
        "type": "Flexible working",
        "outcome": Outcome.APPROVAL,
        "questions": [
            (
                "The working pattern you would like",
                "multiline",
                {"help_text": "Days, hours and where you would work."},
            ),
            ("Date you would like it to start", "date", {}),
            ("Have you made a request in the last 12 months?", "yesno", {}),
        ],
    },
    {
        "area": "hr",
        "title": "Sickness absence report",
        "type": "Sickness absence",
        "questions": [
            ("First day of absence", "date", {}),
            ("Do you know when you will be back?", "yesno", {}),
            (
                "Expected return date",
                "date",
                {"when": ("Do you know when you will be back?", "Yes")},
            ),
            ("Fit note", "file", {"required": False}),
        ],
    },
    {
        "area": "hr",
        "title": "Recruitment approval",
        "type": "Recruitment",
        "outcome": Outcome.APPROVAL,
        "questions": [
            ("Job title", "singleline", {}),
            ("Grade", "radio", {"choices": "Grade 3\nGrade 4\nGrade 5\nGrade 6"}),
            ("Cost code", "costcode", {}),
            ("Is this a new post?", "yesno", {}),
            ("Business case", "file", {"when": ("Is this a new post?", "Yes")}),
        ],
    },
    {
        "area": "hr",
        "title": "Raise a grievance",
        "type": "Grievance",
        "confidential": True,
        "intro": "Only you and the HR business partner for your directorate will "
        "see this request.",
        "questions": [
            ("What is your grievance about?", "multiline", {}),
            ("Have you raised it informally?", "yesno", {}),
            (
                "Who did you raise it with?",
                "person",
                {"when": ("Have you raised it informally?", "Yes")},
            ),
        ],
    },
    {
        "area": "hr",
        "title": "Payslip query",
        "type": "Pay query",
        "outcome": Outcome.INSTANT,
        "answer": "<h2>Pay dates</h2><p>You are paid on the 25th of each month, or "
        "the last working day before it. Payslips appear in the HR system three "
        "working days before payday.</p><p>If your pay is wrong, raise a pay query "
        "with the payroll team from the HR page.</p>",
        "questions": [
            (
                "Which payslip is it about?",
                "radio",
                {"choices": "This month\nLast month\nAn earlier one"},
            ),
        ],
    },
    {
        "area": "legal",
        "title": "Contract review",
        "type": "Contract review",
        "questions": [
            ("Supplier or partner", "singleline", {}),
            ("Total value (£)", "number", {}),
            ("When must it be signed?", "date", {}),
            ("The draft contract", "file", {}),
        ],
    },
    {
        "area": "legal",
        "title": "Legal advice",
        "type": "Legal advice",
        "questions": [
            ("What do you need advice on?", "multiline", {}),
            ("Is there a court or tribunal deadline?", "yesno", {}),
            (
                "Deadline",
                "date",
                {"when": ("Is there a court or tribunal deadline?", "Yes")},
            ),
        ],
    },
    {
        "area": "legal",
        "title": "FOI or subject access support",
        "type": "Information requests",
        "questions": [
            (
                "Kind of request",
                "radio",
                {"choices": "Freedom of information\nSubject access request"},
            ),
            ("Date the council received it", "date", {}),
            ("The request", "file", {"required": False}),
        ],
    },
    {
        "area": "finance",
        "title": "New supplier",
        "type": "New supplier",
        "questions": [
            ("Supplier name", "singleline", {}),
            ("Supplier's accounts email address", "email", {}),
            ("Cost code", "costcode", {}),
            ("Supplier bank details form", "file", {}),
        ],
    },
    {
        "area": "finance",
        "title": "Purchase order",
        "type": "Purchase order",
        "questions": [
            ("Supplier name", "singleline", {}),
            ("Amount (£)", "number", {}),
            ("Cost code", "costcode", {}),
            ("Budget holder", "person", {}),
        ],
    },
    {
        "area": "finance",
        "title": "Expense claim",
        "type": "Expense claim",
        "outcome": Outcome.APPROVAL,
        "questions": [
            (
                "What did you spend it on?",
                "radio",
                {"choices": "Travel\nTraining\nOther"},
            ),
            (
                "What was it for?",
                "multiline",
                {"when": ("What did you spend it on?", "Other")},
            ),
            ("Amount (£)", "number", {}),
            ("Cost code", "costcode", {}),
            ("Receipt", "file", {}),
        ],
    },
    {
        "area": "finance",
        "title": "Invoice query",
        "type": "Invoice query",
        "questions": [
            ("Invoice number", "singleline", {}),
            ("Supplier name", "singleline", {}),
            ("What is the problem?", "multiline", {}),
        ],
    },
    {
        "area": "digital",
        "title": "New starter IT kit",
        "type": "New starter kit",
        "questions": [
            ("New starter's name", "singleline", {}),
            ("Start date", "date", {}),
            ("Kit needed", "checkboxes", {"choices": "Laptop\nPhone\nHeadset\nOther"}),
            ("Other kit", "singleline", {"when": ("Kit needed", "Other")}),
        ],
    },
    {
        "area": "digital",
        "title": "System access",
        "type": "System access",
        "questions": [
            (
                "System",
                "radio",
                {"choices": "HR system\nFinance system\nCase management\nOther"},
            ),
            ("Which system?", "singleline", {"when": ("System", "Other")}),
            ("Why do you need access?", "multiline", {}),
        ],
    },
    {
        "area": "digital",
        "title": "Website change",
        "type": "Website change",
        "questions": [
            ("Address of the page", "singleline", {}),
            ("What needs to change?", "multiline", {}),
            ("Needed by", "date", {"required": False}),
        ],
    },
    {
        "area": "digital",
        "title": "Design request",
        "type": "Design request",
        "questions": [
            (
                "What do you need designed?",
                "radio",
                {"choices": "Poster\nLeaflet\nSocial media graphic\nReport layout"},
            ),
            ("Needed by", "date", {}),
            ("Brief or draft", "file", {"required": False}),
        ],
    },
    {
        "area": "pa-support",
        "title": "Diary support",
        "type": "Diary support",
        "questions": [
            ("Whose diary?", "person", {}),
            ("What do you need?", "multiline", {}),
        ],
    },
    {
        "area": "pa-support",
        "title": "Meeting room booking",
        "type": "Meeting room booking",
        "questions": [
            ("Date of the meeting", "date", {}),
            ("Number of people", "number", {}),
            ("Do you need audio-visual equipment?", "yesno", {}),
            (
                "What equipment?",
                "multiline",
                {"when": ("Do you need audio-visual equipment?", "Yes")},
            ),
        ],
    },
]


def seed_request_forms() -> int:
    """Create any missing demo forms, request types and the support they need.

    Forms are matched by slug under their service area's page, so a second run
    creates nothing. Returns the number of forms created.
    """
    _triage_queue()
    partners = _hr_business_partners()
    created = 0
    for spec in FORMS:
        parent = (
            ServiceAreaPage.objects.filter(service_area__slug=spec["area"])
            .select_related("service_area")
            .first()
        )
        slug = slugify(spec["title"])
        if parent is None or parent.get_children().filter(slug=slug).exists():
            continue
        request_type = _request_type(parent.service_area, spec)
        if spec.get("confidential"):
            _grievance_rule(request_type, partners)
        _publish(parent, spec, slug=slug, request_type=request_type)
        created += 1
    return created


def _triage_queue() -> None:
    if Queue.objects.filter(is_triage=True).exists():
        return
    team, _ = SupportTeam.objects.get_or_create(
        slug="case-management",
        defaults={"name": "Case Management", "kind": Kind.CASE_MANAGEMENT},
    )
    Queue.objects.get_or_create(
        team=team, defaults={"name": "Triage", "is_triage": True}
    )


def _hr_business_partners() -> SupportTeam:
    hr = ServiceArea.objects.get(slug="hr")
    team = SupportTeam.objects.filter(kind=Kind.BUSINESS_PARTNERS, service_area=hr)
    if team.exists():
        return team.first()
    team = SupportTeam.objects.create(
        name="HR business partners",
        slug="hr-business-partners",
        kind=Kind.BUSINESS_PARTNERS,
        service_area=hr,
    )
    team.partnered_directorates.set(Directorate.objects.all())
    Queue.objects.create(team=team, name="HR business partners")
    return team


def _request_type(area: ServiceArea, spec: dict) -> RequestType | None:
    if spec.get("outcome") == Outcome.INSTANT:
        return None
    name = spec["type"]
    found = (
        RequestType.objects.filter(service_area=area, name=name).first()
        or RequestType.objects.filter(slug=f"{area.slug}-{slugify(name)}").first()
    )
    if found is not None:
        return found
    return RequestType.objects.create(
        name=name,
        slug=f"{area.slug}-{slugify(name)}",
        service_area=area,
        confidential=spec.get("confidential", False),
    )


def _grievance_rule(request_type: RequestType, partners: SupportTeam) -> None:
    RoutingRule.objects.get_or_create(
        name="Grievances to the HR business partner",
        defaults={
            "position": 0,
            "request_type": request_type,
            "to_business_partner": True,
            "mark_confidential": True,
        },
    )


def _publish(parent, spec: dict, *, slug: str, request_type) -> None:
    page = RequestFormPage(
        title=spec["title"],
        slug=slug,
        intro=spec.get("intro", ""),
        outcome=spec.get("outcome", Outcome.CASE),
        request_type=request_type,
        instant_answer=spec.get("answer", ""),
    )
    page.form_fields = [
        _question(position, label, field_type, dict(extra))
        for position, (label, field_type, extra) in enumerate(spec["questions"])
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()


def _question(position: int, label: str, field_type: str, extra: dict):
    when_label, when_value = extra.pop("when", ("", ""))
    return RequestFormField(
        sort_order=position,
        label=label,
        field_type=field_type,
        required=extra.pop("required", True),
        condition_field=when_label,
        condition_value=when_value,
        **extra,
    )
