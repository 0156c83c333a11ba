"""The council's synonyms: words staff use for the same thing.

One list feeds both backends: the Elasticsearch index turns it into a synonym
filter, and the database backend expands queries with it.
"""

import re

GROUPS: tuple[tuple[str, ...], ...] = (
    ("annual leave", "holiday", "holidays", "time off", "vacation"),
    ("payslip", "pay slip", "wage slip", "salary slip"),
    ("laptop", "computer", "pc", "desktop"),
    ("sick", "sickness", "illness", "unwell", "sick leave"),
    ("expenses", "expense claim", "claim expenses"),
    ("mileage", "travel expenses", "car allowance"),
    ("password", "login", "log in", "sign in", "locked out"),
    ("contract", "agreement"),
    ("foi", "freedom of information"),
    ("sar", "subject access", "subject access request"),
    ("salary", "pay", "wages"),
    ("invoice", "bill"),
    ("supplier", "vendor"),
    ("mobile", "phone", "telephone"),
    ("wifi", "wi-fi", "wireless"),
    ("maternity", "parental leave", "paternity", "adoption leave"),
    ("flexi", "flexitime", "flexible working"),
    ("minutes", "minute taking", "minute-taker"),
    ("webcast", "webcasting", "live stream"),
    ("diary", "calendar"),
    ("grievance", "complaint about a colleague"),
    ("pension", "retirement"),
)


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def expansions(query: str) -> list[str]:
    """Return the phrases that mean the same as something in ``query``.

    The query is matched as lower-case words; phrases already in the query are
    not repeated.
    """
    text = query.lower()
    found: list[str] = []
    for group in GROUPS:
        if any(_contains(text, phrase) for phrase in group):
            found.extend(
                phrase
                for phrase in group
                if not _contains(text, phrase) and phrase not in found
            )
    return found


def elasticsearch_rules() -> list[str]:
    """Return the groups as Solr-format rules for a synonym token filter."""
    return [", ".join(group) for group in GROUPS]
