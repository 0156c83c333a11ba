"""Sign-in and sign-out pages in the site's own design."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator

from intranet.accounts_forms import SignInForm
from intranet.sso import sign_out
from intranet.sso.policy import sso_enabled

SITE_NAME = "Support Services Intranet"


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "intranet/sign_in.html"
    authentication_form = SignInForm
    # LoginView would otherwise name the site after the request's host.
    extra_context = {"site_name": SITE_NAME}

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            # Someone already signed in is only sent here by a page they may not
            # open (Wagtail's admin does this); say so rather than loop back.
            if self.get_redirect_url():
                return render(request, "403.html", status=403)
            return redirect(self.get_default_redirect_url())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sso_enabled=sso_enabled(), **kwargs)


class SignOutView(auth_views.LogoutView):
    template_name = "intranet/signed_out.html"
    extra_context = {"site_name": SITE_NAME}

    def post(self, request, *args, **kwargs):
        """Sign out here and, after a council sign-in, at the identity provider too.

        The provider is reached through a page that refreshes to it rather than a
        redirect: the site's form-action policy would stop a sign-out form from
        being redirected to another origin.
        """
        id_token = sign_out.sso_id_token(request.session)
        response = super().post(request, *args, **kwargs)
        url = sign_out.provider_sign_out_url(request, id_token=id_token)
        if not url:
            return response
        return self.render_to_response(self.get_context_data(end_session_url=url))
