"""The portal search page (``/zoeken/``): results grouped by kind, or one kind with its filters."""

from django.core.paginator import Paginator
from django.views.generic import TemplateView

from ..models import Zoekdocument
from .forms import ZoekForm
from .zoeken import treffers_laden, zoeken

PER_GROEP = 5
PER_PAGINA = 20


class ZoekenView(TemplateView):
    template_name = "kennisbank/zoeken.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ZoekForm(self.request.GET or None)
        context["form"] = form
        if not form.is_bound or not form.is_valid() or not form.cleaned_data["q"].strip():
            return context
        soort = form.cleaned_data["soort"]
        resultaat = zoeken(zoekterm=form.cleaned_data["q"], **form.filters())
        aantallen = resultaat.aantallen()
        context.update(resultaat=resultaat, soort=soort, totaal=len(resultaat.ids))
        context["soorten"] = [(waarde, label, aantallen[waarde]) for waarde, label in Zoekdocument.Soort.choices]
        if soort:
            pagina = Paginator(resultaat.van_soort(soort), PER_PAGINA).get_page(self.request.GET.get("page"))
            context.update(page_obj=pagina, treffers=treffers_laden(resultaat, list(pagina.object_list)))
        else:
            groepen_ids = {waarde: resultaat.van_soort(waarde)[:PER_GROEP] for waarde in Zoekdocument.Soort.values}
            alle = treffers_laden(resultaat, [pk for ids in groepen_ids.values() for pk in ids])
            per_pk = {treffer.document.pk: treffer for treffer in alle}
            context["groepen"] = [
                (waarde, label, aantallen[waarde], [per_pk[pk] for pk in groepen_ids[waarde] if pk in per_pk])
                for waarde, label in Zoekdocument.Soort.choices
                if aantallen[waarde]
            ]
        return context
