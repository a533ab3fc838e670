"""Public pages of the knowledge base, the showcase and the factsheet; the PDFs."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView, View
from django_filters.views import FilterView

from gemeenten.selectors import publieke_koplopers

from .filters import KennisitemFilter
from .grafieken import factsheet_grafieken
from .pdf import pdf_maken
from .selectors import (
    etalageartikelen_bij_koploper,
    factsheet_cijfers,
    filterkeuzes,
    kennisitem_detail,
    kennisitems_bij_koploper,
    kennisitems_lijst,
    publieke_etalageartikelen,
)


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


class FactsheetPdfView(FactsheetMixin, TemplateView):
    template_name = "kennisbank/pdf/factsheet.html"

    def render_to_response(self, context, **response_kwargs):
        context["vandaag"] = timezone.localdate()
        pdf = pdf_maken(template_name=self.template_name, context=context, request=self.request)
        return _pdf_antwoord(pdf, "factsheet-koploperproject.pdf")


class ProfielPdfView(View):
    """A koploper's public profile as an A4 PDF; unpublished or unknown koplopers do not exist here."""

    def get(self, request, slug):
        koploper = get_object_or_404(publieke_koplopers().prefetch_related("links"), slug=slug)
        if not koploper.gepubliceerd:
            raise Http404
        context = {
            "koploper": koploper,
            "contactpersonen": [c for c in koploper.contactpersonen.all() if c.toestemming_publicatie],
            "kennisitems": kennisitems_bij_koploper(koploper),
            "artikelen": etalageartikelen_bij_koploper(koploper),
            "vandaag": timezone.localdate(),
        }
        pdf = pdf_maken(template_name="kennisbank/pdf/profiel.html", context=context, request=request)
        return _pdf_antwoord(pdf, f"koploper-{koploper.slug}.pdf")
