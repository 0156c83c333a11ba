"""Creating articles: the knowledge loop turns a resolved case into a draft."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from intranet.models import ServiceArea, ServiceAreaPage, Team
from knowledge import reviews
from knowledge.models import KnowledgeArticlePage

SLUG_MAX_LENGTH = 80


@transaction.atomic
def article_draft_from_case(
    *,
    title: str,
    summary: str,
    resolution_text: str,
    service_area: ServiceArea,
    owner_team: Team | None = None,
    author,
) -> KnowledgeArticlePage:
    """Create an unpublished article prefilled from a case's resolution.

    The draft is filed under the service area's page for its owner to finish and
    publish in the admin; nothing is shown to readers until then.

    :raises ValidationError: if a value is missing or too long, or the service area
        has no page to file the article under
    """
    title, summary, resolution_text = (
        title.strip(),
        summary.strip(),
        resolution_text.strip(),
    )
    if not resolution_text:
        raise ValidationError(
            {"body": "Enter the resolution to start the article from"}
        )
    try:
        parent = ServiceAreaPage.objects.get(service_area=service_area)
    except ServiceAreaPage.DoesNotExist:
        raise ValidationError(
            f"{service_area} has no service area page to put the article under"
        ) from None

    requested_slug = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "article"
    article = KnowledgeArticlePage(
        title=title,
        slug=find_available_slug(parent, requested_slug),
        summary=summary,
        body=[("paragraph", linebreaks(escape(resolution_text)))],
        service_area=service_area,
        owner_team=owner_team,
        owner=author,
        next_review_date=reviews.next_review_date_from(today=timezone.localdate()),
        live=False,
    )
    parent.add_child(instance=article)
    log(instance=article, action="wagtail.create", user=author)
    article.save_revision(user=author, log_action=True)
    return article
