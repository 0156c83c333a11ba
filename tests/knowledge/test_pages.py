import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge.models import KnowledgeIndexPage
from tests.intranet.factories import ServiceAreaPageFactory, service_area, team
from tests.knowledge.factories import KnowledgeArticlePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def rich_article(parent, **fields):
    document = wagtail_factories.DocumentFactory(title="Leave request form")
    form_page = ServiceAreaPageFactory(
        parent=parent.get_parent(),
        title="Book leave",
        slug="book-leave",
        service_area=service_area("legal"),
    )
    return KnowledgeArticlePageFactory(
        parent=parent,
        title="Annual leave policy",
        summary="How much holiday you get.",
        body=[
            ("paragraph", "<p>Full-time staff get 26 days.</p>"),
            (
                "steps",
                [
                    {"heading": "Sign in", "text": "<p>Open My HR.</p>"},
                    {"heading": "Request leave", "text": "<p>Pick the dates.</p>"},
                ],
            ),
            ("callout", "<p>You can buy extra leave.</p>"),
            ("warning", "Book before 1 March."),
            (
                "contact",
                {
                    "name": "Payroll",
                    "team": "HR",
                    "email": "payroll@avonford.gov.uk",
                    "phone": "01632 960 410",
                },
            ),
            ("document", {"document": document, "link_text": ""}),
            ("request_form", {"page": form_page, "link_text": "Request leave"}),
        ],
        owner_team=team("hr"),
        **fields,
    )


def test_article_page_renders_every_kind_of_block(signed_in_client, hr_page):
    article = rich_article(hr_page)
    response = signed_in_client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annual leave policy</h1>" in html
    assert "How much holiday you get." in html
    assert '<ol class="govuk-list govuk-list--number app-steps">' in html
    assert "<strong>Request leave</strong>" in html
    assert '<div class="govuk-inset-text"><p>You can buy extra leave.</p></div>' in html
    assert "govuk-warning-text" in html
    assert "Book before 1 March." in html
    assert 'href="mailto:payroll@avonford.gov.uk"' in html
    assert "01632 960 410" in html
    assert ">Leave request form</a>" in html
    assert 'href="/book-leave/"' in html
    assert "Request leave" in html
    assert "Owned by" in html


def test_article_page_shows_breadcrumbs_and_last_updated(signed_in_client, hr_page):
    published_at = timezone.make_aware(datetime.datetime(2026, 3, 4, 10, 0))
    article = KnowledgeArticlePageFactory(
        parent=hr_page, last_published_at=published_at
    )
    html = signed_in_client.get(article.url).content.decode()
    assert 'class="govuk-breadcrumbs__link" href="/hr/">HR</a>' in html
    assert 'Last updated <time datetime="2026-03-04">4 March 2026</time>' in html


@pytest.mark.parametrize(
    ("review_in_days", "notice_shown"),
    [(-1, True), (0, True), (1, False), (90, False)],
)
def test_article_page_says_when_its_review_is_overdue(
    signed_in_client, hr_page, review_in_days, notice_shown
):
    article = KnowledgeArticlePageFactory(
        parent=hr_page,
        next_review_date=timezone.localdate() + datetime.timedelta(days=review_in_days),
    )
    html = signed_in_client.get(article.url).content.decode()
    assert ("This article is due for review." in html) is notice_shown


def test_article_page_links_its_topics(signed_in_client, hr_page):
    topic = TopicFactory(name="Leave and time off")
    article = KnowledgeArticlePageFactory(parent=hr_page)
    article.topics.add(topic)
    article.save()
    html = signed_in_client.get(article.url).content.decode()
    assert 'href="/knowledge/topics/leave-and-time-off/">Leave and time off</a>' in html


def test_article_page_hides_feedback_when_printed(signed_in_client, hr_page):
    article = KnowledgeArticlePageFactory(parent=hr_page)
    html = signed_in_client.get(article.url).content.decode()
    assert 'id="article-feedback" class="app-feedback app-no-print' in html


def test_service_area_page_lists_articles_as_guidance(signed_in_client, hr_page):
    KnowledgeArticlePageFactory(parent=hr_page, title="Payslips and pay dates")
    html = signed_in_client.get(hr_page.url).content.decode()
    guidance = html.split('data-testid="guidance"')[1].split("</ul>")[0]
    assert "Payslips and pay dates" in guidance


def test_knowledge_index_page_lists_its_live_articles(signed_in_client, hr_page):
    index = hr_page.add_child(
        instance=KnowledgeIndexPage(title="Pay guidance", slug="pay", intro="All pay.")
    )
    KnowledgeArticlePageFactory(parent=index, title="Payslips and pay dates")
    KnowledgeArticlePageFactory(parent=index, title="Pay award 2027", live=False)
    response = signed_in_client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pay guidance</h1>" in html
    assert "Payslips and pay dates" in html
    assert "Pay award 2027" not in html


def test_topic_page_lists_live_articles_on_the_topic(signed_in_client, hr_page):
    topic = TopicFactory(name="Pay and expenses", service_area=service_area("hr"))
    on_topic = KnowledgeArticlePageFactory(parent=hr_page, title="Payslips")
    on_topic.topics.add(topic)
    on_topic.save()
    KnowledgeArticlePageFactory(parent=hr_page, title="Flexible working")
    response = signed_in_client.get("/knowledge/topics/pay-and-expenses/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pay and expenses</h1>" in html
    assert "Payslips" in html
    assert "Flexible working" not in html


def test_topic_page_for_an_unknown_topic_is_not_found(signed_in_client):
    assert signed_in_client.get("/knowledge/topics/no-such-topic/").status_code == 404


def test_article_index_lists_live_articles_a_to_z(signed_in_client, hr_page):
    for title in ["Probation", "Annual leave policy", "DBS checks"]:
        KnowledgeArticlePageFactory(parent=hr_page, title=title)
    KnowledgeArticlePageFactory(parent=hr_page, title="Draft policy", live=False)
    response = signed_in_client.get("/knowledge/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft policy" not in html
    assert (
        html.index("Annual leave policy")
        < html.index("DBS checks")
        < html.index("Probation")
    )
    assert ">A</h2>" in html


def test_article_index_filters_by_service_area_and_topic(
    signed_in_client, home_page, hr_page
):
    legal_page = ServiceAreaPageFactory(
        parent=home_page,
        title="Legal",
        slug="legal",
        service_area=service_area("legal"),
    )
    contracts = TopicFactory(name="Contracts")
    review = KnowledgeArticlePageFactory(
        parent=legal_page, title="Contract review", service_area=service_area("legal")
    )
    review.topics.add(contracts)
    review.save()
    KnowledgeArticlePageFactory(
        parent=legal_page, title="FOI requests", service_area=service_area("legal")
    )
    KnowledgeArticlePageFactory(parent=hr_page, title="Payslips")

    html = signed_in_client.get("/knowledge/?service_area=legal").content.decode()
    assert "Contract review" in html
    assert "FOI requests" in html
    assert "Payslips" not in html

    html = signed_in_client.get(
        "/knowledge/?service_area=legal&topic=contracts"
    ).content.decode()
    assert "Contract review" in html
    assert "FOI requests" not in html


def test_article_index_explains_an_unknown_filter(signed_in_client, hr_page):
    KnowledgeArticlePageFactory(parent=hr_page, title="Payslips")
    response = signed_in_client.get("/knowledge/?service_area=nonsense")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a service area from the list" in html
    assert "Payslips" in html


def test_article_index_is_paginated_keeping_the_filters(signed_in_client, hr_page):
    for number in range(25):
        KnowledgeArticlePageFactory(parent=hr_page, title=f"Guide {number:02}")
    html = signed_in_client.get("/knowledge/?service_area=hr").content.decode()
    assert "Guide 19" in html
    assert "Guide 20" not in html
    assert 'href="?service_area=hr&amp;page=2"' in html
    html = signed_in_client.get("/knowledge/?service_area=hr&page=2").content.decode()
    assert "Guide 20" in html
    assert "Guide 19" not in html


def test_article_index_query_count_does_not_grow_with_articles(
    signed_in_client, hr_page
):
    topic = TopicFactory(name="Pay")

    def queries_for(count: int) -> int:
        for _ in range(count):
            article = KnowledgeArticlePageFactory(parent=hr_page)
            article.topics.add(topic)
            article.save()
        # Warm up first: Wagtail caches the site's root paths between requests.
        signed_in_client.get("/knowledge/?topic=pay")
        with CaptureQueriesContext(connection) as queries:
            response = signed_in_client.get("/knowledge/?topic=pay")
        assert response.status_code == 200
        return len(queries)

    few = queries_for(5)
    many = queries_for(20)
    assert many == few, "5 articles vs 25 articles"
