"""Ingest one inbound email: a new case, a reply, a bounce, or a logged refusal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from helpdesk import selectors, services
from helpdesk.attachments import MAX_FILES, attachment_check
from helpdesk.email_in import bounces, parsing, rules
from helpdesk.models import Case, InboundMailbox, InboundMessage

Outcome = InboundMessage.Outcome
BOUNCE_INTERVAL = timedelta(days=1)
NO_TEXT = "(The email had no text.)"


def _own_addresses() -> set[str]:
    own = set(InboundMailbox.objects.values_list("address", flat=True))
    own.add(parseaddr(settings.DEFAULT_FROM_EMAIL)[1])
    return {address.lower() for address in own if address}


def _files(parsed: parsing.ParsedMail) -> tuple[list, list[str]]:
    """Return the uploads that pass the attachment checks, and why others failed."""
    accepted, refused = [], []
    for index, item in enumerate(parsed.attachments):
        upload = SimpleUploadedFile(item.name, item.content, item.content_type)
        if index >= MAX_FILES:
            refused.append(f"{item.name}: only {MAX_FILES} files are accepted.")
            continue
        try:
            attachment_check(upload)
        except ValidationError as error:
            refused.append(" ".join(error.message_dict["attachments"]))
            continue
        accepted.append(upload)
    return accepted, refused


def _with_refusals(text: str, refused: Sequence[str]) -> str:
    if not refused:
        return text
    notes = "\n".join(f"- {reason}" for reason in refused)
    return f"{text}\n\nAttachments not accepted:\n{notes}"


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        return " ".join(m for ms in error.message_dict.values() for m in ms)
    return " ".join(getattr(error, "messages", [str(error)]))


def _reply(
    *, parsed, sender, reference: str, now: datetime
) -> tuple[str, Case | None, str]:
    case = Case.objects.select_related("queue").filter(reference=reference).first()
    if case is None or not selectors.can_reply(sender, case):
        return (
            Outcome.REJECTED,
            None,
            f"{parsed.sender} may not reply to {reference}; nothing was added.",
        )
    files, refused = _files(parsed)
    body = rules.quoted_history_trim(parsed.text) or NO_TEXT
    try:
        services.case_reply(
            case=case,
            author=sender,
            body=_with_refusals(body, refused),
            attachments=files,
            now=now,
        )
    except (ValidationError, PermissionDenied) as error:
        return Outcome.REJECTED, case, f"Reply refused: {_error_text(error)}"
    return Outcome.REPLY_ADDED, case, "; ".join(refused)


def _new_case(
    *, parsed, sender, mailbox, now: datetime
) -> tuple[str, Case | None, str]:
    files, refused = _files(parsed)
    try:
        case = services.case_create(
            requester=sender,
            request_type=mailbox.default_request_type,
            subject=parsed.subject or "(no subject)",
            description=_with_refusals(parsed.text or NO_TEXT, refused),
            answers={"channel": "email"},
            attachments=files,
            now=now,
        )
    except (ValidationError, PermissionDenied) as error:
        return Outcome.REJECTED, None, f"Case refused: {_error_text(error)}"
    return Outcome.CASE_CREATED, case, "; ".join(refused)


def _unknown_sender(*, parsed, mailbox, now: datetime) -> tuple[str, None, str]:
    recently = InboundMessage.objects.filter(
        sender__iexact=parsed.sender,
        outcome=Outcome.BOUNCED,
        received_at__gt=now - BOUNCE_INTERVAL,
    ).exists()
    sent = not recently and bounces.bounce_enqueue(
        to=parsed.sender,
        subject=parsed.subject,
        mailbox_address=mailbox.address,
        now=now,
    )
    if sent:
        return Outcome.BOUNCED, None, "Unknown sender; a bounce was sent."
    return (
        Outcome.REJECTED,
        None,
        "Unknown sender; already sent a bounce in the last day.",
    )


def _decide(*, parsed, mailbox, now: datetime) -> tuple[str, Case | None, str]:
    loop = rules.loop_reason(
        headers=parsed.headers, sender=parsed.sender, own_addresses=_own_addresses()
    )
    if loop:
        return Outcome.IGNORED_LOOP, None, loop
    automatic = rules.auto_reply_reason(headers=parsed.headers, sender=parsed.sender)
    if automatic:
        return Outcome.IGNORED_AUTO_REPLY, None, automatic
    sender = (
        get_user_model()
        .objects.filter(email__iexact=parsed.sender, is_active=True)
        .first()
    )
    if sender is None:
        return _unknown_sender(parsed=parsed, mailbox=mailbox, now=now)
    reference = rules.reference_find(parsed.subject)
    if reference:
        return _reply(parsed=parsed, sender=sender, reference=reference, now=now)
    return _new_case(parsed=parsed, sender=sender, mailbox=mailbox, now=now)


def mail_ingest(
    *, raw_bytes: bytes, mailbox: InboundMailbox, now: datetime
) -> InboundMessage:
    """Turn one raw email into a case, a reply, a bounce or a logged refusal.

    Safe to repeat: a Message-ID already logged returns its first outcome and
    changes nothing. The case or reply and its log entry are saved together.
    """
    parsed = parsing.mail_parse(raw_bytes)
    existing = InboundMessage.objects.filter(message_id=parsed.message_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            outcome, case, detail = _decide(parsed=parsed, mailbox=mailbox, now=now)
            return InboundMessage.objects.create(
                message_id=parsed.message_id,
                mailbox=mailbox,
                sender=parsed.sender[:255],
                subject=parsed.subject[:255],
                outcome=outcome,
                case=case,
                detail=detail,
                received_at=now,
            )
    except IntegrityError:
        # Another worker logged the same Message-ID first; this run's writes
        # were rolled back with the failed insert.
        return InboundMessage.objects.get(message_id=parsed.message_id)
