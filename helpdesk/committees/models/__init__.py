from .bookings import BookingItem, SupportBooking
from .committees import Committee, Venue
from .feeds import FeedToken
from .meetings import Meeting

__all__ = [
    "BookingItem",
    "Committee",
    "FeedToken",
    "Meeting",
    "SupportBooking",
    "Venue",
]
