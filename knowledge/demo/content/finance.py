"""Finance guidance: ordering, suppliers, invoices and budgets."""

from knowledge.demo.build import bullets, callout, contact, heading, p, steps, warning

SERVICE_AREA = "finance"
OWNER_TEAM = "finance"
OWNER = ("grace.okafor", "Grace", "Okafor", "Finance business partner")

TOPICS = [
    ("Ordering and purchasing", "ordering-and-purchasing"),
    ("Suppliers and invoices", "suppliers-and-invoices"),
    ("Budgets", "budgets"),
]

ARTICLES = [
    {
        "title": "Raising a purchase order",
        "summary": "Why every order needs a purchase order (PO) and how to raise one.",
        "topics": ["ordering-and-purchasing"],
        "review_in_days": 140,
        "body": [
            p(
                "Raise a purchase order in the finance system before you order "
                "anything. Suppliers must quote the PO number on their invoice, or "
                "we cannot pay it. No PO, no pay."
            ),
            steps(
                "In the finance system choose Requisitions, then New.",
                "Choose the supplier, describe what you are buying and add the "
                "cost code.",
                "Submit it: your budget holder approves it.",
                "Send the PO number to the supplier when you place the order.",
            ),
            callout(
                "For orders over £5,000 you need three quotes; over £25,000 talk to "
                "procurement first."
            ),
        ],
    },
    {
        "title": "Setting up a new supplier",
        "summary": (
            "How to add a new supplier to the finance system so they can be paid."
        ),
        "topics": ["suppliers-and-invoices", "ordering-and-purchasing"],
        "review_in_days": -12,
        "body": [
            p(
                "Before you can raise an order with a new supplier they must be set "
                "up in the finance system. Check the supplier list first: they may "
                "already be there under another name."
            ),
            steps(
                "Ask the supplier to complete the new supplier form.",
                "Send the form with a bank letter or recent statement to accounts "
                "payable.",
                "Accounts payable checks the bank details by phone and sets the "
                "supplier up within 5 working days.",
            ),
            warning(
                "Never change a supplier's bank details because of an email. Fraud "
                "attempts often look like genuine supplier emails."
            ),
        ],
    },
    {
        "title": "Expense claims: what you can claim",
        "summary": (
            "Which costs Finance will reimburse and the limits for meals and hotels."
        ),
        "topics": ["ordering-and-purchasing"],
        "review_in_days": 200,
        "body": [
            p(
                "Claims are made through My HR (see Claiming expenses and mileage in "
                "HR guidance). Finance sets the limits below."
            ),
            bullets(
                "Hotel: up to £110 a night in London, £85 elsewhere, booked through "
                "the travel portal where possible",
                "Evening meal when staying away: up to £25",
                "Rail: standard class, booked in advance",
                "Parking and tolls: actual cost with a receipt",
            ),
            callout("Alcohol, fines and personal items cannot be claimed."),
        ],
    },
    {
        "title": "Invoice and payment queries",
        "summary": (
            "What to do when a supplier says they have not been paid or an invoice "
            "is wrong."
        ),
        "topics": ["suppliers-and-invoices"],
        "review_in_days": 100,
        "body": [
            p(
                "We pay suppliers within 30 days of a valid invoice, and small local "
                "suppliers within 10 days."
            ),
            steps(
                "Check the invoice quotes a PO number and the goods have been "
                "receipted in the finance system.",
                "If you have not receipted the goods, do it now: the invoice is then "
                "paid in the next payment run.",
                "If it still is not paid, ask accounts payable with the supplier "
                "name, invoice number and PO number.",
            ),
            contact(
                "Accounts payable",
                "Finance",
                "accounts.payable@avonford.gov.uk",
                "01632 960 630",
            ),
        ],
    },
    {
        "title": "Budget monitoring for budget holders",
        "summary": (
            "How monthly budget monitoring works and what budget holders need to do."
        ),
        "topics": ["budgets"],
        "audience": "line-managers",
        "review_in_days": 60,
        "body": [
            p(
                "Budget holders review their budget report each month and forecast "
                "the year-end position with their finance business partner."
            ),
            steps(
                "Run your budget report in the finance system after the 8th working "
                "day of the month.",
                "Check for miscoded items and tell Finance about any corrections.",
                "Update your forecast for staffing, income and big contracts.",
                "Explain any variance over £10,000 in the monitoring return.",
            ),
            heading("Timetable"),
            p("Monitoring returns are due on the 15th working day of each month."),
        ],
    },
    {
        "title": "Using a purchasing card",
        "summary": (
            "Who can have a purchasing card, what it can be used for and how to "
            "reconcile it."
        ),
        "topics": ["ordering-and-purchasing"],
        "review_in_days": 240,
        "body": [
            p(
                "Purchasing cards are for small, one-off purchases under £500 where "
                "raising a PO is not practical. The card is in your name and you are "
                "responsible for it."
            ),
            steps(
                "Ask your budget holder to approve a card request.",
                "Keep a VAT receipt for every purchase.",
                "Reconcile your statement in the card portal by the 10th of each "
                "month.",
            ),
            warning(
                "Never use a purchasing card for personal purchases or to pay staff."
            ),
        ],
    },
    {
        "title": "Raising a sales invoice",
        "summary": (
            "How to ask Finance to invoice a customer for money owed to the council."
        ),
        "topics": ["suppliers-and-invoices", "budgets"],
        "review_in_days": 190,
        "body": [
            p(
                "If an organisation or person owes the council money, Finance raises "
                "a sales invoice so the debt is recorded and chased."
            ),
            steps(
                "Complete a sales invoice request with the customer's details, what "
                "they owe for and the income code.",
                "Finance raises the invoice within 3 working days and sends it.",
                "Unpaid invoices are chased after 30 days.",
            ),
        ],
    },
    {
        "title": "Year-end closedown deadlines",
        "summary": (
            "The dates budget holders must meet so the council's accounts can be "
            "closed for the financial year."
        ),
        "topics": ["budgets"],
        "audience": "line-managers",
        "review_in_days": 35,
        "body": [
            p(
                "The financial year ends on 31 March. To close the accounts on time, "
                "orders, receipts and accruals must be in the finance system by the "
                "dates below."
            ),
            bullets(
                "Last date to raise purchase orders for this year: 10 March",
                "Goods and services received by 31 March must be receipted by 3 April",
                "Accruals over £5,000 to your finance business partner by 7 April",
            ),
            callout(
                "Anything not receipted or accrued by these dates is charged to "
                "next year's budget."
            ),
        ],
    },
]
