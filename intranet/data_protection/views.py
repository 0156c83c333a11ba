"""The administrators' page for producing a subject access export."""

import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from intranet.data_protection import export
from intranet.data_protection.forms import SubjectAccessForm
from intranet.roles import Role, user_has_role


def can_export(user) -> bool:
    """Return whether the user may export someone's data: administrators only."""
    return user_has_role(user, Role.ADMINISTRATOR)


class SubjectAccessView(WagtailAdminTemplateMixin, FormView):
    page_title = "Subject access export"
    header_icon = "download"
    template_name = "data_protection/admin/subject_access.html"
    form_class = SubjectAccessForm
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
        {"url": "", "label": "Subject access export"},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        subject = form.cleaned_data["subject"]
        now = timezone.now()
        # FileResponse closes the file once it has been sent.
        archive = tempfile.TemporaryFile()  # noqa: SIM115
        export.subject_access_export(
            subject=subject,
            destination=archive,
            now=now,
            requested_by=self.request.user,
            request=self.request,
        )
        archive.seek(0)
        name = f"subject-access-{subject.username}-{now:%Y%m%d}.zip"
        return FileResponse(
            archive,
            as_attachment=True,
            filename=name,
            content_type="application/zip",
        )


class SubjectAccessMenuItem(MenuItem):
    def is_shown(self, request):
        return can_export(request.user)
