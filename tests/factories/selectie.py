import uuid
from datetime import timedelta

import factory
from django.utils import timezone

from selectie.models import Criterium, Kandidaat, Motivatie, Ronde, Voordracht
from tests.factories.accounts import BelangenbehartigerFactory
from tests.factories.gemeenten import GemeenteFactory


class RondeFactory(factory.django.DjangoModelFactory):
    """A round that is open now, closing in two weeks. Without criteria: use ``OpenRondeFactory`` for those."""

    class Meta:
        model = Ronde
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Testronde {n}")
    slug = factory.Sequence(lambda n: f"testronde-{n}")
    jaar = 2026
    status = Ronde.Status.OPEN
    opent_op = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    sluit_op = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    oproeptekst = "Draag een koploper voor."


class CriteriumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterium

    ronde = factory.SubFactory(RondeFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    naam = factory.Sequence(lambda n: f"Criterium {n}")
    toelichting = "Toelichting bij het criterium."


class OpenRondeFactory(RondeFactory):
    """An open round with the four criteria of 2019."""

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if create:
            from selectie.services import ronde_criteria_standaard

            ronde_criteria_standaard(ronde=self)


class KandidaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kandidaat
        skip_postgeneration_save = True

    ronde = factory.SubFactory(OpenRondeFactory)
    naam = "Kandidaat"
    sleutel = factory.Sequence(lambda n: f"GM{8000 + n}")


class VoordrachtFactory(factory.django.DjangoModelFactory):
    """A draft with every field filled in except the municipalities; pass ``gemeenten=[...]``."""

    class Meta:
        model = Voordracht
        skip_postgeneration_save = True

    ronde = factory.SubFactory(OpenRondeFactory)
    indiener = factory.SubFactory(BelangenbehartigerFactory)
    token = factory.LazyFunction(uuid.uuid4)
    organisatie = "Cliëntenraad Voorbeeld"
    organisatie_type = Voordracht.OrganisatieType.CLIENTORGANISATIE
    contact_naam = "Jet de Vries"
    contact_email = factory.Sequence(lambda n: f"contact{n}@voorbeeld.nl")
    toestemming_privacy = True
    toestemming_op = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create:
            self.gemeenten.set(extracted if extracted is not None else [GemeenteFactory()])

    @factory.post_generation
    def motivaties(self, create, extracted, **kwargs):
        if create and extracted is not False:
            for criterium in self.ronde.criteria.all():
                Motivatie.objects.create(voordracht=self, criterium=criterium, tekst=f"Motivatie bij {criterium}.")


def ingediende_voordracht(**kwargs) -> Voordracht:
    """A nomination submitted through the service (so it has its candidate).

    In a test without ``transaction=True`` the confirmation e-mail (sent on commit) does not go out.
    """
    from selectie.services import voordracht_indienen

    voordracht = VoordrachtFactory(**kwargs)
    return voordracht_indienen(voordracht=voordracht, token=voordracht.token)
