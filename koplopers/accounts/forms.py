import uuid

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import match_token

from koplopers.formulieren import ModelMultipleChoiceField
from koplopers.post.models import Bericht
from koplopers.post.services import aanvrager_sleutel, bericht_in_wachtrij, binnen_limiet

from .models import Uitnodiging, User
from .throttle import blokkade, ip_adres, minuten

BLOKKADE_MELDING = ngettext_lazy(
    "Te veel mislukte pogingen. Inloggen is tijdelijk geblokkeerd: probeer het over %(minuten)d minuut "
    "opnieuw, of vraag een nieuw wachtwoord aan.",
    "Te veel mislukte pogingen. Inloggen is tijdelijk geblokkeerd: probeer het over %(minuten)d minuten "
    "opnieuw, of vraag een nieuw wachtwoord aan.",
    "minuten",
)


def blokkade_controleren(gebruikersnaam: str | None, request) -> None:
    """Raise the Dutch lockout message while logging in as ``gebruikersnaam`` from here is locked."""
    resterend = blokkade(gebruikersnaam, request)
    if resterend is not None:
        raise ValidationError(BLOKKADE_MELDING, code="geblokkeerd", params={"minuten": minuten(resterend)})


class InlogForm(AuthenticationForm):
    """Log in with username or e-mail address; refuses with a clear message while locked out."""

    username = forms.CharField(
        label=_("Gebruikersnaam of e-mailadres"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )
    error_messages = {
        "invalid_login": _(
            "De combinatie van gebruikersnaam (of e-mailadres) en wachtwoord klopt niet. "
            "Let op: na 5 mislukte pogingen wordt inloggen tijdelijk geblokkeerd."
        ),
        "inactive": _("Dit account is nog niet actief. Bevestig eerst uw e-mailadres via de link in de e-mail."),
    }

    def clean(self):
        invoer = (self.cleaned_data.get("username") or "").strip()
        if "@" in invoer:
            gebruiker = User.objects.filter(email__iexact=invoer).only("username").first()
            if gebruiker is not None:
                self.cleaned_data["username"] = gebruiker.username
        blokkade_controleren(self.cleaned_data.get("username"), self.request)
        try:
            return super().clean()
        except ValidationError as fout:
            if fout.code == "invalid_login" and self._is_inactief_met_juist_wachtwoord():
                raise ValidationError(self.error_messages["inactive"], code="inactive") from fout
            raise

    def _is_inactief_met_juist_wachtwoord(self) -> bool:
        gebruiker = User.objects.filter(username=self.cleaned_data.get("username"), is_active=False).first()
        return bool(gebruiker and gebruiker.check_password(self.cleaned_data.get("password") or ""))


class TotpCodeForm(forms.Form):
    """The six-digit code from the authenticator app."""

    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        min_length=6,
        max_length=6,
        help_text=_("Zes cijfers; de code verandert elke 30 seconden."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}", "autofocus": True}
        ),
    )

    def __init__(self, *args, gebruiker=None, apparaat=None, **kwargs):
        self.gebruiker = gebruiker
        self.apparaat = apparaat
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise ValidationError(_("Vul de zes cijfers in, zonder spaties."))
        return code

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code and self.apparaat is None:
            self.apparaat = match_token(self.gebruiker, code)
            if self.apparaat is None:
                self.add_error("code", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer opnieuw."))
        return cleaned


class TweestapsInlogForm(forms.Form):
    """The second step of logging in: six digits from the app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code uit uw authenticator-app of een reservecode"),
        max_length=20,
        help_text=_(
            "Zes cijfers uit de app; de code verandert elke 30 seconden. "
            "Telefoon kwijt? Vul dan een van uw reservecodes in (acht tekens)."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).replace("-", "")
        if not code.isalnum() or len(code) not in (6, 8):
            raise ValidationError(
                _("Vul de zes cijfers uit de app in, of een reservecode van acht tekens."), code="vorm"
            )
        return code


class TweestapsHerstellenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: telefoon kwijt, gemeld per telefoon op 3 maart. De reden wordt bewaard."),
        error_messages={"required": _("Geef een reden voor het herstellen.")},
    )


class RegistratieForm(forms.Form):
    voornaam = forms.CharField(
        label=_("Voornaam"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    achternaam = forms.CharField(
        label=_("Achternaam"), max_length=150, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    # The address is also the username, which holds at most 150 characters.
    email = forms.EmailField(label=_("E-mailadres"), max_length=150, widget=forms.EmailInput({"autocomplete": "email"}))
    organisatie = forms.CharField(
        label=_("Naam van uw organisatie"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Adviesraad Sociaal Domein Almere."),
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    organisatie_type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[
            (User.OrganisatieType.CLIENTORGANISATIE, User.OrganisatieType.CLIENTORGANISATIE.label),
            (User.OrganisatieType.ADVIESRAAD, User.OrganisatieType.ADVIESRAAD.label),
            (User.OrganisatieType.OVERIG, User.OrganisatieType.OVERIG.label),
        ],
        widget=forms.RadioSelect,
    )
    wachtwoord1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    wachtwoord2 = forms.CharField(
        label=_("Herhaal het wachtwoord"), strip=False, widget=forms.PasswordInput({"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        wachtwoord1, wachtwoord2 = cleaned.get("wachtwoord1"), cleaned.get("wachtwoord2")
        if wachtwoord1 and wachtwoord2 and wachtwoord1 != wachtwoord2:
            self.add_error("wachtwoord2", _("De twee wachtwoorden zijn niet gelijk."))
        elif wachtwoord1:
            proef = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("voornaam", ""),
                last_name=cleaned.get("achternaam", ""),
            )
            try:
                password_validation.validate_password(wachtwoord1, proef)
            except ValidationError as fout:
                self.add_error("wachtwoord1", fout)
        return cleaned


class UitnodigingAanvaardenForm(SetPasswordForm):
    """Set a password (Django's validators) and optionally correct the name, on the invitation link."""

    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    field_order = ["voornaam", "achternaam", "new_password1", "new_password2"]

    def __init__(self, *args, uitnodiging, **kwargs):
        proef = User(username=uitnodiging.email, email=uitnodiging.email)
        super().__init__(proef, *args, **kwargs)
        self.fields["voornaam"].initial = uitnodiging.voornaam
        self.fields["achternaam"].initial = uitnodiging.achternaam


class UitnodigenForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de ambtenaar"), max_length=150)  # also the username
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    # The choices are gemeenten's models, reached through the invitation's own relations (accounts
    # imports no app, see README "Lagen").
    koplopers = ModelMultipleChoiceField(
        label=_("Koploperprofielen"),
        queryset=Uitnodiging.koplopers.field.related_model.objects.only("naam", "sorteernaam").order_by("sorteernaam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De profielen die deze persoon mag bijwerken."),
    )
    gemeenten = ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=Uitnodiging.gemeenten.field.related_model.objects.only("naam", "weergavenaam", "sorteernaam").order_by(
            "sorteernaam"
        ),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Optioneel: gemeenten waarvoor deze persoon optreedt (met Ctrl of Cmd kiest u er meer)."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("koplopers") and not cleaned.get("gemeenten"):
            raise ValidationError(_("Kies minstens één koploperprofiel of gemeente."))
        return cleaned


class WachtwoordVergetenForm(PasswordResetForm):
    """Password reset that answers the same, in the same time, for any address.

    The request only validates the address and queues one task (``tasks.wachtwoord_herstel_taak``); the
    task looks the address up and, for an account, queues the mail in the outbox. So the request does the
    same work whether or not the address has an account.
    """

    def save(self, *, request=None, use_https=False, subject_template_name=None, email_template_name=None, **kwargs):
        from .tasks import wachtwoord_herstel_taak

        wachtwoord_herstel_taak.enqueue(
            email=self.cleaned_data["email"],
            aanvrager=aanvrager_sleutel(ip_adres(request)),
            domein=request.get_host(),
            protocol="https" if use_https else "http",
            onderwerp_template=subject_template_name,
            tekst_template=email_template_name,
        )


class WachtwoordHerstelMailForm(PasswordResetForm):
    """Used by the task: Django's reset flow (users, token, link), with the mail going into the outbox."""

    def __init__(self, *args, aanvrager: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.aanvrager = aanvrager

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        if not binnen_limiet(adres=to_email, aanvrager=self.aanvrager):
            return
        bericht_in_wachtrij(
            sleutel=f"wachtwoord-{context['user'].pk}-{uuid.uuid4().hex}",
            soort=Bericht.Soort.WACHTWOORD,
            aan=to_email,
            onderwerp="".join(render_to_string(subject_template_name, context).splitlines()),
            tekst=render_to_string(email_template_name, context),
            aanvrager=self.aanvrager,
        )
