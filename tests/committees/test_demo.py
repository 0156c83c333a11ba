"""The demo council's committees, venues, meetings and bookings."""

from helpdesk.committees import demo
from helpdesk.committees.models import Committee, Meeting, SupportBooking, Venue


def test_demo_committees_seed_creates_the_council_and_is_idempotent(council):
    demo.demo_committees_seed()
    counts = (
        Committee.objects.count(),
        Venue.objects.count(),
        Meeting.objects.count(),
        SupportBooking.objects.count(),
    )
    assert Venue.objects.get(name="Council Chamber").webcasting
    assert Committee.objects.get(slug="licensing").needs_legal_adviser
    assert Meeting.objects.count() >= 20
    demo.demo_committees_seed()
    assert counts == (
        Committee.objects.count(),
        Venue.objects.count(),
        Meeting.objects.count(),
        SupportBooking.objects.count(),
    )
