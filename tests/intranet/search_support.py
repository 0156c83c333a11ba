"""Helpers for search tests: pages to find and an Elasticsearch to find them in.

Test modules wrap these in their own fixtures.
"""

import json

from intranet.search import indexing
from tests.intranet.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceAreaPageFactory,
    StandardPageFactory,
    service_area,
)

PLAIN_JSON_NODE = "intranet.search.transport.PlainJsonNode"


def body(*paragraphs: str) -> str:
    """Return a StreamField value of paragraph blocks, as raw JSON."""
    return json.dumps(
        [{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs]
    )


def guidance(parent, title: str, summary: str, *paragraphs: str):
    return StandardPageFactory(
        parent=parent, title=title, summary=summary, body=body(*paragraphs)
    )


def make_search_pages(home_page) -> dict:
    """A few live pages across service areas, indexed in the database."""
    hr = ServiceAreaPageFactory(
        parent=home_page, title="HR", service_area=service_area("hr")
    )
    digital = ServiceAreaPageFactory(
        parent=home_page,
        title="Digital & Design",
        service_area=service_area("digital"),
        summary="Laptops, accounts and the web.",
    )
    pages = {
        "leave": guidance(
            hr,
            "Annual leave policy",
            "How much annual leave you get and how to book it.",
            "Full-time staff get 26 days of annual leave plus bank holidays.",
            "Book leave with your line manager <b>at least</b> two weeks ahead.",
        ),
        "payslip": guidance(
            hr,
            "Understanding your payslip",
            "What each line of your payslip means.",
            "Your payslip shows tax, national insurance and pension deductions.",
        ),
        "laptop": guidance(
            digital,
            "Laptop problems",
            "What to do when your laptop will not start or is running slowly.",
            "Restart the laptop, then check for updates before raising a request.",
        ),
        "hr": hr,
        "digital": digital,
    }
    news_index = NewsIndexPageFactory(parent=home_page)
    pages["news"] = NewsPageFactory(
        parent=news_index,
        title="New devices for the Customer Services team",
        summary="Every adviser gets a new laptop in March.",
    )
    indexing.search_rebuild_database()
    return pages


def use_elasticsearch(settings, url: str):
    """Point search at an Elasticsearch-compatible server at ``url``."""
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_CONNECTION_CLASS = PLAIN_JSON_NODE
    settings.ELASTICSEARCH_INDEX_PREFIX = "test"
    return settings
