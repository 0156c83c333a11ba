"""Factories for committee tests: venues, committees and meetings."""

from datetime import datetime, timedelta

import factory
from django.utils.text import slugify

from helpdesk.committees.models import Committee, Meeting, Venue
from helpdesk.sla import LONDON


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Committee Room {n}")
    capacity = 30


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    name = factory.Sequence(lambda n: f"Committee {n}")
    slug = factory.LazyAttribute(lambda c: slugify(c.name.replace("&", "and")))
    default_venue = factory.SubFactory(VenueFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    start_at = datetime(2026, 6, 16, 18, 30, tzinfo=LONDON)
    end_at = factory.LazyAttribute(lambda m: m.start_at + timedelta(hours=2))
    venue = factory.LazyAttribute(lambda m: m.committee.default_venue)
    clerk = factory.LazyAttribute(lambda m: m.committee.clerk)
