"""Review-date rules for articles; pure, so they take today's date as an argument."""

import datetime
from enum import StrEnum

DUE_WINDOW = datetime.timedelta(days=30)
REVIEW_CYCLE = datetime.timedelta(days=365)


class ReviewStatus(StrEnum):
    CURRENT = "current"
    DUE = "due"
    OVERDUE = "overdue"


def review_status(
    *, next_review_date: datetime.date | None, today: datetime.date
) -> ReviewStatus:
    """Return whether an article's review date has been reached or soon will be.

    An article is overdue from its review date onwards, and due in the 30 days before.
    """
    if next_review_date is None or next_review_date > due_by(today=today):
        return ReviewStatus.CURRENT
    if next_review_date <= today:
        return ReviewStatus.OVERDUE
    return ReviewStatus.DUE


def due_by(*, today: datetime.date) -> datetime.date:
    """Return the last review date that counts as due on ``today``."""
    return today + DUE_WINDOW


def next_review_date_from(*, today: datetime.date) -> datetime.date:
    """Return the review date a newly written or reviewed article starts with."""
    return today + REVIEW_CYCLE
