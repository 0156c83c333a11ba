"""Create the demo knowledge base; running it again adds nothing new."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from intranet.models import HomePage, ServiceArea, ServiceAreaPage, Team
from intranet.roles import Role
from knowledge import reviews
from knowledge.demo.content import SERVICE_AREAS
from knowledge.models import Audience, KnowledgeArticlePage, Topic


@transaction.atomic
def seed_articles() -> int:
    """Create any missing demo topics, owners and published articles.

    Articles are matched by slug under their service area's page, so a second run
    creates nothing and an existing page at the same address is never replaced.
    Review dates are set relative to today, so some articles are always overdue or
    due soon. Returns the number of articles created.
    """
    today = timezone.localdate()
    created = 0
    for content in SERVICE_AREAS:
        area = ServiceArea.objects.get(slug=content.SERVICE_AREA)
        parent = _service_area_page(area)
        team = Team.objects.select_related("directorate").get(slug=content.OWNER_TEAM)
        owner = _owner(content.OWNER, team=team)
        topics = {
            slug: Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "service_area": area}
            )[0]
            for name, slug in content.TOPICS
        }
        # Any page already at an article's address is left alone, whatever its type.
        existing = set(parent.get_children().values_list("slug", flat=True))
        for spec in content.ARTICLES:
            slug = slugify(spec["title"])
            if slug in existing:
                continue
            _publish_article(
                spec,
                slug=slug,
                parent=parent,
                area=area,
                team=team,
                owner=owner,
                topics=[topics[topic_slug] for topic_slug in spec["topics"]],
                today=today,
            )
            created += 1
    return created


def _publish_article(spec, *, slug, parent, area, team, owner, topics, today):
    next_review_date = today + datetime.timedelta(days=spec["review_in_days"])
    article = KnowledgeArticlePage(
        title=spec["title"],
        slug=slug,
        summary=spec["summary"],
        body=spec["body"],
        service_area=area,
        audience=spec.get("audience", Audience.EVERYONE),
        owner_team=team,
        owner_person=owner,
        owner=owner,
        next_review_date=next_review_date,
        last_reviewed_date=next_review_date - reviews.REVIEW_CYCLE,
    )
    article.topics.set(topics)
    parent.add_child(instance=article)
    article.save_revision(user=owner).publish(user=owner)


def _service_area_page(area: ServiceArea) -> ServiceAreaPage:
    page = ServiceAreaPage.objects.filter(service_area=area).first()
    if page is not None:
        return page
    page = HomePage.objects.get().add_child(
        instance=ServiceAreaPage(
            title=area.name, slug=area.slug, service_area=area, summary=area.summary
        )
    )
    page.save_revision().publish()
    return page


def _owner(details: tuple[str, str, str, str], *, team: Team):
    username, first_name, last_name, job_title = details
    User = get_user_model()
    owner = User.objects.filter(username__iexact=username).first()
    if owner is None:
        owner = User.objects.create_user(
            username=username,
            email=f"{username}@avonford.gov.uk",
            password=None,
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            team=team,
            directorate=team.directorate,
        )
    owner.groups.add(Group.objects.get(name=Role.CONTENT_EDITOR.value))
    return owner
