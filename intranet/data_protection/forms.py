from django import forms
from django.contrib.auth import get_user_model


class SubjectAccessForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        help_text="The username of the member of staff the request is about.",
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        subject = get_user_model().objects.filter(username=username).first()
        if subject is None:
            raise forms.ValidationError(
                f"No member of staff has the username {username!r}."
            )
        self.cleaned_data["subject"] = subject
        return username
