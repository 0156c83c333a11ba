"""iCalendar feeds: one per committee, and one private feed per person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from helpdesk.committees import ical, selectors, services
from helpdesk.committees.models import Committee


def _ics(request, *, name: str, entries, filename: str) -> HttpResponse:
    body = ical.calendar_build(
        name=name,
        entries=entries,
        url_for=lambda meeting: request.build_absolute_uri(
            reverse("committees:meeting", args=[meeting.pk])
        ),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_not_required
def committee_feed(request, slug: str):
    # Calendar clients cannot sign in; the committee calendar is no secret.
    try:
        committee = selectors.committee_get(slug=slug)
    except Committee.DoesNotExist as exc:
        raise Http404("There is no such committee.") from exc
    return _ics(
        request,
        name=f"{committee} meetings",
        entries=selectors.feed_for_committee(committee=committee),
        filename=f"{committee.slug}.ics",
    )


@login_not_required
def user_feed(request, token: str):
    # The token in the address is the only credential a calendar client has.
    user = selectors.feed_token_user(token=token)
    if user is None:
        raise Http404("There is no such calendar feed.")
    return _ics(
        request,
        name="My committee meetings and deadlines",
        entries=selectors.feed_for_user(user=user),
        filename="my-committee-meetings.ics",
    )


def feed_settings(request):
    token = services.feed_token_ensure(user=request.user, now=timezone.now())
    return render(
        request,
        "committees/feed_settings.html",
        {
            "feed_url": request.build_absolute_uri(
                reverse("committees:user-feed", args=[token.token])
            ),
            "committees": Committee.objects.all(),
            "crumbs": [
                ("Home", "/"),
                ("Committee calendar", reverse("committees:calendar")),
            ],
        },
    )


@require_POST
def feed_regenerate(request):
    services.feed_token_regenerate(user=request.user, now=timezone.now())
    messages.success(
        request, "You have a new feed address. The old one has stopped working."
    )
    return redirect("committees:feed-settings")
