"""Classic script-injection payloads, put in through every text input, stay inert.

The browser ignores the Content Security Policy here, so that only escaping stands
between a payload and its execution.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from helpdesk import services
from tests.helpdesk.uploads import upload
from tests.intranet.factories import UserFactory
from tests.security.council import build_council

FLAG = "window.__xss=1"
PAYLOADS = [
    f"<script>{FLAG}</script>",
    f'"><script>{FLAG}</script>',
    f"'><script>{FLAG}</script>",
    f'<img src=x onerror="{FLAG}" data-xss>',
    f'"><img src=x onerror={FLAG} data-xss>',
    f"<svg onload={FLAG} data-xss>",
    f"<svg><script>{FLAG}</script></svg>",
    f"<body onload={FLAG}>",
    f'<iframe src="javascript:{FLAG}" data-xss></iframe>',
    f'<a href="javascript:{FLAG}" data-xss>click</a>',
    f"javascript:{FLAG}",
    f'<details open ontoggle="{FLAG}" data-xss>',
    f'<input autofocus onfocus="{FLAG}" data-xss>',
    f'<math><mtext><img src=x onerror="{FLAG}" data-xss></mtext></math>',
    f"</textarea><script>{FLAG}</script>",
    f"</title><script>{FLAG}</script>",
    f"<scr<script>ipt>{FLAG}</scr</script>ipt>",
    f"{{{{ {FLAG} }}}}",
    f"<style>@import 'javascript:{FLAG}';</style>",
    f'<object data="javascript:{FLAG}" data-xss></object>',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1) data-xss>',
]
TEXT = PAYLOADS[0]


@pytest.fixture
def dialogs():
    """Return the messages of every dialog any page opened during the test."""
    return []


@pytest.fixture
def browse(browser, live_server, dialogs):
    """Return a function opening a page as a user, with the CSP switched off."""
    contexts = []

    def open_as(user):
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        contexts.append(context)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookie,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda dialog: record(dialog))
        return page

    def record(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    yield open_as
    for context in contexts:
        context.close()


def assert_inert(page, path, dialogs):
    page.goto(path)
    page.wait_for_load_state("load")
    executed = page.evaluate("() => window.__xss === 1")
    injected = page.locator("[data-xss], a[href^='javascript:' i]").count()
    assert (executed, injected, dialogs) == (False, 0, []), page.url


@pytest.fixture
def poisoned(home_page):
    """Put every payload through the services behind each text input."""
    council = build_council()
    requester = council.users["staff"]
    specialist = council.users["specialist"]
    for payload in PAYLOADS:
        services.case_create(
            requester=requester,
            request_type=council.pay_query,
            subject=payload,
            description="Subject test",
        )
    case = services.case_create(
        requester=requester,
        request_type=council.pay_query,
        subject="Everything at once",
        description="\n".join(PAYLOADS),
        answers={f"question {n}": payload for n, payload in enumerate(PAYLOADS)},
        attachments=[
            upload(f"{n}{payload[:60]}.pdf") for n, payload in enumerate(PAYLOADS[:5])
        ],
    )
    for payload in PAYLOADS:
        services.case_reply(
            case=case, author=requester, body=payload, now=timezone.now()
        )
        services.case_note(
            case=case, author=specialist, body=payload, now=timezone.now()
        )
    for n, payload in enumerate(PAYLOADS):
        UserFactory(
            username=f"xss.person{n}",
            first_name=payload[:150],
            last_name="Xsstest",
            job_title=payload[:150],
        )
    council.poisoned_case = case
    return council


def test_xss_payloads_stay_text_on_every_page_that_shows_them(
    browse, poisoned, dialogs
):
    reference = poisoned.poisoned_case.reference
    requester = browse(poisoned.users["staff"])
    for path in ["/requests/", f"/requests/{reference}/"]:
        assert_inert(requester, path, dialogs)
    expect(requester.locator("main")).to_contain_text(TEXT)

    agent = browse(poisoned.users["specialist"])
    for path in ["/queues/", f"/queues/{poisoned.hr.slug}/", f"/cases/{reference}/"]:
        assert_inert(agent, path, dialogs)
    expect(agent.locator("main")).to_contain_text(TEXT)
    for path in ["/people/?q=Xsstest", "/people/xss.person3/"]:
        assert_inert(agent, path, dialogs)
    expect(agent.locator("main")).to_contain_text("Xsstest")


def test_xss_payloads_in_search_queries_stay_text(browse, poisoned, dialogs):
    page = browse(poisoned.users["specialist"])
    for payload in PAYLOADS:
        for path in ["/search/", "/people/"]:
            assert_inert(page, f"{path}?{urlencode({'q': payload})}", dialogs)
    expect(page.locator("input[name=q]").first).to_have_value(PAYLOADS[-1])
