"""Run node-oidc-provider on loopback, and sign in at it as a browser would."""

import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCRIPT = HERE / "provider.mjs"
# Generous, because the machine running the tests may be busy with other work.
STARTUP_SECONDS = 60
STOP_SECONDS = 5
FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"')
HIDDEN_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str

    def settings(self) -> dict:
        """Return the intranet settings that point single sign-on at this provider."""
        return {
            "OIDC_RP_CLIENT_ID": self.client_id,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_ISSUER": self.issuer,
        }


def node_or_skip() -> str:
    """Return node's path; skip outside CI when it is missing, fail inside CI."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is required in CI to run the OpenID Connect provider")
        pytest.skip("node is not installed: the OpenID Connect provider needs it")
    if not (REPO / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("oidc-provider is missing from node_modules: run 'npm install'")
    return node


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_provider(
    *, redirect_uris: list[str], post_logout_redirect_uris: tuple[str, ...] = ()
) -> Iterator[RunningProvider]:
    """Start the provider for one client and stop it afterwards, whatever happens."""
    node = node_or_skip()
    port = free_port()
    provider = RunningProvider(
        issuer=f"http://127.0.0.1:{port}",
        client_id="intranet",
        client_secret=secrets.token_urlsafe(32),
    )
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": provider.client_id,
        "OIDC_CLIENT_SECRET": provider.client_secret,
        "OIDC_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_POST_LOGOUT_REDIRECT_URIS": ",".join(post_logout_redirect_uris),
    }
    # A file rather than a pipe, so that a chatty provider can never block on it.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(  # noqa: S603 - our own script, run by node
            [node, str(SCRIPT)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            _wait_until_ready(process, provider.issuer, log)
            yield provider
        finally:
            process.terminate()
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(process: subprocess.Popen, issuer: str, log) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"The OpenID provider exited: {log.read()}")
        try:
            requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1)
        except requests.ConnectionError:
            time.sleep(0.2)
        else:
            return
    log.seek(0)
    raise RuntimeError(
        f"The OpenID provider did not answer within {STARTUP_SECONDS}s: {log.read()}"
    )


def sign_in_at_provider(
    authorize_url: str,
    *,
    issuer: str,
    login: str,
    browser: requests.Session | None = None,
) -> str:
    """Follow the provider's pages as the person `login`; return where it sends them.

    Pass the same `browser` to several calls to keep the provider's session cookie
    between them, as a real browser would.

    :raises AssertionError: if the provider shows a page other than its sign-in form
    """
    return follow_provider(
        authorize_url, issuer=issuer, browser=browser or requests.Session(), login=login
    ).location


@dataclass(frozen=True)
class ProviderVisit:
    location: str
    asked_to_sign_in: bool


def follow_provider(
    url: str, *, issuer: str, browser: requests.Session, login: str = ""
) -> ProviderVisit:
    """Follow the provider's pages from `url` until it sends the browser elsewhere.

    Signs in as `login` if asked to, and confirms signing out if asked to. Returns
    where the browser was sent and whether the provider asked it to sign in.

    :raises AssertionError: if the provider asks for a sign-in without a `login`,
        or shows any other page
    """
    asked_to_sign_in = False
    response = browser.get(url, allow_redirects=False, timeout=10)
    for _ in range(10):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if not location.startswith(issuer):
                return ProviderVisit(location, asked_to_sign_in)
            response = browser.get(location, allow_redirects=False, timeout=10)
        elif 'name="login"' in response.text:
            assert login, "The provider asked to sign in again"
            asked_to_sign_in = True
            response = _submit(
                browser,
                response,
                {"prompt": "login", "login": login, "password": "any"},
            )
        elif 'name="logout"' in response.text:
            fields = dict(HIDDEN_FIELD.findall(response.text))
            response = _submit(browser, response, {**fields, "logout": "yes"})
        else:
            raise AssertionError(f"Unexpected provider page: {response.text[:500]}")
    raise AssertionError("The provider never sent the browser back")


def _submit(browser: requests.Session, page: requests.Response, data: dict):
    action = FORM_ACTION.search(page.text).group(1)
    return browser.post(
        urljoin(page.url, action), data=data, allow_redirects=False, timeout=10
    )
