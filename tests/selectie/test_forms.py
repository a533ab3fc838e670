import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from selectie.forms import RondeForm, VoordrachtForm
from selectie.models import Bijlage
from selectie.validators import weergavenaam
from tests.factories.gemeenten import GemeenteFactory
from tests.factories.selectie import VoordrachtFactory
from tests.selectie.conftest import pdf_bestand, pdf_inhoud

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def formulier(voordracht, bestanden=None, **gegevens):
    data = {"token": str(voordracht.token), **gegevens}
    return VoordrachtForm(data, bestanden or {}, voordracht=voordracht)


def test_empty_draft_form_is_valid(db):
    voordracht = VoordrachtFactory(gemeenten=[], motivaties=False)

    form = formulier(voordracht)

    assert form.is_valid(), form.errors
    assert form.service_gegevens()["gemeenten"] == []


def test_form_refuses_a_bad_email_and_phone(db):
    voordracht = VoordrachtFactory()

    form = formulier(voordracht, contact_email="geen-adres", contact_telefoon="<script>")

    assert not form.is_valid()
    assert set(form.errors) == {"contact_email", "contact_telefoon"}


def test_form_refuses_a_foreign_token(db):
    voordracht = VoordrachtFactory()

    form = VoordrachtForm({"token": str(VoordrachtFactory().token)}, voordracht=voordracht)

    assert not form.is_valid()
    assert "token" in form.errors


def test_form_co_nominator_needs_name_and_type(db):
    voordracht = VoordrachtFactory()

    form = formulier(voordracht, mede_1_organisatie="Adviesraad", mede_2_type="gemeente")

    assert not form.is_valid()
    assert set(form.errors) == {"mede_1_type", "mede_2_organisatie"}


def test_form_has_a_motivation_field_per_criterion(db):
    voordracht = VoordrachtFactory()

    form = VoordrachtForm(voordracht=voordracht)

    labels = [veld.label for veld in form.motivatievelden()]
    assert labels == [c.naam for c in voordracht.ronde.criteria.order_by("volgorde")]


def test_form_initial_values_come_from_the_draft(db):
    gemeente = GemeenteFactory()
    voordracht = VoordrachtFactory(gemeenten=[gemeente])

    form = VoordrachtForm(voordracht=voordracht)

    assert form.initial["gemeenten"] == [gemeente.pk]
    assert form.initial["organisatie"] == voordracht.organisatie


def test_form_accepts_a_real_pdf(db):
    voordracht = VoordrachtFactory()

    form = formulier(voordracht, {"bijlagen": [pdf_bestand()]})

    assert form.is_valid(), form.errors
    assert len(form.geldige_bijlagen) == 1


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("rapport.pdf", EXE),
        ("notitie.pdf", b"Dit is gewone tekst, geen PDF.\n"),
        ("half.pdf", b"%PDF-1.7\n1 0 obj\n"),  # header, but no end marker
        ("kapot.pdf", b"%PDF-1.7\nrommel rommel\n%%EOF\n"),  # markers, but no document inside
    ],
)
def test_form_refuses_what_is_not_a_pdf(db, naam, inhoud):
    voordracht = VoordrachtFactory()

    form = formulier(voordracht, {"bijlagen": [SimpleUploadedFile(naam, inhoud, "application/pdf")]})

    assert not form.is_valid()
    assert naam in form.errors["bijlagen"][0]
    assert form.geldige_bijlagen == []


def test_form_keeps_the_valid_pdf_when_another_file_fails(db):
    voordracht = VoordrachtFactory()
    bestanden = [pdf_bestand("goed.pdf"), SimpleUploadedFile("slecht.pdf", EXE, "application/pdf")]

    form = formulier(voordracht, {"bijlagen": bestanden})

    assert not form.is_valid()
    assert [bestand.name for bestand in form.geldige_bijlagen] == ["goed.pdf"]


def test_form_refuses_a_file_over_10_mb(db):
    voordracht = VoordrachtFactory()
    groot = SimpleUploadedFile("groot.pdf", b"", "application/pdf")
    groot.file = io.BytesIO(pdf_inhoud())
    groot.size = Bijlage.MAX_GROOTTE + 1  # the size check comes first: no need for 10 MB of memory

    form = formulier(voordracht, {"bijlagen": [groot]})

    assert not form.is_valid()
    assert "te groot" in form.errors["bijlagen"][0]


def test_form_refuses_more_than_five_attachments_in_total(db):
    voordracht = VoordrachtFactory()
    for nummer in range(4):
        Bijlage.objects.create(voordracht=voordracht, bestand=f"x{nummer}.pdf", oorspronkelijke_naam="x.pdf", grootte=1)

    form = formulier(voordracht, {"bijlagen": [pdf_bestand("vijf.pdf"), pdf_bestand("zes.pdf")]})

    assert not form.is_valid()
    assert [bestand.name for bestand in form.geldige_bijlagen] == ["vijf.pdf"]
    assert "zes.pdf" in form.errors["bijlagen"][0]


def test_weergavenaam_drops_path_and_control_characters():
    assert weergavenaam("C:\\Users\\x\\..\\plan\x00.pdf") == "plan.pdf"
    assert weergavenaam("") == "bijlage.pdf"


def test_ronde_form_refuses_closing_before_opening(db):
    form = RondeForm(
        {
            "naam": "Ronde",
            "jaar": 2027,
            "opent_op": "2027-03-01T09:00",
            "sluit_op": "2027-02-01T12:00",
            "streefaantal_min": 12,
            "streefaantal_max": 15,
        }
    )

    assert not form.is_valid()
    assert "sluit_op" in form.errors


def test_ronde_form_reads_times_in_amsterdam(db):
    form = RondeForm(
        {"naam": "Ronde", "jaar": 2027, "sluit_op": "2027-07-01T12:00", "streefaantal_min": 12, "streefaantal_max": 15}
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["sluit_op"].isoformat() == "2027-07-01T12:00:00+02:00"
