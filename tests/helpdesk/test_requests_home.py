"""The home page's "My open requests" panel and the "My requests" menu link."""

import pytest
from django.utils import timezone

from helpdesk import services
from tests.helpdesk.test_requests import SECRET


@pytest.fixture
def home(home_page):
    return home_page.url


def test_home_panel_lists_open_requests_with_links(client, desk, make_case, home):
    cases = [make_case(subject=f"Open request {n}") for n in range(6)]
    done = make_case(subject="Cancelled one")
    services.case_cancel(case=done, requester=desk.requester, now=timezone.now())
    services.case_note(
        case=cases[5], author=desk.specialist, body=SECRET, now=timezone.now()
    )
    client.force_login(desk.requester)

    html = client.get(home).content.decode()

    assert "My open requests" in html
    assert f'href="/requests/{cases[5].reference}/"' in html
    assert cases[0].reference not in html  # only the five most recent
    assert "Cancelled one" not in html
    assert SECRET not in html
    assert 'href="/requests/">View all my requests' in html


def test_home_panel_empty_state(client, desk, home):
    client.force_login(desk.stranger)

    html = client.get(home).content.decode()

    assert "You have no open requests." in html
    assert "View all my requests" in html


def test_navigation_offers_my_requests(client, desk, home):
    client.force_login(desk.requester)

    html = client.get("/requests/").content.decode()

    assert 'href="/requests/" aria-current="page"' in html
    assert "My requests" in html
