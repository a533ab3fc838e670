"""A web worker starts fast: loading the URLconf does not import the heavy libraries."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASIS = Path(__file__).resolve().parents[2]
# Pillow (±20 ms) is still loaded by qrcode's SVG factory in the 2FA views; the big ones are not.
ZWAAR = ["weasyprint", "scipy", "numpy", "pypdf"]


def test_urlconf_does_not_import_weasyprint_scipy_or_pypdf():
    code = (
        "import json, sys, django; django.setup(); from koplopers.urls import urlpatterns; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        f"print(json.dumps([m for m in {ZWAAR!r} if m in sys.modules]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "koplopers.settings.test"}
    uitvoer = subprocess.run(
        [sys.executable, "-c", code], cwd=BASIS, env=env, capture_output=True, text=True, timeout=60
    )

    assert uitvoer.returncode == 0, uitvoer.stderr
    assert json.loads(uitvoer.stdout.strip().splitlines()[-1]) == []
