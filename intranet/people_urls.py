from django.urls import path

from intranet.views import people

app_name = "people"

urlpatterns = [
    path("", people.people_search, name="search"),
    path("<str:username>/", people.person_profile, name="profile"),
]
