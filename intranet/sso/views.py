"""Start a council sign-in, and finish it when the provider sends people back."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.generic import RedirectView, TemplateView, View
from mozilla_django_oidc import views as oidc_views

from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record
from intranet.sso import discovery, refusals, sign_out
from intranet.sso.policy import sso_enabled
from intranet.sso.refusals import Reason, Refusal


def refusal_page(request, refusal: Refusal):
    """Record the refusal in the audit log and explain it to the person."""
    audit_record(
        action=AuditEntry.Action.ACCESS_REFUSED,
        actor_label=refusal.email[:254],
        request=request,
        detail={"via": "single sign-on", "reason": refusal.reason.value},
    )
    heading, explanation = refusals.describe(refusal)
    return render(
        request,
        "intranet/sso_refused.html",
        {"heading": heading, "explanation": explanation},
        status=refusals.status_code(refusal),
    )


@method_decorator(login_not_required, name="dispatch")
class SignInStartView(oidc_views.OIDCAuthenticationRequestView):
    """Send the person to the identity provider, remembering where they were going."""

    def __init__(self, **kwargs):
        # The library reads endpoints here; ours may need discovery, so wait for get.
        View.__init__(self, **kwargs)

    def get(self, request):
        if not sso_enabled():
            raise Http404("Single sign-on is not configured.")
        try:
            self.OIDC_OP_AUTH_ENDPOINT = discovery.endpoint("authorization")
        except discovery.ProviderUnavailableError:
            return refusal_page(request, Refusal(Reason.PROVIDER_UNAVAILABLE))
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class SignInCallbackView(oidc_views.OIDCAuthenticationCallbackView):
    """Sign the person in, or show why not: never a bare error page."""

    def get(self, request):
        if not sso_enabled():
            raise Http404("Single sign-on is not configured.")
        if request.GET.get("error"):
            request.sso_refusal = Refusal(Reason.DECLINED)
        elif request.GET.get("state") not in request.session.get("oidc_states", {}):
            return refusal_page(request, Refusal(Reason.STATE_MISMATCH))
        return super().get(request)

    def login_failure(self):
        refusal = getattr(self.request, "sso_refusal", None) or Refusal(Reason.FAILED)
        return refusal_page(self.request, refusal)


@method_decorator(login_not_required, name="dispatch")
class SignedOutView(TemplateView):
    """Where the identity provider returns people once it has signed them out too."""

    template_name = "intranet/signed_out.html"

    def get(self, request, *args, **kwargs):
        # Someone signed in (again, perhaps in another tab) has not signed out.
        if request.user.is_authenticated:
            return redirect(settings.LOGIN_REDIRECT_URL)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            provider_signed_out=sign_out.provider_signed_out(self.request),
            **kwargs,
        )


# Wagtail serves sign-in forms of its own, which would skip the site's sign-in rules
# (council sign-in, LOCAL_SIGN_IN_ROLES); send everyone through the one door.
site_sign_in_redirect = login_not_required(
    RedirectView.as_view(pattern_name="login", query_string=True)
)
