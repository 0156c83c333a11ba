"""Template context every page needs: the header's navigation."""

from intranet.navigation import primary_navigation
from intranet.views.accounts import SITE_NAME


def site_navigation(request):
    return {
        "primary_navigation": primary_navigation(request),
        "site_name": SITE_NAME,
        "council_name": "Avonford Borough Council",
    }
