"""One person's data across every app, beside a colleague's that must stay out."""

import io
import json
import uuid
import zipfile
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from forms.models import Submission, SubmissionFile
from helpdesk import services
from helpdesk.models import Case
from helpdesk.services.satisfaction import case_rate
from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record
from intranet.roles import Role
from tests.helpdesk.conftest import MONDAY_10AM
from tests.helpdesk.uploads import PDF, upload
from tests.intranet.factories import ServiceAreaPageFactory, service_area
from tests.knowledge.factories import (
    ArticleFeedbackFactory,
    KnowledgeArticlePageFactory,
)


def _close_and_rate(case: Case, requester, comment: str) -> None:
    Case.objects.filter(pk=case.pk).update(
        status=Case.Status.CLOSED, closed_at=MONDAY_10AM, resolved_at=MONDAY_10AM
    )
    case.refresh_from_db()
    case_rate(
        case=case, requester=requester, rating=4, comment=comment, now=MONDAY_10AM
    )


def _submission(user, case: Case, subject: str) -> Submission:
    submission = Submission.objects.create(
        form_title="Pay query",
        submitter=user,
        subject=subject,
        answers={"month": "June"},
        answer_labels={"month": "Which month?"},
        idempotency_key=uuid.uuid4(),
        outcome="case",
        status=Submission.Status.CASE_OPENED,
        case=case,
        created_at=MONDAY_10AM,
        updated_at=MONDAY_10AM,
    )
    stored = SubmissionFile(
        submission=submission,
        field_name="evidence",
        original_name=f"{subject}.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
    )
    stored.file.save("evidence", ContentFile(PDF), save=False)
    stored.save()
    return submission


def person_data(desk, make_case, home_page) -> SimpleNamespace:
    """Give ``desk.requester`` (Rita) data in every app; her colleague Cal some too."""
    d = SimpleNamespace(subject=desk.requester, other=desk.colleague)
    rita, cal, agent = desk.requester, desk.colleague, desk.specialist
    d.own = make_case(
        requester=rita,
        subject="Overtime missing from June",
        attachments=[upload("rita-payslip.pdf")],
    )
    services.case_reply(case=d.own, author=rita, body="Rita chasing", now=MONDAY_10AM)
    services.case_reply(
        case=d.own,
        author=agent,
        body="Agent answering Rita",
        attachments=[upload("agent-letter.pdf")],
        now=MONDAY_10AM,
    )
    services.case_note(
        case=d.own,
        author=agent,
        body="Note about Rita's attendance",
        attachments=[upload("attendance-notes.pdf")],
        now=MONDAY_10AM,
    )
    _close_and_rate(d.own, rita, "Rita's rating comment")
    d.on_behalf = make_case(
        requester=rita, raised_by=desk.manager, subject="Raised for Rita by Mo"
    )
    services.case_note(
        case=d.on_behalf,
        author=agent,
        body="Private note Mo must not see",
        now=MONDAY_10AM,
    )
    d.others = make_case(
        requester=cal,
        subject="Cal's private matter",
        attachments=[upload("cal-secret.pdf")],
    )
    services.case_note(
        case=d.others, author=agent, body="Note about Cal", now=MONDAY_10AM
    )
    _close_and_rate(d.others, cal, "Cal's rating comment")
    _submission(rita, d.own, "rita-form")
    _submission(cal, d.others, "cal-form")

    hr_page = ServiceAreaPageFactory(
        parent=home_page, title="HR", slug="hr", service_area=service_area("hr")
    )
    article = KnowledgeArticlePageFactory(parent=hr_page, title="Pay dates")
    ArticleFeedbackFactory(article=article, user=rita, comment="Rita's feedback")
    ArticleFeedbackFactory(article=article, user=cal, comment="Cal's feedback")

    audit_record(action=AuditEntry.Action.SIGN_IN, actor=rita, detail={"who": "rita"})
    audit_record(action=AuditEntry.Action.SIGN_IN, actor=cal, detail={"who": "cal"})
    rita.groups.add(Group.objects.get(name=Role.LINE_MANAGER.value))
    return d


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def records(files: dict[str, bytes], name: str):
    return json.loads(files[name])
