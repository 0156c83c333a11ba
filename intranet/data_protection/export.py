"""Build a subject access export: everything held about one member of staff, zipped.

What goes in, under UK GDPR Article 15: the person is entitled to all personal
data about them, which includes what staff wrote about them. So for every case
they requested the export holds the whole timeline, internal notes included, and
every attachment, whoever uploaded it. For a case they raised on someone else's
behalf it holds what they could see: the public timeline and their own uploads.
Work they did on other people's cases is left out, being first of all those
people's data; the audit section still lists their actions. Exemptions (legal
privilege, third parties' data) are for the data protection officer to apply
when reviewing the export before it is released, as the README inside says.

Every export is recorded in the audit log.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone

from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record
from intranet.data_protection import registry

README_NAME = "README.txt"
AUDIT_NAME = "audit.json"
ATTACHMENTS_DIR = "attachments"

README = """\
Subject access export
=====================

About:        {name} (username {username})
Produced:     {now:%d %B %Y at %H:%M}
Produced by:  {requested_by}

This archive holds the personal data the Support Services Intranet keeps about
the person named above.

Contents
--------
{sections}
{audit_name}
    Audit log entries made by this person, or about their account (sign-ins,
    changes to their roles, exports). {audit_count} entries.

{attachments_dir}/
    Files held about this person: uploads on their own cases (including files
    staff attached to internal notes), and files they submitted with request
    forms. {file_count} files.{missing}

Each data.json maps a kind of record to a list of records; dates and times are
in ISO 8601 with their UTC offset.

What is included
----------------
For every case this person requested: the case, its whole timeline including
internal notes written about them, its attachments and their rating. For cases
they raised on someone else's behalf: the public timeline and their own uploads.
Work they did on other people's cases is not included.

Before release, the data protection officer reviews this export and applies any
exemption under the Data Protection Act 2018 (for example legal professional
privilege, or other people's personal data).
"""


@dataclass
class ExportSummary:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    files: int = 0
    missing_files: list[str] = field(default_factory=list)
    audit_entries: int = 0


def _json(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def audit_rows(user) -> list[dict]:
    """Return the audit entries made by ``user`` or about their account."""
    entries = AuditEntry.objects.filter(
        Q(actor_id=user.pk) | Q(object_type="intranet.user", object_id=str(user.pk))
    ).order_by("at", "pk")
    return [
        {
            "at": entry.at,
            "action": entry.get_action_display(),
            "by": entry.actor_label,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "ip_address": entry.ip_address,
            "user_agent": entry.user_agent,
            "path": entry.path,
            "detail": entry.detail,
        }
        for entry in entries
    ]


def _write_files(archive, files, summary: ExportSummary, progress) -> None:
    written = set()
    for number, stored in enumerate(files, start=1):
        progress(f"Adding file {number} of {len(files)}")
        arcname = f"{ATTACHMENTS_DIR}/{stored.archive_name}"
        if arcname in written:
            continue
        try:
            with (
                stored.storage.open(stored.name, "rb") as handle,
                archive.open(arcname, "w") as target,
            ):
                shutil.copyfileobj(handle, target)
        except FileNotFoundError:
            summary.missing_files.append(stored.archive_name)
            continue
        written.add(arcname)
        summary.files += 1


def subject_access_export(
    *,
    subject,
    destination: BinaryIO,
    now: datetime,
    requested_by=None,
    request=None,
    progress: Callable[[str], None] = lambda message: None,
) -> ExportSummary:
    """Write a zip of everything held about ``subject`` to ``destination``.

    The zip holds README.txt, one ``<app>/data.json`` per registered provider,
    ``audit.json`` and ``attachments/``. A file missing from storage is listed
    in the README rather than failing the export. The export is audited.
    """
    summary = ExportSummary()
    files: list[registry.SubjectFile] = []
    sections = []
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for label, provider in registry.providers().items():
            progress(f"Collecting {label} records")
            data = provider(subject)
            zf.writestr(f"{label}/data.json", _json(data.records))
            files += data.files
            summary.counts[label] = {k: len(v) for k, v in data.records.items()}
            kinds = ", ".join(
                f"{k.replace('_', ' ')} ({len(v)})" for k, v in data.records.items()
            )
            sections.append(f"{label}/data.json\n    {kinds or 'nothing held'}.\n")
        progress("Collecting audit log entries")
        audit = audit_rows(subject)
        summary.audit_entries = len(audit)
        zf.writestr(AUDIT_NAME, _json(audit))
        _write_files(zf, files, summary, progress)
        missing = (
            "\n    Listed but missing from storage: "
            + ", ".join(summary.missing_files)
            + "."
            if summary.missing_files
            else ""
        )
        zf.writestr(
            README_NAME,
            README.format(
                name=subject.get_full_name() or subject.username,
                username=subject.username,
                now=timezone.localtime(now),
                requested_by=requested_by or "the command line",
                sections="\n".join(sections),
                audit_name=AUDIT_NAME,
                audit_count=summary.audit_entries,
                attachments_dir=ATTACHMENTS_DIR,
                file_count=summary.files,
                missing=missing,
            ),
        )
    audit_record(
        action=AuditEntry.Action.EXPORT,
        actor=requested_by,
        actor_label="" if requested_by else "subject access command",
        request=request,
        obj=subject,
        detail={
            "operation": "subject_access",
            "records": summary.counts,
            "files": summary.files,
            "missing_files": summary.missing_files,
            "audit_entries": summary.audit_entries,
        },
        now=now,
    )
    return summary
