import os

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def lege_cache():
    """The GeoJSON body is cached: every test starts without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demodata(referentiedata):
    """Reference data plus the labelled demo profiles (realistic content for the pages)."""
    call_command("laad_demodata", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
