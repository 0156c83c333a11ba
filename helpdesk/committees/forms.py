"""The booking form Democratic Services fill in for a meeting."""

from django import forms

from helpdesk.committees.models import SupportBooking
from helpdesk.committees.models.bookings import MAX_AGENDA_PACKS

from . import layouts


class BookingForm(forms.Form):
    """What a meeting needs; the booking service checks the rest."""

    room_layout = forms.ChoiceField(
        label="Room layout",
        choices=SupportBooking.Layout.choices,
        initial=SupportBooking.Layout.HORSESHOE,
        error_messages={"required": "Choose a room layout."},
    )
    webcasting = forms.BooleanField(
        label="Webcasting and AV",
        required=False,
        help_text="Digital & Design webcast the meeting and run the microphones.",
    )
    legal_adviser = forms.BooleanField(
        label="Legal adviser",
        required=False,
        help_text="Legal read the reports and attend, as planning and licensing need.",
    )
    minute_taker = forms.BooleanField(
        label="Minute-taker", required=False, initial=True
    )
    refreshments = forms.BooleanField(label="Refreshments", required=False)
    agenda_pack_count = forms.IntegerField(
        label="Printed agenda packs",
        min_value=0,
        max_value=MAX_AGENDA_PACKS,
        initial=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        help_text="Enter 0 if the agenda is published online only.",
        error_messages={
            "required": "Enter how many agenda packs to print, or 0.",
            "invalid": "Enter the number of agenda packs as a whole number, like 12.",
            "min_value": "The number of agenda packs cannot be negative.",
            "max_value": f"Print at most {MAX_AGENDA_PACKS} agenda packs.",
        },
    )
    accessibility_needs = forms.CharField(
        label="Accessibility needs",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, a BSL interpreter or step-free access.",
    )
    notes = forms.CharField(
        label="Anything else Support Services should know",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, committee=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committee is not None and not self.is_bound:
            self.fields["legal_adviser"].initial = committee.needs_legal_adviser
        self.helper = layouts.booking_form_helper()
