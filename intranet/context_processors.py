"""Template context every page needs: the header's navigation."""

from intranet.navigation import primary_navigation


def site_navigation(request):
    return {
        "primary_navigation": primary_navigation(request),
        "site_name": "Support Services Intranet",
        "council_name": "Avonford Borough Council",
    }
