"""The benchmark seeder, run at a tiny scale against the test database."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from wagtail.models import Page

from bench import dataset as seed
from helpdesk.committees.models import Meeting
from helpdesk.models import Case, Queue, ReferenceCounter, TimelineEvent
from helpdesk.services import references
from intranet.models import SearchEntry
from intranet.search import service as search_service
from knowledge.models import KnowledgeArticlePage
from tests.intranet.factories import service_area

pytestmark = pytest.mark.django_db


def test_seed_creates_the_tiny_scale_counts(tiny_dataset):
    scale = seed.TINY
    bench_staff = get_user_model().objects.filter(
        username__startswith=seed.USERNAME_PREFIX
    )
    assert bench_staff.count() == scale.staff + 1
    seeded = Case.objects.filter(requester__username__startswith="bench.")
    assert seeded.count() == scale.cases
    assert KnowledgeArticlePage.objects.filter(slug__startswith="article-").count() == (
        scale.articles
    )
    assert Meeting.objects.count() >= scale.meetings
    assert seed.is_seeded(scale)


def test_seed_gives_every_case_a_timeline_of_about_five_events(tiny_dataset):
    per_case = list(
        Case.objects.filter(requester__username__startswith="bench.")
        .annotate(n=Count("events"))
        .values_list("n", flat=True)
    )
    # New cases have only been created and routed; worked ones have five events.
    assert min(per_case) >= 2
    assert max(per_case) == seed.TINY.events_per_case
    events = TimelineEvent.objects.filter(
        case__requester__username__startswith="bench."
    )
    assert 4 <= events.count() / seed.TINY.cases <= 5


def test_seed_cases_point_at_queues_of_their_own_area_or_triage(tiny_dataset):
    seeded = Case.objects.filter(requester__username__startswith="bench.")
    for case in seeded.select_related("queue__team", "request_type"):
        assert case.request_type.service_area_id == case.service_area_id
        assert case.queue.is_triage or (
            case.queue.team.service_area_id == case.service_area_id
        )
        assert case.reference.startswith(f"{case.service_area.code}-")


def test_seed_leaves_reference_counters_past_the_seeded_cases(tiny_dataset):
    hr = service_area("hr")
    numbers = [
        int(reference.split("-")[1])
        for reference in Case.objects.filter(service_area=hr).values_list(
            "reference", flat=True
        )
    ]
    assert ReferenceCounter.objects.get(service_area=hr).last_number == max(numbers)
    reference = references.reference_allocate(service_area=hr)
    assert not Case.objects.filter(reference=reference).exists()


def test_seed_builds_a_valid_page_tree_with_live_articles(tiny_dataset, client):
    assert not any(Page.find_problems())
    article = KnowledgeArticlePage.objects.filter(slug="article-0").get()
    assert article.get_parent().numchild == article.get_parent().get_children().count()
    client.force_login(get_user_model().objects.get(username="bench.00000"))
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_seed_indexes_articles_people_and_cases_for_search(tiny_dataset):
    assert SearchEntry.objects.filter(object_type="case").count() == (
        Case.objects.count()
    )
    person = get_user_model().objects.get(username="bench.00001")
    results = search_service.search(user=person, query="how to sort out")
    assert results.total > 0
    assert all(hit.object_type != "case" for hit in results.hits)


def test_bench_people_names_agents_for_every_specialist_queue(tiny_dataset):
    people = seed.bench_people()
    specialist_queues = Queue.objects.filter(team__kind="specialists").count()
    assert len(people.specialists) == specialist_queues
    assert people.case_managers
    assert people.support_managers
    assert people.heavy_requester == "bench.requester"
    assert len(people.staff) > 10
