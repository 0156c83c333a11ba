"""Every helpdesk address under the one "helpdesk" namespace.

Agents' case pages live at /cases/ and requesters' at /requests/; sharing a
namespace lets any page link to either (``helpdesk:case``,
``helpdesk:request-detail``) without knowing where it is mounted.
"""

from django.urls import include, path

from helpdesk import urls as case_urls
from helpdesk import urls_requests

app_name = "helpdesk"

urlpatterns = [
    path("cases/", include(case_urls.urlpatterns)),
    path("requests/", include(urls_requests.urlpatterns)),
]
