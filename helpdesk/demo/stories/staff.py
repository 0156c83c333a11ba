"""Requests of the demo account `staff` (Sam Patel): one awaiting their
reply, one resolved and waiting for a rating, one closed and rated, one raised
for them by their line manager."""

from helpdesk.demo.case_steps import (
    Status,
    Story,
    assign,
    claim,
    note,
    rate,
    reply,
    requester_reply,
    resolve,
    status,
)

STORIES = (
    Story(
        "staff-overtime",
        "staff",
        "hr-pay-query",
        "Overtime missing from my October payslip",
        "My October payslip only shows basic pay. I worked 9.5 hours of overtime "
        "covering the Saturday phone lines on 10 and 17 October, which Mark "
        "Taylor approved at the time.",
        hours_ago=20,
        steps=(
            claim("hr.specialist", after=1.5),
            note(
                "hr.specialist",
                "No overtime claim for Sam in the October pay run. Customer "
                "Services timesheets for weeks 41 and 42 were never sent to us.",
            ),
            reply(
                "hr.specialist",
                "Hello Sam,\n\nThanks for letting us know. We have no timesheet "
                "for those two Saturdays, so the overtime was not paid. Could you "
                "attach the timesheet signed by Mark? We will then add it to the "
                "November pay run.\n\nBest wishes,\nHugh",
                after=0.25,
            ),
            status("hr.specialist", Status.AWAITING_REQUESTER),
        ),
    ),
    Story(
        "staff-docking-station",
        "staff",
        "digital-it-fault",
        "Docking station stops charging my laptop",
        "Since Monday my laptop runs on battery when it is plugged into the dock "
        "at my desk (desk 14, Customer Service Centre) and dies by lunchtime.",
        hours_ago=14,
        steps=(
            claim("digital", after=0.5),
            reply(
                "digital",
                "Hi Sam, could you try the other USB-C port on the dock and tell "
                "me whether the light on the front turns white?",
                after=0.25,
            ),
            requester_reply(
                "Tried both ports: the light stays amber and it still does not charge."
            ),
            note(
                "digital",
                "Same fault as the other WD19 docks from the 2022 batch. Swapping "
                "from stock rather than updating firmware again.",
                after=0.5,
            ),
            reply(
                "digital",
                "Thanks Sam. A replacement dock is at the Customer Service Centre "
                "reception with your name on it; please leave the old one there.",
                after=2.0,
            ),
            resolve(
                "digital",
                "Replaced the faulty docking station. The new one charges the "
                "laptop and drives both screens.",
            ),
        ),
    ),
    Story(
        "staff-change-of-address",
        "staff",
        "hr-personal-details",
        "New home address from 1 November",
        "I am moving to 12 Orchard Close, Avonford AV3 4PL on 1 November. Please "
        "update my records.",
        hours_ago=120,
        steps=(
            claim("emma.watkins", after=2.0),
            reply(
                "emma.watkins",
                "Hello Sam,\n\nYour address is updated in the HR system from 1 "
                "November, so your P60 will go to Orchard Close.\n\nEmma",
                after=0.5,
            ),
            resolve("emma.watkins", "Home address updated from 1 November."),
            rate(5, "Quick and painless, thank you."),
        ),
    ),
    Story(
        "staff-system-access",
        "staff",
        "digital-system-access",
        "Access to the case management system for Sam Patel",
        "Sam is taking over council tax reviews from Liam and needs the Customer "
        "Services role in the case management system from next week.",
        hours_ago=6,
        raised_by="manager",
        answers={"System": "Case management"},
        steps=(
            assign("richard.fox", "digital", after=1.0),
            note(
                "digital",
                "A licence is free after Liam's role change. Needs Angela Ward's "
                "sign-off as the system owner before I add the role.",
            ),
        ),
    ),
)
