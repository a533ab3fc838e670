"""Requests to delete an account, and how programme staff handled them (who, when, what was removed)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verwijderverzoek(models.Model):
    """A user's request to delete their account; staff carry it out or refuse it with a reason."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        UITGEVOERD = "uitgevoerd", _("uitgevoerd")
        GEWEIGERD = "geweigerd", _("geweigerd")

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verwijderverzoeken",
        help_text=_("Leeg zodra het account is verwijderd."),
    )
    accountnummer = models.PositiveIntegerField(
        _("accountnummer"), help_text=_("Het nummer van het account, ook na verwijdering (geen persoonsgegeven).")
    )
    toelichting = models.TextField(_("toelichting van de aanvrager"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now, editable=False)
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    behandeld_op = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    reden_weigering = models.TextField(_("reden van weigering"), blank=True)
    verslag = models.JSONField(
        _("verslag"), default=dict, blank=True, help_text=_("Wat er is verwijderd of geanonimiseerd, per soort.")
    )

    class Meta:
        verbose_name = _("verzoek om verwijdering")
        verbose_name_plural = _("verzoeken om verwijdering")
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker"], condition=models.Q(status="open"), name="verwijderverzoek_een_open_per_account"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="geweigerd") | ~models.Q(reden_weigering=""),
                name="verwijderverzoek_weigering_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open") | models.Q(behandeld_op__isnull=False),
                name="verwijderverzoek_behandeld_met_tijdstip",
            ),
        ]

    def __str__(self):
        return str(_("Verzoek %(nummer)s (account %(account)s)")) % {"nummer": self.pk, "account": self.accountnummer}

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
