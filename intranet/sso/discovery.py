"""The identity provider's endpoints: set one by one, or found from its issuer."""

import requests
from django.conf import settings
from django.core.cache import cache

DISCOVERY_PATH = "/.well-known/openid-configuration"
DISCOVERY_CACHE_SECONDS = 60 * 60
ENDPOINTS = {
    "authorization": ("OIDC_OP_AUTHORIZATION_ENDPOINT", "authorization_endpoint"),
    "token": ("OIDC_OP_TOKEN_ENDPOINT", "token_endpoint"),
    "userinfo": ("OIDC_OP_USER_ENDPOINT", "userinfo_endpoint"),
    "jwks": ("OIDC_OP_JWKS_ENDPOINT", "jwks_uri"),
    "end_session": ("OIDC_OP_END_SESSION_ENDPOINT", "end_session_endpoint"),
}


class ProviderUnavailableError(Exception):
    """The identity provider could not be reached or described itself wrongly."""


def provider_metadata() -> dict:
    """Return the issuer's discovery document, cached for an hour; {} without one.

    :raises ProviderUnavailableError: if the document cannot be fetched, or names a
        different issuer than the one configured
    """
    issuer = settings.OIDC_OP_ISSUER.rstrip("/")
    if not issuer:
        return {}
    key = f"oidc-discovery:{issuer}"
    metadata = cache.get(key)
    if metadata is None:
        try:
            response = requests.get(
                issuer + DISCOVERY_PATH, timeout=settings.OIDC_TIMEOUT
            )
            response.raise_for_status()
            metadata = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ProviderUnavailableError(
                f"No discovery document at {issuer}"
            ) from exc
        if str(metadata.get("issuer", "")).rstrip("/") != issuer:
            raise ProviderUnavailableError(f"{issuer} describes another issuer")
        cache.set(key, metadata, DISCOVERY_CACHE_SECONDS)
    return metadata


def endpoint(name: str) -> str:
    """Return one endpoint's address: the explicit setting, else the discovered one.

    :raises ProviderUnavailableError: if discovery is needed and fails
    """
    setting, metadata_key = ENDPOINTS[name]
    return getattr(settings, setting) or provider_metadata().get(metadata_key, "")


def issuer_matches(claimed: str) -> bool:
    """Return whether a token's issuer is ours; any issuer will do without one set."""
    expected = settings.OIDC_OP_ISSUER.rstrip("/")
    return not expected or str(claimed).rstrip("/") == expected
