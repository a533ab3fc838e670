"""One's own data as a download: JSON (everything in one file) or a ZIP with one CSV file per table."""

import csv
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

# A cell starting with one of these is a formula to a spreadsheet: prefixed with ' so it stays text.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def als_json(tabellen: dict[str, list[dict]]) -> bytes:
    inhoud = {"bron": "Koploperportaal", "gemaakt_op": timezone.now().isoformat(), "gegevens": tabellen}
    return json.dumps(inhoud, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


def _cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    tekst = str(waarde)
    return "'" + tekst if tekst.startswith(FORMULE_TEKENS) else tekst


def als_csv(rijen: list[dict]) -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark, so that Dutch spreadsheet programs open it right."""
    uit = io.StringIO()
    if rijen:
        schrijver = csv.writer(uit, delimiter=";")
        schrijver.writerow(list(rijen[0]))
        for rij in rijen:
            schrijver.writerow([_cel(waarde) for waarde in rij.values()])
    return uit.getvalue().encode("utf-8-sig")


def als_zip(tabellen: dict[str, list[dict]]) -> bytes:
    """One CSV per table that has rows."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief:
        for naam, rijen in tabellen.items():
            if rijen:
                archief.writestr(f"{naam}.csv", als_csv(rijen))
    return uit.getvalue()
