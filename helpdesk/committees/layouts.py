"""Crispy layouts for the committee forms, in GOV.UK markup."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size


def booking_form_helper() -> FormHelper:
    """Return the layout of the booking form: the room, then the support."""
    helper = FormHelper()
    helper.form_tag = False
    helper.layout = Layout(
        Field.radios("room_layout", legend_size=Size.MEDIUM),
        Fieldset(
            Field.checkbox("webcasting"),
            Field.checkbox("legal_adviser"),
            Field.checkbox("minute_taker"),
            Field.checkbox("refreshments"),
            legend="Support needed",
            legend_size=Size.MEDIUM,
        ),
        Field.text("agenda_pack_count", field_width=5),
        Field.textarea("accessibility_needs"),
        Field.textarea("notes"),
        Button("submit", "Book support"),
    )
    return helper
