import datetime

import pytest
from django.core import mail
from django.utils import timezone

from intranet.models import OutboxMessage
from intranet.outbox import deliver
from knowledge import tasks
from knowledge.models import ReviewReminder
from tests.intranet.factories import UserFactory
from tests.knowledge.factories import KnowledgeArticlePageFactory

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    # Today when the test runs, not when it was collected: a run can pass midnight.
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the daily task and let the outbox deliver what it queued."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            tasks.article_review_reminders_task.delay()

    return run


@pytest.fixture
def owner(db):
    return UserFactory(
        username="priya.shah", first_name="Priya", email="priya.shah@avonford.gov.uk"
    )


def test_review_reminders_email_each_owner_once_per_review_cycle(
    hr_page, owner, remind
):
    overdue = KnowledgeArticlePageFactory(
        parent=hr_page,
        title="DBS checks",
        owner_person=owner,
        next_review_date=in_days(-3),
    )
    KnowledgeArticlePageFactory(
        parent=hr_page,
        title="Flexible working",
        owner_person=owner,
        next_review_date=in_days(10),
    )

    remind()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["priya.shah@avonford.gov.uk"]
    assert message.subject == "2 knowledge articles due for review"
    assert "Hello Priya" in message.body
    assert "- DBS checks\n  Review was due on" in message.body
    assert "- Flexible working\n  Review by" in message.body
    assert f"/admin/pages/{overdue.pk}/edit/" in message.body

    remind()
    assert len(mail.outbox) == 1

    overdue.next_review_date = in_days(-1)
    overdue.save()
    remind()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "1 knowledge article due for review"
    assert "DBS checks" in mail.outbox[1].body
    assert "Flexible working" not in mail.outbox[1].body


def test_review_reminders_skip_current_draft_and_unowned_articles(
    hr_page, owner, remind
):
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(31)
    )
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(-1), live=False
    )
    KnowledgeArticlePageFactory(parent=hr_page, next_review_date=in_days(-1))
    KnowledgeArticlePageFactory(
        parent=hr_page,
        owner_person=UserFactory(is_active=False),
        next_review_date=in_days(-1),
    )
    remind()
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_review_reminders_send_one_email_per_owner(hr_page, owner, remind):
    other = UserFactory(username="tom.ellis", email="tom.ellis@avonford.gov.uk")
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(-1)
    )
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=other, next_review_date=in_days(-1)
    )
    remind()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "priya.shah@avonford.gov.uk",
        "tom.ellis@avonford.gov.uk",
    ]


def test_review_reminders_retry_through_the_outbox_when_sending_fails(
    hr_page, owner, settings, remind
):
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(-1)
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    settings.EMAIL_TIMEOUT = 2
    remind()
    message = OutboxMessage.objects.get(topic="knowledge.email")
    assert message.delivered_at is None
    assert "Connection refused" in message.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind()
    assert OutboxMessage.objects.filter(topic="knowledge.email").count() == 1
    assert deliver(message.pk, now=message.available_at + datetime.timedelta(hours=1))
    assert len(mail.outbox) == 1
    assert ReviewReminder.objects.count() == 1


def test_review_reminder_leaves_out_articles_reviewed_before_it_is_sent(hr_page, owner):
    reviewed = KnowledgeArticlePageFactory(
        parent=hr_page,
        title="Reviewed",
        owner_person=owner,
        next_review_date=in_days(-1),
    )
    KnowledgeArticlePageFactory(
        parent=hr_page,
        title="Still due",
        owner_person=owner,
        next_review_date=in_days(-2),
    )
    tasks.article_review_reminders_task.delay()
    reviewed.next_review_date = in_days(365)
    reviewed.save()
    deliver(OutboxMessage.objects.get(topic="knowledge.email").pk)
    (email,) = mail.outbox
    assert email.subject == "1 knowledge article due for review"
    assert "Still due" in email.body
    assert "Reviewed" not in email.body
