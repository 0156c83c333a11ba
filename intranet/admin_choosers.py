"""Admin chooser addresses with a malformed id are "not found", not a server error.

Wagtail's chooser views look the chosen id up and turn only "no such object"
into a 404; an id that is not a number for a numeric key raises ValueError
there, which would be a 500 for anyone who edits the address.
"""

from django.core.exceptions import ValidationError
from django.http import Http404

CHOSEN_VIEW = "chosen"


class ChooserIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        """Answer 404 when a chooser view could not read the id it was given."""
        match = request.resolver_match
        if (
            match is not None
            and match.url_name == CHOSEN_VIEW
            and isinstance(exception, ValueError | ValidationError)
        ):
            raise Http404("There is no such item.") from exception
        return None
