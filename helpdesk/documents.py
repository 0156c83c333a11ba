"""Cases in site search, for the agents allowed to see them.

Visibility comes from `case_list_visible_to`, the same selector that scopes
case lists and detail pages, so search never shows a case its page would refuse.
"""

from django.urls import reverse

from helpdesk import selectors
from helpdesk.models import Case
from intranet.search import SearchDocument, registry
from intranet.search.documents import SCOPE_AGENT_CASE


@registry.register
class CaseDocument(SearchDocument):
    model = Case
    object_type = "case"
    label = "Case"
    scope = SCOPE_AGENT_CASE

    def get_queryset(self):
        return Case.objects.select_related("service_area")

    def visible_ids(self, user):
        if not selectors.is_agent(user):
            return []
        return selectors.case_list_visible_to(user=user).values_list("pk", flat=True)

    def prepare_title(self, case) -> str:
        return f"{case.reference} {case.subject}"[:255]

    def prepare_summary(self, case) -> str:
        return case.subject

    def prepare_body(self, case) -> str:
        return "\n".join(p for p in (case.description, case.resolution_summary) if p)

    def prepare_url(self, case) -> str:
        # Only agents ever see case hits, so they go to the agent's case page.
        return reverse("helpdesk:case", kwargs={"reference": case.reference})
