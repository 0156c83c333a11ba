from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet.sso import views as sso_views
from intranet.views import accounts, health
from intranet.views import search as search_views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", accounts.SignInView.as_view(), name="login"),
    path("accounts/logout/", accounts.SignOutView.as_view(), name="logout"),
    path("accounts/sso/", include("intranet.sso.urls")),
    path("accounts/password-reset/", include("intranet.password_reset.urls")),
    path("people/", include("intranet.people_urls")),
    path("search/", search_views.search_page, name="search"),
    path("search/suggest", search_views.search_suggest, name="search-suggest"),
    path("", include("helpdesk.site_urls")),
    path("queues/", include("helpdesk.queue_urls")),
    path("committees/", include("helpdesk.committees.urls")),
    path("knowledge/", include("knowledge.urls")),
    path("requests/", include("forms.urls")),
    path("reports/", include("helpdesk.reports.urls")),
    path("api/", include("helpdesk.api.site_urls")),
    path("admin/login/", sso_views.site_sign_in_redirect),
    # The admin's own sign-out would end only the intranet session.
    path("admin/logout/", accounts.SignOutView.as_view()),
    path("_util/login/", sso_views.site_sign_in_redirect),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler403 = "intranet.views.errors.permission_denied"
