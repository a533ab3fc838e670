"""Public pages of the knowledge base, the showcase and the factsheet; the PDFs."""

import hashlib

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView, View
from django_filters.views import FilterView

from gemeenten.selectors import gepubliceerde_koplopers, publieke_koplopers, publieke_versie
from koplopers.storingen import niet_beschikbaar

from .filters import KennisitemFilter
from .grafieken import factsheet_grafieken
from .pdf import PdfTeDruk, pdf_gecachet, pdf_maken
from .selectors import (
    factsheet_cijfers,
    filterkeuzes,
    kennis_bij_koploper,
    kennis_versie_bij_koploper,
    kennisitem_detail,
    kennisitems_lijst,
    publieke_etalageartikelen,
)

# A cached PDF is keyed on the data it shows, and also bounded in time: renaming a round, theme or
# publisher changes no version (as for the profile page).
PDF_CACHE_SECONDEN = 60 * 60
# How long a client should wait before asking again when too many PDFs are being made.
PDF_RETRY_AFTER = 5


class KennisitemListView(FilterView):
    filterset_class = KennisitemFilter
    template_name = "kennisbank/kennisitem_list.html"
    context_object_name = "kennisitems"
    paginate_by = 20

    def get_queryset(self):
        return kennisitems_lijst()

    def get_context_data(self, **kwargs):
        # The version of the filter choices: the rendered select fields are cached under it.
        return super().get_context_data(filterversie=filterkeuzes()["versie"], **kwargs)


class KennisitemDetailView(DetailView):
    template_name = "kennisbank/kennisitem_detail.html"
    context_object_name = "kennisitem"

    def get_queryset(self):
        return kennisitem_detail()


class InBewegingView(TemplateView):
    template_name = "kennisbank/in_beweging.html"


class EtalageListView(ListView):
    template_name = "kennisbank/etalageartikel_list.html"
    context_object_name = "artikelen"
    paginate_by = 12

    def get_queryset(self):
        return publieke_etalageartikelen()


class EtalageDetailView(DetailView):
    template_name = "kennisbank/etalageartikel_detail.html"
    context_object_name = "artikel"

    def get_queryset(self):
        return publieke_etalageartikelen()


class FactsheetMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cijfers = factsheet_cijfers()
        context["cijfers"] = cijfers
        context["grafieken"] = factsheet_grafieken(cijfers)
        return context


class FactsheetView(FactsheetMixin, TemplateView):
    template_name = "kennisbank/factsheet.html"


def _pdf_antwoord(pdf: bytes, bestandsnaam: str) -> HttpResponse:
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return antwoord


def _sleutel(soort: str, *delen) -> str:
    return f"kennisbank:pdf:{soort}:" + hashlib.sha256(repr(delen).encode()).hexdigest()[:32]


class FactsheetPdfView(FactsheetMixin, TemplateView):
    """The factsheet as an A4 PDF, cached per set of figures and day (the PDF says "Stand van <date>")."""

    template_name = "kennisbank/pdf/factsheet.html"

    def render_to_response(self, context, **response_kwargs):
        context["vandaag"] = vandaag = timezone.localdate()
        cijfers = {sleutel: waarde for sleutel, waarde in context["cijfers"].items() if sleutel != "peildatum"}
        sleutel = _sleutel("factsheet", sorted(cijfers.items()), vandaag, self.request.get_host())
        try:
            pdf = pdf_gecachet(
                sleutel=sleutel,
                maken=lambda: pdf_maken(template_name=self.template_name, context=context, request=self.request),
                timeout=PDF_CACHE_SECONDEN,
            )
        except PdfTeDruk:
            return niet_beschikbaar(self.request, reden="druk", retry_after=PDF_RETRY_AFTER)
        return _pdf_antwoord(pdf, "factsheet-koploperproject.pdf")


class ProfielPdfView(View):
    """A koploper's public profile as an A4 PDF; unpublished or unknown koplopers do not exist here.

    Cached under the profile's ``bijgewerkt``, the public data version, the knowledge linked to it and
    the day: a cached PDF costs three light queries, a new one the full profile and WeasyPrint.
    """

    def get(self, request, slug):
        koploper = get_object_or_404(gepubliceerde_koplopers().only("pk", "slug", "bijgewerkt"), slug=slug)
        adres = request.build_absolute_uri(request.path)
        vandaag = timezone.localdate()
        sleutel = _sleutel(
            "profiel",
            koploper.pk,
            koploper.bijgewerkt,
            publieke_versie()[0],
            kennis_versie_bij_koploper(koploper),
            vandaag,
            adres,
        )
        try:
            pdf = pdf_gecachet(
                sleutel=sleutel,
                maken=lambda: self._maken(request, koploper.pk, adres, vandaag),
                timeout=PDF_CACHE_SECONDEN,
            )
        except PdfTeDruk:
            return niet_beschikbaar(request, reden="druk", retry_after=PDF_RETRY_AFTER)
        return _pdf_antwoord(pdf, f"koploper-{koploper.slug}.pdf")

    def _maken(self, request, pk, adres, vandaag) -> bytes:
        # Unpublished since the light query above: the 404 passes through the render limit.
        koploper = get_object_or_404(publieke_koplopers().prefetch_related("links"), pk=pk)
        context = {
            "koploper": koploper,
            "contactpersonen": [c for c in koploper.contactpersonen.all() if c.toestemming_publicatie],
            # What the web page shows (at most 10 items and 5 articles) and how many more: a PDF of a
            # koploper linked to hundreds of items would otherwise grow with the knowledge base.
            "kennis": kennis_bij_koploper(koploper),
            "profiel_adres": request.build_absolute_uri(koploper.get_absolute_url()),
            "vandaag": vandaag,
            "adres": adres,
        }
        return pdf_maken(template_name="kennisbank/pdf/profiel.html", context=context, request=request)
