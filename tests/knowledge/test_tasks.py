import datetime

import pytest
from django.core import mail
from django.utils import timezone

from knowledge import tasks
from knowledge.models import ReviewReminder
from tests.intranet.factories import UserFactory
from tests.knowledge.factories import KnowledgeArticlePageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


@pytest.fixture
def owner(db):
    return UserFactory(
        username="priya.shah", first_name="Priya", email="priya.shah@avonford.gov.uk"
    )


def test_review_reminders_email_each_owner_once_per_review_cycle(hr_page, owner):
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

    tasks.article_review_reminders_task.delay()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["priya.shah@avonford.gov.uk"]
    assert message.subject == "2 knowledge articles due for review"
    assert "Hello Priya" in message.body
    assert "- DBS checks\n  Review was due on" in message.body
    assert "- Flexible working\n  Review by" in message.body
    assert f"/admin/pages/{overdue.pk}/edit/" in message.body

    tasks.article_review_reminders_task.delay()
    assert len(mail.outbox) == 1

    overdue.next_review_date = in_days(-1)
    overdue.save()
    tasks.article_review_reminders_task.delay()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "1 knowledge article due for review"
    assert "DBS checks" in mail.outbox[1].body
    assert "Flexible working" not in mail.outbox[1].body


def test_review_reminders_skip_current_draft_and_unowned_articles(hr_page, owner):
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
    tasks.article_review_reminders_task.delay()
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()


def test_review_reminders_send_one_email_per_owner(hr_page, owner):
    other = UserFactory(username="tom.ellis", email="tom.ellis@avonford.gov.uk")
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(-1)
    )
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=other, next_review_date=in_days(-1)
    )
    tasks.article_review_reminders_task.delay()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "priya.shah@avonford.gov.uk",
        "tom.ellis@avonford.gov.uk",
    ]


def test_review_reminders_retry_when_sending_fails(hr_page, owner, settings):
    KnowledgeArticlePageFactory(
        parent=hr_page, owner_person=owner, next_review_date=in_days(-1)
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    settings.EMAIL_TIMEOUT = 2
    tasks.article_review_reminders_task.delay()
    assert not ReviewReminder.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tasks.article_review_reminders_task.delay()
    assert len(mail.outbox) == 1
    assert ReviewReminder.objects.count() == 1
