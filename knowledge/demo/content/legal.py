"""Legal guidance: contracts, information requests and data protection."""

from knowledge.demo.build import bullets, callout, contact, heading, p, steps, warning

SERVICE_AREA = "legal"
OWNER_TEAM = "legal"
OWNER = ("tom.ellis", "Tom", "Ellis", "Senior solicitor")

TOPICS = [
    ("Contracts", "contracts"),
    ("Information requests", "information-requests"),
    ("Data protection", "data-protection"),
]

ARTICLES = [
    {
        "title": "Getting a contract reviewed",
        "summary": (
            "When Legal needs to review a contract or agreement, and how long it takes."
        ),
        "topics": ["contracts"],
        "review_in_days": 160,
        "body": [
            p(
                "Legal must review any contract worth more than £25,000, any "
                "contract that is not on the council's standard terms, and any "
                "agreement about land, data sharing or partnership working."
            ),
            steps(
                "Agree the commercial terms with the supplier first.",
                "Send Legal the draft contract, the procurement record and the "
                "budget code in one request.",
                "Legal will reply within 10 working days with comments or a marked-"
                "up draft.",
            ),
            callout(
                "Allow at least 4 weeks for complex contracts. Starting work before "
                "the contract is signed puts the council at risk."
            ),
        ],
    },
    {
        "title": "Freedom of Information (FOI) requests",
        "summary": (
            "What to do when someone asks the council for information, and the "
            "20 working day deadline."
        ),
        "topics": ["information-requests"],
        "review_in_days": -40,
        "body": [
            p(
                "Anyone can ask the council for information it holds. A request in "
                "writing (including email and social media) that gives a name and "
                "address for reply is a valid Freedom of Information request, even "
                "if it does not mention the Act."
            ),
            warning(
                "We must answer within 20 working days of receiving the request, "
                "so forward it to the information governance team the same day."
            ),
            steps(
                "Forward the request to foi@avonford.gov.uk straight away.",
                "The team logs it and asks your service for the information.",
                "Send the information (or tell them you do not hold it) within 5 "
                "working days.",
                "The team checks for exemptions and replies to the requester.",
            ),
        ],
    },
    {
        "title": "Subject access requests",
        "summary": (
            "How to handle a request from someone for a copy of their own personal "
            "data (a SAR)."
        ),
        "topics": ["information-requests", "data-protection"],
        "review_in_days": 220,
        "body": [
            p(
                "Anyone can ask for a copy of the personal data the council holds "
                "about them. This is a subject access request (SAR). It can be made "
                "in writing or verbally, to any member of staff.",
                "We have one calendar month to respond. Requests from staff for "
                "their own HR records are handled the same way.",
            ),
            steps(
                "Pass the request to the information governance team the same day.",
                "They confirm the person's identity and what they want.",
                "Search your systems and email when asked, and send everything you "
                "find to the team. Do not edit or remove anything.",
            ),
            contact(
                "Information governance", "Legal", "dataprotection@avonford.gov.uk"
            ),
        ],
    },
    {
        "title": "Data protection: your responsibilities",
        "summary": (
            "Looking after personal data, sharing it safely and what counts as a "
            "data breach."
        ),
        "topics": ["data-protection"],
        "review_in_days": 25,
        "body": [
            p(
                "You must only use personal data for the job you collected it for, "
                "keep it secure, and keep it no longer than the retention schedule "
                "says."
            ),
            bullets(
                "Lock your screen when you leave your desk.",
                "Check the address before you send an email with personal data.",
                "Use secure email or the file sharing service for sensitive data.",
                "Never store personal data on a personal device.",
            ),
            heading("If something goes wrong"),
            warning(
                "Report any data breach, such as an email sent to the wrong person, "
                "within 24 hours. The council has 72 hours to tell the regulator."
            ),
        ],
    },
    {
        "title": "Signing and sealing contracts",
        "summary": (
            "Who can sign contracts for the council and when a deed needs the seal."
        ),
        "topics": ["contracts"],
        "review_in_days": 280,
        "body": [
            p(
                "Contracts up to £100,000 can be signed by a head of service. Above "
                "that they are signed by a director or by Legal. Deeds, leases and "
                "contracts over £500,000 are sealed by Legal."
            ),
            steps(
                "Make sure Legal has approved the final version.",
                "Send the final contract and the approval record to Legal.",
                "Legal arranges signature or sealing, usually within 5 working "
                "days, and keeps the original.",
            ),
            callout(
                "Electronic signatures are accepted for most contracts under seal "
                "value."
            ),
        ],
    },
    {
        "title": "Asking for legal advice",
        "summary": "How to get legal advice and what to include in your request.",
        "topics": ["contracts"],
        "review_in_days": 310,
        "body": [
            p(
                "Legal advises on contracts, employment, property, planning, "
                "licensing, litigation and governance. Ask early: it is quicker to "
                "avoid a problem than to fix one."
            ),
            bullets(
                "what you need to know and by when",
                "the background and the key documents",
                "the budget code, if outside legal advice may be needed",
            ),
            contact(
                "Legal services", "Legal", "legal@avonford.gov.uk", "01632 960 520"
            ),
        ],
    },
]
