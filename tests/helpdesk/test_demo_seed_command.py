"""`manage.py seed_demo` with every app's demo content: the helpdesk's goes first,
so the request forms and committee bookings use its teams, queues and types."""

import io

import pytest
from django.core.management import call_command

from forms.models import RequestFormPage
from helpdesk.committees.models import SupportBooking
from helpdesk.demo.stories import STORIES
from helpdesk.models import Case, Queue, RequestType, SupportTeam

pytestmark = pytest.mark.django_db


def test_seed_demo_command_builds_the_other_apps_on_the_helpdesk_demo(
    settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    settings.DEMO_MODE = True

    call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())

    assert Case.objects.filter(answers__has_key="demo_key").count() == len(STORIES)
    assert Queue.objects.filter(is_triage=True).count() == 1
    hr_partners = SupportTeam.objects.get(
        kind=SupportTeam.Kind.BUSINESS_PARTNERS, service_area__slug="hr"
    )
    assert hr_partners.slug == "hr-business-partners"
    grievance_form = RequestFormPage.objects.get(slug="raise-a-grievance")
    assert grievance_form.request_type.slug == "hr-grievance"
    assert grievance_form.request_type.access_team == hr_partners
    assert SupportBooking.objects.exists()
    assert not RequestType.objects.filter(sla_policy__isnull=True).exists()
    assert (tmp_path / "mail" / "democratic-services").is_dir()
