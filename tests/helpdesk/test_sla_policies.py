"""SLA policies and their targets as administrators store them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from helpdesk.models import Priority, SLAPolicy, SLATarget

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return SLAPolicy.objects.create(name="Standard")


def target(policy, priority=Priority.NORMAL, first="8", resolution="40"):
    return SLATarget(
        policy=policy,
        priority=priority,
        first_response_hours=Decimal(first),
        resolution_hours=Decimal(resolution),
    )


def test_target_for_returns_the_priority_target(policy):
    target(policy, Priority.HIGH, "2", "8").save()
    target(policy, Priority.NORMAL, "8", "40").save()
    high = policy.target_for(Priority.HIGH)
    assert (high.first_response_hours, high.resolution_hours) == (
        Decimal("2.00"),
        Decimal("8.00"),
    )


def test_target_for_a_priority_without_a_target_is_none(policy):
    target(policy, Priority.NORMAL).save()
    assert policy.target_for(Priority.URGENT) is None


def test_target_refuses_resolution_before_first_response(policy):
    with pytest.raises(ValidationError) as error:
        target(policy, first="8", resolution="4").full_clean()
    assert error.value.message_dict == {
        "resolution_hours": [
            "Resolution hours must be at least the first response hours."
        ]
    }


@pytest.mark.parametrize(("first", "resolution"), [("0", "8"), ("-1", "8")])
def test_target_refuses_hours_that_are_not_positive(policy, first, resolution):
    with pytest.raises(ValidationError) as error:
        target(policy, first=first, resolution=resolution).full_clean()
    assert "first_response_hours" in error.value.message_dict


def test_target_refuses_a_second_target_for_the_same_priority(policy):
    target(policy, Priority.LOW).save()
    with pytest.raises(ValidationError, match="already has a target for that priority"):
        target(policy, Priority.LOW).full_clean()


def test_target_database_refuses_resolution_before_first_response(policy):
    with pytest.raises(IntegrityError), transaction.atomic():
        target(policy, first="8", resolution="4").save()
    assert not SLATarget.objects.exists()
