"""The agent forms' GOV.UK markup is the template pack's, however it is built."""

import re

import pytest
from django import forms
from django.template import engines

from helpdesk import agent_forms
from helpdesk.models import RequestType
from helpdesk.selectors_workspace import queue_members

pytestmark = pytest.mark.django_db

CRISPY = "{% load crispy_forms_tags %}{{ form|crispy }}"
OURS = "{% load helpdesk_forms %}{{ form|govuk_form }}"


def render(source: str, form) -> str:
    html = engines["django"].from_string(source).render({"form": form})
    # Whitespace around tags and inside text means nothing to a browser here.
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", html).strip()


def _forms(desk, case):
    members = list(queue_members(queue=desk.hr.queue))
    request_types = RequestType.objects.select_related("service_area")
    filter_data = {
        "status": "sleeping",
        "priority": "high",
        "created_from": "2026-06-30",
        "created_to": "2026-06-01",
        "assignee": str(members[0].pk),
        "sort": "due",
    }
    return {
        "filter": lambda data: agent_forms.QueueFilterForm(
            data, request_types=request_types, members=members
        ),
        "filter-bad": lambda data: agent_forms.QueueFilterForm(
            filter_data, request_types=request_types, members=members
        ),
        "status": lambda data: agent_forms.StatusForm(data, case=case, prefix="s"),
        "transfer": lambda data: agent_forms.TransferForm(data, case=case, prefix="t"),
        "assign": lambda data: agent_forms.AssignForm(data, case=case, prefix="a"),
        "merge": lambda data: agent_forms.MergeForm(data, prefix="m"),
        "link": lambda data: agent_forms.LinkForm(data, prefix="l"),
        "resolve": lambda data: agent_forms.ResolveForm(data, prefix="r"),
        "reply": lambda data: agent_forms.ReplyForm(data, prefix="reply"),
        "note": lambda data: agent_forms.NoteForm(data, prefix="note"),
    }


@pytest.mark.parametrize(
    "name",
    [
        "filter",
        "filter-bad",
        "status",
        "transfer",
        "assign",
        "merge",
        "link",
        "resolve",
        "reply",
        "note",
    ],
)
@pytest.mark.parametrize("data", [None, {}], ids=["unbound", "empty-post"])
def test_govuk_form_matches_the_template_pack(desk, make_case, name, data):
    make = _forms(desk, make_case())[name]
    ours, theirs = make(data), make(data)
    if data is not None:
        ours.is_valid()
        theirs.is_valid()
    assert render(OURS, ours) == render(CRISPY, theirs)


def test_govuk_form_shows_errors_next_to_their_fields(desk, make_case):
    form = agent_forms.MergeForm({}, prefix="merge")
    html = render(OURS, form)
    assert (
        '<span id="id_merge-target_1_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span>'
        "Enter the reference of the case to keep.</span>"
    ) in html
    assert 'aria-describedby="id_merge-target_1_error"' in html
    assert "govuk-form-group--error" in html


def test_govuk_form_leaves_other_widgets_to_the_template_pack():
    class Choices(forms.Form):
        days = forms.MultipleChoiceField(
            choices=[("mon", "Monday"), ("tue", "Tuesday")],
            widget=forms.CheckboxSelectMultiple,
        )

    assert render(OURS, Choices()) == render(CRISPY, Choices())
    assert "govuk-checkboxes" in render(OURS, Choices())
