import datetime

import pytest

from tests.intranet.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceAreaPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_greets_the_signed_in_user_and_lists_service_areas(
    signed_in_client, home_page
):
    ServiceAreaPageFactory(parent=home_page, title="HR", summary="Pay and leave.")
    response = signed_in_client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hello, Sam" in html
    assert "Pay and leave." in html
    assert 'href="#main-content"' in html


def test_home_page_shows_the_three_latest_news_stories(signed_in_client, home_page):
    news = NewsIndexPageFactory(parent=home_page)
    for day in range(1, 5):
        NewsPageFactory(
            parent=news, title=f"Story {day}", date=datetime.date(2026, 11, day)
        )
    html = signed_in_client.get("/").content.decode()
    assert "Story 4" in html
    assert "Story 2" in html
    assert "Story 1" not in html


@pytest.mark.parametrize(
    "make_page",
    [
        lambda home: ServiceAreaPageFactory(parent=home, title="HR"),
        lambda home: NewsIndexPageFactory(parent=home, title="Council news"),
        lambda home: NewsPageFactory(
            parent=NewsIndexPageFactory(parent=home), title="Bin rounds change"
        ),
        lambda home: StandardPageFactory(parent=home, title="About the intranet"),
    ],
    ids=["service-area", "news-index", "news", "standard"],
)
def test_every_page_type_renders_for_a_signed_in_user(
    signed_in_client, home_page, make_page
):
    page = make_page(home_page)
    response = signed_in_client.get(page.url)
    assert response.status_code == 200
    assert f"{page.title}</h1>" in response.content.decode()


def test_service_area_page_lists_its_guidance(signed_in_client, home_page):
    area = ServiceAreaPageFactory(parent=home_page, title="HR")
    StandardPageFactory(parent=area, title="Annual leave policy")
    html = signed_in_client.get(area.url).content.decode()
    assert "Annual leave policy" in html
    assert "There are no request forms for HR yet." in html


@pytest.mark.parametrize("path", ["/", "/people/", "/admin/", "/no-such-page/"])
def test_anonymous_visitor_is_sent_to_sign_in(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_cannot_open_the_wagtail_admin(signed_in_client):
    response = signed_in_client.get("/admin/")
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith("/admin/pages")
