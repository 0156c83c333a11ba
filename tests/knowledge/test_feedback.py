import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from knowledge import services
from knowledge.models import ArticleFeedback, SelfServiceResolution
from knowledge.models.feedback import COMMENT_MAX_LENGTH
from tests.knowledge.factories import KnowledgeArticlePageFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article(hr_page):
    return KnowledgeArticlePageFactory(parent=hr_page, title="Payslips and pay dates")


def feedback_url(article) -> str:
    return f"/knowledge/articles/{article.pk}/feedback/"


def test_article_feedback_yes_records_a_self_service_resolution(
    signed_in_client, staff_user, article
):
    response = signed_in_client.post(feedback_url(article), {"helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#article-feedback"
    feedback = ArticleFeedback.objects.get()
    assert (feedback.article, feedback.user, feedback.helpful) == (
        article,
        staff_user,
        True,
    )
    resolution = SelfServiceResolution.objects.get()
    assert resolution.source == SelfServiceResolution.Source.ARTICLE
    assert (resolution.article, resolution.user) == (article, staff_user)
    assert resolution.form_page is None


def test_article_feedback_full_page_thanks_the_reader(signed_in_client, article):
    response = signed_in_client.post(
        feedback_url(article), {"helpful": "yes"}, follow=True
    )
    assert "Thank you for your feedback." in response.content.decode()


def test_article_feedback_no_with_comment_records_no_resolution(
    signed_in_client, article
):
    signed_in_client.post(
        feedback_url(article),
        {"helpful": "no", "comment": "  It does not say when December pay day is. "},
    )
    feedback = ArticleFeedback.objects.get()
    assert feedback.helpful is False
    assert feedback.comment == "It does not say when December pay day is."
    assert not SelfServiceResolution.objects.exists()


def test_article_feedback_htmx_swaps_in_thanks_and_offers_a_request(
    signed_in_client, article
):
    response = signed_in_client.post(feedback_url(article), {"helpful": "no"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="article-feedback"')
    assert "Thank you for your feedback" in html
    assert 'href="/hr/">Make a request to HR</a>' in html
    assert "<html" not in html


def test_article_feedback_htmx_shows_errors_in_the_box(signed_in_client, article):
    response = signed_in_client.post(feedback_url(article), {}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select yes if this answered your question" in html
    assert 'hx-post="' in html
    assert not ArticleFeedback.objects.exists()


def test_article_feedback_second_answer_the_same_day_replaces_the_first(
    signed_in_client, article
):
    signed_in_client.post(feedback_url(article), {"helpful": "yes"})
    signed_in_client.post(feedback_url(article), {"helpful": "yes"})
    assert ArticleFeedback.objects.count() == 1
    assert SelfServiceResolution.objects.count() == 1

    signed_in_client.post(feedback_url(article), {"helpful": "no", "comment": "Wrong"})
    feedback = ArticleFeedback.objects.get()
    assert (feedback.helpful, feedback.comment) == (False, "Wrong")
    assert not SelfServiceResolution.objects.exists()


def test_article_feedback_record_counts_each_day_separately(staff_user, article):
    monday = timezone.make_aware(datetime.datetime(2026, 6, 1, 23, 30))
    tuesday = monday + datetime.timedelta(hours=1)
    services.article_feedback_record(
        article=article, user=staff_user, helpful=True, now=monday
    )
    services.article_feedback_record(
        article=article, user=staff_user, helpful=True, now=tuesday
    )
    assert ArticleFeedback.objects.count() == 2
    assert SelfServiceResolution.objects.count() == 2


def test_article_feedback_missing_choice_shows_an_error_on_the_article(
    signed_in_client, article
):
    response = signed_in_client.post(feedback_url(article), {"comment": "Hmm"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Select yes if this answered your question" in html
    assert "Payslips and pay dates</h1>" in html
    assert ">Hmm</textarea>" in html
    assert not ArticleFeedback.objects.exists()


def test_article_feedback_rejects_an_overlong_comment(signed_in_client, article):
    response = signed_in_client.post(
        feedback_url(article),
        {"helpful": "yes", "comment": "x" * (COMMENT_MAX_LENGTH + 1)},
    )
    assert response.status_code == 400
    assert f"{COMMENT_MAX_LENGTH} characters or fewer" in response.content.decode()
    assert not ArticleFeedback.objects.exists()
    assert not SelfServiceResolution.objects.exists()


def test_article_feedback_rejects_an_unknown_choice(signed_in_client, article):
    response = signed_in_client.post(feedback_url(article), {"helpful": "maybe"})
    assert response.status_code == 400
    assert not ArticleFeedback.objects.exists()


def test_article_feedback_for_an_unknown_or_draft_article_is_not_found(
    signed_in_client, hr_page
):
    draft = KnowledgeArticlePageFactory(parent=hr_page, live=False)
    response = signed_in_client.post(feedback_url(draft), {"helpful": "yes"})
    assert response.status_code == 404
    response = signed_in_client.post(
        "/knowledge/articles/999999/feedback/", {"helpful": "yes"}
    )
    assert response.status_code == 404
    assert not ArticleFeedback.objects.exists()


def test_article_feedback_refuses_get(signed_in_client, article):
    assert signed_in_client.get(feedback_url(article)).status_code == 405


def test_article_feedback_needs_sign_in(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ArticleFeedback.objects.exists()


def test_article_feedback_record_refuses_a_draft(staff_user, hr_page):
    draft = KnowledgeArticlePageFactory(parent=hr_page, live=False)
    with pytest.raises(ValidationError):
        services.article_feedback_record(
            article=draft, user=staff_user, helpful=True, now=timezone.now()
        )
    assert not ArticleFeedback.objects.exists()
