from django.urls import path

from helpdesk.committees.views import calendar, feeds, meetings

app_name = "committees"

urlpatterns = [
    path("", calendar.month_view, name="calendar"),
    path("week/", calendar.week_view, name="week"),
    path("list/", calendar.list_view, name="list"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/book/", meetings.booking_new, name="book"),
    path("feed/", feeds.feed_settings, name="feed-settings"),
    path("feed/new/", feeds.feed_regenerate, name="feed-regenerate"),
    path("feed/<str:token>.ics", feeds.user_feed, name="user-feed"),
    path("<slug:slug>/feed.ics", feeds.committee_feed, name="committee-feed"),
]
