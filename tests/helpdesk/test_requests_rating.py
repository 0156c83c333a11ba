"""Rating a resolved request: once, 1 to 5, by its requester only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from helpdesk import services
from helpdesk.models import SatisfactionRating, TimelineEvent
from helpdesk.services.satisfaction import case_rate


@pytest.fixture
def resolved(desk, make_case):
    case = make_case()
    return services.case_resolve(
        case=case, agent=desk.specialist, summary="Fixed.", now=timezone.now()
    )


def rate_url(case) -> str:
    return reverse("helpdesk:request-rate", args=[case.reference])


def test_case_rate_records_rating_and_timeline_event(desk, resolved):
    rating = case_rate(
        case=resolved,
        requester=desk.requester,
        rating=4,
        comment="  Quick and clear. ",
        now=timezone.now(),
    )

    assert (rating.rating, rating.comment) == (4, "Quick and clear.")
    event = resolved.events.get(kind=TimelineEvent.Kind.SATISFACTION)
    assert event.data == {"rating": 4}
    assert not event.public


@pytest.mark.parametrize("value", [0, 6, -1, "5"])
def test_case_rate_refuses_ratings_outside_one_to_five(desk, resolved, value):
    with pytest.raises(ValidationError) as error:
        case_rate(
            case=resolved, requester=desk.requester, rating=value, now=timezone.now()
        )

    assert "rating" in error.value.message_dict
    assert not SatisfactionRating.objects.exists()


def test_case_rate_refuses_a_second_rating(desk, resolved):
    case_rate(case=resolved, requester=desk.requester, rating=2, now=timezone.now())

    with pytest.raises(ValidationError, match="already rated"):
        case_rate(case=resolved, requester=desk.requester, rating=5, now=timezone.now())

    assert SatisfactionRating.objects.get().rating == 2


def test_case_rate_refuses_unresolved_case(desk, make_case):
    case = make_case()

    with pytest.raises(ValidationError, match="once it has been resolved"):
        case_rate(case=case, requester=desk.requester, rating=5, now=timezone.now())


def test_case_rate_refuses_anyone_but_the_requester(desk, resolved):
    with pytest.raises(PermissionDenied):
        case_rate(case=resolved, requester=desk.manager, rating=5, now=timezone.now())


def test_request_rate_journey(client, desk, resolved):
    client.force_login(desk.requester)
    page = client.get(reverse("helpdesk:request-detail", args=[resolved.reference]))

    response = client.post(
        rate_url(resolved), {"rating": "5", "comment": "Thanks!"}, follow=True
    )

    assert "Rate how we did" in page.content.decode()
    html = response.content.decode()
    assert "Thank you for rating your request." in html
    assert "You rated this request 5 out of 5." in html
    assert "Rate how we did" not in html


def test_request_rate_without_choice_shows_error(client, desk, resolved):
    client.force_login(desk.requester)

    response = client.post(rate_url(resolved), {"rating": "9"})

    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose a rating from 1 to 5." in html
    assert not SatisfactionRating.objects.exists()


def test_request_rate_second_time_is_refused(client, desk, resolved):
    client.force_login(desk.requester)
    client.post(rate_url(resolved), {"rating": "1"})

    response = client.post(rate_url(resolved), {"rating": "5"})

    assert "You have already rated this request." in response.content.decode()
    assert SatisfactionRating.objects.get().rating == 1


def test_request_rate_open_request_offers_no_rating(client, desk, make_case):
    case = make_case()
    client.force_login(desk.requester)

    page = client.get(reverse("helpdesk:request-detail", args=[case.reference]))
    response = client.post(rate_url(case), {"rating": "5"})

    assert "Rate how we did" not in page.content.decode()
    assert "once it has been resolved" in response.content.decode()


def test_request_rate_by_manager_is_forbidden(client, desk, resolved):
    client.force_login(desk.manager)

    assert client.post(rate_url(resolved), {"rating": "5"}).status_code == 403
    assert not SatisfactionRating.objects.exists()
