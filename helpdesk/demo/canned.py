"""Stock replies for each team, with the placeholders agents' replies fill in."""

from __future__ import annotations

from helpdesk.models import CannedResponse, SupportTeam

SIGN_OFF = "\n\nBest wishes,\n{agent_name}"

# team slug (empty for every team), title, body
RESPONSES = (
    (
        "",
        "Thank you: we have your request",
        "Hello {requester_first_name},\n\nThank you for your request {reference} "
        "about “{subject}”. We will reply within the time shown on the request "
        "page." + SIGN_OFF,
    ),
    (
        "",
        "Anything else before we close it?",
        "Hello {requester_first_name},\n\nI think {reference} is now sorted. If "
        "anything is still not right, reply here within ten working days and it "
        "will reopen." + SIGN_OFF,
    ),
    (
        "case-management",
        "Passed to the right team",
        "Hello {requester_first_name},\n\nI have passed {reference} to the team "
        "that deals with this. They will pick it up from here and you can follow "
        "progress on your requests page." + SIGN_OFF,
    ),
    (
        "case-management",
        "The guidance answers this",
        "Hello {requester_first_name},\n\nThe answer to “{subject}” is in our "
        "guidance on the intranet; search for it from the home page. If it does "
        "not answer your question, reply here and I will find out." + SIGN_OFF,
    ),
    (
        "hr-specialists",
        "Timesheet needed for overtime",
        "Hello {requester_first_name},\n\nTo pay the overtime in {reference} we "
        "need the timesheet signed by your line manager. Please attach it here "
        "and we will include it in the next pay run." + SIGN_OFF,
    ),
    (
        "hr-specialists",
        "Corrected in the next pay run",
        "Hello {requester_first_name},\n\nWe have corrected this and the "
        "difference will be paid on the 25th. Your payslip will show it as an "
        "adjustment." + SIGN_OFF,
    ),
    (
        "hr-business-partners",
        "Meeting in confidence",
        "Dear {requester_first_name},\n\nThank you for raising this with us. I "
        "would like to meet you in confidence to talk it through; you are welcome "
        "to bring a trade union representative or a colleague. Please reply "
        "with times that suit you." + SIGN_OFF,
    ),
    (
        "legal",
        "Contract received",
        "Hello {requester_first_name},\n\nWe have the draft contract for "
        "{reference}. We will send you our comments, and let you know if it "
        "needs sealing." + SIGN_OFF,
    ),
    (
        "legal",
        "Information request logged",
        "Hello {requester_first_name},\n\nWe have logged this information "
        "request. The statutory deadline is 20 working days from the date the "
        "council received it; we will tell you what we need from your team." + SIGN_OFF,
    ),
    (
        "finance",
        "Supplier set up",
        "Hello {requester_first_name},\n\nThe supplier is now set up. You can "
        "raise purchase orders against it straight away." + SIGN_OFF,
    ),
    (
        "finance",
        "Purchase order raised",
        "Hello {requester_first_name},\n\nThe purchase order is raised. Please "
        "give its number to the supplier and ask them to quote it on their "
        "invoice." + SIGN_OFF,
    ),
    (
        "finance-business-partners",
        "Budget meeting",
        "Hello {requester_first_name},\n\nI have put 30 minutes in your diary to "
        "go through the figures. Please bring any spending plans for the rest of "
        "the year." + SIGN_OFF,
    ),
    (
        "digital-service-desk",
        "Password reset",
        "Hello {requester_first_name},\n\nI have reset your password. You will "
        "be asked to choose a new one when you next sign in. Never share it, "
        "even with us." + SIGN_OFF,
    ),
    (
        "digital-service-desk",
        "Kit ready to collect",
        "Hello {requester_first_name},\n\nThe kit for {reference} is ready to "
        "collect from the service desk on the ground floor of the Civic Centre."
        + SIGN_OFF,
    ),
    (
        "pa-support",
        "Room booked",
        "Hello {requester_first_name},\n\nThe room is booked as you asked. We "
        "will set it out 30 minutes before the meeting starts." + SIGN_OFF,
    ),
)


def demo_canned_responses_seed(*, teams: dict[str, SupportTeam]) -> int:
    """Create the missing stock replies, matched by team and title; return how many."""
    created = 0
    for slug, title, body in RESPONSES:
        team = teams[slug] if slug else None
        if CannedResponse.objects.filter(team=team, title=title).exists():
            continue
        response = CannedResponse(team=team, title=title, body=body)
        response.full_clean()
        response.save()
        created += 1
    return created
