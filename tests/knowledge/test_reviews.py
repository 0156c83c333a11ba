import datetime

import pytest

from knowledge import reviews

TODAY = datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("next_review_date", "status"),
    [
        (datetime.date(2026, 5, 1), reviews.ReviewStatus.OVERDUE),
        (TODAY, reviews.ReviewStatus.OVERDUE),
        (datetime.date(2026, 6, 2), reviews.ReviewStatus.DUE),
        (datetime.date(2026, 7, 1), reviews.ReviewStatus.DUE),
        (datetime.date(2026, 7, 2), reviews.ReviewStatus.CURRENT),
        (None, reviews.ReviewStatus.CURRENT),
    ],
)
def test_review_status_is_overdue_from_the_date_and_due_30_days_before(
    next_review_date, status
):
    assert reviews.review_status(next_review_date=next_review_date, today=TODAY) == (
        status
    )


def test_next_review_date_from_is_a_year_on():
    assert reviews.next_review_date_from(today=TODAY) == datetime.date(2027, 6, 1)
