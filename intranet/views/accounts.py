"""Sign-in and sign-out pages in the site's own design."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator

from intranet.accounts_forms import SignInForm
from intranet.sso.policy import sso_enabled

SITE_NAME = "Support Services Intranet"


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "intranet/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    # LoginView would otherwise name the site after the request's host.
    extra_context = {"site_name": SITE_NAME}

    def get_context_data(self, **kwargs):
        return super().get_context_data(sso_enabled=sso_enabled(), **kwargs)


class SignOutView(auth_views.LogoutView):
    template_name = "intranet/signed_out.html"
    extra_context = {"site_name": SITE_NAME}
