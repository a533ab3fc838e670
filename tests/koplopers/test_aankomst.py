import time
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from koplopers.middleware import AankomstMiddleware


def _aankomst(settings, header: str, **meta):
    settings.AANKOMST_HEADER = header
    verzoeken = []
    AankomstMiddleware(lambda request: verzoeken.append(request))(RequestFactory().get("/", **meta))
    return verzoeken[0].aangekomen_op


def test_arrival_is_taken_before_the_view_runs(settings):
    voor = timezone.now()
    aankomst = _aankomst(settings, "")
    assert voor <= aankomst <= timezone.now()


def test_proxy_time_counts_when_configured(settings):
    tien_seconden_terug = time.time() - 10
    aankomst = _aankomst(settings, "HTTP_X_REQUEST_START", HTTP_X_REQUEST_START=f"t={tien_seconden_terug:.3f}")
    assert abs((timezone.now() - aankomst) - timedelta(seconds=10)) < timedelta(seconds=1)


@pytest.mark.parametrize("waarde", ["t=onzin", "t={toekomst:.3f}", "t={uur_terug:.3f}", "1e400"])
def test_implausible_proxy_time_is_ignored(settings, waarde):
    # The moments are taken when the test runs, not when the tests are collected (a long run would
    # otherwise turn "60 s ahead" into the past).
    waarde = waarde.format(toekomst=time.time() + 60, uur_terug=time.time() - 3600)
    aankomst = _aankomst(settings, "HTTP_X_REQUEST_START", HTTP_X_REQUEST_START=waarde)
    assert timezone.now() - aankomst < timedelta(seconds=1)


def test_proxy_header_ignored_when_not_configured(settings):
    aankomst = _aankomst(settings, "", HTTP_X_REQUEST_START=f"t={time.time() - 30:.3f}")
    assert timezone.now() - aankomst < timedelta(seconds=1)
