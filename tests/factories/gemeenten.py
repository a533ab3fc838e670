import factory
from django.utils.text import slugify

from gemeenten.models import Contactpersoon, Doelgroep, Gemeente, Koploper, Provincie, Thema


class ProvincieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provincie
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"PV{90 + n}")
    naam = factory.Sequence(lambda n: f"Provincie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"GM{9000 + n}")
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
    organisatie = "<p>Zo is het georganiseerd.</p>"
    ambities = "<p>Dit zijn de ambities.</p>"
    acties = "<p>Dit zijn de acties.</p>"
    gepubliceerd = True


class ContactpersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactpersoon

    koploper = factory.SubFactory(KoploperFactory)
    naam = factory.Faker("name", locale="nl_NL")
    functie = "Beleidsadviseur"
    email = factory.Sequence(lambda n: f"contact{n}@gemeente.example")
    toestemming_publicatie = True
