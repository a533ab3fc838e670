"""Forms for editing a koploper profile (the draft)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from koplopers.formulieren import ModelMultipleChoiceField

from .models import Doelgroep, Koploper, Thema
from .services import MAX_AFBEELDING_BYTES, afbeelding_controleren

RICH_TEXT_HULP = _(
    "Typ gewoon tekst. Een lege regel begint een nieuwe alinea. Regels die met '- ' beginnen worden een "
    "opsomming, regels met '1. ' een genummerde lijst. Een webadres (https://…) wordt een link; een link met "
    "eigen tekst schrijft u als [tekst](https://…). **Vet** en *schuin* kan ook."
)


class KoploperProfielForm(forms.Form):
    """The fields of the draft an official edits. ``basis`` carries the state the form was opened with."""

    basis = forms.CharField(widget=forms.HiddenInput)
    organisatie = forms.CharField(
        label=Koploper._meta.get_field("organisatie").verbose_name.capitalize(),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "rijke-tekst"}),
        help_text=RICH_TEXT_HULP,
    )
    ambities = forms.CharField(
        label=Koploper._meta.get_field("ambities").verbose_name.capitalize(),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "rijke-tekst"}),
        help_text=RICH_TEXT_HULP,
    )
    acties = forms.CharField(
        label=Koploper._meta.get_field("acties").verbose_name.capitalize(),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "rijke-tekst"}),
        help_text=RICH_TEXT_HULP,
    )
    doelgroepen = ModelMultipleChoiceField(
        label=_("Doelgroepen"),
        queryset=Doelgroep.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Voor welke groepen inwoners doet u iets bijzonders?"),
    )
    themas = ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    logo = forms.FileField(
        label=_("Logo of foto"),
        required=False,
        help_text=_(
            "Een afbeelding (PNG, JPEG, GIF of WebP) van hoogstens 5 MB en 25 miljoen pixels (bijvoorbeeld 5000 "
            "bij 5000). Grote afbeeldingen worden verkleind."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    logo_verwijderen = forms.BooleanField(label=_("Huidige afbeelding verwijderen"), required=False)
    logo_alt = forms.CharField(
        label=_("Beschrijving van de afbeelding"),
        max_length=200,
        required=False,
        help_text=Koploper._meta.get_field("logo_alt").help_text,
    )

    def clean_logo(self):
        bestand = self.cleaned_data.get("logo")
        if not bestand:
            return None
        if bestand.size > MAX_AFBEELDING_BYTES:
            raise ValidationError(_("Het bestand is groter dan 5 MB. Kies een kleinere afbeelding."), code="te_groot")
        afbeelding_controleren(bestand)
        bestand.seek(0)
        return bestand


class LinkForm(forms.Form):
    titel = forms.CharField(label=_("Titel van de link"), max_length=200)
    url = forms.URLField(
        label=_("Adres (URL)"), max_length=500, assume_scheme="https", help_text=_("Bijvoorbeeld https://www.almere.nl")
    )


class ContactpersoonForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    functie = forms.CharField(label=_("Functie"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    toestemming_publicatie = forms.BooleanField(
        label=_("Deze persoon geeft toestemming om deze gegevens openbaar te tonen"),
        required=False,
        help_text=_(
            "Zonder toestemming staan de gegevens niet op de openbare pagina. Trekt iemand eerder gegeven "
            "toestemming in, of haalt u iemand van het profiel, dan verwijdert het publiceren diens gegevens, "
            "ook uit de eerdere versies van het profiel."
        ),
    )


class BasisFormSet(forms.BaseFormSet):
    """Rows left empty are ignored; rows marked for deletion are dropped."""

    def regels(self) -> list[dict]:
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


# absolute_max = max_num: a forged TOTAL_FORMS is refused without building (and rendering) 1,000 forms.
LinkFormSet = forms.formset_factory(
    LinkForm, formset=BasisFormSet, extra=1, can_delete=True, max_num=20, absolute_max=20
)
ContactpersoonFormSet = forms.formset_factory(
    ContactpersoonForm, formset=BasisFormSet, extra=1, can_delete=True, max_num=10, absolute_max=10
)
