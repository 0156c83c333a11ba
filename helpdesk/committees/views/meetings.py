"""One meeting: its deadlines and booking, and the form to book its support."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from helpdesk.committees import selectors, services
from helpdesk.committees.forms import BookingForm
from helpdesk.committees.models import Meeting
from intranet.models import ServiceArea


def _meeting(pk: int) -> Meeting:
    try:
        return selectors.meeting_get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404("There is no such meeting.") from exc


def _case_url(row, user) -> str | None:
    # The booking officer follows their own cases as requests; agents work them.
    if row.reference is None:
        return None
    name = "helpdesk:request-detail"
    if row.case.requester_id != user.pk:
        name = "helpdesk:case"
    return reverse(name, kwargs={"reference": row.reference})


def _crumbs(meeting: Meeting | None = None) -> list[tuple[str, str]]:
    crumbs = [("Home", "/"), ("Committee calendar", reverse("committees:calendar"))]
    if meeting is not None:
        crumbs.append((str(meeting), reverse("committees:meeting", args=[meeting.pk])))
    return crumbs


def meeting_detail(request, pk: int):
    meeting = _meeting(pk)
    booking = selectors.booking_for(meeting=meeting)
    booked = []
    if booking is not None:
        booked = [
            (row, _case_url(row, request.user))
            for row in selectors.booking_cases_for(user=request.user, booking=booking)
        ]
    owners = dict(ServiceArea.objects.values_list("slug", "name"))
    return render(
        request,
        "committees/meeting.html",
        {
            "meeting": meeting,
            "milestones": [
                (m, owners.get(m.owner, m.owner))
                for m in selectors.meeting_milestones(meeting=meeting)
            ],
            "booking": booking,
            "booked": booked,
            "can_book": booking is None
            and meeting.start_at > timezone.now()
            and meeting.status in (Meeting.Status.SCHEDULED, Meeting.Status.CONFIRMED)
            and selectors.user_can_book(request.user),
            "crumbs": _crumbs(),
        },
    )


def booking_new(request, pk: int):
    meeting = _meeting(pk)
    if not selectors.user_can_book(request.user):
        raise PermissionDenied("Only Democratic Services can book committee support.")
    form = BookingForm(request.POST or None, committee=meeting.committee)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.booking_create(
                meeting=meeting,
                booked_by=request.user,
                now=timezone.now(),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(
                request,
                f"Support booked. Your booking reference is "
                f"{booking.parent_case.reference}.",
            )
            return redirect("committees:meeting", pk=meeting.pk)
    return render(
        request,
        "committees/booking_form.html",
        {"meeting": meeting, "form": form, "crumbs": _crumbs(meeting)},
    )
