"""compose.yaml: the production topology parses and checks the health of each part.

There is no container engine here to run it, so these tests read it instead.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"proxy", "web", "worker", "beat", "postgres", "redis", "elasticsearch"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_names_every_part_of_the_topology(compose):
    assert set(compose["services"]) >= SERVICES


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_compose_gives_each_long_running_service_a_health_check(compose, name):
    check = compose["services"][name]["healthcheck"]
    assert check["test"]
    assert check["interval"]


def test_compose_runs_several_web_processes_and_exactly_one_beat(compose):
    services = compose["services"]
    assert services["web"]["deploy"]["replicas"] >= 2
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert services["beat"]["deploy"]["replicas"] == 1


def test_compose_web_is_checked_through_healthz(compose):
    assert "/healthz" in " ".join(compose["services"]["web"]["healthcheck"]["test"])


def test_compose_web_starts_only_after_migrations(compose):
    web = compose["services"]["web"]
    assert web["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == (
        "intranet.settings.production"
    )


def test_compose_mounts_the_proxy_configuration_that_exists(compose):
    mounts = compose["services"]["proxy"]["volumes"]
    config = next(m for m in mounts if "nginx.conf" in m).split(":")[0]
    assert (ROOT / config).is_file()
