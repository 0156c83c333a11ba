"""HR requests: pay, recruitment, absence, and sealed employee-relations cases."""

from helpdesk.demo.case_steps import (
    Status,
    Story,
    assign,
    claim,
    note,
    rate,
    reply,
    resolve,
    status,
    transfer,
)

STORIES = (
    Story(
        "hr-grievance",
        "bethan.jones",
        "hr-grievance",
        "Grievance about how changes to my shift pattern were handled",
        "In September my shifts were changed from early to late finishes with "
        "two days' notice, although I had told my team leader about my caring "
        "responsibilities. I raised it informally and nothing changed. I would "
        "like to raise a formal grievance.",
        hours_ago=16,
        answers={"Have you raised it informally?": "Yes"},
        steps=(
            claim("hr.partner", after=1.0),
            note(
                "hr.partner",
                "Neil partners Service Delivery and works closely with the "
                "Customer Services managers, so I will take this one to keep it "
                "independent.",
            ),
            reply(
                "hr.partner",
                "Dear Bethan,\n\nThank you for raising this. I would like to "
                "meet you in confidence to talk it through; you are welcome to "
                "bring a trade union representative or a colleague. Would Thursday "
                "at 10am in the Civic Centre suit you?\n\nHarriet Palmer\nHR "
                "Business Partner",
                after=0.5,
            ),
        ),
    ),
    Story(
        "hr-attendance-advice",
        "manager",
        "hr-disciplinary-or-capability-advice",
        "Advice on a long-term attendance case in my team",
        "One of my advisers has had four periods of short-term sickness since "
        "June. I would like advice on holding a stage 2 attendance meeting.",
        hours_ago=30,
        steps=(
            assign("hr.partner", "neil.robertson", after=1.0),
            reply(
                "neil.robertson",
                "Hi Mark,\n\nYes, the absences reach the stage 2 trigger. Please "
                "book 45 minutes with me before you write to them, and bring the "
                "return-to-work notes.\n\nNeil",
                after=2.0,
            ),
            note(
                "neil.robertson",
                "Occupational health referral may be needed: one absence was "
                "linked to a back injury.",
            ),
        ),
    ),
    Story(
        "hr-flexible-working",
        "priya.shah",
        "hr-flexible-working",
        "Compressed hours: a nine-day fortnight",
        "I would like to work my 37 hours over nine days a fortnight, with every "
        "other Friday off, from January. Simon Clarke is supportive.",
        hours_ago=36,
        steps=(
            claim("emma.watkins", after=1.0),
            reply(
                "emma.watkins",
                "Hello Priya, thank you. We have asked Simon Clarke to confirm the "
                "business case so we can approve the new pattern.",
            ),
            status("emma.watkins", Status.AWAITING_APPROVAL),
        ),
    ),
    Story(
        "hr-fit-note",
        "rob.turner",
        "hr-sickness-absence",
        "Fit note for knee surgery",
        "I am having knee surgery on the 3rd and will be off for about six "
        "weeks. My fit note is with Jenny Cole.",
        hours_ago=10,
        steps=(
            claim("josh.bailey", after=1.0),
            reply(
                "josh.bailey",
                "Thanks Rob, we have the fit note from Jenny. We will refer you to "
                "occupational health for a phased return. Good luck with the "
                "operation.",
            ),
        ),
    ),
    Story(
        "hr-seasonal-rangers",
        "jenny.cole",
        "hr-recruitment",
        "Two seasonal park ranger posts for spring",
        "I need two seasonal rangers from March to September at Avonford Country "
        "Park, funded from the visitor centre income.",
        hours_ago=24,
        answers={"Job title": "Seasonal Park Ranger", "Grade": "Grade 4"},
        steps=(
            claim("emma.watkins", after=2.0),
            reply(
                "emma.watkins",
                "Hello Jenny, the advert is drafted. Posts need the establishment "
                "panel's approval before they go live.",
            ),
            status("emma.watkins", Status.ON_HOLD),
            note(
                "emma.watkins",
                "On hold until the establishment panel meets on Thursday.",
            ),
        ),
    ),
    Story(
        "hr-shift-allowance",
        "dean.walsh",
        "hr-pay-query",
        "Shift allowance not paid since I moved to the early round",
        "I moved to the 5am round in October but my pay has no early shift "
        "allowance for October or November.",
        hours_ago=3,
    ),
    Story(
        "hr-maternity",
        "nadia.rahman",
        "hr-general-enquiry",
        "Maternity leave: when do I need to tell you?",
        "I am expecting my first baby in April. When do I need to let HR know, "
        "and can I use my annual leave before the maternity leave starts?",
        hours_ago=70,
        steps=(
            transfer(
                "triage",
                "hr-specialists",
                "Maternity leave is arranged by the HR specialists.",
                after=1.5,
            ),
            claim("emma.watkins", after=2.0),
            reply(
                "emma.watkins",
                "Congratulations, Nadia! Please tell us and your manager by the "
                "end of the 15th week before the baby is due, with your MATB1 "
                "form. Yes, you can take this year's leave first.",
            ),
            resolve(
                "emma.watkins",
                "Explained the notice needed and how to take annual leave before "
                "maternity leave.",
            ),
            rate(4, "Clear answer. It took a day to reach the right person."),
        ),
    ),
    Story(
        "hr-pension-deducted-twice",
        "gary.wilkinson",
        "hr-pay-query",
        "Pension contributions taken twice from my pay",
        "My September payslip shows the pension contribution twice, about £142 "
        "too much.",
        hours_ago=52,
        steps=(
            claim("hr.specialist", after=3.0),
            note(
                "hr.specialist",
                "Duplicate deduction confirmed. The refund has to come back from "
                "the pension fund; their file is late.",
                after=1.0,
            ),
            reply(
                "hr.specialist",
                "Hi Gary, you are right: the contribution was taken twice. We are "
                "chasing the pension fund for the refund.",
                after=0.25,
            ),
        ),
    ),
    Story(
        "hr-customer-services-adviser",
        "angela.ward",
        "hr-recruitment",
        "Recruit a Customer Services Adviser (maternity cover)",
        "Maternity cover for a Customer Services Adviser, 12 months, Grade 3.",
        hours_ago=100,
        answers={"Job title": "Customer Services Adviser", "Grade": "Grade 3"},
        steps=(
            claim("emma.watkins", after=1.0),
            reply(
                "emma.watkins",
                "The advert closes on Friday; shortlisting is booked for Monday.",
                after=3.0,
            ),
            resolve(
                "emma.watkins",
                "Jo Pearce accepted the post and starts on the 7th.",
                after=16.0,
            ),
            rate(4),
        ),
    ),
)
