"""The requester's side at /requests/: lists, one request, and its actions.

References are matched by shape (``HR-000123``) so that other apps' pages under
/requests/, such as request forms and approvals, are never taken for a case.
"""

from django.urls import path, re_path

from helpdesk.views import mediated, requests, requests_actions

REFERENCE = r"(?P<reference>[A-Z]{1,5}-\d{1,10})"

urlpatterns = [
    path("", requests.request_list, name="requests"),
    path(
        "new/on-behalf/",
        mediated.request_new_on_behalf,
        name="request-new-on-behalf",
    ),
    path(
        "new/on-behalf/people/",
        mediated.person_suggestions,
        name="request-person-suggestions",
    ),
    path(
        "new/on-behalf/people/pick/",
        mediated.person_pick,
        name="request-person-pick",
    ),
    re_path(rf"^{REFERENCE}/$", requests.request_detail, name="request-detail"),
    re_path(
        rf"^{REFERENCE}/reply/$", requests_actions.request_reply, name="request-reply"
    ),
    re_path(
        rf"^{REFERENCE}/reopen/$",
        requests_actions.request_reopen,
        name="request-reopen",
    ),
    re_path(
        rf"^{REFERENCE}/cancel/$",
        requests_actions.request_cancel,
        name="request-cancel",
    ),
    re_path(
        rf"^{REFERENCE}/rate/$", requests_actions.request_rate, name="request-rate"
    ),
]
