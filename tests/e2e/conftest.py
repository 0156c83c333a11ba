"""Browser journeys: Debian's Chromium, driven by Playwright, on the live server."""

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from playwright.sync_api import Page
from wagtail.rich_text import RichText

from intranet.roles import Role
from tests.e2e import axe
from tests.intranet.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceAreaPageFactory,
    StandardPageFactory,
    UserFactory,
    team,
)

# Playwright's sync API keeps an event loop running in the test thread, which makes
# Django refuse database queries there unless told the thread is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
E2E_DIR = Path(__file__).resolve().parent
RESULTS_DIR = E2E_DIR.parents[1] / "test-results"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def _in_e2e(item: pytest.Item) -> bool:
    return E2E_DIR in item.path.parents


def _browser_missing_may_skip() -> bool:
    return not CHROMIUM.exists() and os.environ.get("CI") != "true"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # The live server needs committed data, and each test must start from the
    # migrated site tree (home page, groups, teams) that flushing would remove.
    skip = pytest.mark.skip(
        reason=f"Chromium is not installed at {CHROMIUM}: run 'make install-browser'"
    )
    for item in items:
        if not _in_e2e(item):
            continue
        item.add_marker(pytest.mark.e2e)
        item.add_marker(
            pytest.mark.django_db(transaction=True, serialized_rollback=True)
        )
        if _browser_missing_may_skip():
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    page = getattr(item, "funcargs", {}).get("page")
    if report.when == "call" and report.failed and page is not None:
        _save_failure_artifacts(item.name, page)
    return report


def _save_failure_artifacts(test_name: str, page: Page) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    stem = RESULTS_DIR / re.sub(r"[^\w.-]+", "-", test_name).strip("-")
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
    except Exception as exc:
        # A page that has already closed must not hide the test's own failure.
        print(f"Could not save the page of {test_name}: {exc}")


@pytest.fixture(scope="session")
def _migrated_database_snapshot(django_db_setup):
    """Return the copy of the migrated database that transactional tests restore."""
    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(scope="session", autouse=True)
def _database_snapshot_beside_the_browser(_migrated_database_snapshot, playwright):
    # Once Playwright's event loop runs in this thread, Django hands the tests a
    # separate connection object, which lacks that copy unless it is passed on.
    if _migrated_database_snapshot and not hasattr(
        connection, "_test_serialized_contents"
    ):
        connection._test_serialized_contents = _migrated_database_snapshot


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run 'make install-browser'"
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "en-GB",
        "timezone_id": "Europe/London",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture
def page(page: Page) -> Page:
    page.set_default_timeout(TIMEOUT_MS)
    return page


@pytest.fixture
def sign_in(page, live_server):
    """Return a function that signs the browser in as a user, skipping the form."""

    def sign_in_as(user) -> Page:
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        return page

    return sign_in_as


@pytest.fixture
def specialist_user(make_user):
    return make_user(
        Role.SPECIALIST,
        username="pat.payroll",
        first_name="Pat",
        last_name="Payroll",
        job_title="Payroll specialist",
        team=team("hr"),
    )


@pytest.fixture
def axe_audit():
    """Return a function that fails the test with a readable list of violations."""

    def audit(page: Page, *, signed_in_as: str = "") -> list[dict]:
        found = axe.violations(page)
        if found:
            who = f" signed in as {signed_in_as}" if signed_in_as else ""
            pytest.fail(
                f"{len(found)} accessibility violation(s) on {page.url}{who}:\n"
                + axe.describe(found),
                pytrace=False,
            )
        return found

    return audit


@dataclass
class CouncilContent:
    service_area: object
    guidance: object
    news_index: object
    news: object
    standard: object
    manager: object
    officer: object


@pytest.fixture
def council_content(home_page) -> CouncilContent:
    """Publish one page of every type and a small team with a line manager."""
    body = [
        ("heading", "What changes"),
        ("paragraph", RichText('<p>Read the <a href="/">full policy</a>.</p>')),
        ("inset_text", RichText("<p>Ask your line manager first.</p>")),
        ("warning", "Claims made after 30 days are not paid."),
    ]
    area = ServiceAreaPageFactory(parent=home_page, title="HR", body=body)
    news_index = NewsIndexPageFactory(parent=home_page, title="News")
    manager = UserFactory(
        username="morgan.manager",
        first_name="Morgan",
        last_name="Manager",
        job_title="Head of Customer Services",
    )
    return CouncilContent(
        service_area=area,
        guidance=StandardPageFactory(
            parent=area, title="Annual leave policy", body=body
        ),
        news_index=news_index,
        news=NewsPageFactory(parent=news_index, title="New payroll dates", body=body),
        standard=StandardPageFactory(
            parent=home_page, title="About the intranet", body=body
        ),
        manager=manager,
        officer=UserFactory(
            username="olly.officer",
            first_name="Olly",
            last_name="Officer",
            job_title="Customer services officer",
            line_manager=manager,
        ),
    )
