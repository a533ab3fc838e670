"""The permission matrix: who may open or change what.

Every app describes its URLs in ``tests/<app>/permissies.py``::

    from tests.permissies import Verwachting

    VERWACHTINGEN = [
        Verwachting(
            "gemeenten:bewerken",
            kwargs=lambda wereld: {"slug": wereld.koploper_a.slug},
            get={"anoniem": 302, "ambtenaar_a": 200, "ambtenaar_b": 403, "belangenbehartiger": 403,
                 "beoordelaar": 403, "staf": 200},
            post={...},                       # expected status of a POST per role (writes only)
            post_data=lambda wereld: {...},   # optional
        ),
    ]

``tests/test_permissiematrix.py`` collects them all, checks that every named URL of the portal has
expectations, and runs each expectation for each role. A POST that is denied (anonymous, or 4xx) must
leave the database exactly as it was.

The roles (``ROLLEN``):

- ``anoniem``: not logged in;
- ``ambtenaar_a``: official of koploper A (linked through ``user.koplopers``);
- ``ambtenaar_b``: official of koploper B (linked through ``user.gemeenten``, B's municipality);
- ``belangenbehartiger``: a local advocate;
- ``beoordelaar``: a reviewer (VNG), with a confirmed TOTP device, OTP-verified;
- ``staf``: programme staff, with a confirmed TOTP device, OTP-verified.

Three admin roles (``BEHEERROLLEN``) are added to every expectation by ``Verwachting`` itself, so an
app names only the six roles above:

- ``superuser_zonder_2fa``: a superuser (``createsuperuser``) that has not set up a second factor;
- ``is_staff_zonder_2fa``: an ``is_staff`` account that has not set up a second factor;
  both expect ``302`` (to the two-factor setup) everywhere unless an expectation names them;
- ``superuser``: a superuser with a confirmed TOTP device, OTP-verified; expects what ``staf``
  expects, except where ``SUPERUSER_AFWIJKINGEN`` says otherwise (Django gives a superuser every
  permission, also those of roles staff do not have).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLLEN = ["anoniem", "ambtenaar_a", "ambtenaar_b", "belangenbehartiger", "beoordelaar", "staf"]

# Admin accounts, filled in by ``Verwachting`` (see above).
ZONDER_2FA = ["superuser_zonder_2fa", "is_staff_zonder_2fa"]
BEHEERROLLEN = [*ZONDER_2FA, "superuser"]
ALLE_ROLLEN = [*ROLLEN, *BEHEERROLLEN]

# Roles that must pass two-factor authentication; the matrix marks their sessions verified.
ROLLEN_MET_TOTP = {"beoordelaar", "staf", "superuser"}

# (url_name, "get" or "post") → status, where a verified superuser gets something else than staff.
# Django's superuser passes every ``has_perm``, also the reviewer's and the advocate's (once verified).
SUPERUSER_AFWIJKINGEN: dict[tuple[str, str], int] = {
    ("accounts:mijn_gemeente", "get"): 200,  # an (empty) list of profiles; staff have no profiles → 403
    ("beoordeling:verklaring", "get"): 200,
    ("beoordeling:verklaring", "post"): 302,
    ("beoordeling:kandidaat", "get"): 302,  # to the declaration first
    ("beoordeling:kandidaat", "post"): 302,
    ("beoordeling:conflict_melden", "get"): 200,
    ("beoordeling:conflict_melden", "post"): 200,  # "Deze persoon is geen beoordelaar." (was a 500)
    ("selectie:voordracht_starten", "post"): 302,
    # The round's procedure is programme staff's (selectie.levenscyclus checks the role itself, not has_perm):
    # a superuser without that role is refused on the form (200) or the step (403).
    ("selectie:ronde_bewerken", "post"): 200,
    ("selectie:ronde_status", "post"): 403,
}

# The demo/test TOTP secret (hex, 20 bytes) of the verified roles in the matrix.
TOTP_SLEUTEL = "3132333435363738393031323334353637383930"


def _geen_kwargs(wereld: Wereld) -> dict:
    return {}


@dataclass
class Verwachting:
    """What each role gets when it opens (GET) or posts to (POST) one named URL."""

    url_name: str
    kwargs: Callable[[Wereld], dict] = _geen_kwargs
    get: dict[str, int] | None = None
    post: dict[str, int] | None = None
    post_data: Callable[[Wereld], dict] = _geen_kwargs

    def __post_init__(self):
        for soort in ("get", "post"):
            statussen = getattr(self, soort)
            if statussen is None:
                continue
            aangevuld = dict.fromkeys(ZONDER_2FA, 302) | dict(statussen)
            if "staf" in statussen and "superuser" not in statussen:
                aangevuld["superuser"] = SUPERUSER_AFWIJKINGEN.get((self.url_name, soort), statussen["staf"])
            setattr(self, soort, aangevuld)

    def __str__(self):
        return self.url_name


@dataclass
class Wereld:
    """Two koplopers and one user per role. Build it inside a test (it needs the database)."""

    koploper_a: object = None
    koploper_b: object = None
    gebruikers: dict = field(default_factory=dict)

    @classmethod
    def bouwen(cls) -> Wereld:
        from tests.factories.accounts import (
            AmbtenaarFactory,
            BelangenbehartigerFactory,
            BeoordelaarFactory,
            StafFactory,
            UserFactory,
        )
        from tests.factories.gemeenten import GemeenteFactory, KoploperFactory

        koploper_a = KoploperFactory(gemeente=GemeenteFactory(naam="Gemeente Alfa", code="GM9801"))
        koploper_b = KoploperFactory(gemeente=GemeenteFactory(naam="Gemeente Beta", code="GM9802"))
        gebruikers = {
            "anoniem": None,
            "ambtenaar_a": AmbtenaarFactory(username="ambtenaar_a", koplopers=[koploper_a]),
            "ambtenaar_b": AmbtenaarFactory(username="ambtenaar_b", gemeenten=[koploper_b.gemeente]),
            "belangenbehartiger": BelangenbehartigerFactory(username="belangenbehartiger"),
            "beoordelaar": BeoordelaarFactory(username="beoordelaar"),
            "staf": StafFactory(username="staf"),
            "superuser_zonder_2fa": UserFactory(username="superuser_zonder_2fa", is_superuser=True, is_staff=True),
            "is_staff_zonder_2fa": UserFactory(username="is_staff_zonder_2fa", is_staff=True),
            "superuser": UserFactory(username="superuser", is_superuser=True, is_staff=True),
        }
        for rol in ROLLEN_MET_TOTP:
            totp_apparaat_maken(gebruikers[rol])
        return cls(koploper_a=koploper_a, koploper_b=koploper_b, gebruikers=gebruikers)

    def client_voor(self, rol: str, client=None):
        """A test client logged in as ``rol`` (OTP-verified where the role requires it)."""
        from django.test import Client

        client = client or Client()
        gebruiker = self.gebruikers[rol]
        if gebruiker is not None:
            inloggen(client, gebruiker)
        return client


def totp_apparaat_maken(gebruiker, sleutel: str = TOTP_SLEUTEL):
    """Give ``gebruiker`` a confirmed TOTP device with a known secret."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apparaat, _ = TOTPDevice.objects.get_or_create(
        user=gebruiker, name="authenticator", defaults={"key": sleutel, "confirmed": True}
    )
    return apparaat


def inloggen(client, gebruiker) -> None:
    """Log ``gebruiker`` in; if they have a confirmed TOTP device, mark the session OTP-verified."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(gebruiker)
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
    if apparaat is not None:
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()


# Object-level rules ---------------------------------------------------------------------------------
#
# Who may read a nomination depends on the object, not only on the role: a reviewer reads a nomination
# only when it is submitted and its candidate is assigned to them, in that round, without a conflict
# of interest. Every URL that shows nomination content (its page, motivations, contacts, attachments)
# describes, for each situation below, what each role gets (``OBJECTVERWACHTINGEN`` in
# ``tests/<app>/permissies.py``). In every situation the nomination under test belongs to the world's
# advocate (``belangenbehartiger``) and the reviewer is the world's ``beoordelaar``.
#
# A denied object is "not found" (404) for anyone signed in, as for an object that does not exist:
# ids are sequential, and a 403 would tell that it is there.

SITUATIES = {
    "toegewezen": "submitted; its candidate is assigned to the reviewer",
    "niet_toegewezen": "submitted; the reviewer is assigned to another candidate of the round",
    "conflict_beoordelaar": "assigned, with a conflict declared by the reviewer",
    "conflict_staf": "assigned, with a conflict recorded by programme staff",
    "conflict_automatisch": "assigned, with an automatic conflict (the reviewer's organisation co-nominates)",
    "andere_ronde": "submitted; the reviewer is assigned to the same municipality in another round",
    "concept": "a draft, linked to a candidate that is assigned to the reviewer (which has a submitted one)",
    "ingetrokken": "withdrawn; its candidate is assigned to the reviewer",
}


@dataclass(frozen=True)
class Uitkomst:
    """The expected status, and whether the nomination's own content is in the response."""

    status: int
    zichtbaar: bool = False


ZIET = Uitkomst(200, zichtbaar=True)
LEEG = Uitkomst(200)  # the page opens, without this nomination's content
NIET_GEVONDEN = Uitkomst(404)
GEWEIGERD = Uitkomst(403)
INLOGGEN = Uitkomst(302)


@dataclass
class Situatie:
    """The objects of one situation: the nomination under test, its attachment and candidate page."""

    naam: str
    voordracht: object
    bijlage: object
    kandidaat: object
    kenmerk: str  # its motivation text: in no other nomination of the world
    contact_email: str
    bijlage_inhoud: bytes  # the attachment's bytes: a PDF with the kenmerk in its metadata

    @property
    def bijlage_url(self) -> str:
        from django.urls import reverse

        return reverse("selectie:bijlage", kwargs={"pk": self.bijlage.pk})

    @property
    def geheimen(self) -> list[bytes]:
        """Everything of this nomination that a denied response must not hold (not even a link)."""
        return [self.kenmerk.encode(), self.contact_email.encode(), self.bijlage_inhoud, self.bijlage_url.encode()]


@dataclass
class Objectverwachting:
    """What each role gets from one URL that shows nomination content, per situation.

    ``get`` maps each situation of ``SITUATIES`` to an ``Uitkomst`` per role of ``ROLLEN``.
    """

    url_name: str
    kwargs: Callable[[Situatie], dict]
    get: dict[str, dict[str, Uitkomst]]
    # What the response holds when the nomination is ``zichtbaar`` (all of it must be there).
    inhoud: Callable[[Situatie], list[bytes]] = lambda situatie: [situatie.kenmerk.encode()]

    def __str__(self):
        return self.url_name


def pdf_met_kenmerk(kenmerk: str) -> bytes:
    """A one-page PDF whose bytes are unique to ``kenmerk`` (its title)."""
    import io

    from pypdf import PdfWriter

    schrijver = PdfWriter()
    schrijver.add_blank_page(width=200, height=200)
    schrijver.add_metadata({"/Title": kenmerk})
    buffer = io.BytesIO()
    schrijver.write(buffer)
    return buffer.getvalue()


def situatie_bouwen(wereld: Wereld, naam: str) -> Situatie:
    """Build situation ``naam`` (see ``SITUATIES``) in ``wereld``, through the services where they exist."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from selectie import services as selectie_services
    from selectie.beoordeling import services
    from selectie.beoordeling.models import Belangenconflict
    from selectie.models import MedeIndiener, Motivatie, Voordracht
    from tests.factories.beoordeling import kandidaat_maken
    from tests.factories.selectie import OpenRondeFactory, VoordrachtFactory

    beoordelaar = wereld.gebruikers["beoordelaar"]
    gemeente = wereld.koploper_a.gemeente
    ronde = OpenRondeFactory(slug="objectronde", naam="Objectronde")
    kenmerk = f"Geheime motivatie 7Q{naam.upper()}X"
    contact_email = f"contact-{naam.replace('_', '-')}@geheim.example"

    voordracht = VoordrachtFactory(
        ronde=ronde,
        indiener=wereld.gebruikers["belangenbehartiger"],
        gemeenten=[gemeente],
        contact_email=contact_email,
        motivaties=False,
    )
    for criterium in ronde.criteria.all():
        Motivatie.objects.create(voordracht=voordracht, criterium=criterium, tekst=kenmerk)
    bestand = SimpleUploadedFile("plan.pdf", pdf_met_kenmerk(kenmerk), "application/pdf")
    bijlage = selectie_services.bijlage_toevoegen(voordracht=voordracht, bestand=bestand)

    if naam == "concept":
        # Another advocate's submitted nomination makes the candidate; the draft is linked to it anyway
        # (the worst case: only its status keeps it from the reviewer).
        kandidaat = kandidaat_maken(ronde=ronde, gemeenten=[gemeente])
        Voordracht.objects.filter(pk=voordracht.pk).update(kandidaat=kandidaat)
    else:
        kandidaat = selectie_services.voordracht_indienen(voordracht=voordracht, token=voordracht.token).kandidaat

    if naam == "niet_toegewezen":
        services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat_maken(ronde=ronde), door=None)
    elif naam == "andere_ronde":
        oude_ronde = OpenRondeFactory(slug="oude-ronde", naam="Oude ronde", jaar=2019)
        oud = kandidaat_maken(ronde=oude_ronde, gemeenten=[gemeente])
        services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=oud, door=None)
        services.verklaring_bevestigen(beoordelaar=beoordelaar, ronde=oude_ronde)
    else:
        services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=None)
    services.verklaring_bevestigen(beoordelaar=beoordelaar, ronde=ronde)

    if naam in ("conflict_beoordelaar", "conflict_staf"):
        bron = naam.removeprefix("conflict_")
        services.conflict_melden(
            beoordelaar=beoordelaar,
            kandidaat=kandidaat,
            soort=Belangenconflict.Soort.PERSOONLIJK,
            toelichting="Familie",
            bron=bron,
            door=wereld.gebruikers["staf" if bron == "staf" else "beoordelaar"],
        )
    elif naam == "conflict_automatisch":
        MedeIndiener.objects.create(
            voordracht=voordracht,
            organisatie="Vereniging van Nederlandse Gemeenten",
            organisatie_type=Voordracht.OrganisatieType.OVERIG,
        )
        services.conflicten_vaststellen(ronde=ronde)
    elif naam == "ingetrokken":
        Voordracht.objects.filter(pk=voordracht.pk).update(status=Voordracht.Status.INGETROKKEN)

    if naam.startswith("conflict_"):
        assert Belangenconflict.objects.get(beoordelaar=beoordelaar, kandidaat=kandidaat).bron == naam[9:]
    voordracht.refresh_from_db()
    bijlage.bestand.open("rb")
    with bijlage.bestand:
        inhoud = bijlage.bestand.read()
    return Situatie(
        naam=naam,
        voordracht=voordracht,
        bijlage=bijlage,
        kandidaat=kandidaat,
        kenmerk=kenmerk,
        contact_email=contact_email,
        bijlage_inhoud=inhoud,
    )
