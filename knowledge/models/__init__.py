from .articles import Audience, KnowledgeArticlePage, KnowledgeIndexPage
from .feedback import ArticleFeedback, SelfServiceResolution
from .reviews import ReviewReminder
from .topics import Topic

__all__ = [
    "ArticleFeedback",
    "Audience",
    "KnowledgeArticlePage",
    "KnowledgeIndexPage",
    "ReviewReminder",
    "SelfServiceResolution",
    "Topic",
]
