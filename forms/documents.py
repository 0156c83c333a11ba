"""Request forms in site search: found by title, introduction and questions."""

from forms.models import RequestFormPage
from intranet.search import PageDocument, registry


@registry.register
class RequestFormDocument(PageDocument):
    model = RequestFormPage
    object_type = "form"
    label = "Request form"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("form_fields")

    def prepare_summary(self, page) -> str:
        return page.intro

    def prepare_body(self, page) -> str:
        # The questions say what a form is for as well as its title does, so a
        # search for "hours" finds the form that asks for them.
        questions = (
            " ".join(part for part in (field.label, field.help_text) if part)
            for field in page.form_fields.all()
        )
        return "\n".join(part for part in (page.subject_hint, *questions) if part)
