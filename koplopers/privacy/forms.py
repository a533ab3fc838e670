from django import forms
from django.utils.translation import gettext_lazy as _


class VerwijderverzoekForm(forms.Form):
    toelichting = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld waarom u uw account wilt laten verwijderen. Hoogstens 2000 tekens."),
    )
    bevestiging = forms.BooleanField(
        label=_("Ja, ik wil dat mijn account en mijn gegevens worden verwijderd"),
        error_messages={"required": _("Vink aan dat u uw account wilt laten verwijderen.")},
    )


class VerzoekUitvoerenForm(forms.Form):
    bevestiging = forms.BooleanField(
        label=_("Ja, verwijder dit account nu. Dit kan niet ongedaan worden gemaakt."),
        error_messages={"required": _("Vink aan dat u het account wilt verwijderen.")},
    )


class VerzoekWeigerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van weigering"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De aanvrager leest deze reden op de pagina ‘Mijn gegevens’. Hoogstens 2000 tekens."),
        error_messages={"required": _("Schrijf op waarom u het verzoek weigert.")},
    )
