"""The load generator: paced submitters arrive spread out and stop on time."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import load


class _Recorder(BaseHTTPRequestHandler):
    arrivals: list[float] = []

    def do_GET(self):
        self.arrivals.append(time.monotonic())
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Recorder.arrivals = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _drive(server, **options) -> load.Outcome:
    target = load.Target("127.0.0.1", server.server_address[1], csrf_token="t")
    return load.drive(
        [target], lambda thread, n: load.Call("GET", "/", "session"), **options
    )


def test_paced_submitters_do_not_all_send_the_moment_the_run_starts(server):
    started = time.monotonic()
    _drive(server, concurrency=20, max_requests=20, max_seconds=10, pause_seconds=1)
    first_tenth = [t for t in _Recorder.arrivals if t - started < 0.1]
    # With a one-second mean pause, about two of twenty arrive in the first 0.1 s.
    assert len(first_tenth) < 10
    assert len(_Recorder.arrivals) == 20


def test_long_pauses_never_stretch_a_run_past_its_time_limit(server):
    outcome = _drive(
        server, concurrency=5, max_requests=1000, max_seconds=1, pause_seconds=60
    )
    assert outcome.wall_seconds < 3


def test_requests_per_second_counts_from_first_sent_to_last_answered(server):
    outcome = _drive(
        server, concurrency=4, max_requests=8, max_seconds=3, pause_seconds=0.5
    )
    served = outcome.per_second
    # The threads went on pausing after the last answer; that is not serving time.
    assert served > len(outcome.samples) / outcome.wall_seconds
