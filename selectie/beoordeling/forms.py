from django import forms
from django.utils.translation import gettext_lazy as _

from koplopers.accounts.models import User
from selectie.models import Criterium, Kandidaat

from .models import Belangenconflict, Besluit, RondeBeoordeling
from .services import Actie, Invoer

NVT = "nvt"


class VerklaringForm(forms.Form):
    akkoord = forms.BooleanField(label=_("Ik heb de verklaring gelezen en ga ermee akkoord."), required=True)


class BeoordelingForm(forms.Form):
    """A level (or "niet van toepassing") and a comment per criterion, an overall remark, a reason to abstain."""

    opmerking = forms.CharField(label=_("Algemene opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    reden_onthouding = forms.CharField(
        label=_("Reden om te onthouden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als u zich onthoudt van een oordeel."),
    )

    def __init__(self, *args, criteria: list[Criterium], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterium in criteria:
            keuzes = [(str(waarde), f"{waarde} – {label}") for waarde, label in criterium.schaal]
            keuzes.append((NVT, _("niet van toepassing")))
            self.fields[f"niveau_{criterium.pk}"] = forms.ChoiceField(
                label=criterium.naam, choices=keuzes, required=False, widget=forms.RadioSelect
            )
            self.fields[f"toelichting_{criterium.pk}"] = forms.CharField(
                label=_("Toelichting bij ‘%(criterium)s’ (niet verplicht)") % {"criterium": criterium.naam},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def beginwaarden(beoordeling) -> dict:
        if beoordeling is None:
            return {}
        waarden = {"opmerking": beoordeling.opmerking, "reden_onthouding": beoordeling.reden_onthouding}
        for score in beoordeling.scores.all():
            if score.niet_van_toepassing:
                waarden[f"niveau_{score.criterium_id}"] = NVT
            elif score.niveau is not None:
                waarden[f"niveau_{score.criterium_id}"] = str(score.niveau)
            waarden[f"toelichting_{score.criterium_id}"] = score.toelichting
        return waarden

    def criteriumvelden(self):
        return [(c, self[f"niveau_{c.pk}"], self[f"toelichting_{c.pk}"]) for c in self.criteria]

    def invoer(self) -> dict[int, Invoer]:
        resultaat = {}
        for criterium in self.criteria:
            niveau = self.cleaned_data.get(f"niveau_{criterium.pk}") or ""
            toelichting = self.cleaned_data.get(f"toelichting_{criterium.pk}", "")
            if not niveau and not toelichting:
                continue
            resultaat[criterium.pk] = Invoer(
                niveau=int(niveau) if niveau and niveau != NVT else None,
                niet_van_toepassing=niveau == NVT,
                toelichting=toelichting,
            )
        return resultaat

    @staticmethod
    def actie(data) -> str:
        if "onthouden" in data:
            return Actie.ONTHOUDEN
        if "indienen" in data:
            return Actie.INDIENEN
        return Actie.CONCEPT


class ConflictMeldenForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort belang"), choices=Belangenconflict.Soort.choices)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))


class ConflictVastleggenForm(ConflictMeldenForm):
    beoordelaar = forms.ModelChoiceField(
        label=_("Beoordelaar"), queryset=User.objects.none(), empty_label=_("– kies een beoordelaar –")
    )
    kandidaat = forms.ModelChoiceField(
        label=_("Kandidaat"), queryset=Kandidaat.objects.none(), empty_label=_("– kies een kandidaat –")
    )
    field_order = ["beoordelaar", "kandidaat", "soort", "toelichting"]

    def __init__(self, *args, beoordelaars, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beoordelaar"].queryset = beoordelaars
        self.fields["kandidaat"].queryset = kandidaten
        self.fields["toelichting"].required = False
        self.auto_id = "conflict_%s"


class ToewijzingForm(forms.Form):
    beoordelaar = forms.ModelChoiceField(
        label=_("Beoordelaar"), queryset=User.objects.none(), empty_label=_("– kies een beoordelaar –")
    )
    kandidaat = forms.ModelChoiceField(
        label=_("Kandidaat"), queryset=Kandidaat.objects.none(), empty_label=_("– kies een kandidaat –")
    )
    actie = forms.ChoiceField(
        label=_("Actie"),
        choices=[("toevoegen", _("toewijzen")), ("verwijderen", _("toewijzing verwijderen"))],
        initial="toevoegen",
    )

    def __init__(self, *args, beoordelaars, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beoordelaar"].queryset = beoordelaars
        self.fields["kandidaat"].queryset = kandidaten
        self.fields["beoordelaar"].label_from_instance = lambda u: f"{u} ({u.get_beoordelaar_organisatie_display()})"
        self.auto_id = "toewijzing_%s"


class InstellingenForm(forms.ModelForm):
    class Meta:
        model = RondeBeoordeling
        fields = ["spreidingsdrempel", "elke_provincie", "themas_minimaal", "verklaring"]


class BesluitForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Besluit"), choices=[("", _("nog geen besluit")), *Besluit.Uitkomst.choices], required=False
    )
    vastzetting = forms.ChoiceField(
        label=_("Voor het voorstel"),
        choices=[("", _("vrij")), *Besluit.Vastzetting.choices],
        required=False,
    )
    motivering = forms.CharField(label=_("Motivering"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PublicerenForm(forms.Form):
    bevestigen = forms.BooleanField(
        label=_("Ik heb de besluiten gecontroleerd en publiceer ze nu."),
        required=True,
    )
    afwijking = forms.CharField(
        label=_("Waarom wijkt de selectie af van de eisen?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als de selectie niet aan alle eisen voldoet."),
    )
