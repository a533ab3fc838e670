"""People and their roles.

A person may hold several roles at once:

- municipal official (gemeenteambtenaar): linked to municipalities and/or koploper profiles;
- local advocate (belangenbehartiger): with an organisation and its type;
- reviewer (beoordelaar): with one of the three assessing organisations;
- programme staff (programmabureau).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    class OrganisatieType(models.TextChoices):
        CLIENTORGANISATIE = "clientorganisatie", _("cliëntorganisatie")
        ADVIESRAAD = "adviesraad", _("adviesraad sociaal domein")
        GEMEENTE = "gemeente", _("gemeente")
        OVERIG = "overig", _("overig")

    class BeoordelaarOrganisatie(models.TextChoices):
        VNG = "vng", _("VNG")
        IEDERIN = "iederin", _("Ieder(in)")
        KOEPEL_ASD = "koepel_asd", _("Koepel Adviesraden Sociaal Domein")

    email = models.EmailField(_("e-mailadres"), unique=True)
    gemeenten = models.ManyToManyField(
        "gemeenten.Gemeente",
        verbose_name=_("gemeenten (als ambtenaar)"),
        related_name="ambtenaren",
        blank=True,
    )
    koplopers = models.ManyToManyField(
        "gemeenten.Koploper",
        verbose_name=_("koploperprofielen (als ambtenaar)"),
        related_name="beheerders",
        blank=True,
    )
    is_belangenbehartiger = models.BooleanField(_("belangenbehartiger"), default=False)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    organisatie_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisatieType.choices, blank=True
    )
    beoordelaar_organisatie = models.CharField(
        _("beoordelaar namens"), max_length=20, choices=BeoordelaarOrganisatie.choices, blank=True
    )
    is_programmastaf = models.BooleanField(_("programmabureau"), default=False)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_beoordelaar(self):
        return bool(self.beoordelaar_organisatie)
