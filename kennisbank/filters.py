import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Doelgroep, Thema

from .models import Kennisitem, Uitgever
from .selectors import kennisitems_zoeken


def _jaren():
    jaren = (
        Kennisitem.objects.gepubliceerd().exclude(jaar=None).order_by("-jaar").values_list("jaar", flat=True).distinct()
    )
    return [(str(jaar), str(jaar)) for jaar in jaren]


class KennisitemFilter(django_filters.FilterSet):
    """Filters of the knowledge base list (GET, bookmarkable). The search runs last, on what is left."""

    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Kennisitem.Soort.choices, empty_label=_("Alle soorten")
    )
    uitgever = django_filters.ModelChoiceFilter(
        label=_("Uitgever"),
        queryset=Uitgever.objects.order_by("naam"),
        to_field_name="slug",
        empty_label=_("Alle uitgevers"),
    )
    jaar = django_filters.ChoiceFilter(label=_("Jaar"), choices=_jaren, empty_label=_("Alle jaren"))
    doelgroep = django_filters.ModelChoiceFilter(
        label=_("Doelgroep"),
        field_name="doelgroepen",
        queryset=Doelgroep.objects.order_by("naam"),
        to_field_name="slug",
        empty_label=_("Alle doelgroepen"),
    )
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="themas",
        queryset=Thema.objects.order_by("naam"),
        to_field_name="slug",
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
