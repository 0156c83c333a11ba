"""A small threaded HTTP load generator, bounded in requests and in time.

Each worker thread keeps its own connection and signs its requests with a
session cookie. Only loopback addresses are accepted, so a mistyped target can
never send load anywhere else.
"""

from __future__ import annotations

import http.client
import ipaddress
import random
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

QUERY_COUNT_HEADER = "X-Query-Count"


@dataclass(frozen=True)
class Call:
    """One request: who makes it, and what it asks for."""

    method: str
    path: str
    session: str
    form: dict[str, str] | None = None


@dataclass
class Sample:
    seconds: float
    status: int
    queries: int | None
    location: str = ""
    #: When the request was sent, on the `time.perf_counter` clock.
    sent_at: float = 0.0


@dataclass
class Outcome:
    """What one endpoint's run measured."""

    samples: list[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0
    expected_status: int | None = None

    def expect(self, status: int) -> None:
        """Count only ``status`` as success, as when a refused form shows again."""
        self.expected_status = status

    @property
    def ok(self) -> list[Sample]:
        if self.expected_status is not None:
            return [s for s in self.samples if s.status == self.expected_status]
        return [s for s in self.samples if 200 <= s.status < 400]

    @property
    def errors(self) -> int:
        return len(self.samples) - len(self.ok)

    def percentile(self, share: float) -> float:
        """Return the latency in milliseconds that ``share`` of requests beat."""
        times = sorted(s.seconds for s in self.samples)
        if not times:
            return float("nan")
        if len(times) == 1:
            return times[0] * 1000
        cuts = statistics.quantiles(times, n=100, method="inclusive")
        return cuts[round(share * 100) - 1] * 1000

    @property
    def per_second(self) -> float:
        """Return requests per second from the first sent to the last answered.

        Not over the threads' whole run: paced clients spend its first and last
        seconds pausing, which would understate the rate they were served at.
        """
        if not self.samples:
            return 0.0
        first = min(s.sent_at for s in self.samples)
        last = max(s.sent_at + s.seconds for s in self.samples)
        return len(self.samples) / (last - first) if last > first else 0.0

    @property
    def queries(self) -> tuple[int, int] | None:
        """Return the median and the largest query count seen, if reported."""
        counts = [s.queries for s in self.ok if s.queries is not None]
        if not counts:
            return None
        return int(statistics.median(counts)), max(counts)


def check_loopback(host: str) -> None:
    """Refuse any target that is not a loopback address.

    :raises ValueError: for any other host
    """
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"Load is only ever sent to loopback addresses, not {host}.")


class Target:
    """One web process to send requests to."""

    def __init__(self, host: str, port: int, *, csrf_token: str):
        check_loopback(host)
        self.host = host
        self.port = port
        self.csrf_token = csrf_token

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=30)

    def send(self, connection: http.client.HTTPConnection, call: Call) -> Sample:
        cookie = f"sessionid={call.session}; csrftoken={self.csrf_token}"
        headers = {"Cookie": cookie, "Host": "127.0.0.1"}
        body = None
        if call.form is not None:
            body = urlencode({**call.form, "csrfmiddlewaretoken": self.csrf_token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection.request(call.method, call.path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            return Sample(time.perf_counter() - started, 599, None, sent_at=started)
        elapsed = time.perf_counter() - started
        count = response.getheader(QUERY_COUNT_HEADER)
        if response.getheader("Connection", "").lower() == "close":
            connection.close()
        return Sample(
            elapsed,
            response.status,
            int(count) if count else None,
            response.getheader("Location", ""),
            sent_at=started,
        )


def drive(
    targets: Sequence[Target],
    calls: Callable[[int, int], Call],
    *,
    concurrency: int,
    max_requests: int,
    max_seconds: float,
    pause_seconds: float = 0.0,
) -> Outcome:
    """Send up to ``max_requests`` from ``concurrency`` threads for at most
    ``max_seconds``, spreading them over the targets in turn.

    ``calls(thread, n)`` returns the n-th request of a thread. With
    ``pause_seconds`` each thread waits a random time of that mean before its
    first request and between its requests, as people do between submissions,
    so requests arrive spread out rather than all at the start; without, it
    sends the next at once, which measures how much the server can take.
    """
    outcome = Outcome()
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + max_seconds

    def pause() -> None:
        # Never past the deadline: a long random pause would only stretch the run.
        wait = random.expovariate(1 / pause_seconds)
        time.sleep(max(0.0, min(wait, deadline - time.monotonic())))

    def worker(thread: int) -> None:
        nonlocal issued
        connections = {id(target): target.connect() for target in targets}
        sent = 0
        if pause_seconds:
            # People do not all press "Send" at the same instant the test starts.
            pause()
        while time.monotonic() < deadline:
            with lock:
                if issued >= max_requests:
                    break
                issued += 1
                target = targets[issued % len(targets)]
            sample = target.send(connections[id(target)], calls(thread, sent))
            sent += 1
            with lock:
                outcome.samples.append(sample)
            if pause_seconds:
                pause()
        for connection in connections.values():
            connection.close()

    started = time.perf_counter()
    threads = [
        threading.Thread(target=worker, args=(n,), daemon=True)
        for n in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max_seconds + 60)
    outcome.wall_seconds = time.perf_counter() - started
    return outcome
