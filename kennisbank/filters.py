import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kennisitem
from .selectors import filterkeuzes, kennisitems_zoeken


def _keuzes(soort: str):
    """Choices from the cache (no query per request), looked up each time the field needs them."""

    def keuzes():
        return filterkeuzes()[soort]

    return keuzes


class KennisitemFilter(django_filters.FilterSet):
    """Filters of the knowledge base list (GET, bookmarkable). The search runs last, on what is left."""

    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Kennisitem.Soort.choices, empty_label=_("Alle soorten")
    )
    uitgever = django_filters.ChoiceFilter(
        label=_("Uitgever"),
        field_name="uitgever__slug",
        choices=_keuzes("uitgevers"),
        empty_label=_("Alle uitgevers"),
    )
    jaar = django_filters.ChoiceFilter(label=_("Jaar"), choices=_keuzes("jaren"), empty_label=_("Alle jaren"))
    doelgroep = django_filters.ChoiceFilter(
        label=_("Doelgroep"),
        field_name="doelgroepen__slug",
        choices=_keuzes("doelgroepen"),
        empty_label=_("Alle doelgroepen"),
    )
    thema = django_filters.ChoiceFilter(
        label=_("Thema"),
        field_name="themas__slug",
        choices=_keuzes("themas"),
        empty_label=_("Alle thema's"),
    )
    q = django_filters.CharFilter(
        label=_("Zoek in de kennisbank"),
        method="zoeken",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    class Meta:
        model = Kennisitem
        fields = []

    def zoeken(self, queryset, name, value):
        return kennisitems_zoeken(zoekterm=value, queryset=queryset)
