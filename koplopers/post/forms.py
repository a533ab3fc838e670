from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Bericht


class BerichtFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("alle"))] + Bericht.Status.choices)
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("alle"))] + Bericht.Soort.choices)
    zoek = forms.CharField(label=_("Adres of onderwerp bevat"), required=False, max_length=200)
