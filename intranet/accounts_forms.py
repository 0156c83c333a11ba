"""The sign-in form, worded for staff who may use a username or an email address."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from intranet.sso import policy


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label="Username or email address",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={"required": "Enter your username or email address"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": (
            "Enter a correct username or email address and password. "
            "Both are case-sensitive except the email address."
        ),
        "inactive": "This account is inactive. Contact the digital service desk.",
        "council_sign_in_only": (
            "Sign in with your council account instead. Passwords on the intranet "
            "itself are kept for administrators."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not policy.local_sign_in_allowed(user):
            raise forms.ValidationError(
                self.error_messages["council_sign_in_only"],
                code="council_sign_in_only",
            )
