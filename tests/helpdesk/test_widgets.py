"""The workspace's select builds exactly the markup Django's own select does."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from helpdesk.widgets import Select

CHOICES = [
    ("", "Any"),
    ("a&b", 'Fish & "chips"'),
    (3, mark_safe("<b>Bold</b>")),
    ("Group <1>", [("x", "X <tag>"), ("y", "Y")]),
]


@pytest.mark.parametrize("value", [None, "", "a&b", "3", 3, "y", "missing"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"class": "govuk-select", "required": True},
        {"aria-describedby": 'id_x_1_error "q"', "disabled": False},
    ],
)
def test_select_matches_djangos_markup(value, attrs):
    ours = Select(choices=CHOICES).render("status", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("status", value, attrs=attrs)
    assert str(ours) == str(django)


def test_select_shows_a_bound_forms_choice_as_selected():
    class Filter(forms.Form):
        sort = forms.ChoiceField(
            choices=[("due", "Due"), ("new", "Newest")], widget=Select
        )

    html = str(Filter({"sort": "new"})["sort"])
    assert '<option value="new" selected>Newest</option>' in html
    assert '<option value="due">Due</option>' in html
