"""Saved views: an agent keeps a queue's filters under a name."""

import pytest
from django.contrib.messages import get_messages

from helpdesk.models import SavedView

pytestmark = pytest.mark.django_db
HR_QUEUE = "/queues/hr-specialists/"


@pytest.fixture
def agent(client, desk):
    client.force_login(desk.specialist)
    return client


def test_save_list_open_and_delete_a_view(agent, desk, make_case):
    make_case()
    response = agent.post(
        f"{HR_QUEUE}saved-views/?status=on_hold&priority=high&page=3",
        {"name": "Held high"},
    )
    saved = SavedView.objects.get()
    assert saved.user == desk.specialist
    assert saved.querystring == "priority=high&status=on_hold"
    assert response.url == f"{HR_QUEUE}?priority=high&status=on_hold"

    page = agent.get(HR_QUEUE).content.decode()
    assert f'href="{HR_QUEUE}?priority=high&amp;status=on_hold">Held high</a>' in page

    agent.post(f"/queues/saved-views/{saved.pk}/delete/")
    assert not SavedView.objects.exists()


def test_saved_views_drop_invalid_filters(agent):
    agent.post(f"{HR_QUEUE}saved-views/?status=bogus&sla=paused", {"name": "Paused"})
    assert SavedView.objects.get().querystring == "sla=paused"


def test_saved_view_names_must_be_given_and_unique(agent):
    agent.post(f"{HR_QUEUE}saved-views/", {"name": "Mine"}, follow=True)
    duplicate = agent.post(f"{HR_QUEUE}saved-views/", {"name": "Mine"})
    blank = agent.post(f"{HR_QUEUE}saved-views/", {"name": " "})
    assert (
        "The view was not saved: You already have a saved view with that name "
        "for this queue." in [str(m) for m in get_messages(duplicate.wsgi_request)]
    )
    assert "The view was not saved: Enter a name for the saved view." in [
        str(m) for m in get_messages(blank.wsgi_request)
    ]
    assert SavedView.objects.count() == 1


def test_saved_views_are_private(client, desk):
    client.force_login(desk.specialist)
    client.post(f"{HR_QUEUE}saved-views/", {"name": "Sid's view"}, follow=True)
    saved = SavedView.objects.get()

    client.force_login(desk.hr_lead)
    assert "Sid&#x27;s view" not in client.get(HR_QUEUE).content.decode()
    assert client.post(f"/queues/saved-views/{saved.pk}/delete/").status_code == 404
    assert SavedView.objects.exists()


def test_saving_a_view_of_another_teams_queue_is_not_found(agent):
    response = agent.post("/queues/finance-specialists/saved-views/", {"name": "X"})
    assert response.status_code == 404
