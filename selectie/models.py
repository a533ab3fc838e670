"""Rounds, their criteria, candidates and the nominations (voordrachten) made for them.

Glossary: a *ronde* (round) is a call for nominations with a deadline; a *voordracht* (nomination) is
made by a person for a municipality or a set of municipalities (a region); every distinct municipality
or set in one round is one *kandidaat* (candidate), however many nominations name it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCHAAL_STANDAARD = ["onvoldoende", "matig", "voldoende", "goed", "uitstekend"]


def schaal_standaard():
    """The default scale: five levels, 1 (onvoldoende) to 5 (uitstekend)."""
    return list(SCHAAL_STANDAARD)


class RondeStatus(models.TextChoices):
    """The one lifecycle of a round, in order; only :mod:`selectie.levenscyclus` moves it."""

    CONCEPT = "concept", _("concept")
    OPEN = "open", _("open")
    GESLOTEN = "gesloten", _("gesloten")
    ONAFHANKELIJK = "onafhankelijk", _("onafhankelijk beoordelen")
    KALIBRATIE = "kalibratie", _("kalibratie")
    SELECTIE = "selectie", _("selectie")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")


class Ronde(models.Model):
    """A round of the programme: a call for nominations and the selection that follows."""

    Status = RondeStatus

    naam = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    opent_op = models.DateTimeField(_("opent op"), null=True, blank=True)
    sluit_op = models.DateTimeField(
        _("sluit op"), null=True, blank=True, help_text=_("De aangekondigde termijn om voor te dragen.")
    )
    gesloten_op = models.DateTimeField(
        _("eerder gesloten op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Alleen als de ronde vóór de aangekondigde termijn is gesloten: het werkelijke moment."),
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True, editable=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    oproeptekst = models.TextField(
        _("oproeptekst"), blank=True, help_text=_("De tekst van de oproep, zoals die op /voordragen/ staat.")
    )
    streefaantal_min = models.PositiveSmallIntegerField(_("streefaantal koplopers (minimaal)"), default=12)
    streefaantal_max = models.PositiveSmallIntegerField(_("streefaantal koplopers (maximaal)"), default=15)
    is_demo = models.BooleanField(
        _("demoronde"), default=False, help_text=_("Een ronde om het portaal te laten zien; geen echte oproep.")
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)
    # Participation is selection data: declared here, so gemeenten knows rounds only as ``koploper.rondes``.
    koplopers = models.ManyToManyField(
        "gemeenten.Koploper",
        verbose_name=_("koplopers"),
        through="Deelname",
        related_name="rondes",
        blank=True,
    )

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["jaar", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opent_op__isnull=True)
                | models.Q(sluit_op__isnull=True)
                | models.Q(sluit_op__gt=models.F("opent_op")),
                name="ronde_sluit_na_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(streefaantal_min__lte=models.F("streefaantal_max")),
                name="ronde_streefaantal_min_max",
            ),
            models.CheckConstraint(condition=models.Q(status__in=RondeStatus.values), name="ronde_status_geldig"),
            models.CheckConstraint(
                condition=models.Q(gepubliceerd_op__isnull=True) | models.Q(status="gepubliceerd"),
                name="ronde_gepubliceerd_op_alleen_gepubliceerd",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gemeenten:lijst") + f"?ronde={self.slug}"

    def status_op(self, nu=None) -> "Ronde.Status":
        """The status at ``nu``. An open round whose announced deadline has passed is closed: derived on
        read, so nothing has to run at the deadline and every predicate agrees (see ``selectie.rules``)."""
        nu = nu or timezone.now()
        if self.status == self.Status.OPEN and self.sluit_op and nu >= self.sluit_op:
            return self.Status.GESLOTEN
        return self.Status(self.status)

    @property
    def huidige_status(self) -> "Ronde.Status":
        return self.status_op()

    def get_huidige_status_display(self) -> str:
        return self.huidige_status.label

    @property
    def werkelijk_gesloten_op(self):
        """When submitting really stopped: the early closing moment, else the announced deadline."""
        return self.gesloten_op or self.sluit_op

    def is_open_voor_indienen(self, nu=None) -> bool:
        """Open, and ``nu`` lies between opening and closing (the server's clock decides)."""
        nu = nu or timezone.now()
        if self.status_op(nu) != self.Status.OPEN:
            return False
        return not (self.opent_op and nu < self.opent_op)


class Deelname(models.Model):
    """A koploper took part in a round: written when a selection is published, or from a public source."""

    class Bron(models.TextChoices):
        SELECTIE = "selectie", _("gepubliceerde selectie")
        OPENBARE_BRON = "openbare_bron", _("openbare bron")
        BEHEER = "beheer", _("beheer")
        ONBEKEND = "onbekend", _("onbekend (vastgelegd vóór de bron werd bijgehouden)")

    ronde = models.ForeignKey(Ronde, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="deelnames")
    koploper = models.ForeignKey(
        "gemeenten.Koploper", verbose_name=_("koploper"), on_delete=models.CASCADE, related_name="deelnames"
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.BEHEER)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["ronde__jaar", "ronde__naam"]
        constraints = [models.UniqueConstraint(fields=["ronde", "koploper"], name="deelname_uniek")]

    def __str__(self):
        return _("%(koploper)s in %(ronde)s") % {"koploper": self.koploper, "ronde": self.ronde}


class Criterium(models.Model):
    """One criterion of a round, with a weight and a scale with a label per level (level 1 first)."""

    ronde = models.ForeignKey(Ronde, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="criteria")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    naam = models.CharField(_("naam"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    gewicht = models.PositiveSmallIntegerField(_("gewicht"), default=1)
    schaal_labels = models.JSONField(
        _("schaal"),
        default=schaal_standaard,
        help_text=_("Eén label per niveau, van laag naar hoog; niveau 1 is het eerste label."),
    )

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ["ronde", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "volgorde"], name="criterium_uniek_per_ronde_volgorde"),
            models.CheckConstraint(condition=models.Q(gewicht__gte=1), name="criterium_gewicht_positief"),
        ]

    def __str__(self):
        return self.naam

    @property
    def schaal(self) -> list[tuple[int, str]]:
        """The levels as ``(waarde, label)``, from 1 upwards."""
        return list(enumerate(self.schaal_labels or [], start=1))

    @property
    def schaal_max(self) -> int:
        return len(self.schaal_labels or [])


class Kandidaat(models.Model):
    """A municipality, or a set of municipalities (a region), nominated in a round.

    ``sleutel`` is the sorted, comma-separated CBS codes: the same set in the same round is one candidate.
    """

    ronde = models.ForeignKey(Ronde, verbose_name=_("ronde"), on_delete=models.PROTECT, related_name="kandidaten")
    gemeenten = models.ManyToManyField("gemeenten.Gemeente", verbose_name=_("gemeenten"), related_name="kandidaturen")
    naam = models.CharField(_("naam"), max_length=300)
    sleutel = models.CharField(_("sleutel"), max_length=2500, editable=False)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        ordering = ["ronde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "sleutel"], name="kandidaat_uniek_per_ronde"),
        ]

    def __str__(self):
        return self.naam

    @property
    def is_regio(self) -> bool:
        return "," in self.sleutel


class Voordracht(models.Model):
    """A nomination: a draft until it is submitted; submitted once, before the round's deadline."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        INGEDIEND = "ingediend", _("ingediend")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    class OrganisatieType(models.TextChoices):
        CLIENTORGANISATIE = "clientorganisatie", _("cliëntorganisatie")
        ADVIESRAAD = "adviesraad", _("adviesraad sociaal domein")
        GEMEENTE = "gemeente", _("gemeente")
        OVERIG = "overig", _("overig")

    ronde = models.ForeignKey(Ronde, verbose_name=_("ronde"), on_delete=models.PROTECT, related_name="voordrachten")
    kandidaat = models.ForeignKey(
        Kandidaat,
        verbose_name=_("kandidaat"),
        on_delete=models.PROTECT,
        related_name="voordrachten",
        null=True,
        blank=True,
        help_text=_("Wordt bij het indienen bepaald uit de gekozen gemeenten."),
    )
    gemeenten = models.ManyToManyField(
        "gemeenten.Gemeente", verbose_name=_("voorgedragen gemeenten"), related_name="voordrachten", blank=True
    )
    indiener = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("indiener"), on_delete=models.PROTECT, related_name="voordrachten"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    token = models.UUIDField(
        _("formuliersleutel"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Voorkomt dat een dubbel verstuurd formulier twee voordrachten maakt."),
    )

    organisatie = models.CharField(_("voordragende organisatie"), max_length=200, blank=True)
    organisatie_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisatieType.choices, blank=True
    )
    contact_naam = models.CharField(_("naam contactpersoon"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    contact_telefoon = models.CharField(_("telefoonnummer contactpersoon"), max_length=30, blank=True)
    is_gezamenlijk = models.BooleanField(
        _("gezamenlijke voordracht"),
        default=False,
        editable=False,
        help_text=_("Gemeente en cliënt- of inwonersorganisatie dragen samen voor (afgeleid)."),
    )
    doelgroepen = models.ManyToManyField(
        "gemeenten.Doelgroep", verbose_name=_("doelgroepen"), related_name="voordrachten", blank=True
    )
    themas = models.ManyToManyField(
        "gemeenten.Thema", verbose_name=_("thema's"), related_name="voordrachten", blank=True
    )
    toestemming_privacy = models.BooleanField(_("toestemming privacyverklaring"), default=False)
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("voordracht")
        verbose_name_plural = _("voordrachten")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="voordracht_token_uniek"),
            models.CheckConstraint(
                condition=~models.Q(status="ingediend")
                | (
                    models.Q(ingediend_op__isnull=False)
                    & models.Q(kandidaat__isnull=False)
                    & models.Q(toestemming_privacy=True)
                ),
                name="voordracht_ingediend_volledig",
            ),
        ]
        indexes = [models.Index(fields=["ronde", "status"], name="voordracht_ronde_status_idx")]

    def __str__(self):
        if self.kandidaat_id:
            return str(self.kandidaat)
        return str(_("Voordracht %(nummer)s")) % {"nummer": self.pk or "-"}

    def get_absolute_url(self):
        return reverse("selectie:voordracht_bewerken", kwargs={"pk": self.pk})

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT


class MedeIndiener(models.Model):
    """An organisation that nominates together with the nominator (a co-nominator)."""

    voordracht = models.ForeignKey(
        Voordracht, verbose_name=_("voordracht"), on_delete=models.CASCADE, related_name="mede_indieners"
    )
    organisatie = models.CharField(_("organisatie"), max_length=200)
    organisatie_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=Voordracht.OrganisatieType.choices
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("mede-indiener")
        verbose_name_plural = _("mede-indieners")
        ordering = ["voordracht", "volgorde", "pk"]

    def __str__(self):
        return self.organisatie


class Motivatie(models.Model):
    """The nominator's motivation for one criterion of the round."""

    voordracht = models.ForeignKey(
        Voordracht, verbose_name=_("voordracht"), on_delete=models.CASCADE, related_name="motivaties"
    )
    criterium = models.ForeignKey(
        Criterium, verbose_name=_("criterium"), on_delete=models.PROTECT, related_name="motivaties"
    )
    tekst = models.TextField(_("motivatie"), blank=True)

    class Meta:
        verbose_name = _("motivatie")
        verbose_name_plural = _("motivaties")
        ordering = ["voordracht", "criterium__volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["voordracht", "criterium"], name="motivatie_uniek_per_criterium"),
        ]

    def __str__(self):
        return str(self.criterium)


def bijlage_pad(bijlage, bestandsnaam):
    """A generated file name: the uploaded name is never used on disk."""
    return f"voordrachten/{bijlage.voordracht.ronde_id}/{uuid.uuid4().hex}.pdf"


class Bijlage(models.Model):
    """A PDF attached to a nomination. ``oorspronkelijke_naam`` is for display only."""

    MAX_AANTAL = 5
    MAX_GROOTTE = 10 * 1024 * 1024

    voordracht = models.ForeignKey(
        Voordracht, verbose_name=_("voordracht"), on_delete=models.CASCADE, related_name="bijlagen"
    )
    bestand = models.FileField(_("bestand"), upload_to=bijlage_pad, max_length=200)
    oorspronkelijke_naam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=255)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    content_type = models.CharField(_("soort bestand"), max_length=100, default="application/pdf")
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["voordracht", "aangemaakt", "pk"]

    def __str__(self):
        return self.oorspronkelijke_naam

    def get_absolute_url(self):
        return reverse("selectie:bijlage", kwargs={"pk": self.pk})


class AuditRegel(models.Model):
    """One change of a round or its review: who, when, what, before and after.

    In ``selectie`` (the lowest app that writes one): the round's lifecycle (:mod:`selectie.levenscyclus`)
    and the review (:mod:`selectie.beoordeling.services`) both record here. Never changed or deleted.
    """

    class Soort(models.TextChoices):
        STATUS = "status", _("status")
        TERMIJN = "termijn", _("termijn")
        SCORE = "score", _("score")
        BESLUIT = "besluit", _("besluit")
        TOEWIJZING = "toewijzing", _("toewijzing")
        CONFLICT = "conflict", _("belangenconflict")
        VERKLARING = "verklaring", _("verklaring")
        INSTELLINGEN = "instellingen", _("instellingen")
        PUBLICATIE = "publicatie", _("publicatie")
        BEHEER = "beheer", _("wijziging in het beheer")

    ronde = models.ForeignKey(Ronde, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="auditregels")
    kandidaat = models.ForeignKey(
        Kandidaat,
        verbose_name=_("kandidaat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="auditregels",
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    voor = models.JSONField(_("voor"), null=True, blank=True)
    na = models.JSONField(_("na"), null=True, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self):
        return self.omschrijving
