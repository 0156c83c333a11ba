"""HR guidance: leave, pay, absence, recruitment and employee relations."""

from knowledge.demo.build import bullets, callout, contact, heading, p, steps, warning

SERVICE_AREA = "hr"
OWNER_TEAM = "hr"
OWNER = ("priya.shah", "Priya", "Shah", "HR policy adviser")

TOPICS = [
    ("Leave and time off", "leave-and-time-off"),
    ("Pay and expenses", "pay-and-expenses"),
    ("Sickness absence", "sickness-absence"),
    ("Family leave", "family-leave"),
    ("Recruitment and new starters", "recruitment-and-new-starters"),
    ("Employee relations", "employee-relations"),
]

ARTICLES = [
    {
        "title": "Annual leave policy",
        "summary": (
            "How much annual leave (holiday) you get, how it builds up and what "
            "happens to leave you do not take."
        ),
        "topics": ["leave-and-time-off"],
        "review_in_days": -21,
        "body": [
            p(
                "Full-time staff get 26 days' annual leave a year, rising to 29 days "
                "after five years' continuous local government service, plus the 8 "
                "bank holidays. Part-time staff get the same entitlement worked out "
                "in hours, in proportion to their contracted hours.",
                "The leave year runs from 1 April to 31 March. If you join or leave "
                "part way through the year, your holiday entitlement is worked out "
                "pro rata.",
            ),
            heading("Carrying leave over"),
            p(
                "You can carry up to 5 days (or the equivalent in hours) into the "
                "next leave year with your line manager's agreement. Leave you could "
                "not take because of sickness or family leave is carried over in "
                "full."
            ),
            callout(
                "You can also buy up to 10 extra days of annual leave a year through "
                "the salary sacrifice scheme. Apply in the HR system before 1 March."
            ),
        ],
    },
    {
        "title": "How to book annual leave",
        "summary": (
            "Request holiday in the HR system and get it approved by your manager."
        ),
        "topics": ["leave-and-time-off"],
        "review_in_days": 200,
        "body": [
            p(
                "Book all annual leave, including half days, through My HR so your "
                "balance stays right and your manager can plan cover."
            ),
            steps(
                ("Sign in to My HR", "Open My HR from the intranet's home page."),
                (
                    "Choose Absence, then Request leave",
                    "Pick the dates and whether each day is a full or half day.",
                ),
                (
                    "Check your balance",
                    "My HR shows what you will have left once the request is approved.",
                ),
                (
                    "Submit the request",
                    "Your line manager gets an email and approves or declines it. "
                    "You will get an email with their decision.",
                ),
            ),
            callout(
                "Give at least twice as much notice as the length of leave you want "
                "to take: two weeks' notice for a week's holiday."
            ),
        ],
    },
    {
        "title": "Reporting sickness absence",
        "summary": (
            "What to do if you are too ill to work, when you need a fit note and "
            "how return-to-work meetings work."
        ),
        "topics": ["sickness-absence"],
        "review_in_days": 120,
        "body": [
            steps(
                (
                    "Phone your line manager",
                    "Call before 9:30am on your first day of absence, or within an "
                    "hour of your shift starting. A text or email is not enough "
                    "unless your manager has agreed it.",
                ),
                (
                    "Keep in touch",
                    "Agree with your manager when you will next update them.",
                ),
                (
                    "Get a fit note after 7 calendar days",
                    "For the first 7 days you can self-certify in My HR. After that "
                    "you need a fit note from your GP or hospital.",
                ),
                (
                    "Have a return-to-work meeting",
                    "Your manager will meet you on your first day back to check you "
                    "are well enough to work and record the absence.",
                ),
            ),
            warning(
                "If you are injured at work, report it to your manager the same day "
                "and complete an accident report form."
            ),
        ],
    },
    {
        "title": "Payslips and pay dates",
        "summary": (
            "When you are paid, how to see your payslip (pay slip) online and who "
            "to ask if your pay looks wrong."
        ),
        "topics": ["pay-and-expenses"],
        "review_in_days": 300,
        "body": [
            p(
                "Staff are paid monthly on the 20th. If the 20th falls on a weekend "
                "or bank holiday, you are paid on the working day before. In "
                "December pay day is usually earlier: it is announced in November.",
                "Your payslip is in My HR under Pay. Payslips are available from 3 "
                "working days before pay day and you can download P60s from the same "
                "page.",
            ),
            heading("If your pay looks wrong"),
            p(
                "Check that overtime, mileage and expenses were approved before the "
                "payroll cut-off (the 5th of the month). Claims approved after that "
                "are paid the following month."
            ),
            contact(
                "Payroll",
                "HR",
                "payroll@avonford.gov.uk",
                "01632 960 410",
            ),
        ],
    },
    {
        "title": "Flexible working requests",
        "summary": (
            "How to ask for a change to your hours, working pattern or place of "
            "work, and how your request is decided."
        ),
        "topics": ["leave-and-time-off", "employee-relations"],
        "review_in_days": 14,
        "body": [
            p(
                "Everyone can ask for flexible working from their first day. You can "
                "make two requests in any 12 months. Examples include compressed "
                "hours, part-time hours, job sharing and hybrid working."
            ),
            steps(
                "Talk to your line manager informally about what you would like to "
                "change and how the work would be covered.",
                "Complete the flexible working request form, saying what change you "
                "want and when you want it to start.",
                "Your manager will meet you within 4 weeks and write to you with a "
                "decision within 2 months of your request.",
                "If your request is turned down you can appeal within 10 working days.",
            ),
            callout(
                "Managers: read the manager's guide to flexible working before "
                "turning a request down. There are only 8 lawful business reasons."
            ),
        ],
    },
    {
        "title": "Maternity, paternity and shared parental leave",
        "summary": (
            "Your entitlement to leave and pay when you have or adopt a baby, and "
            "when to tell us."
        ),
        "topics": ["family-leave", "leave-and-time-off"],
        "review_in_days": 90,
        "body": [
            heading("Maternity and adoption leave"),
            p(
                "You can take up to 52 weeks' maternity or adoption leave. With a "
                "year's service you get occupational maternity pay on top of "
                "statutory pay: 6 weeks at 90% of pay, then 12 weeks at half pay "
                "plus statutory pay."
            ),
            heading("Paternity leave"),
            p(
                "Partners can take 2 weeks' paternity leave at full pay within 52 "
                "weeks of the birth or placement, in one block or two separate "
                "weeks."
            ),
            heading("Shared parental leave"),
            p(
                "Parents can share up to 50 weeks of leave and 37 weeks of pay. You "
                "must give 8 weeks' notice of each period of leave you book."
            ),
            steps(
                "Tell your manager you are pregnant or adopting by the 15th week "
                "before the baby is due.",
                "Send HR your MATB1 certificate or matching certificate.",
                "Agree keeping-in-touch days with your manager before you go.",
            ),
        ],
    },
    {
        "title": "Claiming expenses and mileage",
        "summary": "How to claim back travel, mileage and other costs of your work.",
        "topics": ["pay-and-expenses"],
        "review_in_days": 150,
        "body": [
            p(
                "You can claim for business travel and costs you have paid yourself "
                "while working. You cannot claim for your usual journey to your "
                "normal place of work."
            ),
            steps(
                "Keep your receipts: take a photo of each one.",
                "In My HR choose Expenses, then New claim. Add each journey or cost "
                "with its receipt.",
                "Submit the claim within 3 months of the cost. Your manager "
                "approves it.",
                "Approved claims are paid with your next salary if approved by the "
                "5th of the month.",
            ),
            bullets(
                "Mileage in your own car: 45p a mile",
                "Passenger supplement: 5p a mile for each colleague you carry",
                "Bicycle: 20p a mile",
            ),
            warning("Claims made more than 3 months after the cost are not paid."),
        ],
    },
    {
        "title": "DBS checks",
        "summary": (
            "Which roles need a Disclosure and Barring Service (DBS) check and how "
            "to get one."
        ),
        "topics": ["recruitment-and-new-starters"],
        "audience": "line-managers",
        "review_in_days": -5,
        "body": [
            p(
                "Roles working with children or adults at risk need an enhanced DBS "
                "check before the person starts. Some other roles, such as those "
                "handling payments, need a basic check. The job profile says which "
                "check a role needs."
            ),
            steps(
                "Ask the recruitment team to start a check when you offer the job.",
                "The new starter gets an email link to fill in the online form.",
                "They bring three identity documents to an ID check with HR.",
                "HR tells you when the certificate is clear. Checks usually take 2 "
                "to 4 weeks.",
            ),
            warning(
                "Nobody may start a role needing an enhanced check until the check "
                "is clear."
            ),
            contact("Recruitment team", "HR", "recruitment@avonford.gov.uk"),
        ],
    },
    {
        "title": "Probation for new staff",
        "summary": (
            "How the 6-month probation period works for new starters and managers."
        ),
        "topics": ["recruitment-and-new-starters"],
        "audience": "line-managers",
        "review_in_days": 250,
        "body": [
            p(
                "New staff have a 6-month probation period. Managers hold reviews at "
                "1, 3 and 5 months and record them in My HR."
            ),
            steps(
                "Set objectives with your new starter in their first week.",
                "Hold review meetings at 1, 3 and 5 months and give honest feedback.",
                "Confirm the appointment in My HR before the end of month 6.",
            ),
            callout(
                "If you have concerns, talk to your HR business partner early. "
                "Probation can be extended once by up to 3 months."
            ),
        ],
    },
    {
        "title": "Raising a grievance",
        "summary": (
            "How to raise a concern or complaint about your work, colleagues or "
            "how you have been treated."
        ),
        "topics": ["employee-relations"],
        "review_in_days": 330,
        "body": [
            p(
                "Most concerns are best sorted out informally by talking to your "
                "line manager. If that does not work, or the concern is about your "
                "manager, you can raise a formal grievance."
            ),
            steps(
                "Write to your manager's manager (or HR) saying what happened and "
                "what outcome you want.",
                "You will be invited to a meeting within 10 working days. You can "
                "bring a trade union representative or a colleague.",
                "You will get a written decision within 5 working days of the meeting.",
                "If you are unhappy with the decision you can appeal within 10 "
                "working days.",
            ),
            callout(
                "Concerns about bullying or harassment can also be raised in "
                "confidence with an HR business partner."
            ),
        ],
    },
    {
        "title": "Time off for appointments and emergencies",
        "summary": (
            "When you can take time off for medical appointments, caring "
            "emergencies and jury service."
        ),
        "topics": ["leave-and-time-off"],
        "review_in_days": 180,
        "body": [
            p(
                "Try to arrange routine appointments outside your working hours or "
                "use flexi time. Hospital appointments and antenatal care are paid "
                "time off.",
                "You can take up to 5 days' paid emergency leave a year to deal with "
                "an unexpected problem with a dependant, such as a child being ill.",
            ),
            callout("Record all special leave in My HR under Absence."),
        ],
    },
    {
        "title": "Updating your personal details",
        "summary": (
            "How to change your address, bank account, emergency contacts or name "
            "in My HR."
        ),
        "topics": ["pay-and-expenses"],
        "review_in_days": 260,
        "body": [
            p(
                "Keep your details up to date so you are paid correctly and we can "
                "reach your emergency contacts."
            ),
            steps(
                "Sign in to My HR and choose My details.",
                "Change your address, phone number, emergency contacts or bank "
                "account.",
                "Bank changes made after the payroll cut-off (the 5th) take effect "
                "the following month.",
            ),
            callout(
                "To change your name, send HR a copy of your marriage certificate, "
                "civil partnership certificate or deed poll."
            ),
        ],
    },
]
