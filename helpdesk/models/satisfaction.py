"""How requesters rated the outcome of their resolved requests."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

RATING_MIN = 1
RATING_MAX = 5
COMMENT_MAX_LENGTH = 2000


class SatisfactionRating(models.Model):
    """The requester's one rating of a resolved case, from 1 (poor) to 5 (great)."""

    case = models.OneToOneField(
        "helpdesk.Case", on_delete=models.CASCADE, related_name="satisfaction"
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)]
    )
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="satisfaction_rating_in_range",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="satisfaction_created_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.rating}/{RATING_MAX}"
