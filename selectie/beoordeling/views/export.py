"""Exports for staff only: reviews (CSV), candidates with aggregates (CSV), the selection report (PDF)."""

import csv

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors
from ..aggregatie import cijfer
from . import RondeMixin


def _getal(waarde) -> str:
    return cijfer(waarde)


def _csv_response(naam: str) -> tuple[HttpResponse, csv.writer]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    patch_cache_control(response, no_store=True)  # personal data: never kept by a browser or proxy
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    return response, csv.writer(response, delimiter=";")


def _veilig(tekst) -> str:
    """Neutralise spreadsheet formulas (CSV injection): a leading =, +, - or @ gets a quote."""
    tekst = "" if tekst is None else str(tekst)
    return "'" + tekst if tekst[:1] in ("=", "+", "-", "@") else tekst


class ExportBeoordelingenView(RondeMixin, View):
    """One row per review, a column per criterion (level, or "n.v.t.")."""

    def get(self, request, *args, **kwargs):
        criteria = list(selectors.criteria_van(self.ronde))
        conflicten = selectors.conflicten_van_ronde(self.ronde)
        response, schrijver = _csv_response(f"beoordelingen-{self.ronde.slug}.csv")
        schrijver.writerow(
            [
                _("kandidaat"),
                _("beoordelaar"),
                _("organisatie"),
                _("status"),
                _("belangenconflict"),
                *[c.naam for c in criteria],
                _("totaalscore"),
                _("algemene opmerking"),
                _("reden onthouding"),
                _("ingediend op"),
            ]
        )
        for beoordeling in selectors.beoordelingen_export(self.ronde):
            scores = {s.criterium_id: s for s in beoordeling.scores.all()}
            schrijver.writerow(
                [
                    _veilig(beoordeling.kandidaat.naam),
                    _veilig(str(beoordeling.beoordelaar)),
                    beoordeling.beoordelaar.get_beoordelaar_organisatie_display(),
                    beoordeling.get_status_display(),
                    _("ja") if (beoordeling.beoordelaar_id, beoordeling.kandidaat_id) in conflicten else _("nee"),
                    *[scores[c.pk].weergave if c.pk in scores else "" for c in criteria],
                    _getal(beoordeling.totaal),
                    _veilig(beoordeling.opmerking),
                    _veilig(beoordeling.reden_onthouding),
                    timezone.localtime(beoordeling.ingediend_op).strftime("%Y-%m-%d %H:%M")
                    if beoordeling.ingediend_op
                    else "",
                ]
            )
        return response


class ExportKandidatenView(RondeMixin, View):
    """One row per candidate with its aggregates, flags and decision."""

    def get(self, request, *args, **kwargs):
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        response, schrijver = _csv_response(f"kandidaten-{self.ronde.slug}.csv")
        organisaties = selectors.ORGANISATIES
        schrijver.writerow(
            [
                _("rang"),
                _("kandidaat"),
                _("provincie"),
                _("thema's"),
                _("gezamenlijk"),
                _("regio"),
                _("aantal beoordelingen"),
                _("gebalanceerd gemiddelde"),
                _("gemiddelde"),
                _("mediaan"),
                _("standaardafwijking"),
                _("bereik"),
                *[_("gemiddelde %(organisatie)s") % {"organisatie": org.label} for org in organisaties],
                _("onthoudingen"),
                _("belangenconflicten"),
                _("bespreken"),
                _("besluit"),
                _("motivering"),
            ]
        )
        for rij in rijen:
            a = rij.aggregaat
            schrijver.writerow(
                [
                    rij.rang or "",
                    _veilig(rij.kandidaat.naam),
                    ", ".join(rij.provincies),
                    ", ".join(rij.themas),
                    _("ja") if rij.gezamenlijk else _("nee"),
                    _("ja") if rij.regio else _("nee"),
                    a.aantal,
                    _getal(a.gebalanceerd),
                    _getal(a.gemiddelde),
                    _getal(a.mediaan),
                    _getal(a.standaardafwijking),
                    _getal(a.bereik),
                    *[_getal(a.per_organisatie.get(org.value)) for org in organisaties],
                    a.onthoudingen,
                    a.conflicten,
                    _("ja") if a.bespreken else _("nee"),
                    rij.besluit.get_uitkomst_display() if rij.besluit and rij.besluit.uitkomst else "",
                    _veilig(rij.besluit.motivering if rij.besluit else ""),
                ]
            )
        return response


PDF_CSS = """
@page { size: A4 landscape; margin: 1.5cm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; line-height: 1.4; color: #111; }
h1 { font-size: 16pt; color: #154273; margin: 0 0 0.3cm; }
h2 { font-size: 12pt; color: #154273; margin: 0.5cm 0 0.2cm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.getal { text-align: right; }
.voldaan { color: #275937; } .niet-voldaan { color: #b00020; }
"""


class RapportView(RondeMixin, View):
    """The selection report as a PDF (WeasyPrint): ranking, scores, constraint check, motivations."""

    def get(self, request, *args, **kwargs):
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        html = render_to_string(
            "beoordeling/rapport_pdf.html",
            {
                "ronde": self.ronde,
                "rb": self.rondebeoordeling,
                "rijen": rijen,
                "controle": selectors.controle(self.ronde, self.rondebeoordeling, rijen),
                "eisen": selectors.eisen_van(self.ronde, self.rondebeoordeling),
                "gemaakt_op": timezone.now(),
            },
        )
        from weasyprint import CSS, HTML  # heavy (±0.6 s): imported when a report is made, not at start
        from weasyprint.urls import URLFetcher

        pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(
            stylesheets=[CSS(string=PDF_CSS)]
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="selectierapport-{self.ronde.slug}.pdf"'
        patch_cache_control(response, no_store=True)
        return response
