"""Time one page in-process against the benchmark database, and show where it goes.

    python -m bench.profile /queues/hr/ --as specialist -n 30
    python -m bench.profile "/search/?q=payroll" --as specialist --cprofile
    python -m bench.profile /cases/{case}/ --as specialist --sql

`--as` takes a role of the seeded people (staff, specialist, requester, manager)
or a username. `{case}` in the path becomes a random non-confidential case of
the specialist's queue on each request. Prints the median and p95 of the
server-side time, the SQL count, and with `--sql` the slowest statements of
the last request; `--cprofile` prints the top functions by cumulative time.
Needs the database `python -m bench.run` seeds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import time

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/intranet_bench"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("path")
    parser.add_argument("--as", dest="who", default="specialist")
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--sql", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/13")
    import django

    django.setup()
    run(args)


def _username(who: str) -> str:
    from bench import dataset

    people = dataset.bench_people()
    if who == "staff":
        return people.staff[0]
    if who == "specialist":
        return max(people.specialists.items())[1][0]
    if who == "requester":
        return people.heavy_requester
    if who == "manager":
        return people.support_managers[0]
    return who


def run(args) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from helpdesk.models import Case

    user = get_user_model().objects.get(username=_username(args.who))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    references = list(
        Case.objects.filter(
            queue__team__memberships__user=user, confidential=False
        ).values_list("reference", flat=True)[:500]
    )
    times, counts = [], []
    profiler = cProfile.Profile() if args.cprofile else None
    for _ in range(args.n):
        path = args.path.replace("{case}", random.choice(references or ["none"]))
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            response = client.get(path)
            if profiler:
                profiler.disable()
            times.append((time.perf_counter() - started) * 1000)
        counts.append(len(captured.captured_queries))
        if response.status_code != 200:
            print(f"{path}: status {response.status_code}")
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"{args.path} as {user.username}: median {statistics.median(times):.0f} ms, "
        f"p95 {p95:.0f} ms, SQL {max(counts)} per request, {args.n} requests"
    )
    if args.sql:
        slowest = sorted(
            captured.captured_queries, key=lambda q: float(q["time"]), reverse=True
        )
        for query in slowest[:8]:
            print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:400]}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
