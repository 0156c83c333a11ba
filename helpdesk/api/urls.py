from django.urls import path
from rest_framework.routers import SimpleRouter

from helpdesk.api import views

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("cases", views.CaseViewSet, basename="case")
router.register("request-types", views.RequestTypeViewSet, basename="request-type")
router.register("meetings", views.MeetingViewSet, basename="meeting")

urlpatterns = [
    path(
        "knowledge/search",
        views.KnowledgeSearchView.as_view(),
        name="knowledge-search",
    ),
    *router.urls,
]
