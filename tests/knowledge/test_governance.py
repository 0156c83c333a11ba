import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from intranet.roles import Role
from knowledge.models import KnowledgeArticlePage, Topic
from tests.intranet.factories import UserFactory, service_area
from tests.knowledge.factories import (
    ArticleFeedbackFactory,
    KnowledgeArticlePageFactory,
)

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/knowledge/reviews/"


def in_days(days: int) -> datetime.date:
    # Today when the test runs, not when it was collected: a run can pass midnight.
    return timezone.localdate() + datetime.timedelta(days=days)


def answers(article, *, yes: int, no: int):
    for helpful in [True] * yes + [False] * no:
        ArticleFeedbackFactory(article=article, user=UserFactory(), helpful=helpful)


@pytest.fixture
def review_articles(hr_page):
    return {
        "overdue": KnowledgeArticlePageFactory(
            parent=hr_page, title="DBS checks", next_review_date=in_days(-3)
        ),
        "due": KnowledgeArticlePageFactory(
            parent=hr_page, title="Flexible working", next_review_date=in_days(20)
        ),
        "current": KnowledgeArticlePageFactory(
            parent=hr_page, title="Probation", next_review_date=in_days(200)
        ),
        "draft": KnowledgeArticlePageFactory(
            parent=hr_page,
            title="Pay award",
            next_review_date=in_days(-3),
            live=False,
        ),
    }


def section(html: str, testid: str) -> str:
    return html.split(f'data-testid="{testid}"')[1].split("</table>")[0]


def test_article_reviews_report_lists_due_and_overdue_articles_for_an_editor(
    client, editor, review_articles
):
    client.force_login(editor)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    due = section(response.content.decode(), "due-for-review")
    assert due.index("DBS checks") < due.index("Flexible working")
    assert "Overdue" in due.split("Flexible working")[0]
    assert "Probation" not in due
    assert "Pay award" not in due


def test_article_reviews_report_ranks_the_least_helpful_articles(
    client, editor, hr_page
):
    poor = KnowledgeArticlePageFactory(parent=hr_page, title="Expenses")
    middling = KnowledgeArticlePageFactory(parent=hr_page, title="Payslips")
    good = KnowledgeArticlePageFactory(parent=hr_page, title="Annual leave")
    too_few = KnowledgeArticlePageFactory(parent=hr_page, title="Grievances")
    answers(poor, yes=1, no=4)
    answers(middling, yes=3, no=2)
    answers(good, yes=5, no=0)
    answers(too_few, yes=0, no=4)
    client.force_login(editor)
    html = section(client.get(REPORT_URL).content.decode(), "least-helpful")
    assert html.index("Expenses") < html.index("Payslips") < html.index("Annual leave")
    assert "20% (1 of 5)" in html
    assert "Grievances" not in html


@pytest.mark.parametrize("roles", [(), (Role.SUPPORT_MANAGER,)])
def test_article_reviews_report_is_refused_to_other_staff(
    client, make_user, review_articles, roles
):
    client.force_login(make_user(*roles))
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert "DBS checks" not in response.content.decode()


def test_article_reviews_are_hidden_from_admin_users_who_are_not_editors(
    client, make_user, review_articles
):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT_URL)
    # The admin turns a refusal into a redirect to its dashboard with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    dashboard = client.get("/admin/").content.decode()
    assert "Knowledge articles to review" not in dashboard
    assert "Article reviews" not in dashboard


def test_admin_dashboard_shows_editors_the_review_panel(
    client, editor, review_articles
):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Knowledge articles to review" in html
    assert "2 articles due or overdue for review" in html
    assert "DBS checks" in html
    assert "Article reviews" in html


def test_admin_dashboard_shows_administrators_the_review_panel(
    client, make_user, review_articles
):
    client.force_login(make_user(Role.ADMINISTRATOR))
    html = client.get("/admin/").content.decode()
    assert "Knowledge articles to review" in html


def test_editor_can_create_an_article_in_the_admin(client, editor, hr_page):
    client.force_login(editor)
    add_url = f"/admin/pages/add/knowledge/knowledgearticlepage/{hr_page.pk}/"
    assert client.get(add_url).status_code == 200
    data = nested_form_data(
        {
            "title": "Jury service",
            "slug": "jury-service",
            "summary": "Time off when you are called for jury service.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Tell your manager.</p>"))]
            ),
            "service_area": service_area("hr").pk,
            "audience": "everyone",
            "next_review_date": in_days(365).isoformat(),
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = KnowledgeArticlePage.objects.get(slug="jury-service")
    assert article.get_parent().pk == hr_page.pk
    assert article.live is False


def test_editor_can_add_topics_and_choose_documents(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/snippets/knowledge/topic/add/",
        {"name": "Pensions", "slug": "pensions", "service_area": ""},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="pensions").exists()
    assert client.get("/admin/documents/chooser/").status_code == 200
