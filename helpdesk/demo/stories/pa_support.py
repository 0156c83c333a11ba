"""PA Support requests: diaries, rooms and agenda printing."""

from helpdesk.demo.case_steps import Story, claim, rate, reply, resolve, transfer

STORIES = (
    Story(
        "pa-diary-cover",
        "helen.whitfield",
        "pa-support-diary-support",
        "Diary support while Zoe is on leave",
        "Zoe is on leave for two weeks from Monday. Could someone manage my diary "
        "and the Strategy leadership team meeting papers?",
        hours_ago=9,
        steps=(
            claim("pa", after=1.0),
            reply(
                "pa",
                "Hello Helen, I will look after your diary for the fortnight and "
                "send the papers out on Thursday as usual.",
            ),
        ),
    ),
    Story(
        "pa-business-awards",
        "gareth.evans",
        "pa-support-meeting-room-booking",
        "Room for the Avonford Business Awards judging panel",
        "A room for 12 judges for a full day, with a screen for presentations.",
        hours_ago=70,
        answers={"Number of people": 12},
        steps=(
            claim("megan.hall", after=1.0),
            reply(
                "megan.hall",
                "Committee Room 2 is booked for the day with the screen and "
                "lunch for 12.",
                after=1.5,
            ),
            resolve("megan.hall", "Committee Room 2 booked with AV and lunch."),
            rate(5),
        ),
    ),
    Story(
        "pa-agenda-printing",
        "andrew.pike",
        "democratic-services-general-enquiry",
        "Printing the Full Council agenda",
        "The Full Council agenda is 140 pages. We need 15 printed copies for the "
        "members who asked for paper.",
        hours_ago=20,
        steps=(
            transfer(
                "triage",
                "pa-support",
                "PA Support prints agenda packs.",
                after=1.0,
            ),
            claim("megan.hall", after=1.0),
        ),
    ),
)
