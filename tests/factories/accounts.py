from datetime import timedelta

import factory
from django.utils import timezone

from koplopers.accounts.models import User
from koplopers.accounts.tokens import token_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.nl")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", "Wachtwoord-voor-tests-1")

    @factory.post_generation
    def bewaar(self, create, extracted, **kwargs):
        if create:
            self.save()


class AmbtenaarFactory(UserFactory):
    """A municipal official; pass ``koplopers=[...]`` / ``gemeenten=[...]``."""

    @factory.post_generation
    def koplopers(self, create, extracted, **kwargs):
        if create and extracted:
            self.koplopers.set(extracted)

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)


class BelangenbehartigerFactory(UserFactory):
    is_belangenbehartiger = True
    organisatie = "Cliëntenraad Voorbeeld"
    organisatie_type = User.OrganisatieType.CLIENTORGANISATIE


class BeoordelaarFactory(UserFactory):
    beoordelaar_organisatie = User.BeoordelaarOrganisatie.VNG


class StafFactory(UserFactory):
    is_programmastaf = True
    is_staff = True


class UitnodigingFactory(factory.django.DjangoModelFactory):
    """An open invitation; the raw token is ``<factory>.token`` (only its hash is stored)."""

    class Meta:
        model = "accounts.Uitnodiging"
        exclude = ["token"]

    token = factory.Sequence(lambda n: f"uitnodigingstoken-{n}-abcdefghijklmnopqrstuvwxyz")
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@gemeente.example")
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
    verloopt_op = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
