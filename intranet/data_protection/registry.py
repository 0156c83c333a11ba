"""Where each app says what it holds about a person.

Each app keeps a ``data_protection`` module that registers a provider::

    @registry.register("helpdesk")
    def subject_data(user) -> registry.SubjectData: ...

The module is found by ``autodiscover`` (like ``wagtail_hooks``), so the
intranet never imports the apps above it. A provider returns JSON-serialisable
rows grouped under names of its choosing, plus the stored files to include.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.storage import Storage
from django.utils.module_loading import autodiscover_modules

MODULE_NAME = "data_protection"


@dataclass(frozen=True)
class SubjectFile:
    """A stored file, and where it goes inside the export's attachments folder."""

    archive_name: str
    storage: Storage
    name: str


@dataclass
class SubjectData:
    records: dict[str, list[dict]] = field(default_factory=dict)
    files: list[SubjectFile] = field(default_factory=list)


Provider = Callable[..., SubjectData]

_providers: dict[str, Provider] = {}


def register(label: str) -> Callable[[Provider], Provider]:
    """Register the decorated function as the provider for ``label``.

    :raises ValueError: if a different provider already holds ``label``
    """

    def decorate(provider: Provider) -> Provider:
        existing = _providers.get(label)
        if existing is not None and existing.__qualname__ != provider.__qualname__:
            raise ValueError(f"A provider for {label!r} is already registered.")
        _providers[label] = provider
        return provider

    return decorate


def providers() -> dict[str, Provider]:
    """Return the providers by label, in label order."""
    return dict(sorted(_providers.items()))


def autodiscover() -> None:
    """Import every installed app's ``data_protection`` module."""
    autodiscover_modules(MODULE_NAME)
