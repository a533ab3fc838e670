from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Ronde(models.Model):
    """A round of the programme: a call for nominations and the selection that follows."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        OPEN = "open", _("open")
        GESLOTEN = "gesloten", _("gesloten")
        IN_BEOORDELING = "in_beoordeling", _("in beoordeling")
        BESLOTEN = "besloten", _("besloten")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")

    naam = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    opent_op = models.DateTimeField(_("opent op"), null=True, blank=True)
    sluit_op = models.DateTimeField(_("sluit op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        ordering = ["jaar", "naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gemeenten:lijst") + f"?ronde={self.slug}"
