"""Finance requests, including a duplicate merged into the first report."""

from helpdesk.demo.case_steps import (
    Status,
    Story,
    claim,
    merge,
    note,
    rate,
    reply,
    resolve,
    status,
)

STORIES = (
    Story(
        "finance-invoice-paid-twice",
        "hannah.webb",
        "finance-invoice-query",
        "Invoice from Bright Sparks Lighting paid twice",
        "Bright Sparks Lighting's invoice BSL-4471 for the Christmas lights "
        "switch-on (£3,480) appears twice in our cost centre.",
        hours_ago=12,
        answers={"Invoice number": "BSL-4471", "Supplier name": "Bright Sparks"},
        steps=(
            claim("finance", after=1.0),
            note(
                "finance",
                "Paid in the 14 November run and again on the 21st: the invoice "
                "was scanned twice.",
            ),
            reply(
                "finance",
                "Hello Hannah, the invoice was paid twice. We have asked Bright "
                "Sparks for a credit note and will tell you when it arrives.",
            ),
        ),
    ),
    Story(
        "finance-invoice-paid-twice-again",
        "hannah.webb",
        "finance-invoice-query",
        "Bright Sparks invoice BSL-4471 duplicated",
        "Sorry if you already have this: the Bright Sparks invoice is in our "
        "budget report twice.",
        hours_ago=11,
        steps=(merge("finance", "finance-invoice-paid-twice", after=1.0),),
    ),
    Story(
        "finance-new-supplier",
        "stuart.reid",
        "finance-new-supplier",
        "Set up Avonford Lift Services as a supplier",
        "We need Avonford Lift Services for the Civic Centre lift contract. Bank "
        "details form signed by their director.",
        hours_ago=4,
        answers={"Supplier name": "Avonford Lift Services Ltd"},
    ),
    Story(
        "finance-lighting-desk",
        "chris.morgan",
        "finance-purchase-order",
        "Purchase order for a replacement stage lighting desk",
        "The Regent Theatre's lighting desk failed during the last show. A "
        "replacement costs £7,950 from Stage Electrics.",
        hours_ago=18,
        answers={"Amount (£)": "7950"},
        steps=(
            claim("ben.hughes", after=1.0),
            reply(
                "ben.hughes",
                "Hi Chris, orders over £5,000 need three quotes or a waiver from "
                "the head of service. Could you send the other two quotes?",
                after=1.5,
            ),
            status("ben.hughes", Status.AWAITING_REQUESTER),
        ),
    ),
    Story(
        "finance-mileage",
        "owen.price",
        "finance-expense-claim",
        "Mileage for site visits in October",
        "212 business miles for the town centre regeneration site visits in October.",
        hours_ago=60,
        steps=(
            claim("finance", after=4.0),
            resolve(
                "finance",
                "212 miles at 45p (£95.40) approved and added to the November salary.",
                after=6.0,
            ),
            rate(3, "Sorted, but it took longer than I expected."),
        ),
    ),
    Story(
        "finance-budget-monitoring",
        "simon.clarke",
        "finance-general-enquiry",
        "Budget monitoring for Policy & Performance",
        "Can we go through the quarter 2 budget monitoring before it goes to "
        "Cabinet? The consultancy line looks overspent.",
        hours_ago=7,
        steps=(
            claim("olivia.barnes", after=1.0),
            reply(
                "olivia.barnes",
                "Hi Simon, I have put 30 minutes in your diary on Tuesday. The "
                "consultancy overspend is offset by the vacancy in your team.",
            ),
        ),
    ),
)
