"""Settings with safe laptop defaults; every value can be overridden by environment.

Every variable read here is listed in `.env.example` and the README.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="insecure-laptop-only-key-never-used-in-production",
)
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
DEMO_MODE = env.bool("DEMO_MODE", default=False)
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "intranet",
    "intranet.audit",
    "intranet.data_protection",
    "knowledge",
    "helpdesk",
    "helpdesk.committees",
    "forms.apps.SelfServiceConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "crispy_forms_gds",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "intranet.audit.context.AuditContextMiddleware",
    "intranet.security.SessionTimeoutMiddleware",
    "intranet.security.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "intranet.admin_choosers.ChooserIdMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "intranet.context_processors.site_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", 60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://intranet")}

AUTH_USER_MODEL = "intranet.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "intranet.auth_backends.EmailOrUsernameBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Reset links for local accounts last an hour; requests are limited per client
# address and per account in a fixed window (intranet/password_reset/limits.py).
PASSWORD_RESET_TIMEOUT = 60 * 60
PASSWORD_RESET_LIMIT_PER_ADDRESS = 10
PASSWORD_RESET_LIMIT_PER_ACCOUNT = 3
PASSWORD_RESET_LIMIT_WINDOW = timedelta(minutes=15)

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=10 * 60 * 60)
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=60 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=10 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Sign-in lockout: 10 failures per account, and per address, then 5 minutes' wait.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=5))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "intranet/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Single sign-on with OpenID Connect (Microsoft Entra ID or any provider), on when a
# client id is set. Endpoints come from the issuer's discovery document unless set
# one by one. Local passwords stay for break-glass administrators. Signing out after
# a council sign-in ends the provider's session too, if it has an end-session endpoint.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_END_SESSION_ENDPOINT = env("OIDC_OP_END_SESSION_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_EMAIL_CLAIM = env("OIDC_EMAIL_CLAIM", default="email")
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT", default=5.0)
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
# Kept for signing out at the provider too (id_token_hint); never logged or exported.
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso-callback"
LOCAL_SIGN_IN_ROLES = env.list("LOCAL_SIGN_IN_ROLES", default=[])
AUTHENTICATION_BACKENDS += ["intranet.sso.backends.StaffOIDCBackend"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
    ("htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    BASE_DIR / "static",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))
HELPDESK_MAX_ATTACHMENT_BYTES = env.int(
    "HELPDESK_MAX_ATTACHMENT_BYTES", default=10 * 1024 * 1024
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Support Services <support@avonford.gov.uk>"
)

# Background work: with no broker, tasks run in-process as they are queued.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery"
    for _folder in ("queue", "processed", "control"):
        (_queue_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
        # The worker looks for new messages this often; kombu's default of a
        # second made a fresh demo's backlog (its search index, its emails) and
        # each new form submission wait minutes behind it.
        "polling_interval": 0.1,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Publishing a task fails fast when the broker is down: the outbox message is
# already stored, and the sweeper queues it again once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.1,
}
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "max_retries": 1}
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {
    "task": "intranet.outbox.sweep",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["knowledge-review-reminders"] = {
    "task": "knowledge.tasks.article_review_reminders_task",
    "schedule": crontab(hour=7, minute=0),
}
CELERY_BEAT_SCHEDULE["helpdesk-sla-check"] = {
    "task": "helpdesk.tasks_sla.case_sla_check_task",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["helpdesk-close-resolved"] = {
    "task": "helpdesk.tasks_sla.case_close_resolved_task",
    "schedule": crontab(minute="*/15"),
}
CELERY_BEAT_SCHEDULE["selfservice-retry-stalled"] = {
    "task": "selfservice.submission_retry_stalled",
    "schedule": 120.0,
}
# Files held for forms that were never sent are let go after a day.
CELERY_BEAT_SCHEDULE["selfservice-held-uploads-expire"] = {
    "task": "selfservice.held_uploads_expire",
    "schedule": crontab(minute=20),
}
# Task modules outside the autodiscovered `<app>.tasks`.
CELERY_BEAT_SCHEDULE["helpdesk-mail-ingest"] = {
    "task": "helpdesk.tasks_email.mail_ingest_task",
    "schedule": 60.0,
}
CELERY_IMPORTS = ["helpdesk.tasks_sla", "helpdesk.tasks_email"]
# Retention runs at night, when no one is working the cases it may anonymise.
CELERY_BEAT_SCHEDULE["helpdesk-retention"] = {
    "task": "helpdesk.retention.tasks.retention_apply_task",
    "schedule": crontab(hour=2, minute=30),
}
CELERY_IMPORTS += ["helpdesk.retention.tasks"]
OUTBOX_LEASE_SECONDS = 300
OUTBOX_MAX_ATTEMPTS = 8
OUTBOX_SWEEP_BATCH = 1000

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Search answers from Elasticsearch when it is configured, from the database
# otherwise, and from the database whenever Elasticsearch does not answer.
SEARCH_BACKEND = env("SEARCH_BACKEND", default="") or (
    "elasticsearch" if ELASTICSEARCH_URL else "database"
)
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="intranet")
ELASTICSEARCH_CONNECTION_CLASS = env(
    "ELASTICSEARCH_CONNECTION_CLASS", default="elastic_transport.Urllib3HttpNode"
)
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)
ELASTICSEARCH_BULK_TIMEOUT = env.float("ELASTICSEARCH_BULK_TIMEOUT", default=60.0)
SEARCH_RESULTS_PER_PAGE = 10

WAGTAIL_SITE_NAME = "Support Services Intranet"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
PEOPLE_PER_PAGE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
NEWS_PER_PAGE = 10

# The REST API at /api/v1/: token or session sign-in, JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "helpdesk.api.exceptions.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Support Services API",
    "DESCRIPTION": "Cases, request types, knowledge search and committee meetings "
    "of the Support Services Intranet.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["helpdesk.api.docs.api_endpoints_only"],
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "helpdesk.models.Case.Status",
        "MeetingStatusEnum": "helpdesk.committees.models.Meeting.Status",
    },
}
