"""The meeting calendar: a month, a week, or the list of what is coming."""

from collections import defaultdict
from datetime import timedelta

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from helpdesk.committees import periods, selectors

from . import filters

MEETINGS_PER_PAGE = 25


def _by_day(meetings) -> dict:
    days = defaultdict(list)
    for meeting in meetings:
        days[timezone.localtime(meeting.start_at).date()].append(meeting)
    return days


def month_view(request):
    committee = filters.committee_filter(request)
    today = timezone.localdate()
    try:
        month = periods.month_parse(
            request.GET.get("year"), request.GET.get("month"), today=today
        )
    except periods.PeriodError as exc:
        raise Http404(str(exc)) from exc
    weeks = month.weeks()
    days = _by_day(
        selectors.meetings_between(
            start_date=weeks[0][0],
            end_date=weeks[-1][-1] + timedelta(days=1),
            committee=committee,
        )
    )
    return render(
        request,
        "committees/calendar_month.html",
        {
            **filters.context(committee),
            "view": "month",
            "month": month,
            "weekday_names": periods.WEEKDAY_NAMES,
            "today": today,
            "weeks": [[(day, days.get(day, [])) for day in week] for week in weeks],
            "previous_query": filters.query(
                committee, year=month.previous.year, month=month.previous.month
            ),
            "next_query": filters.query(
                committee, year=month.next.year, month=month.next.month
            ),
        },
    )


def week_view(request):
    committee = filters.committee_filter(request)
    today = timezone.localdate()
    try:
        monday = periods.week_parse(request.GET.get("date"), today=today)
    except periods.PeriodError as exc:
        raise Http404(str(exc)) from exc
    days = _by_day(
        selectors.meetings_between(
            start_date=monday, end_date=monday + timedelta(days=7), committee=committee
        )
    )
    week = [monday + timedelta(days=offset) for offset in range(7)]
    return render(
        request,
        "committees/calendar_week.html",
        {
            **filters.context(committee),
            "view": "week",
            "monday": monday,
            "sunday": week[-1],
            "today": today,
            "days": [(day, days.get(day, [])) for day in week],
            "previous_query": filters.query(
                committee, date=(monday - timedelta(days=7)).isoformat()
            ),
            "next_query": filters.query(
                committee, date=(monday + timedelta(days=7)).isoformat()
            ),
        },
    )


def list_view(request):
    committee = filters.committee_filter(request)
    meetings = selectors.meetings_upcoming(now=timezone.now(), committee=committee)
    page_obj = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "committees/calendar_list.html",
        {
            **filters.context(committee),
            "view": "list",
            "page_obj": page_obj,
            "pagination_query": filters.query(committee)[1:],
        },
    )
