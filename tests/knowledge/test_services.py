import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from knowledge import services
from knowledge.models import KnowledgeArticlePage
from tests.intranet.factories import UserFactory, service_area, team
from tests.knowledge.factories import KnowledgeArticlePageFactory

pytestmark = pytest.mark.django_db


def draft(**overrides) -> KnowledgeArticlePage:
    values = {
        "title": "Payslip shows the wrong tax code",
        "summary": "What to do when your tax code looks wrong.",
        "resolution_text": "HMRC sets tax codes.\n\nAsk HMRC to check <yours>.",
        "service_area": service_area("hr"),
        "owner_team": team("hr"),
        "author": UserFactory(username="hr.specialist"),
    }
    return services.article_draft_from_case(**{**values, **overrides})


def test_article_draft_from_case_creates_an_unpublished_prefilled_draft(hr_page):
    article = draft()
    article.refresh_from_db()
    assert article.get_parent().pk == hr_page.pk
    assert article.live is False
    assert article.has_unpublished_changes is True
    assert article.owner.username == "hr.specialist"
    assert (article.service_area.slug, article.owner_team.slug) == ("hr", "hr")
    assert article.slug == "payslip-shows-the-wrong-tax-code"
    paragraph = article.body[0]
    assert paragraph.block_type == "paragraph"
    assert paragraph.value.source == (
        "<p>HMRC sets tax codes.</p>\n\n<p>Ask HMRC to check &lt;yours&gt;.</p>"
    )
    assert article.latest_revision.user.username == "hr.specialist"


def test_article_draft_from_case_is_not_shown_to_readers(signed_in_client, hr_page):
    article = draft()
    assert (
        signed_in_client.get("/hr/payslip-shows-the-wrong-tax-code/").status_code == 404
    )
    assert article.title not in signed_in_client.get("/knowledge/").content.decode()


def test_article_draft_from_case_picks_a_free_address(hr_page):
    KnowledgeArticlePageFactory(
        parent=hr_page, title="Taken", slug="payslip-shows-the-wrong-tax-code"
    )
    assert draft().slug == "payslip-shows-the-wrong-tax-code-1"


@pytest.mark.parametrize(
    "overrides",
    [{"title": "  "}, {"summary": ""}, {"resolution_text": " "}, {"title": "x" * 256}],
    ids=["no-title", "no-summary", "no-resolution", "long-title"],
)
def test_article_draft_from_case_rejects_missing_values(hr_page, overrides):
    pages_before = Page.objects.count()
    with pytest.raises(ValidationError):
        draft(**overrides)
    assert Page.objects.count() == pages_before


def test_article_draft_from_case_needs_a_service_area_page(home_page):
    with pytest.raises(ValidationError, match="has no service area page"):
        draft(service_area=service_area("legal"))
    assert not KnowledgeArticlePage.objects.exists()
