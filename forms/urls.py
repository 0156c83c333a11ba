from django.urls import path

from forms.views import approvals, request_form

app_name = "selfservice"

urlpatterns = [
    path(
        "forms/<int:page_id>/suggestions",
        request_form.suggestions,
        name="suggestions",
    ),
    path("forms/<int:page_id>/answered/", request_form.answered, name="answered"),
    path(
        "forms/submissions/<int:submission_id>/",
        request_form.submission_detail,
        name="submission",
    ),
    path("forms/people", request_form.people_options, name="people"),
    path("approvals/", approvals.approval_list, name="approvals"),
    path("approvals/away/", approvals.delegation_edit, name="delegation"),
    path("approvals/<int:approval_id>/", approvals.approval_detail, name="approval"),
    path("approvals/link/<str:token>/", approvals.approval_link, name="approval-link"),
]
