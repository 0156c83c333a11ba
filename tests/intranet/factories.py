import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from intranet.models import (
    Directorate,
    NewsIndexPage,
    NewsPage,
    ServiceArea,
    ServiceAreaPage,
    StandardPage,
    Team,
)

_FAKER = factory.Faker._get_faker(locale="en_GB")


def _plain_name(kind: str) -> str:
    return getattr(_FAKER, kind)().replace("'", "")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@avonford.gov.uk")
    # Plain names keep assertions on rendered pages simple; escaping of names such
    # as O'Connor is covered by the XSS and escaping tests.
    first_name = factory.LazyFunction(lambda: _plain_name("first_name"))
    last_name = factory.LazyFunction(lambda: _plain_name("last_name"))
    job_title = "Officer"
    team = factory.LazyFunction(lambda: Team.objects.get(slug="customer-services"))
    directorate = factory.LazyAttribute(
        lambda u: u.team.directorate if u.team else None
    )
    password = factory.django.Password("demo-password-1")


def team(slug: str) -> Team:
    return Team.objects.select_related("directorate").get(slug=slug)


def directorate(slug: str) -> Directorate:
    return Directorate.objects.get(slug=slug)


def service_area(slug: str) -> ServiceArea:
    return ServiceArea.objects.get(slug=slug)


class ServiceAreaPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ServiceAreaPage

    title = "HR"
    service_area = factory.LazyFunction(lambda: ServiceArea.objects.get(slug="hr"))
    summary = "Pay, leave and people matters."


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News story {n}")
    date = factory.Faker("date_this_year")
    summary = "Something happened at the council."
    body = wagtail_factories.StreamFieldFactory({})


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "How to do something."
    body = wagtail_factories.StreamFieldFactory({})
