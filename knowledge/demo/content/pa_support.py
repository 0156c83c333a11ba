"""PA Support guidance: rooms, diaries and minutes."""

from knowledge.demo.build import bullets, callout, contact, p, steps

SERVICE_AREA = "pa-support"
OWNER_TEAM = "pa-support"
OWNER = ("helen.morris", "Helen", "Morris", "PA support manager")

TOPICS = [
    ("Meetings and rooms", "meetings-and-rooms"),
    ("Diaries", "diaries"),
]

ARTICLES = [
    {
        "title": "Booking a meeting room",
        "summary": "How to book meeting rooms at the Civic Centre and the depot.",
        "topics": ["meetings-and-rooms"],
        "review_in_days": 110,
        "body": [
            p(
                "Book rooms through the room booking calendar in Outlook: add the "
                "room as an attendee and it accepts if it is free."
            ),
            steps(
                "Create a meeting in Outlook and choose Room Finder.",
                "Pick the building and the number of people.",
                "Add a free room and send the invitation.",
            ),
            bullets(
                "Committee Rooms 1 and 2 and the Council Chamber are booked through "
                "Democratic Services.",
                "Order refreshments at least 2 working days ahead.",
                "Cancel rooms you no longer need so others can use them.",
            ),
        ],
    },
    {
        "title": "Getting help with diary management",
        "summary": (
            "Which managers get diary support from PA Support and how to ask for it."
        ),
        "topics": ["diaries"],
        "audience": "line-managers",
        "review_in_days": 230,
        "body": [
            p(
                "PA Support manages the diaries of directors and heads of service, "
                "and can cover other managers' diaries for short periods, such as "
                "during recruitment campaigns."
            ),
            steps(
                "Ask for diary support with the dates and the kind of meetings.",
                "Give your PA delegate access to your calendar in Outlook.",
                "Agree your diary rules: protected time, travel time and who can "
                "book directly.",
            ),
        ],
    },
    {
        "title": "Booking a minute-taker",
        "summary": (
            "How to book a minute-taker for a meeting, and how soon you get the "
            "minutes."
        ),
        "topics": ["meetings-and-rooms"],
        "review_in_days": -8,
        "body": [
            p(
                "PA Support provides minute-takers for formal meetings such as "
                "panels, hearings and partnership boards. Committee meetings are "
                "minuted by Democratic Services."
            ),
            steps(
                "Book at least 5 working days before the meeting.",
                "Send the agenda and papers 2 working days before.",
                "Draft minutes are sent to the chair within 5 working days.",
            ),
            callout(
                "Disciplinary and grievance hearings are minuted by HR's own "
                "note-takers."
            ),
            contact(
                "PA Support", "PA Support", "pasupport@avonford.gov.uk", "01632 960 810"
            ),
        ],
    },
    {
        "title": "Arranging travel and accommodation",
        "summary": "How PA Support books trains and hotels for council business.",
        "topics": ["meetings-and-rooms"],
        "review_in_days": 270,
        "body": [
            p(
                "PA Support books rail travel and hotels through the council's "
                "travel portal, which gets the best available price and keeps a "
                "record for insurance."
            ),
            steps(
                "Request the booking at least 2 weeks before you travel.",
                "Include the budget code and your manager's approval.",
                "Tickets and confirmations are emailed to you.",
            ),
        ],
    },
    {
        "title": "Planning an event or away day",
        "summary": (
            "Help from PA Support with venues, catering and invitations for staff "
            "events."
        ),
        "topics": ["meetings-and-rooms", "diaries"],
        "review_in_days": 320,
        "body": [
            p(
                "PA Support can arrange venues, catering, equipment and invitations "
                "for team away days and staff events of up to 150 people."
            ),
            steps(
                "Ask at least 6 weeks ahead with the date, numbers and budget.",
                "PA Support suggests venues and confirms the booking with you.",
                "Confirm final numbers and dietary needs a week before.",
            ),
        ],
    },
]
