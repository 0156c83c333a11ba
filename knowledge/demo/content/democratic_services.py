"""Democratic Services guidance: committee reports, the calendar and support."""

from knowledge.demo.build import bullets, callout, contact, heading, p, steps, warning

SERVICE_AREA = "democratic-services"
OWNER_TEAM = "governance-and-democratic-services"
OWNER = ("rachel.bennett", "Rachel", "Bennett", "Democratic services manager")

TOPICS = [
    ("Committee reports", "committee-reports"),
    ("Committee meetings", "committee-meetings"),
]

ARTICLES = [
    {
        "title": "Committee report deadlines",
        "summary": (
            "When draft and final committee reports are due, working back from the "
            "meeting date."
        ),
        "topics": ["committee-reports"],
        "review_in_days": 45,
        "body": [
            p(
                "The agenda must be published at least 5 clear working days before "
                "the meeting, so reports are due well before that. The day of "
                "publication and the day of the meeting do not count."
            ),
            bullets(
                "Draft report to Legal and Finance for comments: 20 working days "
                "before the meeting",
                "Draft to the lead member and director: 15 working days before",
                "Final report to Democratic Services: 10 working days before",
                "Agenda published: 5 clear working days before",
            ),
            warning(
                "Late reports can only be taken if the chair agrees the item is "
                "urgent and the reasons are minuted."
            ),
        ],
    },
    {
        "title": "Writing a committee report",
        "summary": "How to write a clear committee report using the council template.",
        "topics": ["committee-reports"],
        "review_in_days": 350,
        "body": [
            p(
                "Use the committee report template. Members read many reports, so "
                "put the decision you want first and keep the report short."
            ),
            steps(
                (
                    "Recommendations",
                    "Say exactly what you want the committee to decide.",
                ),
                ("Summary", "Explain the issue in no more than three paragraphs."),
                (
                    "Implications",
                    "Include the legal, financial, equalities and climate "
                    "implications, agreed with each adviser.",
                ),
                (
                    "Background papers",
                    "List documents you relied on that are not published.",
                ),
            ),
            callout(
                "If part of the report is exempt (for example personal or "
                "commercially sensitive), put it in a separate confidential appendix."
            ),
        ],
    },
    {
        "title": "The committee calendar",
        "summary": (
            "Where to find dates of Full Council, Cabinet and other committee meetings."
        ),
        "topics": ["committee-meetings"],
        "review_in_days": 95,
        "body": [
            p(
                "The committee calendar lists every meeting of Full Council, "
                "Cabinet, the North and South Planning committees, Licensing, Audit "
                "& Governance, Overview & Scrutiny and Standards for the municipal "
                "year (May to May).",
                "Most meetings are at the Civic Centre at 7pm. Full Council and "
                "Cabinet meet in the Council Chamber and are webcast.",
            ),
            callout(
                "Subscribe to the calendar in Outlook to see new and changed meetings."
            ),
        ],
    },
    {
        "title": "Booking committee support",
        "summary": (
            "How to book rooms, webcasting, legal advisers and minute-takers for a "
            "committee meeting."
        ),
        "topics": ["committee-meetings"],
        "audience": "support-staff",
        "review_in_days": -60,
        "body": [
            p(
                "Democratic Services officers book the support each committee "
                "meeting needs through one committee support booking, so every team "
                "gets the same dates."
            ),
            steps(
                "Make a committee support booking as soon as the meeting is in the "
                "calendar.",
                "Choose the venue, webcasting, hearing loop, legal adviser and "
                "minute-taker needed.",
                "Each team confirms within 3 working days; the booking shows the "
                "deadlines worked back from the meeting date.",
            ),
            heading("Venues"),
            bullets(
                "Council Chamber: webcast and hearing loop, seats 60",
                "Committee Rooms 1 and 2: seat 25 each",
                "The Mayor's Parlour: small panels and hearings",
            ),
        ],
    },
    {
        "title": "Speaking at a committee meeting",
        "summary": "How officers present reports and answer questions at committee.",
        "topics": ["committee-meetings", "committee-reports"],
        "review_in_days": 205,
        "body": [
            p(
                "Report authors usually attend to introduce their report briefly and "
                "answer members' questions. Keep your introduction under 5 minutes: "
                "members have read the report."
            ),
            bullets(
                "Arrive 15 minutes early and tell the clerk you are there.",
                "Address your answers to the chair.",
                "If you do not know an answer, offer to reply in writing.",
            ),
        ],
    },
    {
        "title": "Declaring interests at meetings",
        "summary": "What officers and members must declare, and when.",
        "topics": ["committee-meetings"],
        "review_in_days": 115,
        "body": [
            p(
                "Members must declare disclosable pecuniary interests and other "
                "registrable interests at the start of the meeting or when the item "
                "comes up. Officers advising on an item must tell the clerk of any "
                "personal interest beforehand."
            ),
            contact(
                "Democratic Services",
                "Governance & Democratic Services",
                "democratic.services@avonford.gov.uk",
                "01632 960 900",
            ),
        ],
    },
]
