"""The demo request forms: at least fifteen, published, and seeded once."""

from django.core import management

from forms.models import Outcome, RequestFormPage
from helpdesk.models import RoutingRule, SupportTeam


def test_demo_seed_publishes_request_forms_once(db):
    management.call_command("seed_demo", verbosity=0)
    forms = RequestFormPage.objects.live()
    assert forms.count() >= 15
    assert forms.filter(outcome=Outcome.APPROVAL).count() >= 3
    assert forms.filter(outcome=Outcome.INSTANT).exists()
    assert forms.filter(form_fields__condition_field__gt="").distinct().count() >= 5
    grievance = forms.get(slug="raise-a-grievance")
    assert grievance.request_type.confidential
    rule = RoutingRule.objects.get(request_type=grievance.request_type)
    assert rule.to_business_partner
    assert SupportTeam.objects.filter(
        kind=SupportTeam.Kind.BUSINESS_PARTNERS,
        service_area__slug="hr",
        partnered_directorates__isnull=False,
    ).exists()

    management.call_command("seed_demo", verbosity=0)
    assert RequestFormPage.objects.count() == forms.count()
