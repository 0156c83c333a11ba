"""Index updates travel through the outbox on publish, unpublish and delete."""

import pytest

from intranet import search
from intranet.models import OutboxMessage, SearchEntry
from intranet.search import indexing
from tests.intranet.factories import StandardPageFactory
from tests.intranet.search_support import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Mileage claims",
        summary="Claim business mileage.",
        body=body("Claim mileage monthly."),
        live=False,
    )
    return page


def titles(user, query):
    return [hit.title for hit in search.search(user=user, query=query).hits]


def test_publish_indexes_page_through_outbox(
    draft, staff_user, django_capture_on_commit_callbacks
):
    assert titles(staff_user, "mileage") == []

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()

    message = OutboxMessage.objects.get(
        topic="search.index", payload__object_type="page"
    )
    assert message.delivered_at is not None
    assert message.payload == {"object_type": "page", "object_id": draft.pk}
    assert titles(staff_user, "mileage") == ["Mileage claims"]


def test_unpublish_removes_page_from_results(
    draft, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish()

    assert titles(staff_user, "mileage") == []
    assert not SearchEntry.objects.filter(object_type="page").exists()


def test_delete_removes_page_from_results(
    draft, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        draft.delete()

    assert titles(staff_user, "mileage") == []


def test_saving_a_person_reindexes_them(
    make_user, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = make_user(first_name="Olu", last_name="Ade", job_title="Buyer")
    assert titles(staff_user, "buyer") == ["Olu Ade"]

    with django_capture_on_commit_callbacks(execute=True):
        person.is_active = False
        person.save()

    assert titles(staff_user, "buyer") == []


def test_signing_in_queues_no_index_update(make_user, client):
    person = make_user(username="ian.index")
    OutboxMessage.objects.all().delete()

    client.post(
        "/accounts/login/", {"username": "ian.index", "password": "demo-password-1"}
    )

    person.refresh_from_db()
    assert person.last_login is not None
    assert not OutboxMessage.objects.filter(topic="search.index").exists()


def test_index_update_retries_when_elasticsearch_is_down(
    draft, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()

    message = OutboxMessage.objects.get(
        topic="search.index", payload__object_type="page"
    )
    assert message.delivered_at is None
    assert "ConnectionError" in message.last_error
    assert SearchEntry.objects.filter(object_type="page", object_id=draft.pk).exists()


def test_rebuild_command_indexes_everything(draft, staff_user, call_command_quiet):
    draft.save_revision().publish()
    SearchEntry.objects.all().delete()

    call_command_quiet("search_rebuild", "--backend", "database")

    assert titles(staff_user, "mileage") == ["Mileage claims"]
    assert indexing.searchable_count() == SearchEntry.objects.count()


@pytest.fixture
def call_command_quiet():
    from django.core.management import call_command

    def run(*args):
        call_command(*args, verbosity=0)

    return run
