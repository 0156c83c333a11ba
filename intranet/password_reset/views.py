"""Pages to ask for a reset link and to choose a new password with it."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.generic import FormView, TemplateView

from intranet.password_reset import limits, services
from intranet.password_reset.forms import NewPasswordForm, PasswordResetRequestForm
from intranet.sso.policy import local_sign_in_allowed


@method_decorator(login_not_required, name="dispatch")
class ResetRequestView(FormView):
    template_name = "intranet/password_reset/request.html"
    form_class = PasswordResetRequestForm

    def form_valid(self, form):
        try:
            services.password_reset_request(
                email=form.cleaned_data["email"], request=self.request
            )
        except limits.LimitReachedError as exc:
            return render(
                self.request,
                "intranet/password_reset/limited.html",
                {"minutes": exc.minutes},
                status=429,
            )
        return redirect("password-reset-sent")


@method_decorator(login_not_required, name="dispatch")
class ResetSentView(TemplateView):
    template_name = "intranet/password_reset/sent.html"


@method_decorator(login_not_required, name="dispatch")
class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's link check (the token moves into the session), in our design.

    An account that may not sign in with a password is treated as an invalid link.
    """

    template_name = "intranet/password_reset/confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("password-reset-complete")
    post_reset_login = False

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is not None and not (user.is_active and local_sign_in_allowed(user)):
            return None
        return user

    def form_valid(self, form):
        services.password_set(form=form, request=self.request)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


@method_decorator(login_not_required, name="dispatch")
class ResetCompleteView(TemplateView):
    template_name = "intranet/password_reset/complete.html"
