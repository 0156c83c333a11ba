"""Sign staff in through the council's identity provider, matched by email address."""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from intranet.sso import discovery
from intranet.sso.policy import sso_enabled
from intranet.sso.refusals import Reason, Refusal

logger = logging.getLogger(__name__)
NAME_CLAIMS = {"first_name": "given_name", "last_name": "family_name"}
# Where mozilla-django-oidc keeps the ID token when OIDC_STORE_ID_TOKEN is on.
ID_TOKEN_SESSION_KEY = "oidc_id_token"  # noqa: S105 - a session key, not a secret


class StaffOIDCBackend(OIDCAuthenticationBackend):
    """Match the provider's verified email address to an existing, active staff record.

    Unknown addresses are refused, never given a new account: the staff record
    comes from HR. The reason for a refusal is left on the request as
    `sso_refusal` for the callback page to explain.
    """

    def __init__(self, *args, **kwargs):
        # Django builds a backend for every signed-in request; endpoints are looked
        # up only during a sign-in, so an outage at the provider cannot break pages.
        self.UserModel = get_user_model()

    @property
    def OIDC_RP_CLIENT_ID(self):
        return settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self):
        return settings.OIDC_RP_CLIENT_SECRET

    @property
    def OIDC_RP_SIGN_ALGO(self):
        return settings.OIDC_RP_SIGN_ALGO

    @property
    def OIDC_RP_IDP_SIGN_KEY(self):
        return getattr(settings, "OIDC_RP_IDP_SIGN_KEY", None)

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):
        return discovery.endpoint("token")

    @property
    def OIDC_OP_USER_ENDPOINT(self):
        return discovery.endpoint("userinfo")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):
        return discovery.endpoint("jwks")

    def authenticate(self, request, **kwargs):
        # Only the sign-in callback passes a nonce; password sign-ins pass through.
        if request is None or "nonce" not in kwargs or not sso_enabled():
            return None
        try:
            return super().authenticate(request, **kwargs)
        except discovery.ProviderUnavailableError:
            logger.warning("Single sign-on provider unavailable", exc_info=True)
            return self._refuse(request, Reason.PROVIDER_UNAVAILABLE)
        except requests.RequestException:
            logger.warning("Single sign-on provider refused the code", exc_info=True)
            return self._refuse(request, Reason.FAILED)
        except SuspiciousOperation:
            logger.warning("Single sign-on token refused", exc_info=True)
            return self._refuse(request, Reason.FAILED)

    def _verify_jws(self, payload, key):
        """Check the signature, expiry, audience and issuer of a token.

        :raises SuspiciousOperation: if any of them is wrong
        """
        algorithm = self.OIDC_RP_SIGN_ALGO
        if jwt.get_unverified_header(payload).get("alg") != algorithm:
            raise SuspiciousOperation("Token signed with an unexpected algorithm.")
        try:
            claims = jwt.decode(
                payload,
                key,
                algorithms=[algorithm],
                audience=self.OIDC_RP_CLIENT_ID,
                options={"require": ["exp", "iat", "aud", "iss", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"Token refused: {exc}") from exc
        if not discovery.issuer_matches(claims["iss"]):
            raise SuspiciousOperation("Token from another issuer.")
        return claims

    def get_userinfo(self, access_token, id_token, payload):
        """Return the ID token's claims, topped up from the userinfo endpoint.

        :raises SuspiciousOperation: if userinfo describes another subject
        """
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("Userinfo names another subject.")
            claims.update(userinfo)
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        email = str(claims.get(settings.OIDC_EMAIL_CLAIM) or "").strip()
        if not email or claims.get("email_verified") is False:
            return self._refuse(self.request, Reason.NO_EMAIL, email)
        user = self.UserModel._default_manager.filter(email__iexact=email).first()
        if user is None:
            return self._refuse(self.request, Reason.UNKNOWN_ACCOUNT, email)
        if not self.user_can_authenticate(user):
            return self._refuse(self.request, Reason.INACTIVE, email)
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        """Keep the person's names as the council's directory has them."""
        changed = []
        for field, claim in NAME_CLAIMS.items():
            limit = self.UserModel._meta.get_field(field).max_length
            value = str(claims.get(claim) or "").strip()[:limit]
            if value and getattr(user, field) != value:
                setattr(user, field, value)
                changed.append(field)
        if changed:
            user.save(update_fields=changed)
        return user

    def get_user(self, user_id):
        # Unlike the library's, refuse deactivated users on their next request.
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def _refuse(request, reason: Reason, email: str = ""):
        # The library keeps the ID token before the account is checked; someone
        # turned away has no sign-in for it to end.
        request.session.pop(ID_TOKEN_SESSION_KEY, None)
        request.sso_refusal = Refusal(reason=reason, email=email)
        return None
