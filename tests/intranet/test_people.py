import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.intranet.factories import UserFactory, team

pytestmark = pytest.mark.django_db
User = get_user_model()


def names_in(response) -> list[str]:
    return [person.display_name for person in response.context["page_obj"]]


@pytest.fixture
def people(db):
    boss = UserFactory(
        username="grace.head",
        first_name="Grace",
        last_name="Hopkins",
        job_title="Head of Finance",
        team=team("finance"),
    )
    return {
        "boss": boss,
        "payroll": UserFactory(
            username="owen.pay",
            first_name="Owen",
            last_name="Parry",
            job_title="Payroll Specialist",
            team=team("hr"),
            line_manager=boss,
        ),
        "buyer": UserFactory(
            username="nia.buyer",
            first_name="Nia",
            last_name="Bryant",
            job_title="Procurement Officer",
            team=team("finance"),
            line_manager=boss,
        ),
        "gone": UserFactory(
            username="left.already",
            first_name="Leonard",
            last_name="Gone",
            job_title="Payroll Specialist",
            is_active=False,
            line_manager=boss,
        ),
    }


def test_people_search_finds_by_name(signed_in_client, people):
    response = signed_in_client.get("/people/", {"q": "parry"})
    assert names_in(response) == ["Owen Parry"]
    assert "1 person found for \u2018parry\u2019" in response.content.decode()


def test_people_search_finds_by_team(signed_in_client, people):
    response = signed_in_client.get("/people/", {"team": "finance"})
    assert names_in(response) == ["Nia Bryant", "Grace Hopkins"]


def test_people_search_finds_by_job_title_and_hides_people_who_have_left(
    signed_in_client, people
):
    response = signed_in_client.get("/people/", {"q": "payroll specialist"})
    assert names_in(response) == ["Owen Parry"]


def test_people_search_with_an_unknown_team_finds_no_one(signed_in_client, people):
    response = signed_in_client.get("/people/", {"team": "no-such-team"})
    assert response.status_code == 200
    assert names_in(response) == []
    assert "No one matches your search" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["%", "'", "_", "\\", "x" * 5000, "a\x00b", "' OR 1=1 --", "ünïcødé 名前"],
    ids=["percent", "quote", "underscore", "backslash", "long", "nul", "sql", "utf8"],
)
def test_people_search_handles_odd_queries(signed_in_client, people, query):
    response = signed_in_client.get("/people/", {"q": query, "team": query})
    assert response.status_code == 200
    assert names_in(response) == []


def test_people_search_pagination_keeps_the_query(signed_in_client, settings):
    settings.PEOPLE_PER_PAGE = 5
    for n in range(7):
        UserFactory(last_name=f"Ranger{n}", job_title="Park Ranger")
    UserFactory(last_name="Zed", job_title="Clerk")

    first = signed_in_client.get("/people/", {"q": "ranger"})
    html = first.content.decode()
    assert len(names_in(first)) == 5
    assert 'href="?q=ranger&amp;page=2"' in html

    second = signed_in_client.get("/people/", {"q": "ranger", "page": "2"})
    assert [name.split()[-1] for name in names_in(second)] == ["Ranger5", "Ranger6"]
    assert 'href="?q=ranger&amp;page=1"' in second.content.decode()
    assert signed_in_client.get("/people/", {"page": "nonsense"}).status_code == 200


def test_people_search_query_count_does_not_grow_with_the_people_shown(
    signed_in_client, settings
):
    settings.PEOPLE_PER_PAGE = 50

    def queries_to_list(total: int) -> int:
        while User.objects.filter(job_title="Counted Officer").count() < total:
            UserFactory(job_title="Counted Officer", team=team("legal"))
        # The first request of a test fills caches; measure a settled request.
        signed_in_client.get("/people/", {"q": "counted"})
        with CaptureQueriesContext(connection) as captured:
            response = signed_in_client.get("/people/", {"q": "counted"})
        assert len(names_in(response)) == total
        return len(captured)

    five = queries_to_list(5)
    assert queries_to_list(25) == five


def test_person_profile_shows_manager_and_direct_reports(signed_in_client, people):
    response = signed_in_client.get("/people/grace.head/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Head of Finance" in html
    reports = html.split('data-testid="direct-reports"')[1].split("</ul>")[0]
    assert "Nia Bryant" in reports
    assert "Owen Parry" in reports
    assert "Leonard Gone" not in reports

    html = signed_in_client.get("/people/owen.pay/").content.decode()
    manager = html.split('data-testid="line-manager"')[1].split("</dd>")[0]
    assert 'href="/people/grace.head/"' in manager
    assert "Owen has no direct reports." in html


@pytest.mark.parametrize("username", ["left.already", "nobody", "owen%00pay"], ids=str)
def test_person_profile_is_not_found_for_unknown_or_inactive_people(
    signed_in_client, people, username
):
    assert signed_in_client.get(f"/people/{username}/").status_code == 404


def test_people_finder_needs_sign_in(client, people):
    response = client.get("/people/grace.head/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
