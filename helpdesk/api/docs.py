"""The OpenAPI schema and its Swagger UI page, served from our own static files."""

from django.contrib.auth.decorators import login_required
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

# Swagger UI sets inline styles as it draws, so this one page allows them;
# its scripts still come only from this site.
DOCS_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class ApiDocsView(SpectacularSwaggerSplitView):
    """Show the API's documentation to signed-in staff."""

    url_name = "api-schema"
    title = "Support Services API"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CSP
        return response


#: Token clients fetch the schema without a browser session.
schema_view = SpectacularAPIView.as_view()
# DRF views skip the site's sign-in rule; people reading the docs sign in first.
docs_view = login_required(ApiDocsView.as_view())


def api_endpoints_only(endpoints):
    """Keep the schema to the public API, leaving out the Wagtail admin's own."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
