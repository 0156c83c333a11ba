"""The reset request and new-password forms, worded for GOV.UK's patterns."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The address of your intranet account.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": (
                "Enter an email address in the correct format, "
                "like name@avonford.gov.uk"
            ),
            "max_length": "Email address must be 254 characters or fewer",
        },
    )


class NewPasswordForm(SetPasswordForm):
    """Django's checks on the new password, with plain messages."""

    error_messages = {"password_mismatch": "The passwords do not match"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].error_messages["required"] = (
            "Enter the new password again"
        )
        self.fields["new_password1"].help_text = (
            "At least 8 characters, not only numbers, and not a common password "
            "or one like your name."
        )
