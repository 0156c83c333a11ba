"""Demo council news: six stories from 2026."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class NewsStory:
    title: str
    slug: str
    date: datetime.date
    summary: str
    body: list[tuple[str, str]]


NEWS = [
    NewsStory(
        "New Support Services intranet launches",
        "new-support-services-intranet",
        datetime.date(2026, 1, 12),
        "One place to find guidance and ask HR, Legal, Finance, Digital, PA Support "
        "and Democratic Services for help.",
        [
            (
                "paragraph",
                "<p>From today, requests to Support Services start on the "
                "intranet. Search the guidance first: if it does not answer your "
                "question, the request form sends it to the right team and you can "
                "follow its progress.</p>",
            ),
            (
                "inset_text",
                "<p>Phone and email still work, but requests made on the "
                "intranet are answered fastest.</p>",
            ),
        ],
    ),
    NewsStory(
        "Council tax and budget set for 2026 to 2027",
        "budget-2026-2027",
        datetime.date(2026, 2, 26),
        "Full Council agreed next year's budget, protecting weekly bin collections "
        "and the Regent Theatre.",
        [
            (
                "paragraph",
                "<p>Full Council met in the Council Chamber on Wednesday "
                "and agreed the 2026 to 2027 budget, including £1.2 million of "
                "investment in parks and play areas.</p>",
            ),
        ],
    ),
    NewsStory(
        "Garden waste collections restart in March",
        "garden-waste-restarts",
        datetime.date(2026, 3, 2),
        "Brown bin collections restart on 16 March. Customer Services expects a "
        "busy fortnight.",
        [
            (
                "paragraph",
                "<p>Waste &amp; Street Scene crews return to fortnightly "
                "garden waste rounds from the Waterside Depot on 16 March.</p>",
            ),
            (
                "paragraph",
                "<p>If you take calls from residents, the new round "
                "calendar is on the public website.</p>",
            ),
        ],
    ),
    NewsStory(
        "Pay award agreed: backdated to April",
        "pay-award-2026",
        datetime.date(2026, 5, 14),
        "The national pay award will be paid in June's salary, backdated to 1 April.",
        [
            (
                "paragraph",
                "<p>Payroll will apply the national pay award in June's "
                "salary, with arrears from 1 April paid at the same time.</p>",
            ),
            (
                "warning",
                "If you left the council after 1 April, contact HR to "
                "claim your arrears.",
            ),
        ],
    ),
    NewsStory(
        "Avonford Country Park wins Green Flag again",
        "green-flag-2026",
        datetime.date(2026, 7, 20),
        "The park keeps its Green Flag Award for the eighth year running.",
        [
            (
                "paragraph",
                "<p>Well done to the Countryside &amp; Parks team and "
                "the 40 volunteers who help care for the park.</p>",
            ),
        ],
    ),
    NewsStory(
        "Civic Centre lifts out of service for refurbishment",
        "civic-centre-lifts",
        datetime.date(2026, 9, 7),
        "One lift at a time will be closed from 21 September to 30 October.",
        [
            (
                "paragraph",
                "<p>Property &amp; Commercial is replacing the Civic "
                "Centre's two lifts. One will stay in service throughout.</p>",
            ),
            (
                "inset_text",
                "<p>If you need a personal emergency evacuation plan "
                "reviewed, speak to your line manager before 21 September.</p>",
            ),
        ],
    ),
]
