"""Reviewing and selecting: the settings of a round, assignments, conflicts, reviews, decisions, publishing.

Glossary: a *beoordelaar* (reviewer) of VNG, Ieder(in) or the Koepel ASD gets *toewijzingen*
(assignments) of *kandidaten*; before scoring they confirm a *verklaring* (declaration) for the round;
a *beoordeling* (review) holds a *score* per criterion; a *belangenconflict* (conflict of interest)
excludes a reviewer from a candidate; the programme staff record a *besluit* (decision) per candidate
and publish them in one step, which creates *nieuwsberichten* (news drafts) and *uitgaande* e-mails.
Every change leaves an *auditregel* (``selectie.AuditRegel``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VERKLARING_STANDAARD = _(
    "Ik beoordeel de kandidaten van deze ronde onafhankelijk en naar eer en geweten. Ik deel scores en "
    "voordrachten met niemand buiten de beoordelaars en het programmabureau. Als ik een persoonlijk, "
    "zakelijk of organisatorisch belang heb bij een kandidaat, meld ik dat als belangenconflict en "
    "beoordeel ik die kandidaat niet."
)


def verklaring_standaard():
    return str(VERKLARING_STANDAARD)


class RondeBeoordeling(models.Model):
    """The review and selection settings of one round (its status is ``selectie.Ronde.status``)."""

    ronde = models.OneToOneField(
        "selectie.Ronde", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="beoordeling"
    )
    spreidingsdrempel = models.DecimalField(
        _("drempel voor bespreken"),
        max_digits=4,
        decimal_places=2,
        default=1.5,
        help_text=_(
            "Een kandidaat wordt gemarkeerd om te bespreken als de hoogste en laagste totaalscore meer dan "
            "dit verschillen."
        ),
    )
    elke_provincie = models.BooleanField(
        _("elke provincie met kandidaten een koploper"),
        default=True,
    )
    themas_minimaal = models.PositiveSmallIntegerField(
        _("minimaal aantal verschillende thema's"),
        null=True,
        blank=True,
        help_text=_("Leeg: elk thema dat bij de kandidaten voorkomt. 0: geen eis."),
    )
    verklaring = models.TextField(_("verklaring voor beoordelaars"), default=verklaring_standaard)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("beoordeling van een ronde")
        verbose_name_plural = _("beoordelingen van rondes")
        constraints = [
            models.CheckConstraint(condition=models.Q(spreidingsdrempel__gte=0), name="rondebeoordeling_drempel"),
        ]

    def __str__(self):
        return str(self.ronde)

    def get_absolute_url(self):
        return reverse("beoordeling:dashboard", kwargs={"slug": self.ronde.slug})


class Toewijzing(models.Model):
    """A reviewer assigned to a candidate."""

    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.CASCADE, related_name="toewijzingen"
    )
    kandidaat = models.ForeignKey(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="toewijzingen"
    )
    toegewezen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegewezen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["kandidaat", "beoordelaar"]
        constraints = [
            models.UniqueConstraint(fields=["beoordelaar", "kandidaat"], name="toewijzing_uniek"),
        ]

    def __str__(self):
        return f"{self.beoordelaar} – {self.kandidaat}"


class Belangenconflict(models.Model):
    """A conflict of interest: the reviewer does not see the candidate's scores and does not count."""

    class Soort(models.TextChoices):
        VOORDRAGER = "voordrager", _("eigen organisatie of persoon is voordrager")
        PERSOONLIJK = "persoonlijk", _("persoonlijke band")
        ZAKELIJK = "zakelijk", _("zakelijk of financieel belang")
        ANDERS = "anders", _("anders")

    class Bron(models.TextChoices):
        BEOORDELAAR = "beoordelaar", _("gemeld door de beoordelaar")
        STAF = "staf", _("vastgelegd door het programmabureau")
        AUTOMATISCH = "automatisch", _("automatisch vastgesteld")

    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.CASCADE, related_name="conflicten"
    )
    kandidaat = models.ForeignKey(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="conflicten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("belangenconflict")
        verbose_name_plural = _("belangenconflicten")
        ordering = ["kandidaat", "beoordelaar"]
        constraints = [
            models.UniqueConstraint(fields=["beoordelaar", "kandidaat"], name="belangenconflict_uniek"),
        ]

    def __str__(self):
        return f"{self.beoordelaar} – {self.kandidaat}: {self.get_soort_display()}"


class Verklaring(models.Model):
    """A reviewer's confirmation of the round's declaration, with the text as it was confirmed."""

    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.CASCADE, related_name="verklaringen"
    )
    ronde = models.ForeignKey(
        "selectie.Ronde", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="verklaringen"
    )
    tekst = models.TextField(_("tekst"))
    bevestigd_op = models.DateTimeField(_("bevestigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("verklaring")
        verbose_name_plural = _("verklaringen")
        constraints = [
            models.UniqueConstraint(fields=["beoordelaar", "ronde"], name="verklaring_uniek"),
        ]

    def __str__(self):
        return f"{self.beoordelaar} – {self.ronde}"


class Beoordeling(models.Model):
    """One reviewer's review of one candidate: a draft, submitted, or an abstention with a reason.

    ``totaal`` (the weighted mean over the criteria answered) is computed by the service that saves it.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        INGEDIEND = "ingediend", _("ingediend")
        ONTHOUDEN = "onthouden", _("onthouden")

    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beoordelaar"), on_delete=models.PROTECT, related_name="beoordelingen"
    )
    kandidaat = models.ForeignKey(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="beoordelingen"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    opmerking = models.TextField(_("algemene opmerking"), blank=True)
    reden_onthouding = models.TextField(_("reden om te onthouden"), blank=True)
    totaal = models.DecimalField(_("totaalscore"), max_digits=7, decimal_places=4, null=True, blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["kandidaat", "beoordelaar"]
        constraints = [
            models.UniqueConstraint(fields=["beoordelaar", "kandidaat"], name="beoordeling_uniek"),
            models.CheckConstraint(
                condition=~models.Q(status="onthouden") | ~models.Q(reden_onthouding=""),
                name="beoordeling_onthouden_met_reden",
            ),
        ]
        indexes = [models.Index(fields=["kandidaat", "status"], name="beoordeling_kandidaat_status")]

    def __str__(self):
        return f"{self.beoordelaar} – {self.kandidaat}"

    def get_absolute_url(self):
        return reverse("beoordeling:kandidaat", kwargs={"pk": self.kandidaat_id})


class Score(models.Model):
    """The level a reviewer gave for one criterion; ``niet_van_toepassing`` leaves it out of the total."""

    beoordeling = models.ForeignKey(
        Beoordeling, verbose_name=_("beoordeling"), on_delete=models.CASCADE, related_name="scores"
    )
    criterium = models.ForeignKey(
        "selectie.Criterium", verbose_name=_("criterium"), on_delete=models.PROTECT, related_name="scores"
    )
    niveau = models.PositiveSmallIntegerField(_("niveau"), null=True, blank=True)
    niet_van_toepassing = models.BooleanField(_("niet van toepassing"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["beoordeling", "criterium__volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["beoordeling", "criterium"], name="score_uniek_per_criterium"),
            models.CheckConstraint(
                condition=models.Q(niveau__isnull=True) | models.Q(niet_van_toepassing=False),
                name="score_niveau_of_nvt",
            ),
            models.CheckConstraint(
                condition=models.Q(niveau__isnull=True) | models.Q(niveau__gte=1), name="score_niveau_positief"
            ),
        ]

    def __str__(self):
        return f"{self.criterium}: {self.weergave}"

    @property
    def weergave(self) -> str:
        if self.niet_van_toepassing:
            return str(_("n.v.t."))
        return "" if self.niveau is None else str(self.niveau)


class Besluit(models.Model):
    """The staff's (staged) decision on a candidate, and its pin for the proposal."""

    class Uitkomst(models.TextChoices):
        GESELECTEERD = "geselecteerd", _("geselecteerd")
        RESERVE = "reserve", _("reserve")
        NIET_GESELECTEERD = "niet_geselecteerd", _("niet geselecteerd")

    class Vastzetting(models.TextChoices):
        IN = "in", _("vast in het voorstel")
        UIT = "uit", _("uitgesloten van het voorstel")

    kandidaat = models.OneToOneField(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="besluit"
    )
    uitkomst = models.CharField(_("besluit"), max_length=20, choices=Uitkomst.choices, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    vastzetting = models.CharField(_("vastzetten"), max_length=3, choices=Vastzetting.choices, blank=True)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self):
        return f"{self.kandidaat}: {self.get_uitkomst_display() or '-'}"


class Nieuwsbericht(models.Model):
    """A draft news item about a new koploper, made when the selection is published."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")

    ronde = models.ForeignKey(
        "selectie.Ronde", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="nieuwsberichten"
    )
    kandidaat = models.ForeignKey(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="nieuwsberichten"
    )
    koploper = models.ForeignKey(
        "gemeenten.Koploper", verbose_name=_("koploper"), on_delete=models.CASCADE, related_name="nieuwsberichten"
    )
    titel = models.CharField(_("titel"), max_length=250)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")
        ordering = ["ronde", "titel"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "kandidaat"], name="nieuwsbericht_uniek_per_kandidaat"),
        ]

    def __str__(self):
        return self.titel


class Uitgaand(models.Model):
    """A queued e-mail to a nominator, previewed by staff before it is sent."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("klaar om te verzenden")
        VERZONDEN = "verzonden", _("verzonden")

    ronde = models.ForeignKey(
        "selectie.Ronde", verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="uitgaand"
    )
    kandidaat = models.ForeignKey(
        "selectie.Kandidaat", verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="uitgaand"
    )
    voordracht = models.ForeignKey(
        "selectie.Voordracht", verbose_name=_("voordracht"), on_delete=models.CASCADE, related_name="uitgaand"
    )
    aan = models.EmailField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTRIJ)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["ronde", "kandidaat", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "voordracht"], name="uitgaand_uniek_per_voordracht"),
        ]

    def __str__(self):
        return f"{self.aan}: {self.onderwerp}"
