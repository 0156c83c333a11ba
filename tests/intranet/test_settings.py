import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _import_production(**env) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="intranet.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _import_production(DJANGO_ALLOWED_HOSTS="intranet.avonford.gov.uk")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_refuse_a_short_secret_key():
    result = _import_production(
        DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="intranet.avonford.gov.uk"
    )
    assert "at least 50 characters" in result.stderr


def test_production_settings_start_with_secrets_and_turn_demo_mode_off():
    result = _import_production(
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="intranet.avonford.gov.uk",
        DEMO_MODE="true",
    )
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DEMO_MODE, settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "intranet.avonford.gov.uk",
            "DEMO_MODE": "true",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.strip() == "False False True"


def test_the_zero_set_up_worker_looks_for_new_tasks_ten_times_a_second():
    # A worker on the filesystem queue otherwise waits a second between looks,
    # and a fresh demo's few hundred tasks kept new submissions waiting minutes.
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from intranet.celery import app; "
            "print(app.connection_for_write().transport.polling_interval)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "intranet.settings.base",
            "CELERY_BROKER_URL": "filesystem://",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(check.stdout.strip()) == 0.1
