"""Turn the services' Django errors into the API's JSON error shape."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    """Answer a service's ValidationError as ``{"field": ["message"]}`` with 400.

    Errors not tied to a field go under ``non_field_errors``. Everything else
    (404, 403, 401) keeps DRF's JSON answer.
    """
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                ("non_field_errors" if field == "__all__" else field): messages
                for field, messages in exc.message_dict.items()
            }
        else:
            detail = {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    return exception_handler(exc, context)
