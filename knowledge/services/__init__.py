"""Writes to the knowledge base; other apps call these, never the models directly."""

from .articles import article_draft_from_case
from .feedback import article_feedback_record
from .reviews import article_review_reminders_send

__all__ = [
    "article_draft_from_case",
    "article_feedback_record",
    "article_review_reminders_send",
]
