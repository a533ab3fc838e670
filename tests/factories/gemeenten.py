import factory
from django.utils.text import slugify

from gemeenten.models import Contactpersoon, Doelgroep, Gemeente, Koploper, Link, Provincie, Thema


class ProvincieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provincie
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"P{n % 1000:03d}")  # max_length 4
    naam = factory.Sequence(lambda n: f"Provincie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["code"]

    # max_length 6; "GX" never collides with a real CBS code or the fixed GM98xx codes of the permission matrix.
    code = factory.Sequence(lambda n: f"GX{n % 10000:04d}")
    naam = factory.Sequence(lambda n: f"Testgemeente {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))
    provincie = factory.SubFactory(ProvincieFactory)
    geometrie = factory.LazyFunction(
        lambda: {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.0]]]}
    )


class DoelgroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doelgroep
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class KoploperFactory(factory.django.DjangoModelFactory):
    """A koploper that is one municipality (use ``soort=REGIO, gemeente=None`` for a region)."""

    class Meta:
        model = Koploper

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.LazyAttribute(lambda o: o.gemeente.toon_naam if o.gemeente else "Regio")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))
    soort = Koploper.Soort.GEMEENTE
    provincie = factory.LazyAttribute(lambda o: o.gemeente.provincie if o.gemeente else None)
    organisatie = "Zo is het georganiseerd."
    ambities = "Dit zijn de ambities."
    acties = "Dit zijn de acties."
    gepubliceerd = True


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    koploper = factory.SubFactory(KoploperFactory)
    naam = factory.Faker("name", locale="nl_NL")
    functie = "Beleidsadviseur"
    email = factory.Sequence(lambda n: f"contact{n}@gemeente.example")
    toestemming_publicatie = True


class RondeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selectie.Ronde"
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Testronde {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))
    jaar = 2019
    status = "gepubliceerd"


class GepubliceerdeKoploperFactory(KoploperFactory):
    """A koploper with target groups, themes and rounds: ``GepubliceerdeKoploperFactory(rondes=[ronde])``."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def rondes(self, create, extracted, **kwargs):
        if create and extracted:
            self.rondes.add(*extracted)

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create and extracted:
            self.doelgroepen.add(*extracted)

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.add(*extracted)


class RegioFactory(GepubliceerdeKoploperFactory):
    """A region of cooperating municipalities: ``RegioFactory(leden=[gemeente, ...])`` (or none known)."""

    gemeente = None
    naam = factory.Sequence(lambda n: f"Regio {n}")
    soort = Koploper.Soort.REGIO
    provincie = factory.SubFactory(ProvincieFactory)

    @factory.post_generation
    def leden(self, create, extracted, **kwargs):
        if create and extracted:
            self.leden.add(*extracted)


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    koploper = factory.SubFactory(KoploperFactory)
    titel = factory.Sequence(lambda n: f"Meer over de aanpak {n}")
    url = factory.Sequence(lambda n: f"https://gemeente.example/aanpak/{n}")
