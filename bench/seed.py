"""Seed the benchmark database: ``python -m bench.seed [--tiny] [--seed N]``.

Uses ``bench.settings`` unless DJANGO_SETTINGS_MODULE says otherwise, and the
database DATABASE_URL names; run it on an empty, migrated database.
"""

import argparse
import os

import django


def main(argv: list[str] | None = None) -> None:
    """Seed the dataset at full or tiny scale and print each step's time."""
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="seed a tiny dataset")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.utils import timezone

    from bench import dataset

    # The dataset is laid out around 09:00 today, so reruns on one day agree.
    now = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    timings = dataset.seed(
        scale=dataset.TINY if args.tiny else dataset.FULL, now=now, rng_seed=args.seed
    )
    print(f"{'total':<16} {sum(timings.values()):>19.1f} s")


if __name__ == "__main__":
    main()
