"""Every write to committee meetings and bookings goes through these services."""

from .bookings import booking_create
from .feeds import feed_token_ensure, feed_token_regenerate
from .imports import MeetingImportInvalid, meetings_import
from .meetings import meeting_cancel, meeting_create, meeting_move
from .notices import booking_cancelled_record, booking_due_sync

__all__ = [
    "MeetingImportInvalid",
    "booking_cancelled_record",
    "booking_create",
    "booking_due_sync",
    "feed_token_ensure",
    "feed_token_regenerate",
    "meeting_cancel",
    "meeting_create",
    "meeting_move",
    "meetings_import",
]
