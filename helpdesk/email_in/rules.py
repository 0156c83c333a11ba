"""Decisions about an inbound message that need no database: is it automatic, a
loop, or a reply to a case, and which part of it did the sender write?

Pure: everything arrives as arguments.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

#: Header that marks mail this intranet sent, so it is never ingested again.
#: Outgoing case emails should carry it (``X-Intranet-Loop: <our address>``);
#: the bounce to unknown senders does.
LOOP_HEADER = "X-Intranet-Loop"

_AUTOMATIC_PRECEDENCE = frozenset({"bulk", "junk", "list", "auto_reply"})
_AUTOMATIC_SENDERS = frozenset({"mailer-daemon", "postmaster", "noreply", "no-reply"})
_REFERENCE = re.compile(r"\[([A-Z]{1,5}-\d{6})\]|\b([A-Z]{1,5}-\d{6})\b")
_ATTRIBUTION = re.compile(r"^\s*On\b.*\bwrote:\s*$", re.IGNORECASE)
_ATTRIBUTION_START = re.compile(r"^\s*On\b.*\d", re.IGNORECASE)
_SEPARATORS = (
    re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$", re.IGNORECASE),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*From:\s.*<?[^@\s]+@[^@\s]+>?\s*$", re.IGNORECASE),
)


def auto_reply_reason(*, headers: Mapping[str, str], sender: str) -> str | None:
    """Return why the message looks machine-sent (out-of-office, bounce, list), or
    None for mail a person wrote. Headers are keyed in lower case."""
    auto_submitted = headers.get("auto-submitted", "").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}"
    precedence = headers.get("precedence", "").strip().lower()
    if precedence in _AUTOMATIC_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response-suppress"):
        if name in headers:
            return f"{name} header present"
    if headers.get("return-path", "").strip() == "<>":
        return "empty Return-Path"
    local_part = sender.partition("@")[0].lower()
    if not sender or local_part in _AUTOMATIC_SENDERS:
        return f"automatic sender {sender or '(none)'}"
    return None


def loop_reason(
    *, headers: Mapping[str, str], sender: str, own_addresses: Collection[str]
) -> str | None:
    """Return why the message looks like our own mail coming back, or None."""
    own = {address.lower() for address in own_addresses}
    if LOOP_HEADER.lower() in headers:
        return f"{LOOP_HEADER} header present"
    if headers.get("x-loop", "").strip().lower() in own:
        return "X-Loop names one of our addresses"
    if sender.lower() in own:
        return f"sent from our own address {sender}"
    return None


def reference_find(subject: str) -> str | None:
    """Return the case reference a subject carries, such as HR-000123, or None."""
    match = _REFERENCE.search(subject or "")
    if match is None:
        return None
    return match.group(1) or match.group(2)


def quoted_history_trim(text: str) -> str:
    """Return only what the sender wrote, cutting the quoted earlier messages.

    Cuts at an "On <date>, <someone> wrote:" line (which mail programs may wrap
    over two lines), an "Original Message" or underscore separator, or an
    Outlook "From:" block, and drops every line quoted with ">".
    """
    lines = text.splitlines()
    kept: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        wrapped = _ATTRIBUTION_START.match(line) and following.strip().endswith(
            "wrote:"
        )
        if _ATTRIBUTION.match(line) or wrapped:
            break
        if any(pattern.match(line) for pattern in _SEPARATORS):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()
