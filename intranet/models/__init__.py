from .organisation import Directorate, Team
from .pages import HomePage, NewsIndexPage, NewsPage, ServiceAreaPage, StandardPage
from .service_areas import ServiceArea
from .users import User

__all__ = [
    "Directorate",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "ServiceArea",
    "ServiceAreaPage",
    "StandardPage",
    "Team",
    "User",
]
