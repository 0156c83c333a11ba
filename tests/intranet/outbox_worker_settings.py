"""Settings for Celery workers started by the outbox tests: mail goes to files."""

import os

from intranet.settings.base import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["OUTBOX_TEST_MAIL_DIR"]
OUTBOX_LEASE_SECONDS = int(os.environ.get("OUTBOX_LEASE_SECONDS", "2"))
LOGGING = {"version": 1, "disable_existing_loggers": False}
