"""Production settings pass Django's deployment checklist and demand their secrets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "OIDC_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(45),
            "DJANGO_ALLOWED_HOSTS": "intranet.avonford.gov.uk",
            "DATABASE_URL": "postgres://intranet@127.0.0.1:5432/intranet",
            **environment,
        }
    )
    return subprocess.run(  # noqa: S603 - this interpreter running our manage.py
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_catches_a_weak_secret_key():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", DJANGO_SECRET_KEY="ab" * 30
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_refuses_single_sign_on_without_its_secret():
    result = run_manage(
        "check", OIDC_RP_CLIENT_ID="intranet", OIDC_OP_ISSUER="https://login.test"
    )
    assert result.returncode != 0
    assert "Set OIDC_RP_CLIENT_SECRET" in result.stderr


def test_production_refuses_single_sign_on_without_a_provider():
    result = run_manage(
        "check", OIDC_RP_CLIENT_ID="intranet", OIDC_RP_CLIENT_SECRET="s3cret"
    )
    assert result.returncode != 0
    assert "Set OIDC_OP_ISSUER" in result.stderr
