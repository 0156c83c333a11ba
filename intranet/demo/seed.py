"""Load the demo council: people, accounts and site content, then other apps' parts.

Other apps add their own demo content by registering a function with the
``intranet_demo_seed`` Wagtail hook; it is called with no arguments, inside the same
transaction, after the intranet's own content exists. Like this seeder, it must be
safe to run again.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from wagtail import hooks

from .pages import demo_pages_seed
from .people import demo_people_seed

DEMO_SEED_HOOK = "intranet_demo_seed"


class DemoModeOffError(Exception):
    """Demo content was asked for where demo mode is off, as in production."""


@transaction.atomic
def demo_seed(*, log: Callable[[str], None] = lambda message: None) -> None:
    """Create whatever demo content is missing; a second run changes nothing.

    :raises DemoModeOffError: unless settings.DEMO_MODE is true, since the demo
        accounts have a published password
    """
    if not settings.DEMO_MODE:
        raise DemoModeOffError(
            "Demo content is only loaded when DEMO_MODE is true; it creates accounts "
            "with a published password."
        )
    demo_people_seed(log=log)
    demo_pages_seed(log=log)
    for extend in hooks.get_hooks(DEMO_SEED_HOOK):
        log(f"Demo content from {extend.__module__}.{extend.__qualname__}")
        extend()
