"""Settings for benchmark runs: the laptop defaults plus a query count per response.

`bench.run` sets DATABASE_URL, CACHE_URL and CELERY_BROKER_URL before Django
starts, so web processes and workers share one PostgreSQL and one Redis.
"""

from intranet.settings.base import *  # noqa: F403
from intranet.settings.base import MIDDLEWARE

DEBUG = False
# The seeded staff use the demo password, and the seeder reuses the demo content.
DEMO_MODE = True
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
# Hashing a password on every sign-in would dominate nothing the pages do.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
