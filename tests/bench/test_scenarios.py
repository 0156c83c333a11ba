"""What the benchmark sends: every page it measures, and the two submission loads."""

import argparse

import pytest

from bench import run, scenarios

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(tiny_dataset, django_db_blocker):
    with django_db_blocker.unblock():
        return {s.name: s for s in scenarios.build(submitters=5, think_seconds=1.5)}


def test_every_target_of_the_issue_is_measured(built):
    targets = {name: s.target_ms for name, s in built.items() if s.target_ms}
    assert targets == {
        "queue view": 100,
        "case page": 100,
        "my requests": 100,
        "search": 150,
        "suggestions": 50,
        "form submission": 250,
        "reports dashboard": 300,
    }
    assert all(built[name].calls for name in targets)


def test_submitters_pause_for_the_target_and_not_in_the_burst(built):
    paced, burst = built["form submission"], built["submission burst"]
    assert (paced.pause_seconds, burst.pause_seconds) == (1.5, 0.0)
    assert paced.concurrency == burst.concurrency == 5
    assert burst.target_ms is None
    first, second = paced.calls(0, 0), paced.calls(0, 1)
    assert first.method == "POST"
    assert first.form["submission_key"] != second.form["submission_key"]
    assert first.session != paced.calls(1, 0).session


def test_measuring_an_endpoint_that_does_not_exist_names_those_that_do(
    tiny_dataset, django_db_blocker
):
    args = argparse.Namespace(only=["form submision"], submitters=5, think=1.5)
    with django_db_blocker.unblock(), pytest.raises(SystemExit) as refused:
        run.measure(args, ports=[1])
    assert "No endpoint called form submision" in str(refused.value)
    assert "form submission" in str(refused.value)
