"""The sign-in form, worded for staff who may use a username or an email address."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label="Username or email address",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": (
            "Enter a correct username or email address and password. "
            "Both are case-sensitive except the email address."
        ),
        "inactive": "This account is inactive. Contact the digital service desk.",
    }
