from datetime import datetime

import pytest
from django.db import transaction

from bench import dataset as seed
from tests.forms import conftest as forms_fixtures
from tests.helpdesk import conftest as helpdesk_fixtures

# The request-form and helpdesk fixtures the query-count tests build on.
desk = helpdesk_fixtures.desk
make_case = helpdesk_fixtures.make_case
area_pages = forms_fixtures.area_pages
pay_form = forms_fixtures.pay_form

NOW = datetime.fromisoformat("2026-03-02T09:00:00+00:00")


@pytest.fixture(scope="module")
def tiny_dataset(django_db_setup, django_db_blocker):
    """Seed once per module, inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed.seed(scale=seed.TINY, now=NOW, log=lambda message: None)
        transaction.set_rollback(True)
