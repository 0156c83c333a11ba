"""A small council month with known answers, for the report tests.

The period is Monday 1 June to Sunday 28 June 2026; figures are measured as at
midnight after it. Every expected figure in the tests is worked out here.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from helpdesk.models import Case, ReportSettings, SatisfactionRating
from helpdesk.reports.periods import Period
from helpdesk.sla import LONDON
from intranet.models import SearchQueryLog
from knowledge.models import SelfServiceResolution
from tests.intranet.factories import (
    ServiceAreaPageFactory,
    StandardPageFactory,
    service_area,
)
from tests.knowledge.factories import (
    ArticleFeedbackFactory,
    KnowledgeArticlePageFactory,
)

PERIOD = Period(datetime(2026, 6, 1).date(), datetime(2026, 6, 28).date())
NOW = datetime(2026, 7, 1, 12, 0, tzinfo=LONDON)
Status = Case.Status


def at(day: int, hour: int = 10, month: int = 6) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=LONDON)


@dataclass
class ReportData:
    cases: dict
    article_a: object
    article_b: object
    form_page: object


def _case(make_case, request_type, *, created, status, **times) -> Case:
    case = make_case(request_type=request_type, now=created)
    Case.objects.filter(pk=case.pk).update(status=status, **times)
    case.refresh_from_db()
    return case


def build(*, desk, make_case, home_page) -> ReportData:
    """Create the cases, deflections, searches and ratings the tests expect."""
    hr, finance = desk.hr_query, desk.invoice
    resolved, open_ = Status.RESOLVED, Status.OPEN
    cases = {
        # first response 2h on time; resolved after 48h on time
        "h1": _case(
            make_case,
            hr,
            created=at(1),
            status=resolved,
            first_response_due_at=at(1, 18),
            first_responded_at=at(1, 12),
            resolution_due_at=at(5),
            resolved_at=at(3),
        ),
        # first response 24h late; resolved after 144h late
        "h2": _case(
            make_case,
            hr,
            created=at(2),
            status=resolved,
            first_response_due_at=at(2, 18),
            first_responded_at=at(3),
            resolution_due_at=at(4),
            resolved_at=at(8),
        ),
        # first response 4h on time; still open, 20 days old at the end
        "h3": _case(
            make_case,
            hr,
            created=at(8),
            status=open_,
            first_response_due_at=at(8, 18),
            first_responded_at=at(8, 14),
            resolution_due_at=at(30),
            resolved_at=None,
        ),
        # confidential; first response overdue; 6 days old at the end
        "h4": _case(
            make_case,
            desk.grievance,
            created=at(22),
            status=open_,
            first_response_due_at=at(22, 12),
            first_responded_at=None,
            resolution_due_at=at(2, month=7),
            resolved_at=None,
        ),
        # first response 1h on time; resolved after 23h on time
        "f1": _case(
            make_case,
            finance,
            created=at(15),
            status=resolved,
            first_response_due_at=at(15, 18),
            first_responded_at=at(15, 11),
            resolution_due_at=at(16),
            resolved_at=at(16, 9),
        ),
        # targets still running at the end; 1 day old
        "f2": _case(
            make_case,
            finance,
            created=at(27),
            status=Status.NEW,
            first_response_due_at=at(29, 18),
            first_responded_at=None,
            resolution_due_at=at(3, month=7),
            resolved_at=None,
        ),
        # cancelled: counts as opened, never in SLA or backlog
        "f3": _case(
            make_case,
            finance,
            created=at(10),
            status=Status.CANCELLED,
            first_response_due_at=at(10, 12),
            first_responded_at=None,
            resolution_due_at=at(12),
            closed_at=at(11),
        ),
        # opened before the period and still open: backlog, 39 days old
        "x1": _case(
            make_case,
            hr,
            created=at(20, month=5),
            status=open_,
            first_response_due_at=at(20, 18, month=5),
            first_responded_at=at(20, 12, month=5),
            resolution_due_at=at(1),
            resolved_at=None,
        ),
    }
    hr_page = ServiceAreaPageFactory(
        parent=home_page, title="HR", slug="hr", service_area=service_area("hr")
    )
    form_page = StandardPageFactory(parent=hr_page, title="Payslip query form")
    article_a = KnowledgeArticlePageFactory(
        parent=hr_page, title="Reading your payslip", service_area=service_area("hr")
    )
    article_b = KnowledgeArticlePageFactory(
        parent=hr_page,
        title="Paying an invoice",
        service_area=service_area("finance"),
    )
    Source = SelfServiceResolution.Source
    for article, page, source, created in [
        (article_a, None, Source.ARTICLE, at(2)),
        (article_a, None, Source.ARTICLE, at(9)),
        (article_a, form_page, Source.ARTICLE, at(10)),
        (None, form_page, Source.FORM, at(11)),
        (article_b, None, Source.ARTICLE, at(16)),
        (article_a, None, Source.ARTICLE, at(1, month=7)),
    ]:
        SelfServiceResolution.objects.create(
            source=source, article=article, form_page=page, created_at=created
        )
    ArticleFeedbackFactory(
        article=article_a, user=desk.requester, helpful=False, created_at=at(12)
    )
    ArticleFeedbackFactory(
        article=article_a, user=desk.colleague, helpful=True, created_at=at(12)
    )
    for query, created in [
        ("parking permit", at(3)),
        ("parking permit", at(4)),
        ("parking permit", at(5)),
        ("lease car", at(6)),
        ("lease car", at(2, month=7)),
    ]:
        SearchQueryLog.objects.create(query=query, results_count=0, created_at=created)
    for key, rating, comment, created in [
        ("h1", 5, "Quick and clear", at(4)),
        ("h2", 2, '=HYPERLINK("http://evil")', at(9)),
        ("f1", 4, "", at(17)),
        ("h4", 1, "My grievance about my manager", at(23)),
    ]:
        SatisfactionRating.objects.create(
            case=cases[key], rating=rating, comment=comment, created_at=created
        )
    settings = ReportSettings.load()
    settings.cost_per_case = Decimal("12.50")
    settings.save()
    return ReportData(
        cases=cases, article_a=article_a, article_b=article_b, form_page=form_page
    )
