"""The outbox: every e-mail the portal sends is a row here first, and leaves only through it.

A message is queued in the same transaction as the change that causes it (a submitted nomination, a new
account), and one task per message sends it after the commit. See :mod:`koplopers.post.services` for the
states and how a message is never sent twice.
"""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Bericht(models.Model):
    """One e-mail: who, what, its attachments, and where it is on its way out."""

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("in de wachtrij")
        BEZIG = "bezig", _("wordt verzonden")
        VERZONDEN = "verzonden", _("verzonden")
        MISLUKT = "mislukt", _("mislukt")
        CONTROLEREN = "controleren", _("onzeker: controleren")

    class Soort(models.TextChoices):
        BEVESTIGING = "bevestiging", _("bevestiging van een voordracht")
        UITNODIGING = "uitnodiging", _("uitnodiging")
        REGISTRATIE = "registratie", _("registratie")
        AL_GEREGISTREERD = "al_geregistreerd", _("registratie met bestaand adres")
        WACHTWOORD = "wachtwoord", _("wachtwoord herstellen")
        UITSLAG = "uitslag", _("uitslag van een ronde")
        OVERIG = "overig", _("overig")

    sleutel = models.CharField(
        _("sleutel"),
        max_length=200,
        unique=True,
        help_text=_("Dezelfde sleutel twee keer geeft één bericht (idempotent)."),
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    aan = models.CharField(_("aan"), max_length=1000, help_text=_("Een of meer adressen, met komma's gescheiden."))
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    tekst = models.TextField(_("tekst"), blank=True)
    opbouw = models.CharField(
        _("opbouw"),
        max_length=200,
        blank=True,
        help_text=_("Functie die tekst en bijlagen pas bij het verzenden maakt (bijvoorbeeld een PDF)."),
    )
    opbouw_gegevens = models.JSONField(_("gegevens voor de opbouw"), default=dict, blank=True)
    aanvrager = models.CharField(
        _("aanvrager"), max_length=64, blank=True, db_index=True, help_text=_("Gehashte herkomst, voor de limiet.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTRIJ)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    bezig_sinds = models.DateTimeField(_("bezig sinds"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now, db_index=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-aangemaakt", "-pk"]
        indexes = [models.Index(fields=["status", "volgende_poging"], name="post_bericht_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="verzonden") | models.Q(verzonden_op__isnull=False),
                name="post_bericht_verzonden_heeft_moment",
            ),
        ]

    def __str__(self):
        return f"{self.aan}: {self.onderwerp}"

    @property
    def ontvangers(self) -> list[str]:
        return [adres.strip() for adres in self.aan.split(",") if adres.strip()]

    @property
    def message_id(self) -> str:
        """The same Message-ID for every attempt, so a receiver can recognise a duplicate."""
        return f"<{hashlib.sha256(self.sleutel.encode()).hexdigest()[:40]}@koploperportaal>"

    @property
    def is_probleem(self) -> bool:
        return self.status in (self.Status.MISLUKT, self.Status.CONTROLEREN)


class Bijlage(models.Model):
    """An attachment, kept as bytes with its message (small: a nomination's PDF copy)."""

    bericht = models.ForeignKey(Bericht, verbose_name=_("bericht"), on_delete=models.CASCADE, related_name="bijlagen")
    naam = models.CharField(_("naam"), max_length=200)
    mimetype = models.CharField(_("soort bestand"), max_length=100, default="application/octet-stream")
    inhoud = models.BinaryField(_("inhoud"))

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["pk"]

    def __str__(self):
        return self.naam
