import datetime

import factory
from django.utils.text import slugify

from kennisbank.models import Etalageartikel, Kennisitem, Uitgever
from kennisbank.services import etalageartikel_opslaan, kennisitem_opslaan

from .gemeenten import GemeenteFactory, KoploperFactory, ProvincieFactory


class KoploperInUtrechtFactory(KoploperFactory):
    """A koploper in one fixed province (ProvincieFactory's codes outgrow max_length=4 after ten)."""

    gemeente = factory.SubFactory(
        GemeenteFactory,
        provincie=factory.SubFactory(ProvincieFactory, code="PV26", naam="Utrecht", slug="utrecht"),
    )


class UitgeverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitgever
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Uitgever {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class KennisitemFactory(factory.django.DjangoModelFactory):
    """Saved through ``kennisitem_opslaan``, so the search columns are filled as in production."""

    class Meta:
        model = Kennisitem
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Kennisproduct {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.titel))
    soort = Kennisitem.Soort.HANDREIKING
    samenvatting = "Een korte samenvatting."
    inhoud = "<p>De tekst van het kennisproduct.</p>"
    uitgever = factory.SubFactory(UitgeverFactory)
    jaar = 2020
    gepubliceerd = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return kennisitem_opslaan(item=model_class(*args, **kwargs))

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create and extracted:
            self.doelgroepen.set(extracted)

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def koplopers(self, create, extracted, **kwargs):
        if create and extracted:
            self.koplopers.set(extracted)


class EtalageartikelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Etalageartikel

    titel = factory.Sequence(lambda n: f"Etalageverhaal {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.titel))
    koploper = factory.SubFactory(KoploperInUtrechtFactory)
    vorm = Etalageartikel.Vorm.INTERVIEW
    maand = datetime.date(2020, 3, 1)
    inleiding = "Een inleiding."
    inhoud = "<p>Het verhaal.</p>"
    visie_adviesraad = "<p>De adviesraad vindt het goed.</p>"
    visie_inwoners = "<p>Inwoners merken het verschil.</p>"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return etalageartikel_opslaan(artikel=model_class(*args, **kwargs))
