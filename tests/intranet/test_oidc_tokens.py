"""ID tokens are accepted only when signed by the provider for this intranet."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import SuspiciousOperation

from intranet.sso.backends import StaffOIDCBackend

ISSUER = "https://login.example.test/tenant/v2.0"


@pytest.fixture(scope="module")
def provider_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def backend(settings):
    settings.OIDC_RP_CLIENT_ID = "intranet"
    settings.OIDC_OP_ISSUER = ISSUER
    return StaffOIDCBackend()


def token(key, algorithm="RS256", **overrides):
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": "intranet",
        "sub": "abc",
        "iat": now,
        "exp": now + 300,
        "email": "kim.lee@avonford.gov.uk",
        **overrides,
    }
    return jwt.encode(claims, key, algorithm=algorithm)


def test_token_signed_for_the_intranet_is_accepted(backend, provider_key):
    claims = backend._verify_jws(token(provider_key), provider_key.public_key())
    assert claims["email"] == "kim.lee@avonford.gov.uk"


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "another-app"},
        {"iss": "https://login.example.test/other-tenant/v2.0"},
        {"exp": int(time.time()) - 600},
    ],
    ids=["audience", "issuer", "expired"],
)
def test_token_for_someone_else_is_refused(backend, provider_key, overrides):
    with pytest.raises(SuspiciousOperation):
        backend._verify_jws(token(provider_key, **overrides), provider_key.public_key())


def test_token_signed_by_another_key_is_refused(backend, provider_key):
    impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(SuspiciousOperation):
        backend._verify_jws(token(impostor), provider_key.public_key())


def test_token_with_a_shared_secret_algorithm_is_refused(backend, provider_key):
    forged = token("a-guessable-secret-of-thirty-two-bytes!", algorithm="HS256")
    with pytest.raises(SuspiciousOperation):
        backend._verify_jws(forged, provider_key.public_key())
