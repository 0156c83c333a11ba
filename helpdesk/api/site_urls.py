"""Everything under /api/: version 1, its OpenAPI schema and its documentation."""

from django.urls import include, path

from helpdesk.api import docs

urlpatterns = [
    path("v1/", include("helpdesk.api.urls")),
    path("schema/", docs.schema_view, name="api-schema"),
    path("docs/", docs.docs_view, name="api-docs"),
]
