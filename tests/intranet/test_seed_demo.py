import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail import hooks
from wagtail.models import Page

from intranet.demo import seed
from intranet.demo.staff import DEMO_ACCOUNTS, STAFF
from intranet.models import (
    NewsPage,
    ServiceArea,
    ServiceAreaPage,
    StandardPage,
    Team,
)
from intranet.roles import Role

pytestmark = pytest.mark.django_db
User = get_user_model()

EXPECTED_ROLES = {
    "staff": {Role.STAFF},
    "manager": {Role.STAFF, Role.LINE_MANAGER},
    "triage": {Role.STAFF, Role.CASE_MANAGER},
    "hr.specialist": {Role.STAFF, Role.SPECIALIST},
    "hr.partner": {Role.STAFF, Role.BUSINESS_PARTNER},
    "legal": {Role.STAFF, Role.SPECIALIST},
    "finance": {Role.STAFF, Role.SPECIALIST},
    "digital": {Role.STAFF, Role.SPECIALIST},
    "pa": {Role.STAFF, Role.SPECIALIST},
    "democratic": {Role.STAFF, Role.DEMOCRATIC_SERVICES},
    "editor": {Role.STAFF, Role.CONTENT_EDITOR},
    "ssmanager": {Role.STAFF, Role.SUPPORT_MANAGER, Role.LINE_MANAGER},
    "admin": {Role.STAFF, Role.ADMINISTRATOR},
}
EXPECTED_TEAMS = {
    "staff": "customer-services",
    "manager": "customer-services",
    "triage": "case-management",
    "hr.specialist": "hr",
    "hr.partner": "hr",
    "legal": "legal",
    "finance": "finance",
    "digital": "digital-and-design",
    "pa": "pa-support",
    "democratic": "governance-and-democratic-services",
    "editor": "communications",
}


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot() -> dict:
    return {
        "people": sorted(
            User.objects.values_list(
                "username", "email", "job_title", "team_id", "line_manager_id",
                "password",
            )
        ),
        "groups": sorted(
            User.groups.through.objects.values_list("user_id", "group_id")
        ),
        "pages": sorted(Page.objects.values_list("url_path", "latest_revision_id")),
    }  # fmt: skip


def test_seed_demo_run_twice_changes_nothing():
    first_output = seed_demo()
    before = snapshot()
    second_output = seed_demo()

    assert snapshot() == before
    assert "Staff: 61 created" in first_output
    assert "Staff: 0 created, 61 already there" in second_output
    assert "Pages: 0 created" in second_output


def test_seed_demo_accounts_have_their_roles_and_teams():
    seed_demo()
    assert set(EXPECTED_ROLES) == set(DEMO_ACCOUNTS)
    for username, roles in EXPECTED_ROLES.items():
        person = User.objects.get(username=username)
        groups = set(person.groups.values_list("name", flat=True))
        assert groups == {role.value for role in roles}, username
        if username in EXPECTED_TEAMS:
            assert person.team.slug == EXPECTED_TEAMS[username], username
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert not User.objects.get(username="staff").is_superuser


def test_seed_demo_accounts_sign_in_with_the_password_demo(client):
    seed_demo()
    for username in EXPECTED_ROLES:
        response = client.post(
            "/accounts/login/", {"username": username, "password": "demo"}
        )
        assert response.status_code == 302, username
        assert client.get("/").context["user"].username == username
        client.logout()
    response = client.post("/accounts/login/", {"username": "staff", "password": "x"})
    assert response.status_code == 200


def test_seed_demo_builds_a_hierarchy_with_the_manager_over_staff():
    seed_demo()
    council = User.objects.filter(username__in=[person[0] for person in STAFF])
    staff = council.select_related("line_manager").get(username="staff")
    assert staff.line_manager.username == "manager"
    chief = council.get(job_title="Chief Executive")
    assert chief.line_manager is None
    everyone_else = council.exclude(pk=chief.pk)
    assert not everyone_else.filter(line_manager__isnull=True).exists()
    directors = council.filter(line_manager=chief)
    assert directors.count() == 3
    assert {d.directorate.slug for d in directors} == {
        "strategy",
        "service-delivery",
        "support-services",
    }
    line_managers = council.filter(groups__name=Role.LINE_MANAGER)
    assert set(line_managers) == set(
        council.filter(direct_reports__isnull=False).distinct()
    )
    assert not Team.objects.filter(staff__isnull=True).exists()
    assert not council.exclude(groups__name=Role.STAFF).exists()


def test_seed_demo_publishes_the_site_content(signed_in_client):
    seed_demo()
    for area in ServiceArea.objects.all():
        page = ServiceAreaPage.objects.get(service_area=area)
        assert page.live
        assert page.summary
        guidance = StandardPage.objects.child_of(page).live()
        assert 1 <= guidance.count() <= 2, area.slug
    stories = NewsPage.objects.live()
    assert stories.count() == 6
    assert {story.date.year for story in stories} == {2026}

    response = signed_in_client.get("/accessibility/")
    assert response.status_code == 200
    assert "Accessibility statement</h1>" in response.content.decode()
    assert signed_in_client.get("/news/").status_code == 200
    html = signed_in_client.get("/hr/").content.decode()
    assert "Annual leave and bank holidays" in html


def test_seed_demo_calls_each_registered_extension_once_per_run():
    calls = []

    def extend():
        calls.append(User.objects.filter(username="staff").exists())

    with hooks.register_temporarily(seed.DEMO_SEED_HOOK, extend):
        seed_demo()
        seed_demo()
    assert calls == [True, True]


def test_seed_demo_refuses_without_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="only loaded when DEMO_MODE is true"):
        seed_demo()
    assert not User.objects.exists()
    assert not NewsPage.objects.exists()
