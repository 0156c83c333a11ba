"""Who may see and work which case: one explicit policy table, checked in full."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from helpdesk import selectors, services
from helpdesk.models import Case, Membership
from intranet.roles import Role
from tests.helpdesk.conftest import MONDAY_10AM, person
from tests.helpdesk.uploads import upload

ACTIONS = ("list", "open", "reply", "note", "assign", "download")
FULL = set(ACTIONS)
READ = {"list", "open", "download"}
REQUESTER = READ | {"reply"}
NONE = set()

#: What each role may do to each kind of case. "own" is a case the role raised
#: itself; "team" is a colleague's HR case in the HR specialists' queue; "other"
#: is a Legal case from another directorate; "confidential" is the requester's
#: grievance, sealed to the HR business partners for Service Delivery.
EXPECTED = {
    "requester": {
        "own": REQUESTER,
        "team": NONE,
        "other": NONE,
        "confidential": REQUESTER,
    },
    "line_manager": {
        "own": REQUESTER,
        "team": READ,
        "other": NONE,
        "confidential": NONE,
    },
    "case_manager": {"own": FULL, "team": FULL, "other": FULL, "confidential": NONE},
    "specialist": {"own": REQUESTER, "team": FULL, "other": NONE, "confidential": NONE},
    "other_specialist": {
        "own": REQUESTER,
        "team": NONE,
        "other": NONE,
        "confidential": NONE,
    },
    "business_partner": {
        "own": REQUESTER,
        "team": NONE,
        "other": NONE,
        "confidential": FULL,
    },
    "administrator": {
        "own": REQUESTER,
        "team": NONE,
        "other": NONE,
        "confidential": NONE,
    },
}


class _Undo(Exception):
    pass


def _succeeds(action) -> bool:
    """Run a write and undo it; True if allowed, False if refused for permission."""
    try:
        with transaction.atomic():
            action()
            raise _Undo
    except _Undo:
        return True
    except PermissionDenied:
        return False


@pytest.fixture
def world(desk, make_case):
    actors = {
        "requester": desk.requester,
        "line_manager": desk.manager,
        "case_manager": desk.case_manager,
        "specialist": desk.specialist,
        "other_specialist": desk.other_specialist,
        "business_partner": desk.business_partner,
        "administrator": person("ada.admin", "digital-and-design", is_superuser=True),
    }
    actors["administrator"].groups.add(Group.objects.get(name=Role.ADMINISTRATOR))
    lee = person("lee.legal", "legal")
    dee = person("dee.digital", "digital-and-design")
    Membership.objects.create(team=desk.legal, user=lee)
    Membership.objects.create(team=desk.digital, user=dee)

    def case(request_type, requester):
        return make_case(
            request_type=request_type,
            requester=requester,
            attachments=[upload("evidence.pdf")],
        )

    shared = {
        "team": (case(desk.hr_query, desk.colleague), desk.specialist),
        "other": (case(desk.legal_advice, desk.stranger), lee),
        "confidential": (case(desk.grievance, desk.requester), desk.business_partner),
    }
    own = {name: (case(desk.laptop, user), dee) for name, user in actors.items()}
    return actors, shared, own


def _outcomes(client, user, case: Case, assignee) -> set[str]:
    allowed = set()
    if selectors.case_list_visible_to(user=user).filter(pk=case.pk).exists():
        allowed.add("list")
    try:
        selectors.case_get_visible(user=user, reference=case.reference)
        allowed.add("open")
    except Case.DoesNotExist:
        pass
    writes = {
        "reply": lambda: services.case_reply(
            case=case, author=user, body="Any news?", now=MONDAY_10AM
        ),
        "note": lambda: services.case_note(
            case=case, author=user, body="Checked payroll.", now=MONDAY_10AM
        ),
        "assign": lambda: services.case_assign(
            case=case, agent=user, assignee=assignee, now=MONDAY_10AM
        ),
    }
    allowed |= {name for name, write in writes.items() if _succeeds(write)}
    client.force_login(user)
    attachment = case.attachments.get()
    url = reverse("helpdesk:attachment-download", args=[attachment.pk])
    status = client.get(url).status_code
    assert status in {200, 404}
    if status == 200:
        allowed.add("download")
    return allowed


def test_case_visibility_and_authority_match_the_policy_table(client, world):
    actors, shared, own = world
    mismatches = []
    for role, user in actors.items():
        cases = {**shared, "own": own[role]}
        for kind, (case, assignee) in cases.items():
            actual = _outcomes(client, user, case, assignee)
            expected = EXPECTED[role][kind]
            for action in ACTIONS:
                if (action in actual) != (action in expected):
                    should = "may" if action in expected else "may not"
                    mismatches.append(f"{role} {should} {action} the {kind} case")
    assert mismatches == []


def test_case_list_visible_to_never_counts_confidential_cases_for_others(
    desk, make_case
):
    make_case(request_type=desk.grievance)
    make_case()
    for user in (desk.case_manager, desk.manager, desk.specialist):
        listed = selectors.case_list_visible_to(user=user)
        assert not listed.filter(confidential=True).exists()
    assert selectors.case_list_visible_to(user=desk.case_manager).count() == 1
    assert selectors.case_list_visible_to(user=desk.business_partner).count() == 1


def test_case_get_visible_raises_does_not_exist_for_an_anonymous_user(desk, make_case):
    case = make_case()
    with pytest.raises(Case.DoesNotExist):
        selectors.case_get_visible(user=AnonymousUser(), reference=case.reference)


def test_case_list_visible_to_shows_line_manager_cases_raised_for_reports(
    desk, make_case
):
    case = make_case(requester=desk.colleague, raised_by=desk.case_manager)
    assert selectors.case_list_visible_to(user=desk.manager).filter(pk=case.pk)


def test_case_timeline_hides_internal_notes_from_the_requester(desk, make_case):
    case = make_case()
    services.case_note(
        case=case, author=desk.specialist, body="Payroll error.", now=MONDAY_10AM
    )
    requester_kinds = set(
        selectors.case_timeline(user=desk.requester, case=case).values_list(
            "kind", flat=True
        )
    )
    agent_kinds = set(
        selectors.case_timeline(user=desk.specialist, case=case).values_list(
            "kind", flat=True
        )
    )
    assert requester_kinds == {"created"}
    assert {"created", "routed", "internal_note"} <= agent_kinds


def test_case_viewer_ids_agrees_with_can_see_for_everyone_and_every_case(
    world, desk, make_case
):
    _actors, shared, own = world
    leaver = person("lou.leaver", "hr", line_manager=desk.manager)
    Membership.objects.create(team=desk.hr, user=leaver)
    cases = [case for case, _ in [*shared.values(), *own.values()]]
    cases += [
        make_case(requester=desk.colleague, raised_by=desk.manager),
        make_case(requester=desk.stranger, raised_by=desk.case_manager),
        make_case(request_type=desk.grievance, requester=leaver),
        make_case(requester=leaver),
        make_case(request_type=desk.legal_advice, requester=desk.colleague),
    ]
    leaver.is_active = False
    leaver.save()
    users = {user.pk: user for user in get_user_model().objects.all()}

    for case in cases:
        expected = {pk for pk, user in users.items() if selectors.can_see(user, case)}
        assert selectors.case_viewer_ids(case, users) == expected, case.subject
    assert any(len(selectors.case_viewer_ids(case, users)) > 3 for case in cases)
