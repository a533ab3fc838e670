"""The API sits on top: no app it reads from imports it (there is no import-linter contract in this branch)."""

from pathlib import Path

BASIS = Path(__file__).resolve().parents[2]
LAGERE_DELEN = ["gemeenten", "selectie", "kennisbank", "koplopers/accounts", "koplopers/privacy"]


def test_no_lower_app_imports_the_api():
    overtreders = [
        str(bestand.relative_to(BASIS))
        for deel in LAGERE_DELEN
        for bestand in (BASIS / deel).rglob("*.py")
        if "koplopers.api" in bestand.read_text(encoding="utf-8")
        or "from koplopers import api" in bestand.read_text(encoding="utf-8")
    ]

    assert overtreders == []
    assert (BASIS / "koplopers" / "api" / "api.py").exists()
