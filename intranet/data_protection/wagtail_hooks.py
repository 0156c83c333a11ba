from django.urls import path, reverse
from wagtail import hooks

from intranet.data_protection import views


@hooks.register("register_admin_urls")
def register_subject_access_url():
    return [
        path(
            "data-protection/subject-access/",
            views.SubjectAccessView.as_view(),
            name="data_protection_subject_access",
        )
    ]


@hooks.register("register_settings_menu_item")
def register_subject_access_menu_item():
    return views.SubjectAccessMenuItem(
        "Subject access export",
        reverse("data_protection_subject_access"),
        icon_name="download",
        order=900,
    )
