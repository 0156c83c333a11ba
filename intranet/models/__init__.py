from .organisation import Directorate, Team
from .outbox import OutboxMessage
from .pages import HomePage, NewsIndexPage, NewsPage, ServiceAreaPage, StandardPage
from .search import SearchEntry, SearchQueryLog
from .service_areas import ServiceArea
from .users import User

__all__ = [
    "Directorate",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "OutboxMessage",
    "SearchEntry",
    "SearchQueryLog",
    "ServiceArea",
    "ServiceAreaPage",
    "StandardPage",
    "Team",
    "User",
]
