"""The import contracts of README "Lagen" (pyproject.toml, [tool.importlinter]) hold, and they can fail."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PAKKETTEN = ["koplopers", "gemeenten", "selectie", "kennisbank"]


def _contracten() -> dict:
    with (BASIS / "pyproject.toml").open("rb") as bestand:
        return {contract["id"]: contract for contract in tomllib.load(bestand)["tool"]["importlinter"]["contracts"]}


def _lint_imports(map: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=map, capture_output=True, text=True, timeout=120, check=False
    )


def _modules_in_laag(laag: str, container: str = "") -> set[str]:
    scheiding = "|" if "|" in laag else ":"
    return {f"{container}{naam.strip()}" for naam in laag.split(scheiding)}


def _submodules(pakket: str) -> set[str]:
    """The direct submodules of a package (modules and subpackages), without migrations and tests."""
    namen = set()
    for pad in (BASIS / pakket).iterdir():
        if pad.name.startswith("_") or pad.name in {"migrations", "data"}:
            continue
        if pad.suffix == ".py" or (pad / "__init__.py").exists():
            namen.add(f"{pakket}.{pad.stem}")
    return namen


def test_import_contracts_are_kept():
    resultaat = _lint_imports(BASIS)

    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "0 broken" in resultaat.stdout


def test_every_module_of_the_project_package_and_selectie_has_a_layer():
    """A new module in ``koplopers`` or ``selectie`` must be placed in a layer, or the contract misses it."""
    contracten = _contracten()
    lagen = set().union(*(_modules_in_laag(laag) for laag in contracten["lagen"]["layers"]))
    selectie = set().union(*(_modules_in_laag(laag, "selectie.") for laag in contracten["beoordeling"]["layers"]))

    assert _submodules("koplopers") - lagen == set()
    assert _submodules("selectie") - selectie == set()
    assert {"gemeenten", "selectie", "kennisbank"} <= lagen


@pytest.mark.parametrize(
    ("bestand", "regel", "melding"),
    [
        ("gemeenten/selectors.py", "from selectie.models import Ronde", "gemeenten is not allowed to import selectie"),
        (
            "kennisbank/selectors.py",
            "from selectie.models import Ronde",
            "kennisbank is not allowed to import selectie",
        ),
        (
            "koplopers/accounts/forms.py",
            "from gemeenten.models import Koploper",
            "koplopers.accounts is not allowed to import gemeenten",
        ),
        (
            "selectie/services.py",
            "from selectie.beoordeling.models import Besluit",
            "selectie.services is not allowed to import selectie.beoordeling",
        ),
    ],
)
def test_an_import_that_points_up_breaks_the_contract(tmp_path, bestand, regel, melding):
    for pakket in PAKKETTEN:
        shutil.copytree(
            BASIS / pakket, tmp_path / pakket, ignore=shutil.ignore_patterns("data", "__pycache__", "*.geojson")
        )
    shutil.copy(BASIS / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / bestand).open("a", encoding="utf-8") as doel:
        doel.write(f"\n{regel}  # noqa\n")

    resultaat = _lint_imports(tmp_path)

    assert resultaat.returncode == 1
    assert melding in resultaat.stdout
