"""Sign people out at the identity provider too, when they signed in through it.

OpenID Connect RP-initiated logout: the person is sent to the provider's
end_session_endpoint with the ID token of their sign-in as ``id_token_hint``; the
provider ends its own session and returns them to our signed-out page with the
``state`` we sent, which is kept in their new, empty session until then.
"""

import logging
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.urls import reverse

from intranet.sso import backends, discovery
from intranet.sso.policy import sso_enabled

logger = logging.getLogger(__name__)
SSO_BACKEND = f"{backends.__name__}.{backends.StaffOIDCBackend.__qualname__}"
STATE_KEY = "oidc_sign_out_state"


def sso_id_token(session) -> str:
    """Return the ID token of a council sign-in; "" after a password sign-in."""
    if session.get(BACKEND_SESSION_KEY) != SSO_BACKEND:
        return ""
    return session.get(backends.ID_TOKEN_SESSION_KEY) or ""


def end_session_url(*, id_token: str, post_logout_redirect_uri: str, state: str) -> str:
    """Return the provider's address that ends its session; "" if it offers none.

    :raises discovery.ProviderUnavailableError: if discovery is needed and fails
    """
    endpoint = discovery.endpoint("end_session")
    if not endpoint:
        return ""
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": post_logout_redirect_uri,
            "state": state,
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def provider_sign_out_url(request, *, id_token: str) -> str:
    """Return where to send someone just signed out, to sign out at the provider too.

    Call it after the local sign-out, with the ID token taken before it. Returns ""
    when there is nothing to do (a password sign-in, single sign-on off) or nothing
    can be done (no end-session endpoint, discovery failing): the plain signed-out
    page then serves, and the person stays signed in at the provider.
    """
    if not id_token or not sso_enabled():
        return ""
    state = secrets.token_urlsafe(32)
    try:
        url = end_session_url(
            id_token=id_token,
            post_logout_redirect_uri=request.build_absolute_uri(
                reverse("sso-signed-out")
            ),
            state=state,
        )
    except discovery.ProviderUnavailableError:
        logger.warning(
            "Signed out of the intranet only: provider unavailable", exc_info=True
        )
        return ""
    if not url:
        logger.warning(
            "Signed out of the intranet only: the provider has no end_session_endpoint"
        )
        return ""
    request.session[STATE_KEY] = state
    return url


def provider_signed_out(request) -> bool:
    """Return whether the provider sent the person back from the sign-out we asked.

    The state is used up, so a bookmarked or shared link proves nothing.
    """
    expected = request.session.pop(STATE_KEY, "")
    returned = request.GET.get("state", "")
    return bool(expected) and secrets.compare_digest(
        expected.encode(), returned.encode()
    )
