import uuid

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .validators import pdf_valideren


def pdf_pad(instance, filename: str) -> str:
    """Store uploads under a generated name: the uploader's file name never reaches the disk."""
    return f"kennisbank/{uuid.uuid4().hex}.pdf"


class Uitgever(models.Model):
    """Who published a knowledge product: VNG, Movisie, Ieder(in), Koepel ASD, a municipality…"""

    naam = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)

    class Meta:
        verbose_name = _("uitgever")
        verbose_name_plural = _("uitgevers")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class KennisitemQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)


class Kennisitem(models.Model):
    """A knowledge product: a guide, research report, self-test, method, article, video or link."""

    class Soort(models.TextChoices):
        HANDREIKING = "handreiking", _("handreiking")
        ONDERZOEK = "onderzoek", _("onderzoek")
        ZELFTEST = "zelftest", _("zelftest")
        METHODE = "methode", _("methode")
        ARTIKEL = "artikel", _("artikel")
        VIDEO = "video", _("video")
        LINK = "link", _("link")

    titel = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.HANDREIKING)
    samenvatting = models.TextField(_("samenvatting"), blank=True, help_text=_("Een paar zinnen, zonder opmaak."))
    inhoud = models.TextField(
        _("tekst"), blank=True, help_text=_("Alinea's, lijsten, links en nadruk; andere opmaak wordt verwijderd.")
    )
    bestand = models.FileField(
        _("PDF-bestand"),
        upload_to=pdf_pad,
        blank=True,
        validators=[pdf_valideren],
        help_text=_(
            "Alleen PDF, hoogstens 20 MB, zonder actieve inhoud (JavaScript, ingesloten bestanden, multimedia "
            "of opdrachten om een programma te starten)."
        ),
    )
    url = models.URLField(_("externe link"), max_length=500, blank=True)
    uitgever = models.ForeignKey(
        Uitgever,
        verbose_name=_("uitgever"),
        on_delete=models.PROTECT,
        related_name="kennisitems",
        null=True,
        blank=True,
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), null=True, blank=True, help_text=_("Alleen als de bron het jaar noemt.")
    )
    doelgroepen = models.ManyToManyField(
        "gemeenten.Doelgroep", verbose_name=_("doelgroepen"), related_name="kennisitems", blank=True
    )
    themas = models.ManyToManyField(
        "gemeenten.Thema", verbose_name=_("thema's"), related_name="kennisitems", blank=True
    )
    koplopers = models.ManyToManyField(
        "gemeenten.Koploper", verbose_name=_("koplopers"), related_name="kennisitems", blank=True
    )
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    # Derived by kennisbank.services.kennisitem_opslaan(), never edited by hand.
    platte_tekst = models.TextField(_("platte tekst"), blank=True, editable=False)

    objects = KennisitemQuerySet.as_manager()

    class Meta:
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisitems")
        ordering = ["titel"]
        indexes = [models.Index(fields=["gepubliceerd", "soort"], name="kennisitem_publiek_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort__in=["video", "link"]) | ~Q(url=""),
                name="kennisitem_video_link_heeft_url",
                violation_error_message=_("Een video of link heeft een externe link nodig."),
            ),
            models.CheckConstraint(
                condition=Q(jaar__isnull=True) | Q(jaar__gte=1990, jaar__lte=2100),
                name="kennisitem_jaar_redelijk",
                violation_error_message=_("Vul een jaar tussen 1990 en 2100 in."),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("kennisbank:detail", kwargs={"slug": self.slug})

    @property
    def soort_label(self) -> str:
        """Like ``get_soort_display()``, without hashing every translated label (a list shows 20 items)."""
        try:
            return str(self.Soort(self.soort).label)
        except ValueError:
            return self.soort


class EtalageartikelQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True, koploper__gepubliceerd=True)


class Etalageartikel(models.Model):
    """The monthly showcase: one koploper in an interview, article or video, with the view of the
    advisory council and of residents."""

    class Vorm(models.TextChoices):
        INTERVIEW = "interview", _("interview")
        ARTIKEL = "artikel", _("artikel")
        VIDEO = "video", _("video")

    titel = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    koploper = models.ForeignKey(
        "gemeenten.Koploper",
        verbose_name=_("koploper"),
        on_delete=models.PROTECT,
        related_name="etalageartikelen",
    )
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices, default=Vorm.ARTIKEL)
    maand = models.DateField(_("maand"), help_text=_("De maand waarin deze koploper in de etalage staat."))
    inleiding = models.TextField(_("inleiding"), blank=True, help_text=_("Een paar zinnen, zonder opmaak."))
    inhoud = models.TextField(_("tekst"), blank=True)
    video_url = models.URLField(_("link naar de video"), max_length=500, blank=True)
    visie_adviesraad = models.TextField(_("de blik van de adviesraad"), blank=True)
    visie_inwoners = models.TextField(_("de blik van inwoners en gebruikers"), blank=True)
    is_voorbeeldtekst = models.BooleanField(
        _("voorbeeldtekst"), default=False, help_text=_("Illustratieve demotekst, geen echt verhaal.")
    )
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    objects = EtalageartikelQuerySet.as_manager()

    class Meta:
        verbose_name = _("etalageartikel")
        verbose_name_plural = _("etalageartikelen")
        ordering = ["-maand", "titel"]
        indexes = [models.Index(fields=["gepubliceerd", "-maand"], name="etalage_publiek_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(vorm="video") | ~Q(video_url=""),
                name="etalage_video_heeft_url",
                violation_error_message=_("Een video heeft een link naar de video nodig."),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("kennisbank:etalage_detail", kwargs={"slug": self.slug})


class Zoekdocument(models.Model):
    """One entry of the portal search: a koploper, knowledge item, showcase article or page.

    The ``termen_*`` columns hold the output of ``kennisbank.zoeken.analyse`` (stems, compound parts,
    synonyms); the database indexes those (SQLite: an FTS5 table kept in step by triggers; PostgreSQL:
    a generated ``tsvector`` column with a GIN index), so both search alike. Written only by
    ``kennisbank.zoeken.index``.
    """

    class Soort(models.TextChoices):
        KOPLOPER = "koploper", _("Koplopers")
        KENNISITEM = "kennisitem", _("Kennisbank")
        ETALAGE = "etalage", _("Etalage")
        PAGINA = "pagina", _("Pagina's")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sleutel = models.CharField(_("sleutel"), max_length=100, unique=True)
    titel = models.CharField(_("titel"), max_length=250)
    url = models.CharField(_("adres"), max_length=300)
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    provincie = models.CharField(_("provincie"), max_length=100, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    termen_titel = models.TextField(blank=True)
    termen_tekst = models.TextField(blank=True)
    termen_extra = models.TextField(blank=True)
    woorden = models.TextField(blank=True)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        indexes = [models.Index(fields=["soort", "provincie"], name="zoekdocument_soort_idx")]

    def __str__(self):
        return self.titel

    def soort_label(self) -> str:
        """The kind of one result, in the singular ("Koploper", not "Koplopers")."""
        return str(ENKELVOUD.get(self.soort, self.soort))


ENKELVOUD = {
    Zoekdocument.Soort.KOPLOPER: _("Koploper"),
    Zoekdocument.Soort.KENNISITEM: _("Kennisproduct"),
    Zoekdocument.Soort.ETALAGE: _("Etalage-artikel"),
    Zoekdocument.Soort.PAGINA: _("Pagina"),
}


# The self-test's model lives in its own subpackage; importing it here registers it with the app.
from .zelftest.models import BewaardeZelftest  # noqa: E402, F401
