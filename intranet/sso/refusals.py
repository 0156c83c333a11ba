"""Why single sign-on turned someone away, worded for the person refused."""

from dataclasses import dataclass
from enum import StrEnum


class Reason(StrEnum):
    UNKNOWN_ACCOUNT = "unknown_account"
    INACTIVE = "inactive"
    NO_EMAIL = "no_email"
    STATE_MISMATCH = "state_mismatch"
    DECLINED = "declined"
    PROVIDER_UNAVAILABLE = "provider_unavailable"
    FAILED = "failed"


@dataclass(frozen=True)
class Refusal:
    reason: Reason
    email: str = ""


MESSAGES = {
    Reason.UNKNOWN_ACCOUNT: (
        "Your account isn\u2019t set up on the intranet yet",
        "There is no intranet account for {email}. Contact HR to have your staff "
        "record added, then sign in again.",
    ),
    Reason.INACTIVE: (
        "Your intranet account is not active",
        "The intranet account for {email} has been closed. Contact HR if you think "
        "this is wrong.",
    ),
    Reason.NO_EMAIL: (
        "Your council account has no verified email address",
        "The intranet matches council accounts to staff records by email address. "
        "Contact the digital service desk.",
    ),
    Reason.STATE_MISMATCH: (
        "Sign-in could not be completed",
        "The sign-in link was not valid or had already been used. Start again from "
        "the sign-in page.",
    ),
    Reason.DECLINED: (
        "Sign-in was not completed",
        "Your council account did not confirm who you are. Start again from the "
        "sign-in page.",
    ),
    Reason.PROVIDER_UNAVAILABLE: (
        "Council sign-in is not available right now",
        "Try again in a few minutes. If it keeps happening, contact the digital "
        "service desk.",
    ),
    Reason.FAILED: (
        "Sign-in could not be completed",
        "Something went wrong while checking your council account. Start again from "
        "the sign-in page.",
    ),
}
# A provider outage is not the person's fault, and proxies may retry a 503.
STATUS = {Reason.PROVIDER_UNAVAILABLE: 503}


def describe(refusal: Refusal) -> tuple[str, str]:
    """Return the heading and explanation shown to the person refused."""
    heading, body = MESSAGES[refusal.reason]
    return heading, body.format(email=refusal.email or "your email address")


def status_code(refusal: Refusal) -> int:
    """Return the HTTP status of the refusal page."""
    return STATUS.get(refusal.reason, 403)
