"""Digital & Design requests: faults, access, kit, web and design."""

from helpdesk.demo.case_steps import (
    Story,
    cancel,
    claim,
    link,
    note,
    rate,
    reopen,
    reply,
    requester_reply,
    resolve,
)

STORIES = (
    Story(
        "digital-new-starter",
        "angela.ward",
        "digital-new-starter-kit",
        "New starter: Customer Services Adviser starting on the 7th",
        "Jo Pearce starts on the 7th as a Customer Services Adviser. She needs a "
        "laptop, headset and access to the phone system.",
        hours_ago=10,
        answers={"Kit needed": ["Laptop", "Headset"]},
        steps=(
            claim("digital", after=1.0),
            note("digital", "Laptop AV-LT-0412 imaged and enrolled."),
            link("triage", "hr-customer-services-adviser"),
        ),
    ),
    Story(
        "digital-bin-calendar",
        "claire.donnelly",
        "digital-website-change",
        "Update the bin collection calendar for Christmas",
        "Collections move by one day in the two weeks after Christmas. The new "
        "dates are in the attached table from Waste & Street Scene.",
        hours_ago=5,
        steps=(claim("amy.collins", after=1.0),),
    ),
    Story(
        "digital-lights-poster",
        "jamal.hussain",
        "digital-design-request",
        "Poster for the Christmas lights switch-on",
        "An A3 poster and a social media graphic for the switch-on in Market "
        "Square on Friday 27 November.",
        hours_ago=30,
        steps=(
            claim("tariq.malik", after=0.5),
            reply(
                "tariq.malik",
                "Hi Jamal, here is a first draft in the council's festive colours.",
                after=2.0,
            ),
            requester_reply(
                "Looks great. Could the date and time be bigger?", after=3.0
            ),
            reply("tariq.malik", "Done: final versions attached.", after=2.0),
            resolve("tariq.malik", "Poster and social media graphic delivered."),
            rate(5, "Looks brilliant, thank you Tariq."),
        ),
    ),
    Story(
        "digital-webcast-encoder",
        "kevin.doyle",
        "digital-it-fault",
        "Webcast encoder in the Council Chamber will not start",
        "The webcast encoder shows a red light and the stream test fails. "
        "Planning North is webcast on Thursday evening.",
        hours_ago=1.5,
    ),
    Story(
        "digital-power-bi",
        "tom.fletcher",
        "digital-system-access",
        "Access to Power BI Pro",
        "I need a Power BI Pro licence to publish the performance dashboard.",
        hours_ago=40,
        steps=(cancel(after=3.0),),
    ),
    Story(
        "digital-depot-vpn",
        "alison.hart",
        "digital-it-fault",
        "VPN drops every few minutes at the depot",
        "At the Waterside Depot the VPN disconnects every few minutes, so I lose "
        "tree survey records I am typing.",
        hours_ago=14,
        steps=(
            claim("digital", after=0.5),
            reply(
                "digital",
                "Hi Alison, I have pushed the latest VPN client to your laptop. "
                "Please restart it and let me know.",
            ),
            resolve("digital", "VPN client updated.", after=1.0),
            reopen("It is still dropping since I restarted.", after=8.0),
            reply(
                "digital",
                "Sorry Alison. I am looking at the depot's router with our network "
                "supplier now.",
                after=0.5,
            ),
        ),
    ),
)
