import os

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def referentiedata(db):
    """The 342 municipalities, 12 provinces, vocabularies, rounds and the known koplopers."""
    call_command("laad_referentiedata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
