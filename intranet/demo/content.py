"""Demo pages: each service area's landing page and guidance, and the site pages.

Bodies are lists of (block type, value) pairs for the ContentStreamBlock; paragraph
and inset text values are rich-text HTML.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageContent:
    title: str
    slug: str
    summary: str
    body: list[tuple[str, str]]
    children: list["PageContent"] = field(default_factory=list)


SERVICE_AREAS = {
    "hr": PageContent(
        "HR",
        "hr",
        "Pay, leave, recruitment, employee relations and wellbeing.",
        [
            (
                "paragraph",
                "<p>HR looks after everything to do with working for "
                "Avonford Borough Council, from your first day to your last.</p>",
            ),
            ("heading", "Before you ask"),
            (
                "paragraph",
                "<p>Most questions about pay dates, annual leave and "
                "expenses are answered in the guidance below. If they are not, send a "
                "request and Case Management will route it to the right person.</p>",
            ),
            (
                "inset_text",
                "<p>Payroll closes on the <b>10th of each month</b>. "
                "Changes after that date are paid the following month.</p>",
            ),
        ],
        [
            PageContent(
                "Annual leave and bank holidays",
                "annual-leave",
                "How much leave you get, how to book it and how to carry it over.",
                [
                    (
                        "paragraph",
                        "<p>Full-time staff start with 26 days of annual "
                        "leave a year plus bank holidays, rising to 31 days after five "
                        "years of continuous local government service.</p>",
                    ),
                    ("heading", "Booking leave"),
                    (
                        "paragraph",
                        "<p>Ask your line manager at least two weeks "
                        "before the first day you want off. Part-time leave is worked "
                        "out in hours.</p>",
                    ),
                    ("heading", "Carrying leave over"),
                    (
                        "paragraph",
                        "<p>You may carry up to five days into the next "
                        "leave year with your line manager's agreement.</p>",
                    ),
                ],
            ),
            PageContent(
                "Sickness absence: what to do",
                "sickness-absence",
                "Who to tell when you are ill, and when you need a fit note.",
                [
                    (
                        "paragraph",
                        "<p>Phone your line manager before 9:30am on your "
                        "first day of absence. A text or email is not enough unless "
                        "you have agreed it beforehand.</p>",
                    ),
                    (
                        "warning",
                        "You need a fit note from your GP for any absence "
                        "longer than seven calendar days.",
                    ),
                ],
            ),
        ],
    ),
    "legal": PageContent(
        "Legal",
        "legal",
        "Contracts, legal advice, FOI and subject access support.",
        [
            (
                "paragraph",
                "<p>Legal Services advises every part of the council and "
                "supports the Monitoring Officer.</p>",
            ),
            (
                "inset_text",
                "<p>Freedom of information requests must be answered "
                "within <b>20 working days</b>. Send them to us on the day they "
                "arrive.</p>",
            ),
        ],
        [
            PageContent(
                "Getting a contract signed",
                "getting-a-contract-signed",
                "Who can sign, and what Legal needs to see first.",
                [
                    (
                        "paragraph",
                        "<p>Contracts worth more than £25,000 must be "
                        "checked by Legal and sealed. Send the final draft, the "
                        "procurement record and the budget code.</p>",
                    ),
                    (
                        "warning",
                        "Do not let a supplier start work before the "
                        "contract is signed.",
                    ),
                ],
            ),
        ],
    ),
    "finance": PageContent(
        "Finance",
        "finance",
        "Suppliers, purchase orders, expenses and invoices.",
        [
            (
                "paragraph",
                "<p>Finance pays the council's suppliers and staff "
                "expenses, and helps budget holders plan and monitor their "
                "spending.</p>",
            ),
        ],
        [
            PageContent(
                "Raising a purchase order",
                "raising-a-purchase-order",
                "No purchase order, no payment: how to raise one.",
                [
                    (
                        "paragraph",
                        "<p>Raise a purchase order before you commit to "
                        "any spend. Suppliers are told to refuse orders without a PO "
                        "number.</p>",
                    ),
                    ("heading", "Approval limits"),
                    (
                        "paragraph",
                        "<ul><li>Up to £5,000: team leader</li>"
                        "<li>Up to £25,000: head of service</li>"
                        "<li>Over £25,000: director</li></ul>",
                    ),
                ],
            ),
            PageContent(
                "Claiming expenses and mileage",
                "expenses-and-mileage",
                "What you can claim, the mileage rate, and the deadline.",
                [
                    (
                        "paragraph",
                        "<p>Claim within three months of the journey or "
                        "purchase. Mileage is paid at 45p a mile for the first 10,000 "
                        "business miles in a tax year.</p>",
                    ),
                ],
            ),
        ],
    ),
    "digital": PageContent(
        "Digital & Design",
        "digital",
        "IT kit and access, the website, and design work.",
        [
            (
                "paragraph",
                "<p>Digital &amp; Design runs the service desk, looks "
                "after the council's website and intranet, and designs print and "
                "online material.</p>",
            ),
            (
                "inset_text",
                "<p>Locked out? The service desk can reset your password "
                "on <b>01632 960052</b>, 8am to 6pm on working days.</p>",
            ),
        ],
        [
            PageContent(
                "New starter IT checklist",
                "new-starter-it",
                "Order a laptop, accounts and phone for someone joining your team.",
                [
                    (
                        "paragraph",
                        "<p>Order equipment at least ten working days "
                        "before the start date so accounts are ready on day one.</p>",
                    ),
                    (
                        "warning",
                        "Never share your password, even with the service desk.",
                    ),
                ],
            ),
        ],
    ),
    "pa-support": PageContent(
        "PA Support",
        "pa-support",
        "Diaries, meetings, rooms and minute-taking.",
        [
            (
                "paragraph",
                "<p>PA Support manages diaries for the senior leadership "
                "team and can take minutes and arrange meetings for any team.</p>",
            ),
        ],
        [
            PageContent(
                "Booking a minute-taker",
                "booking-a-minute-taker",
                "How much notice we need and what to send us.",
                [
                    (
                        "paragraph",
                        "<p>Give us five working days' notice and send "
                        "the agenda and papers two days before the meeting.</p>",
                    ),
                ],
            ),
        ],
    ),
    "democratic-services": PageContent(
        "Democratic Services",
        "democratic-services",
        "Committee meetings, report deadlines and committee support.",
        [
            (
                "paragraph",
                "<p>Governance &amp; Democratic Services supports Full "
                "Council, Cabinet and the council's committees. Book the support a "
                "meeting needs here: rooms, webcasting, legal advisers and "
                "minute-takers.</p>",
            ),
            (
                "inset_text",
                "<p>Agendas are published at least <b>five clear working "
                "days</b> before each meeting, so report deadlines fall well before "
                "that.</p>",
            ),
        ],
        [
            PageContent(
                "Writing a committee report",
                "writing-a-committee-report",
                "The template, the sign-off route and the deadlines.",
                [
                    (
                        "paragraph",
                        "<p>Use the committee report template. Reports "
                        "need comments from Legal and Finance before the Monitoring "
                        "Officer and Section 151 Officer sign them off.</p>",
                    ),
                    ("warning", "Late reports are not added to the agenda."),
                ],
            ),
            PageContent(
                "Council Chamber and committee rooms",
                "committee-venues",
                "The Council Chamber, Committee Rooms 1 and 2, and the Mayor's "
                "Parlour.",
                [
                    (
                        "paragraph",
                        "<p>The Council Chamber seats 60 with webcasting "
                        "and a hearing loop. Committee Rooms 1 and 2 seat 20 each. The "
                        "Mayor's Parlour is for civic events.</p>",
                    ),
                ],
            ),
        ],
    ),
}

STANDARD_PAGES = [
    PageContent(
        "About this intranet",
        "about-this-intranet",
        "What the intranet is for and who looks after it.",
        [
            (
                "paragraph",
                "<p>The intranet is where Avonford Borough Council's staff "
                "find news and guidance and ask Support Services for help.</p>",
            ),
            ("heading", "Who runs it"),
            (
                "paragraph",
                "<p>Communications looks after news; each service area "
                "owns its guidance. Spotted something out of date? Tell the page's "
                "service area.</p>",
            ),
        ],
    ),
    PageContent(
        "Accessibility statement",
        "accessibility",
        "How accessible this intranet is and how to report a problem.",
        [
            (
                "paragraph",
                "<p>Avonford Borough Council is committed to making its "
                "intranet accessible, in accordance with the Public Sector Bodies "
                "(Websites and Mobile Applications) (No. 2) Accessibility Regulations "
                "2018.</p>",
            ),
            ("heading", "Compliance status"),
            (
                "paragraph",
                "<p>This intranet aims to meet the Web Content "
                "Accessibility Guidelines (WCAG) version 2.2 AA standard.</p>",
            ),
            ("heading", "Reporting accessibility problems"),
            (
                "paragraph",
                "<p>If you find a problem, contact the Digital &amp; "
                "Design service desk on 01632 960052.</p>",
            ),
        ],
    ),
]
