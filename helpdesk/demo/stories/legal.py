"""Legal requests: contracts, advice and information rights."""

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
)

STORIES = (
    Story(
        "legal-riverside-lease",
        "ian.mcdonald",
        "legal-contract-review",
        "Lease renewal for Unit 4, Riverside Business Park",
        "The tenant of Unit 4 wants a five-year renewal with a break at year "
        "three. Draft heads of terms attached to the property file.",
        hours_ago=20,
        answers={"Supplier or partner": "Avon Print Works Ltd"},
        steps=(
            claim("legal", after=1.0),
            reply(
                "legal",
                "Hi Ian, I have marked up the break clause: the tenant must be up "
                "to date with rent to use it. Can you confirm the rent review "
                "dates before I send it to their solicitors?",
                after=3.0,
            ),
            status("legal", Status.AWAITING_REQUESTER),
        ),
    ),
    Story(
        "legal-foi-missed-bins",
        "angela.ward",
        "legal-information-requests",
        "FOI: missed bin complaints in 2025",
        "A resident has asked for the number of missed bin complaints per ward "
        "in 2025 and how many were put right within two working days.",
        hours_ago=8,
        answers={"Kind of request": "Freedom of information"},
        steps=(
            claim("zara.ahmed", after=0.5),
            note(
                "zara.ahmed",
                "Data is held by Waste & Street Scene; asked Paul Henderson for "
                "the ward figures. Deadline is 20 working days from receipt.",
            ),
        ),
    ),
    Story(
        "legal-fly-tipping-cctv",
        "paul.henderson",
        "legal-legal-advice",
        "Fly-tipping prosecution: can we use the CCTV footage?",
        "Our camera at Mill Lane caught a van tipping builders' waste. Can we use "
        "the footage to prosecute, and do we need to tell the driver first?",
        hours_ago=2,
    ),
    Story(
        "legal-panto-contract",
        "victoria.lane",
        "legal-contract-review",
        "Touring production contract: the Regent Theatre pantomime",
        "The producer's contract for this year's pantomime, box office split "
        "70/30. It must be signed before tickets go on sale.",
        hours_ago=90,
        steps=(
            claim("legal", after=1.0),
            reply(
                "legal",
                "I have agreed the cancellation terms with the producer. The "
                "contract is ready for sealing.",
                after=6.0,
            ),
            resolve("legal", "Contract sealed and sent to the producer."),
            rate(4, "Thorough, and in time for the on-sale date."),
        ),
    ),
    Story(
        "legal-subject-access",
        "sarah.lloyd",
        "legal-information-requests",
        "Subject access request from a former elector",
        "A former elector wants copies of everything we hold about them, "
        "including canvass returns since 2019.",
        hours_ago=26,
        answers={"Kind of request": "Subject access request"},
        steps=(
            assign("philip.graham", "zara.ahmed", after=1.0),
            reply(
                "zara.ahmed",
                "Thanks Sarah. We need proof of identity before the clock starts; "
                "I have written to the requester.",
            ),
            status("zara.ahmed", Status.ON_HOLD),
        ),
    ),
)
