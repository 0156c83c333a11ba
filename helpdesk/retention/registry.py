"""Other apps' share of purging a case, so helpdesk never imports them.

An app whose records point at cases (self-service submissions, for instance)
registers an eraser from its ``data_protection`` module. Retention calls each
eraser inside the case's transaction, before the case itself changes, with
``case_ids``, ``action`` ("delete" or "anonymise") and ``placeholder`` (the
stand-in user); the eraser returns the stored files to remove once the
transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.storage import Storage


@dataclass(frozen=True)
class StoredFile:
    storage: Storage
    name: str


CaseEraser = Callable[..., list[StoredFile]]

_erasers: list[CaseEraser] = []


def register_case_eraser(eraser: CaseEraser) -> CaseEraser:
    """Register ``eraser`` once; usable as a decorator."""
    if eraser not in _erasers:
        _erasers.append(eraser)
    return eraser


def case_erasers() -> tuple[CaseEraser, ...]:
    return tuple(_erasers)
