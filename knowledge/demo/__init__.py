"""Demo knowledge base for Avonford Borough Council."""

from .seed import seed_articles

__all__ = ["seed_articles"]
