"""One form per step: a required radio group (fieldset) per question of the criterion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .vragen import ANTWOORDEN, Criterium


class StapForm(forms.Form):
    def __init__(self, *args, criterium: Criterium, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterium = criterium
        for vraag in criterium.vragen:
            self.fields[vraag.code] = forms.ChoiceField(
                label=vraag.tekst,
                help_text=vraag.uitleg,
                choices=[(antwoord.waarde, antwoord.label) for antwoord in ANTWOORDEN],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Kies een antwoord bij deze vraag. Weet u het niet? Kies dan 'weet ik niet'."),
                    "invalid_choice": _("Kies een van de antwoorden die bij de vraag staan."),
                },
            )
            self.fields[vraag.code].bron = vraag.bron


class VerwijderenForm(forms.Form):
    """Nothing to fill in: the button is the confirmation."""
