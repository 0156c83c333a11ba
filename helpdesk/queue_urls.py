"""The agent workspace at /queues/."""

from django.urls import path

from helpdesk.views import bulk, saved_views, workspace

app_name = "queues"

urlpatterns = [
    path("", workspace.my_work, name="my-work"),
    path("bulk-jobs/<int:pk>/", bulk.bulk_job_detail, name="bulk-job"),
    path(
        "saved-views/<int:pk>/delete/",
        saved_views.saved_view_delete,
        name="saved-view-delete",
    ),
    path("<slug:slug>/", workspace.queue_detail, name="queue"),
    path("<slug:slug>/bulk/", bulk.bulk_start, name="bulk"),
    path(
        "<slug:slug>/saved-views/",
        saved_views.saved_view_create,
        name="saved-view-create",
    ),
]
