import factory

from koplopers.post.models import Bericht


class BerichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bericht

    sleutel = factory.Sequence(lambda n: f"test-{n}")
    soort = Bericht.Soort.OVERIG
    aan = factory.Sequence(lambda n: f"ontvanger{n}@example.nl")
    onderwerp = factory.Sequence(lambda n: f"Bericht {n}")
    tekst = "Een testbericht."


class MisluktBerichtFactory(BerichtFactory):
    status = Bericht.Status.MISLUKT
    pogingen = 6
    laatste_fout = "SMTPDataError: (554, b'Geweigerd')"
