import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _lege_cache():
    """The rate limit counts in the cache: every test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()
