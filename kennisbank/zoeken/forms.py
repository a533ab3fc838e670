"""The portal search form: the query, the kind of result and the filters that fit each kind."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Provincie

from ..models import Kennisitem, Zoekdocument


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=_("Zoeken op het portaal"),
        max_length=300,
        required=False,
        help_text=_(
            'Tip: zet woorden tussen "aanhalingstekens" voor een vaste woordgroep, een minteken voor een woord '
            "dat er niet in mag staan (-jeugd), of OF tussen twee woorden voor het een of het ander."
        ),
    )
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alles"))] + list(Zoekdocument.Soort.choices), required=False
    )
    provincie = forms.ChoiceField(label=_("Provincie"), required=False)
    kenmerk = forms.ChoiceField(
        label=_("Soort kennisproduct"),
        choices=[("", _("Alle soorten"))] + list(Kennisitem.Soort.choices),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provincies = Provincie.objects.order_by("naam").values_list("slug", "naam")
        self.fields["provincie"].choices = [("", _("Alle provincies")), *provincies]

    def filters(self) -> dict:
        """The filters that fit the chosen kind (a province for koplopers and showcase articles, the kind
        of knowledge product for the knowledge base)."""
        soort = self.cleaned_data.get("soort")
        filters = {}
        if soort in (Zoekdocument.Soort.KOPLOPER, Zoekdocument.Soort.ETALAGE) and self.cleaned_data.get("provincie"):
            filters["provincie"] = self.cleaned_data["provincie"]
        if soort == Zoekdocument.Soort.KENNISITEM and self.cleaned_data.get("kenmerk"):
            filters["kenmerk"] = self.cleaned_data["kenmerk"]
        return filters
