"""Reads for request forms: who may ask for whom, who approves, what one may open."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from forms.models import Approval, ApprovalDelegation, RequestFormPage, Submission
from helpdesk import selectors as helpdesk_selectors
from intranet import search
from intranet import selectors as people
from intranet.roles import Role, user_has_role
from knowledge.models import KnowledgeArticlePage

ANYONE = "anyone"
# Enough to pass over a chain of absent managers without looping forever.
MAX_COVER_STEPS = 5


def is_case_manager(user) -> bool:
    return user_has_role(user, Role.CASE_MANAGER) or helpdesk_selectors.is_case_manager(
        user
    )


def may_raise_for(*, user):
    """Return whom the user may raise requests for, besides themselves.

    ``ANYONE`` for case managers, a queryset of their direct reports for line
    managers, or None for everyone else.
    """
    if is_case_manager(user):
        return ANYONE
    reports = people.direct_reports(person=user)
    return reports if reports.exists() else None


def may_raise_for_person(*, user, person) -> bool:
    """Return whether ``user`` may submit a request on ``person``'s behalf."""
    if person is None or person.pk == user.pk:
        return True
    if not person.is_active:
        return False
    return is_case_manager(user) or person.line_manager_id == user.pk


def _away(person, today: date) -> ApprovalDelegation | None:
    cover = ApprovalDelegation.objects.filter(user=person).first()
    return cover if cover is not None and cover.covers(today) else None


def approver_for(*, requester, today: date) -> tuple[object | None, object | None]:
    """Return (approver, absent manager they cover for) for the requester.

    The approver is the line manager; while they are away, their delegate, or
    else their own line manager, and so on up. (None, None) when the requester
    has no line manager or nobody present can be found.
    """
    manager = requester.line_manager
    if manager is None or not manager.is_active:
        return None, None
    candidate, absent = manager, None
    for _ in range(MAX_COVER_STEPS):
        cover = _away(candidate, today)
        if cover is None:
            return candidate, absent
        absent = absent or candidate
        candidate = cover.delegate or candidate.line_manager
        if candidate is None or not candidate.is_active or candidate == requester:
            return None, absent
    return None, absent


def may_decide(*, user, approval: Approval, today: date) -> bool:
    """Return whether the user may approve or decline this approval now.

    The approver may, and so may whoever covers for the approver while away.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if approval.approver_id == user.pk:
        return True
    cover = _away(approval.approver, today)
    if cover is None:
        return False
    stand_in = cover.delegate or approval.approver.line_manager
    return stand_in is not None and stand_in.pk == user.pk


def approvals_for(*, user, today: date) -> QuerySet:
    """Return the approvals waiting for the user, their own and those they cover."""
    covered = [
        cover.user_id
        for cover in ApprovalDelegation.objects.filter(
            absent_until__gte=today
        ).select_related("user")
        if (cover.delegate_id or cover.user.line_manager_id) == user.pk
    ]
    return (
        Approval.objects.filter(decision=Approval.Decision.PENDING)
        .filter(Q(approver=user) | Q(approver_id__in=covered))
        .select_related("submission", "submission__submitter", "approver")
        .order_by("created_at", "pk")
    )


def approval_get_for(*, user, approval_id: int, today: date) -> Approval:
    """Return an approval the user may decide or has decided.

    :raises Approval.DoesNotExist: if there is none or it is not theirs
    """
    approval = Approval.objects.select_related(
        "submission",
        "submission__submitter",
        "submission__on_behalf_of",
        "approver",
        "decided_by",
    ).get(pk=approval_id)
    if approval.decided_by_id == user.pk or may_decide(
        user=user, approval=approval, today=today
    ):
        return approval
    raise Approval.DoesNotExist


def submission_get_own(*, user, submission_id: int) -> Submission:
    """Return a submission the user submitted.

    :raises Submission.DoesNotExist: if there is none or someone else submitted it
    """
    return Submission.objects.select_related("case", "form_page").get(
        pk=submission_id, submitter=user
    )


def form_page_get_live(*, page_id: int) -> RequestFormPage:
    """Return a live request form page, or raise RequestFormPage.DoesNotExist."""
    return RequestFormPage.objects.live().get(pk=page_id)


def article_suggestions(*, user, text: str, limit: int = 3) -> list:
    """Return up to ``limit`` live articles the user may read that match ``text``."""
    text = (text or "").strip()[:200]
    if len(text) < 3:
        return []
    results = search.search(
        user=user,
        query=text,
        filters={"type": ["article"]},
        page_size=limit,
        hits_only=True,
    )
    urls = [hit.url for hit in results.hits[:limit]]
    articles = KnowledgeArticlePage.objects.live().filter(
        title__in=[hit.title for hit in results.hits[:limit]]
    )
    by_url = {article.get_url(): article for article in articles}
    return [by_url[url] for url in urls if url in by_url]


def article_get_live(*, article_id) -> KnowledgeArticlePage:
    """Return a live article, or raise KnowledgeArticlePage.DoesNotExist."""
    return KnowledgeArticlePage.objects.live().get(pk=article_id)
