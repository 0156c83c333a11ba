"""Production: everything in base, with secrets demanded and transport locked down."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value.")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")

DEBUG = False
DEMO_MODE = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Cookies bound to this exact host, sent over HTTPS only.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

if OIDC_RP_CLIENT_ID and not OIDC_RP_CLIENT_SECRET:
    raise ImproperlyConfigured("Set OIDC_RP_CLIENT_SECRET for single sign-on.")
_OIDC_ENDPOINTS = [
    OIDC_OP_AUTHORIZATION_ENDPOINT,
    OIDC_OP_TOKEN_ENDPOINT,
    OIDC_OP_JWKS_ENDPOINT,
]
if OIDC_RP_CLIENT_ID and not OIDC_OP_ISSUER and not all(_OIDC_ENDPOINTS):
    raise ImproperlyConfigured(
        "Set OIDC_OP_ISSUER, or the provider's authorization, token and JWKS "
        "endpoints, for single sign-on."
    )
