"""The public filters of the koploper list and map (django-filter), shared by list, map and GeoJSON."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, FilterSet, ModelChoiceFilter
from django_filters import fields as filter_fields

from . import selectors
from .models import Gemeente, Koploper

ZOEKTERM_MAX = 100


class _Keuzes(filter_fields.ModelChoiceIterator):
    """The choices as one plain query. Django's default, ``queryset.iterator()``, opens a server-side
    cursor on PostgreSQL: three round trips for each short list of options."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class _KeuzeVeld(filter_fields.ModelChoiceField):
    iterator = _Keuzes


class KeuzeFilter(ModelChoiceFilter):
    """One choice from a small vocabulary, by slug."""

    field_class = _KeuzeVeld


def _keuzes(naam):
    """Choices come from the database at request time (a callable queryset)."""
    return lambda request: selectors.filterkeuzes(naam)


class KoploperFilter(FilterSet):
    """Province, target group, theme and round by slug, plus a name search ``q``.

    Invalid values (an unknown slug, a search term that is too long) fail validation; django-filter
    then leaves that filter out of ``cleaned_data``, so it is ignored and the form explains why.
    """

    q = CharFilter(
        label=_("Zoek op naam"),
        method="zoek_op_naam",
        max_length=ZOEKTERM_MAX,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    provincie = KeuzeFilter(
        label=_("Provincie"),
        queryset=_keuzes("provincie"),
        to_field_name="slug",
        empty_label=_("Alle provincies"),
    )
    doelgroep = KeuzeFilter(
        label=_("Doelgroep"),
        field_name="doelgroepen",
        queryset=_keuzes("doelgroep"),
        to_field_name="slug",
        empty_label=_("Alle doelgroepen"),
    )
    thema = KeuzeFilter(
        label=_("Thema"),
        field_name="themas",
        queryset=_keuzes("thema"),
        to_field_name="slug",
        empty_label=_("Alle thema's"),
    )
    ronde = KeuzeFilter(
        label=_("Ronde"),
        field_name="rondes",
        queryset=_keuzes("ronde"),
        to_field_name="slug",
        empty_label=_("Alle rondes"),
    )

    class Meta:
        model = Koploper
        fields = ["q", "provincie", "doelgroep", "thema", "ronde"]

    def zoek_op_naam(self, queryset, name, value):
        """Match the koploper's name, its municipality's official name ('s-Gravenhage finds Den Haag)
        and, for a region, the names of its members."""
        value = value.strip()
        if not value:
            return queryset
        lid = Gemeente.objects.filter(regios=OuterRef("pk")).filter(
            Q(naam__icontains=value) | Q(weergavenaam__icontains=value)
        )
        return queryset.filter(Q(naam__icontains=value) | Q(gemeente__naam__icontains=value) | Exists(lid))

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if self.is_bound and self.form.errors:
            # Do not echo an ignored value back into the form (a 100 000-character search term).
            schoon = self.form.data.copy()
            for naam in self.form.errors:
                schoon.pop(naam, None)
            self.form.data = schoon

    @property
    def actieve_filters(self) -> dict[str, str]:
        """The valid, non-empty filters as URL values (slugs), in a fixed order."""
        if not self.is_bound:
            return {}
        self.is_valid()
        actief = {}
        for naam in self.Meta.fields:
            waarde = self.form.cleaned_data.get(naam)
            if waarde in (None, ""):
                continue
            actief[naam] = waarde.strip() if isinstance(waarde, str) else waarde.slug
            if not actief[naam]:
                del actief[naam]
        return actief

    @property
    def querystring(self) -> str:
        """The normalised query string of the valid filters: bookmarkable and a stable cache key."""
        return urlencode(self.actieve_filters)

    @property
    def genegeerde_filters(self) -> list[tuple[str, str, list[str]]]:
        """(name, label, errors) of each filter whose value was ignored because it is not valid."""
        if not self.is_bound:
            return []
        return [
            (naam, self.form[naam].label, list(fouten))
            for naam, fouten in self.form.errors.items()
            if naam in self.form.fields
        ]
