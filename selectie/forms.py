"""Forms for rounds (staff) and nominations (advocates and officials)."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Doelgroep, Thema
from koplopers.formulieren import ModelMultipleChoiceField

from .levenscyclus import handmatige_overgangen
from .models import Bijlage, Criterium, Ronde, Voordracht
from .selectors import gemeenten_om_te_kiezen
from .validators import pdf_controleren

AANTAL_MEDE_INDIENERS = 3
DATUMTIJD_FORMAAT = "%Y-%m-%dT%H:%M"


class DatumTijdInvoer(forms.DateTimeInput):
    """``<input type="datetime-local">``; the value is read in Europe/Amsterdam (the active time zone)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATUMTIJD_FORMAAT)


# Rounds ----------------------------------------------------------------------------------------------


class RondeForm(forms.ModelForm):
    class Meta:
        model = Ronde
        fields = [
            "naam",
            "slug",
            "jaar",
            "opent_op",
            "sluit_op",
            "oproeptekst",
            "toelichting",
            "streefaantal_min",
            "streefaantal_max",
            "is_demo",
        ]
        widgets = {
            "opent_op": DatumTijdInvoer(),
            "sluit_op": DatumTijdInvoer(),
            "oproeptekst": forms.Textarea(attrs={"rows": 8}),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "opent_op": _("Datum en tijd in Nederlandse tijd (Europe/Amsterdam)."),
            "sluit_op": _("De deadline, in Nederlandse tijd. Daarna kan niemand meer indienen."),
            "slug": _("Het deel van de webadressen; leeg laten om het uit de naam te maken."),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean(self):
        gegevens = super().clean()
        opent_op, sluit_op = gegevens.get("opent_op"), gegevens.get("sluit_op")
        if opent_op and sluit_op and sluit_op <= opent_op:
            self.add_error("sluit_op", _("Het sluitingsmoment moet na het openingsmoment liggen."))
        minimum, maximum = gegevens.get("streefaantal_min"), gegevens.get("streefaantal_max")
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add_error("streefaantal_max", _("Het maximum kan niet kleiner zijn dan het minimum."))
        return gegevens


class SchaalVeld(forms.CharField):
    """The labels of a scale, one per line, lowest level first."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return [regel.strip() for regel in (value or "").splitlines() if regel.strip()]

    def validate(self, value):
        if len(value) < 2:
            raise ValidationError(_("Een schaal heeft minstens twee niveaus, elk op een eigen regel."))
        if len(value) > 10:
            raise ValidationError(_("Een schaal heeft hoogstens tien niveaus."))


class CriteriumForm(forms.ModelForm):
    schaal_labels = SchaalVeld(
        label=_("schaal"), help_text=_("Eén label per regel, van het laagste niveau (1) naar het hoogste.")
    )

    class Meta:
        model = Criterium
        fields = ["volgorde", "naam", "toelichting", "gewicht", "schaal_labels"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}


# A round has a handful of criteria; absolute_max keeps a forged TOTAL_FORMS from building 1,000 forms.
CriteriumFormSet = inlineformset_factory(
    Ronde,
    Criterium,
    form=CriteriumForm,
    extra=1,
    can_delete=True,
    min_num=1,
    validate_min=True,
    max_num=30,
    absolute_max=30,
)


class RondeStatusForm(forms.Form):
    """A step in the round's lifecycle (``selectie.levenscyclus``), with the confirmation that steps which
    cannot be undone ask for and an optional reason for the audit trail."""

    TERUG = [("ronde", _("de ronde")), ("dashboard", _("het beoordelingsdashboard"))]

    status = forms.ChoiceField(label=_("Nieuwe status"))
    bevestigd = forms.BooleanField(label=_("Ik begrijp wat er gebeurt en zet deze stap."), required=False)
    reden = forms.CharField(
        label=_("Reden (komt in de audit)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    terug = forms.ChoiceField(choices=TERUG, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, ronde: Ronde, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (stap.naar, Ronde.Status(stap.naar).label) for stap in handmatige_overgangen(ronde)
        ]
        self.fields["status"].error_messages["invalid_choice"] = _(
            "Deze stap kan nu niet: kies een van de stappen die bij de ronde staan."
        )


# Nominations -----------------------------------------------------------------------------------------


class GemeentenKeuze(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.toon_naam} ({obj.provincie.naam})"


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class BijlagenVeld(forms.FileField):
    """Zero or more files; each is checked by content in the form (see ``VoordrachtForm.clean_bijlagen``)."""

    widget = MeerdereBestanden(attrs={"accept": "application/pdf,.pdf"})

    def clean(self, data, initial=None):
        if not data:
            return []
        if not isinstance(data, list | tuple):
            data = [data]
        return [super(BijlagenVeld, self).clean(bestand, initial) for bestand in data]


class VoordrachtForm(forms.Form):
    """A nomination as a draft: every field may be empty; what is filled in must be right.

    Whether it is complete enough to submit is decided by ``services.voordracht_indienen``.
    Valid attachments are in ``geldige_bijlagen`` even when another field fails, so they are kept.
    """

    token = forms.UUIDField(widget=forms.HiddenInput)
    gemeenten = GemeentenKeuze(
        label=_("Welke gemeente of gemeenten draagt u voor?"),
        queryset=gemeenten_om_te_kiezen(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kies één gemeente, of bij een regionale voordracht alle gemeenten die samenwerken. "
            "Gemeenten die samen deelnemen, dragen zich samen voor."
        ),
    )
    organisatie = forms.CharField(label=_("Naam van de voordragende organisatie"), max_length=200, required=False)
    organisatie_type = forms.ChoiceField(
        label=_("Soort organisatie"),
        choices=[("", _("– kies –")), *Voordracht.OrganisatieType.choices],
        required=False,
    )
    contact_naam = forms.CharField(label=_("Naam contactpersoon"), max_length=150, required=False)
    contact_email = forms.EmailField(
        label=_("E-mailadres contactpersoon"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_telefoon = forms.RegexField(
        label=_("Telefoonnummer contactpersoon (niet verplicht)"),
        regex=r"^[0-9+()\- ]{6,30}$",
        max_length=30,
        required=False,
        error_messages={"invalid": _("Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    doelgroepen = ModelMultipleChoiceField(
        label=_("Doelgroepen"),
        queryset=Doelgroep.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themas = ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    bijlagen = BijlagenVeld(
        label=_("Bijlagen toevoegen (PDF)"),
        required=False,
        help_text=_(
            "Hoogstens 5 PDF-bestanden van elk hoogstens 10 MB. PDF-bestanden met actieve inhoud (JavaScript, "
            "ingesloten bestanden, multimedia of opdrachten om een programma te starten) nemen wij niet aan."
        ),
    )
    toestemming_privacy = forms.BooleanField(
        label=_("Ik ga akkoord met het gebruik van deze gegevens zoals beschreven in de privacyverklaring."),
        required=False,
    )

    def __init__(self, *args, voordracht: Voordracht, **kwargs):
        self.voordracht = voordracht
        self.geldige_bijlagen = []
        kwargs.setdefault("initial", self.beginwaarden(voordracht))
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.criteria = list(voordracht.ronde.criteria.all())
        for criterium in self.criteria:
            self.fields[f"motivatie_{criterium.pk}"] = forms.CharField(
                label=criterium.naam,
                help_text=criterium.toelichting,
                required=False,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
        for nummer in range(1, AANTAL_MEDE_INDIENERS + 1):
            self.fields[f"mede_{nummer}_organisatie"] = forms.CharField(
                label=_("Mede-indiener %(nummer)d: organisatie") % {"nummer": nummer},
                max_length=200,
                required=False,
            )
            self.fields[f"mede_{nummer}_type"] = forms.ChoiceField(
                label=_("Mede-indiener %(nummer)d: soort organisatie") % {"nummer": nummer},
                choices=[("", _("– kies –")), *Voordracht.OrganisatieType.choices],
                required=False,
            )

    @staticmethod
    def beginwaarden(voordracht: Voordracht) -> dict:
        waarden = {
            "token": voordracht.token,
            "gemeenten": [gemeente.pk for gemeente in voordracht.gemeenten.all()],
            "organisatie": voordracht.organisatie,
            "organisatie_type": voordracht.organisatie_type,
            "contact_naam": voordracht.contact_naam,
            "contact_email": voordracht.contact_email,
            "contact_telefoon": voordracht.contact_telefoon,
            "doelgroepen": [doelgroep.pk for doelgroep in voordracht.doelgroepen.all()],
            "themas": [thema.pk for thema in voordracht.themas.all()],
            "toestemming_privacy": voordracht.toestemming_privacy,
        }
        for motivatie in voordracht.motivaties.all():
            waarden[f"motivatie_{motivatie.criterium_id}"] = motivatie.tekst
        for nummer, mede in enumerate(voordracht.mede_indieners.all(), start=1):
            waarden[f"mede_{nummer}_organisatie"] = mede.organisatie
            waarden[f"mede_{nummer}_type"] = mede.organisatie_type
        return waarden

    # Groups of fields for the template.
    def motivatievelden(self):
        return [self[f"motivatie_{criterium.pk}"] for criterium in self.criteria]

    def medevelden(self):
        return [
            (nummer, self[f"mede_{nummer}_organisatie"], self[f"mede_{nummer}_type"])
            for nummer in range(1, AANTAL_MEDE_INDIENERS + 1)
        ]

    def clean_token(self):
        token = self.cleaned_data["token"]
        if token != self.voordracht.token:
            raise ValidationError(_("Dit formulier hoort niet bij deze voordracht. Laad de pagina opnieuw."))
        return token

    def clean_bijlagen(self):
        bestanden = self.cleaned_data.get("bijlagen") or []
        ruimte = Bijlage.MAX_AANTAL - self.voordracht.bijlagen.count()
        fouten = []
        for bestand in bestanden:
            try:
                pdf_controleren(bestand)
            except ValidationError as fout:
                fouten.extend(fout.messages)
                continue
            if len(self.geldige_bijlagen) >= ruimte:
                fouten.append(
                    _("%(naam)s is niet toegevoegd: er kunnen hoogstens %(aantal)d bijlagen bij een voordracht.")
                    % {"naam": bestand.name, "aantal": Bijlage.MAX_AANTAL}
                )
                continue
            self.geldige_bijlagen.append(bestand)
        if fouten:
            raise ValidationError(fouten)
        return self.geldige_bijlagen

    def clean(self):
        gegevens = super().clean()
        for nummer in range(1, AANTAL_MEDE_INDIENERS + 1):
            naam = (gegevens.get(f"mede_{nummer}_organisatie") or "").strip()
            soort = gegevens.get(f"mede_{nummer}_type")
            if naam and not soort:
                self.add_error(f"mede_{nummer}_type", _("Kies de soort organisatie van deze mede-indiener."))
            if soort and not naam:
                self.add_error(f"mede_{nummer}_organisatie", _("Vul de naam van deze mede-indiener in."))
        return gegevens

    def service_gegevens(self) -> dict:
        """The cleaned data as keyword arguments for ``services.voordracht_opslaan``."""
        gegevens = self.cleaned_data
        return {
            "gemeenten": list(gegevens["gemeenten"]),
            "organisatie": gegevens["organisatie"],
            "organisatie_type": gegevens["organisatie_type"],
            "contact_naam": gegevens["contact_naam"],
            "contact_email": gegevens["contact_email"],
            "contact_telefoon": gegevens["contact_telefoon"],
            "mede_indieners": [
                (gegevens[f"mede_{nummer}_organisatie"], gegevens[f"mede_{nummer}_type"])
                for nummer in range(1, AANTAL_MEDE_INDIENERS + 1)
            ],
            "motivaties": {criterium.pk: gegevens[f"motivatie_{criterium.pk}"] for criterium in self.criteria},
            "doelgroepen": list(gegevens["doelgroepen"]),
            "themas": list(gegevens["themas"]),
            "toestemming_privacy": gegevens["toestemming_privacy"],
        }


class VoordrachtStartForm(forms.Form):
    """The button that starts a nomination; its token makes a double click start one draft."""

    token = forms.UUIDField(widget=forms.HiddenInput)
