"""Aged cases for retention tests: closed long ago, with files on disk."""

from datetime import datetime
from pathlib import Path

from helpdesk import services
from helpdesk.models import Case
from helpdesk.services.satisfaction import case_rate
from helpdesk.sla import LONDON
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import upload

#: The day the schedule runs: 15 June 2033.
NOW = datetime(2033, 6, 15, 2, 30, tzinfo=LONDON)
SEVEN_YEARS_AGO = datetime(2026, 6, 10, 12, 0, tzinfo=LONDON)
FIVE_YEARS_AGO = datetime(2028, 6, 10, 12, 0, tzinfo=LONDON)


def aged_case(desk, make_case, *, closed_at, requester=None, **fields) -> Case:
    """Create a case with a file, a reply, an internal note and a rating, then
    close it at ``closed_at``."""
    requester = requester or desk.requester
    case = make_case(
        requester=requester,
        attachments=[upload("payslip.pdf")],
        answers={"month": "June"},
        **fields,
    )
    services.case_reply(
        case=case, author=requester, body="Any news on this?", now=MONDAY_10AM
    )
    services.case_note(
        case=case,
        author=desk.specialist,
        body="Rita's overtime claim checked with her manager.",
        attachments=[upload("timesheet.pdf")],
        now=MONDAY_10AM,
    )
    Case.objects.filter(pk=case.pk).update(
        status=Case.Status.CLOSED, resolved_at=closed_at, closed_at=closed_at
    )
    case.refresh_from_db()
    case_rate(
        case=case,
        requester=requester,
        rating=4,
        comment="Quick, thanks.",
        now=closed_at,
    )
    return case


def file_paths(case: Case) -> list[Path]:
    return [Path(attachment.file.path) for attachment in case.attachments.all()]
