"""Run the benchmark end to end: ``python -m bench.run`` (what ``make bench`` runs).

Creates the benchmark database (default ``intranet_bench`` on the local
PostgreSQL), migrates and seeds it unless it already holds the full dataset,
starts gunicorn web processes and Celery workers on loopback against PostgreSQL
and Redis, loads each endpoint for a bounded number of requests and seconds, and
prints p50/p95/p99 latency, requests per second and SQL queries per request
against the targets. Then it checks that nothing was lost: every accepted form
submission is stored and becomes a case, and every outbox message is delivered.

``--processes 2 --workers 2`` starts two web processes on two ports and two
Celery workers, and spreads the load over both web processes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, closing
from pathlib import Path
from urllib.parse import urlparse

import django

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOG_DIR = ROOT / "var" / "bench"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/intranet_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379"
# Redis databases of their own, so a run never touches anyone else's keys.
CACHE_DB, BROKER_DB = 14, 15
SETTLE_SECONDS = 300


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS)
    parser.add_argument("--reseed", action="store_true", help="drop and seed again")
    parser.add_argument("--tiny", action="store_true", help="seed a tiny dataset")
    parser.add_argument("--processes", type=int, default=1, help="web processes")
    parser.add_argument(
        "--web-workers", type=int, default=2, help="gunicorn workers per process"
    )
    parser.add_argument("--workers", type=int, default=1, help="Celery workers")
    parser.add_argument(
        "--worker-concurrency", type=int, default=2, help="processes per Celery worker"
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=10,
        help="CPU niceness of the Celery workers (0: same priority as the web); "
        "in production they have their own cores, here they share the web's",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        help="clients per page (default: one per gunicorn worker, so latency is "
        "service time rather than time queueing for a busy worker)",
    )
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=45, help="per endpoint")
    parser.add_argument("--submitters", type=int, default=50)
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean pause in seconds of each submitter between submissions",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="measure only this endpoint (repeatable), e.g. --only 'form submission'",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    host = urlparse(args.redis_url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        parser.error("the benchmark only runs against services on this machine")
    return args


def configure(args: argparse.Namespace) -> dict[str, str]:
    """Point this process, and every process it starts, at the benchmark services."""
    redis = args.redis_url.rstrip("/")
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.database_url,
        "CACHE_URL": f"{redis}/{CACHE_DB}",
        "CELERY_BROKER_URL": f"{redis}/{BROKER_DB}",
        "PYTHONUNBUFFERED": "1",
    }
    os.environ.update(env)
    return {**os.environ, **env}


def ensure_database(url: str, *, drop: bool) -> None:
    """Create the benchmark database, first dropping it if asked."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and drop:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(args: argparse.Namespace) -> None:
    """Migrate, seed unless the dataset is already there at this scale, vacuum."""
    from django.core.management import call_command
    from django.utils import timezone

    from bench import dataset

    call_command("migrate", interactive=False, verbosity=0)
    scale = dataset.TINY if args.tiny else dataset.FULL
    if dataset.is_seeded(scale):
        print("Dataset already seeded at this scale; --reseed builds it again.")
    else:
        now = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        timings = dataset.seed(
            scale=scale, now=now, log=lambda line: print(line, flush=True)
        )
        print(f"Seeded in {sum(timings.values()):.0f} s.")
    vacuum()


def vacuum() -> None:
    """Reclaim the rows bulk seeding left dead and refresh the planner's statistics.

    A production database has autovacuum for this; a database seeded in minutes
    would otherwise be measured with stale statistics and bloated tables.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(f"Vacuumed and analysed in {time.perf_counter() - started:.0f} s.")


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(stack: ExitStack, name: str, command: list[str], env: dict) -> None:
    """Start a process, logging to var/bench/<name>.log; stop it on exit."""
    log = stack.enter_context((LOG_DIR / f"{name}.log").open("w"))
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()

    stack.callback(stop)


def wait_healthy(port: int, *, timeout: float = 90) -> None:
    """Wait until the web process answers /healthz.

    :raises RuntimeError: if it does not answer in time
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/healthz", timeout=5
            ) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"The web process on port {port} did not start; see var/bench.")


def start_services(stack: ExitStack, args, env: dict) -> list[int]:
    """Start the web processes and Celery workers; return the web ports."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    ports = []
    for number in range(args.processes):
        port = free_port()
        start(
            stack,
            f"web-{number + 1}",
            [
                str(BIN / "gunicorn"),
                "intranet.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={args.web_workers}",
                "--timeout=60",
                "--log-level=warning",
            ],
            env,
        )
        ports.append(port)
    for number in range(args.workers):
        start(
            stack,
            f"worker-{number + 1}",
            [
                "nice",
                f"-n{args.worker_nice}",
                str(BIN / "celery"),
                "-A",
                "intranet",
                "worker",
                f"--hostname=bench{number + 1}@%h",
                f"--concurrency={args.worker_concurrency}",
                "--loglevel=WARNING",
            ],
            env,
        )
    for port in ports:
        wait_healthy(port)
    return ports


def measure(args, ports: list[int]) -> tuple[list[dict], dict]:
    """Load every scenario in turn; return its table rows and the loss check."""
    from django.middleware.csrf import _get_new_csrf_string

    from bench import load, losses, scenarios

    token = _get_new_csrf_string()
    targets = [load.Target("127.0.0.1", port, csrf_token=token) for port in ports]
    started_at = losses.now()
    rows = []
    accepted = []
    built = scenarios.build(submitters=args.submitters, think_seconds=args.think)
    unknown = set(args.only or ()) - {scenario.name for scenario in built}
    if unknown:
        names = ", ".join(scenario.name for scenario in built)
        raise SystemExit(f"No endpoint called {', '.join(sorted(unknown))}: {names}.")
    for scenario in built:
        if args.only and scenario.name not in args.only:
            continue
        if scenario.calls is None:
            rows.append({"name": scenario.name, "note": scenario.note})
            continue
        concurrency = (
            scenario.concurrency or args.concurrency or (args.web_workers * len(ports))
        )
        # Unmeasured warm-up: every worker imports its code and opens connections.
        load.drive(
            targets,
            scenario.calls,
            concurrency=min(concurrency, 4),
            max_requests=4 * args.web_workers * len(ports),
            max_seconds=30,
        )
        outcome = load.drive(
            targets,
            scenario.calls,
            concurrency=concurrency,
            max_requests=args.requests,
            max_seconds=args.seconds,
            pause_seconds=scenario.pause_seconds,
        )
        if scenario.expect_status:
            outcome.expect(scenario.expect_status)
            accepted += [s.location for s in outcome.ok]
        rows.append(row(scenario, outcome))
        print(format_row(rows[-1]), flush=True)
    return rows, losses.check(
        accepted=accepted, since=started_at, settle=SETTLE_SECONDS
    )


def row(scenario, outcome) -> dict:
    p95 = outcome.percentile(0.95)
    queries = outcome.queries
    return {
        "name": scenario.name,
        "requests": len(outcome.samples),
        "errors": outcome.errors,
        "p50": outcome.percentile(0.50),
        "p95": p95,
        "p99": outcome.percentile(0.99),
        "rps": outcome.per_second,
        "queries": f"{queries[0]} (max {queries[1]})" if queries else "-",
        "target": scenario.target_ms,
        "verdict": verdict(scenario.target_ms, p95, outcome.errors),
        "note": scenario.note,
    }


def verdict(target: int | None, p95: float, errors: int) -> str:
    if errors:
        return "ERRORS"
    if target is None:
        return "-"
    return "PASS" if p95 <= target else "MISS"


HEADER = (
    f"{'endpoint':<18} {'reqs':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} "
    f"{'p99 ms':>8} {'req/s':>7} {'SQL/req':>14} {'target':>7}  result"
)


def format_row(r: dict) -> str:
    if "requests" not in r:
        return f"{r['name']:<18} {r['note']}"
    target = f"≤{r['target']}" if r["target"] else "-"
    return (
        f"{r['name']:<18} {r['requests']:>5} {r['errors']:>4} {r['p50']:>8.0f} "
        f"{r['p95']:>8.0f} {r['p99']:>8.0f} {r['rps']:>7.1f} {r['queries']:>14} "
        f"{target:>7}  {r['verdict']}"
    )


def machine() -> str:
    load_avg = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, load average {load_avg}, "
        f"Python {platform.python_version()}"
    )


def report(args, rows: list[dict], lost: dict) -> None:
    print()
    print(
        f"{args.processes} web process(es) x {args.web_workers} gunicorn workers, "
        f"{args.workers} Celery worker(s) x {args.worker_concurrency} at nice "
        f"{args.worker_nice}; {machine()}"
    )
    print(HEADER)
    for r in rows:
        print(format_row(r))
    print()
    for line in lost["lines"]:
        print(line)
    if args.json:
        args.json.write_text(
            json.dumps({"rows": rows, "losses": lost, "machine": machine()}, indent=2)
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if anything was lost or any request failed."""
    args = parse_args(argv)
    env = configure(args)
    ensure_database(args.database_url, drop=args.reseed)
    django.setup()
    prepare(args)
    from bench import losses

    losses.reset_broker(env["CELERY_BROKER_URL"])
    with ExitStack() as stack:
        ports = start_services(stack, args, env)
        print(f"Web processes on ports {', '.join(map(str, ports))}.")
        print(HEADER, flush=True)
        rows, lost = measure(args, ports)
    report(args, rows, lost)
    failed = lost["lost"] or lost["unfinished"] or any(r.get("errors") for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
