import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def lege_cache():
    """The factsheet figures are cached; every test starts without them."""
    cache.clear()
    yield
    cache.clear()
