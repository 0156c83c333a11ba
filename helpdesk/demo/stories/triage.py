"""New and routine requests waiting for, or worked by, Case Management."""

from helpdesk.demo.case_steps import Story, claim, reply, resolve, transfer

STORIES = (
    Story(
        "triage-buy-leave",
        "lucy.chambers",
        "hr-general-enquiry",
        "Can I buy extra annual leave?",
        "I have heard some councils let staff buy up to five extra days of leave "
        "through salary sacrifice. Do we have a scheme?",
        hours_ago=2,
    ),
    Story(
        "triage-parking-permit",
        "liam.oconnor",
        "finance-general-enquiry",
        "Staff parking permit for Market Square car park",
        "How do I get a staff parking permit for Market Square, and is the charge "
        "taken from salary?",
        hours_ago=5,
    ),
    Story(
        "triage-market-music",
        "hannah.webb",
        "legal-general-enquiry",
        "Do we need a licence for music at the Christmas market?",
        "We would like a brass band and recorded carols at the Christmas market. "
        "Do we need a licence?",
        hours_ago=3,
    ),
    Story(
        "triage-minute-taker",
        "fiona.grant",
        "pa-support-general-enquiry",
        "Minute-taker for the Town Centre Regeneration board",
        "The board meets monthly from January. Can PA Support take the minutes?",
        hours_ago=3.5,
    ),
    Story(
        "triage-exempt-appendix",
        "priya.shah",
        "democratic-services-general-enquiry",
        "Cabinet report with an exempt appendix: which template?",
        "My Cabinet report has commercially sensitive figures. Which template do "
        "I use for an exempt appendix?",
        hours_ago=4,
    ),
    Story(
        "triage-late-report",
        "joanne.baker",
        "democratic-services-general-enquiry",
        "Late report for Planning North: can it still go on the agenda?",
        "My report on the Mill Lane site is two days late because of a revised "
        "valuation. Can it still go on the Planning North agenda?",
        hours_ago=6,
        steps=(
            claim("triage", after=0.5),
            reply(
                "triage",
                "Hi Joanne, I have asked Kevin Doyle, who clerks Planning North, "
                "whether the chair will accept it as a late item.",
            ),
        ),
    ),
    Story(
        "triage-expenses-form",
        "bethan.jones",
        "finance-general-enquiry",
        "Where is the expenses form?",
        "I went to a training course in Bristol and need to claim my train fare.",
        hours_ago=15,
        steps=(
            claim("yusuf.ali", after=1.0),
            reply(
                "yusuf.ali",
                "Hi Bethan, use the Expense claim form on the Finance page; attach "
                "the ticket as your receipt.",
                after=0.5,
            ),
            resolve("yusuf.ali", "Pointed to the Expense claim form."),
        ),
    ),
    Story(
        "triage-phone-locked-out",
        "rob.turner",
        "digital-general-enquiry",
        "Phone call: locked out of HR self-service at the depot",
        "Rob rang from the depot: his account locked after three attempts and he "
        "cannot see his payslips online.",
        hours_ago=1,
        raised_by="triage",
        steps=(
            transfer(
                "triage",
                "digital-service-desk",
                "Account unlock needs the service desk.",
                after=0.25,
            ),
        ),
    ),
)
