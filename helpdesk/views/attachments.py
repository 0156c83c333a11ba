"""Downloading a case attachment, for those allowed to see it."""

from django.http import FileResponse, Http404
from django.utils import timezone
from django.views.decorators.http import require_GET

from helpdesk import selectors, services
from helpdesk.models import Attachment


@require_GET
def attachment_download(request, attachment_id: int) -> FileResponse:
    """Send the file as a download; anyone who may not have it gets a 404."""
    try:
        attachment = selectors.attachment_get_downloadable(
            user=request.user, attachment_id=attachment_id
        )
    except Attachment.DoesNotExist as error:
        raise Http404("No such attachment.") from error
    try:
        stream = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is no longer stored.") from error
    services.case_record_confidential_view(
        case=attachment.case,
        user=request.user,
        now=timezone.now(),
        attachment=attachment,
    )
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
