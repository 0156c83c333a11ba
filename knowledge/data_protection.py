"""What the knowledge base holds about a person, for subject access exports.

Registered with the intranet's registry, which finds this module by name.
"""

from intranet.data_protection import registry
from knowledge.models import ArticleFeedback, SelfServiceResolution


@registry.register("knowledge")
def subject_data(user) -> registry.SubjectData:
    """Return the person's article feedback and self-service resolutions."""
    feedback = ArticleFeedback.objects.filter(user=user).select_related("article")
    resolutions = SelfServiceResolution.objects.filter(user=user).select_related(
        "article", "form_page"
    )
    return registry.SubjectData(
        records={
            "article_feedback": [
                {
                    "article": item.article.title,
                    "helpful": item.helpful,
                    "comment": item.comment,
                    "date": item.feedback_date,
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                }
                for item in feedback.order_by("created_at", "pk")
            ],
            "self_service_resolutions": [
                {
                    "source": item.get_source_display(),
                    "article": item.article.title if item.article_id else None,
                    "form": item.form_page.title if item.form_page_id else None,
                    "at": item.created_at,
                }
                for item in resolutions.order_by("created_at", "pk")
            ],
        }
    )
