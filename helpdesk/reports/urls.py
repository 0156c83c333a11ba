from django.urls import path

from helpdesk.views import reports

app_name = "reports"

urlpatterns = [
    path("", reports.dashboard, name="dashboard"),
    path("export.<str:fmt>", reports.dashboard_export, name="export"),
    path("cases.<str:fmt>", reports.cases_export, name="cases-export"),
]
