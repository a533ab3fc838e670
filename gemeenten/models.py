from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from .sortering import beginletter, sorteersleutel


class Provincie(models.Model):
    code = models.CharField(_("CBS-code"), max_length=4, unique=True)
    naam = models.CharField(_("naam"), max_length=50)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    geometrie = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("provincie")
        verbose_name_plural = _("provincies")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    """One of the Dutch municipalities (CBS indeling)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True, help_text=_("Bijvoorbeeld GM0034."))
    naam = models.CharField(_("officiële naam"), max_length=100)
    weergavenaam = models.CharField(
        _("weergavenaam"),
        max_length=100,
        blank=True,
        help_text=_("De naam die mensen gewoonlijk gebruiken, als die afwijkt (Den Haag)."),
    )
    sorteernaam = models.CharField(_("sorteernaam"), max_length=100, editable=False, db_index=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    provincie = models.ForeignKey(
        Provincie, verbose_name=_("provincie"), on_delete=models.PROTECT, related_name="gemeenten"
    )
    geometrie = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    jaar = models.PositiveSmallIntegerField(_("indelingsjaar"), default=2026)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["sorteernaam"]

    def __str__(self):
        return self.toon_naam

    def save(self, *args, **kwargs):
        self.sorteernaam = sorteersleutel(self.toon_naam)
        super().save(*args, **kwargs)

    @property
    def toon_naam(self):
        return self.weergavenaam or self.naam


class Doelgroep(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Thema(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Versiereden(models.TextChoices):
    """Why a version of a koploper profile was recorded (``history_change_reason``)."""

    PUBLICEREN = "publiceren", _("concept gepubliceerd")
    DEPUBLICEREN = "depubliceren", _("gedepubliceerd")
    HERSTELLEN = "herstellen", _("eerdere versie hersteld")
    SELECTIE = "selectie", _("geselecteerd in een ronde")


class KoploperVersieBasis(models.Model):
    """Extra columns of every historical koploper record (one record = one published version).

    Links and contact persons live in their own tables; the version keeps a copy of them in
    ``onderdelen`` so that a version can be shown, compared and restored as a whole.
    """

    onderdelen = models.JSONField(_("links en contactpersonen"), default=dict, blank=True)

    class Meta:
        abstract = True


def logo_pad(instance, bestandsnaam: str) -> str:
    """Where logos go. The service already gave the file a generated name; the uploader's is never used."""
    return f"koplopers/logo/{bestandsnaam}"


class KoploperQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def beheerd_door(self, user):
        """The profiles ``user`` manages as an official: via ``user.koplopers`` or ``user.gemeenten``."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(pk__in=user.koplopers.values("pk")) | models.Q(gemeente__in=user.gemeenten.values("pk"))
        )


class Koploper(models.Model):
    """A koplopergemeente: one municipality, or a region of several, taking part in rounds.

    The rounds are selection data: ``selectie.Ronde.koplopers`` declares them, through ``selectie.Deelname``;
    here they are only the reverse relation ``koploper.rondes`` (gemeenten imports nothing of selectie).
    """

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        REGIO = "regio", _("regio")

    naam = models.CharField(_("naam"), max_length=150)
    sorteernaam = models.CharField(_("sorteernaam"), max_length=150, editable=False, db_index=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.GEMEENTE)
    gemeente = models.OneToOneField(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="koploper",
        null=True,
        blank=True,
        help_text=_("Alleen bij een koploper die één gemeente is."),
    )
    leden = models.ManyToManyField(
        Gemeente,
        verbose_name=_("deelnemende gemeenten"),
        related_name="regios",
        blank=True,
        help_text=_("Alleen bij een regio; leeg als de gemeenten niet bekend zijn."),
    )
    provincie = models.ForeignKey(
        Provincie,
        verbose_name=_("provincie"),
        on_delete=models.PROTECT,
        related_name="koplopers",
        null=True,
        blank=True,
    )
    deelname_volgens_bron = models.CharField(
        _("deelname volgens de bron"),
        max_length=200,
        blank=True,
        help_text=_("Wat de openbare bron over de ronde of periode zegt, letterlijk."),
    )
    bron_url = models.URLField(_("bron"), max_length=500, blank=True)

    organisatie = models.TextField(_("hoe is de cliëntondersteuning georganiseerd?"), blank=True)
    ambities = models.TextField(_("welke ambities zijn er?"), blank=True)
    acties = models.TextField(_("welke acties worden ondernomen?"), blank=True)
    is_voorbeeldtekst = models.BooleanField(
        _("voorbeeldtekst"),
        default=False,
        help_text=_("De antwoorden zijn illustratieve demotekst, geen echte gegevens."),
    )
    doelgroepen = models.ManyToManyField(Doelgroep, verbose_name=_("doelgroepen"), related_name="koplopers", blank=True)
    themas = models.ManyToManyField(Thema, verbose_name=_("thema's"), related_name="koplopers", blank=True)
    logo = models.ImageField(_("logo of foto"), upload_to=logo_pad, blank=True)
    logo_alt = models.CharField(
        _("beschrijving van het logo of de foto"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie de afbeelding niet kan zien, bijvoorbeeld: logo van de gemeente Almere."),
    )
    uitgelicht = models.BooleanField(_("uitgelicht"), default=False)
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    versie = models.PositiveIntegerField(
        _("versie"), default=0, help_text=_("Telt op bij elke publicatie, depublicatie of herstelde versie.")
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = KoploperQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[doelgroepen, themas],
        bases=[KoploperVersieBasis],
        excluded_fields=["sorteernaam", "bijgewerkt"],
        verbose_name=_("versie van een koploperprofiel"),
        verbose_name_plural=_("versies van koploperprofielen"),
    )

    class Meta:
        verbose_name = _("koploper")
        verbose_name_plural = _("koplopers")
        ordering = ["sorteernaam"]
        indexes = [models.Index(fields=["gepubliceerd", "sorteernaam"], name="koploper_publiek_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort="regio") | models.Q(gemeente__isnull=True),
                name="koploper_regio_zonder_gemeente",
            ),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        self.sorteernaam = sorteersleutel(self.naam)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("gemeenten:profiel", kwargs={"slug": self.slug})

    @property
    def beginletter(self):
        return beginletter(self.naam)


def koploper_onderdelen(koploper: Koploper) -> dict:
    """The links and contact persons of ``koploper`` as plain data (kept with every version)."""
    return {
        "links": [{"titel": link.titel, "url": link.url} for link in koploper.links.all()],
        "contactpersonen": [
            {
                "naam": contact.naam,
                "functie": contact.functie,
                "email": contact.email,
                "telefoon": contact.telefoon,
                "toestemming_publicatie": contact.toestemming_publicatie,
            }
            for contact in koploper.contactpersonen.all()
        ],
    }


@receiver(pre_create_historical_record)
def _onderdelen_vastleggen(sender, instance, history_instance, **kwargs):
    """Every historical koploper record keeps a copy of the links and contact persons of that moment."""
    if isinstance(instance, Koploper):
        history_instance.onderdelen = koploper_onderdelen(instance)


class Contactpersoon(models.Model):
    koploper = models.ForeignKey(Koploper, on_delete=models.CASCADE, related_name="contactpersonen")
    naam = models.CharField(_("naam"), max_length=150)
    functie = models.CharField(_("functie"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    toestemming_publicatie = models.BooleanField(
        _("toestemming om openbaar te tonen"),
        default=False,
        help_text=_("Alleen met toestemming van de persoon zelf staan de gegevens op de openbare pagina."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class Link(models.Model):
    koploper = models.ForeignKey(Koploper, on_delete=models.CASCADE, related_name="links")
    titel = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("adres"), max_length=500)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["volgorde", "titel"]

    def __str__(self):
        return self.titel


class KoploperConcept(models.Model):
    """The draft of a koploper profile: edited by its officials, public only once published.

    ``gegevens`` holds the draft's fields (the three answers, target groups, themes, links, contact
    persons, logo); ``versie`` counts the saves, so a form based on an older draft can be detected.
    """

    koploper = models.OneToOneField(
        Koploper, verbose_name=_("koploper"), on_delete=models.CASCADE, related_name="concept"
    )
    gegevens = models.JSONField(_("gegevens"), default=dict)
    versie = models.PositiveIntegerField(_("versie van het concept"), default=1)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("concept van een koploperprofiel")
        verbose_name_plural = _("concepten van koploperprofielen")

    def __str__(self):
        return str(self.koploper)

    def get_absolute_url(self):
        return reverse("gemeenten:bewerken", kwargs={"slug": self.koploper.slug})


# While a service writes a whole version (publish, restore) it records the version itself, afterwards.
versie_wordt_vastgelegd: ContextVar[bool] = ContextVar("versie_wordt_vastgelegd", default=False)


@receiver([post_save, post_delete], sender=Link)
@receiver([post_save, post_delete], sender=Contactpersoon)
def _laatste_versie_bijwerken(sender, instance, **kwargs):
    """A link or contact person changed outside the services (admin inline, import, demo data).

    The newest version then still holds the links and contact persons from before the change (the
    admin saves the profile before its inlines): it is brought up to date, so that restoring it later
    brings back what was public at that moment.
    """
    if versie_wordt_vastgelegd.get() or kwargs.get("raw"):
        return
    koploper = Koploper.objects.filter(pk=instance.koploper_id).first()
    if koploper is None:
        return
    laatste = koploper.history.order_by("-history_id").only("history_id").first()
    if laatste is not None:
        type(laatste).objects.filter(pk=laatste.pk).update(onderdelen=koploper_onderdelen(koploper))
