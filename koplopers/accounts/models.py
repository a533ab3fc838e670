"""People and their roles.

A person may hold several roles at once:

- municipal official (gemeenteambtenaar): linked to municipalities and/or koploper profiles;
- local advocate (belangenbehartiger): with an organisation and its type;
- reviewer (beoordelaar): with one of the three assessing organisations;
- programme staff (programmabureau).
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
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

    @property
    def tweestaps_verplicht(self) -> bool:
        """Roles that may not work without a second factor: staff, reviewers and every admin account."""
        return bool(self.is_programmastaf or self.beoordelaar_organisatie or self.is_superuser or self.is_staff)

    def _is_ongeverifieerde_beheerder(self) -> bool:
        """A superuser or ``is_staff`` account that has not passed two-factor authentication.

        ``is_verified`` is set per request by django-otp's middleware; without it (outside a request)
        the account counts as unverified too.
        """
        if not (self.is_superuser or self.is_staff):
            return False
        is_verified = getattr(self, "is_verified", None)
        return not (is_verified is not None and is_verified())

    def has_perm(self, perm, obj=None):
        """Django grants a superuser everything; here only once the second factor is passed."""
        if self._is_ongeverifieerde_beheerder():
            return False
        return super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        if self._is_ongeverifieerde_beheerder():
            return False
        return super().has_module_perms(app_label)


class UitnodigingQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted and not expired."""
        return self.filter(aanvaard_op__isnull=True, verloopt_op__gt=timezone.now())


class Uitnodiging(models.Model):
    """An invitation for a municipal official: a single-use link that expires.

    Only a hash of the token is stored; the token itself is only in the e-mail.
    """

    email = models.EmailField(_("e-mailadres"))
    voornaam = models.CharField(_("voornaam"), max_length=150, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=150, blank=True)
    gemeenten = models.ManyToManyField(
        "gemeenten.Gemeente", verbose_name=_("gemeenten"), related_name="uitnodigingen", blank=True
    )
    koplopers = models.ManyToManyField(
        "gemeenten.Koploper", verbose_name=_("koploperprofielen"), related_name="uitnodigingen", blank=True
    )
    token_hash = models.CharField(_("controlewaarde van de link"), max_length=64, unique=True, editable=False)
    uitgenodigd_door = models.ForeignKey(
        "accounts.User",
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verstuurde_uitnodigingen",
    )
    aangemaakt = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    aanvaard_op = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    gebruiker = models.ForeignKey(
        "accounts.User",
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uitnodigingen",
    )

    objects = UitnodigingQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-aangemaakt"]

    def __str__(self):
        return self.email

    @property
    def is_verlopen(self):
        return self.verloopt_op <= timezone.now()


class MisluktePoging(models.Model):
    """A failed login, kept for a short while to throttle guessing (see ``throttle.py``)."""

    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=254)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("mislukte inlogpoging")
        verbose_name_plural = _("mislukte inlogpogingen")
        indexes = [models.Index(fields=["gebruikersnaam", "ip_adres", "tijdstip"], name="poging_zoek_idx")]

    def __str__(self):
        return f"{self.gebruikersnaam} ({self.ip_adres})"


class TweestapsGebeurtenis(models.Model):
    """Audit trail of the second factor: backup codes made and used, resets by staff (who, whom, when, why)."""

    class Soort(models.TextChoices):
        RESERVECODES_AANGEMAAKT = "reservecodes_aangemaakt", _("reservecodes aangemaakt")
        RESERVECODE_GEBRUIKT = "reservecode_gebruikt", _("reservecode gebruikt")
        HERSTELD = "hersteld", _("tweestapsverificatie hersteld door beheer")

    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    gebruiker = models.ForeignKey(
        "accounts.User",
        verbose_name=_("gebruiker"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="tweestapsgebeurtenissen",
    )
    gebruikersnaam = models.CharField(
        _("gebruikersnaam"), max_length=150, help_text=_("Blijft staan als het account weg is.")
    )
    uitgevoerd_door = models.ForeignKey(
        "accounts.User",
        verbose_name=_("uitgevoerd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uitgevoerd_door_naam = models.CharField(_("naam van wie het deed"), max_length=150, blank=True)
    reden = models.TextField(_("reden"), blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("gebeurtenis tweestapsverificatie")
        verbose_name_plural = _("gebeurtenissen tweestapsverificatie")
        ordering = ["-tijdstip"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort="hersteld") | ~models.Q(reden=""),
                name="tweestaps_herstel_met_reden",
                violation_error_message=_("Geef een reden voor het herstellen."),
            ),
            models.CheckConstraint(
                condition=~models.Q(soort="hersteld") | ~models.Q(uitgevoerd_door_naam=""),
                name="tweestaps_herstel_met_uitvoerder",
            ),
            models.CheckConstraint(
                condition=~models.Q(soort="hersteld") | ~models.Q(uitgevoerd_door=models.F("gebruiker")),
                name="tweestaps_herstel_niet_bij_zichzelf",
                violation_error_message=_("U kunt uw eigen tweestapsverificatie niet herstellen."),
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.gebruikersnaam}"


class AccountBlokkade(models.Model):
    """A short, growing lock of one username after failures from any addresses (see ``throttle.py``)."""

    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=254, unique=True)
    niveau = models.PositiveSmallIntegerField(
        _("aantal blokkades op rij"), default=1, help_text=_("Elke volgende blokkade duurt twee keer zo lang.")
    )
    tot = models.DateTimeField(_("geblokkeerd tot"), db_index=True)

    class Meta:
        verbose_name = _("accountblokkade")
        verbose_name_plural = _("accountblokkades")

    def __str__(self):
        return self.gebruikersnaam
