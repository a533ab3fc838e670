"""Profile answers were stored as HTML; from now on they are stored as typed (koplopers.opmaak).

Converts the three answers of every profile, every historical version and every draft. Text without
tags is left as it is, so running the conversion twice changes nothing. Going back renders the source
as HTML again.
"""

from django.db import migrations

from koplopers.opmaak import HTML_TAG, html_naar_tekst, tekst_naar_html

VELDEN = ["organisatie", "ambities", "acties"]


def _omzetten(apps, omzetting):
    for naam in ("Koploper", "HistoricalKoploper"):
        model = apps.get_model("gemeenten", naam)
        for rij in model.objects.only("pk", *VELDEN).iterator():
            nieuw = {veld: omzetting(getattr(rij, veld) or "") for veld in VELDEN}
            if any(nieuw[veld] != getattr(rij, veld) for veld in VELDEN):
                model.objects.filter(pk=rij.pk).update(**nieuw)
    concept_model = apps.get_model("gemeenten", "KoploperConcept")
    for concept in concept_model.objects.only("pk", "gegevens").iterator():
        gegevens = dict(concept.gegevens or {})
        for veld in VELDEN:
            if veld in gegevens:
                gegevens[veld] = omzetting(gegevens[veld] or "")
        if gegevens != concept.gegevens:
            concept_model.objects.filter(pk=concept.pk).update(gegevens=gegevens)


def naar_bron(apps, schema_editor):
    _omzetten(apps, html_naar_tekst)


def naar_html(apps, schema_editor):
    _omzetten(apps, lambda tekst: tekst if HTML_TAG.search(tekst) else tekst_naar_html(tekst))


class Migration(migrations.Migration):
    dependencies = [("gemeenten", "0003_rondes_naar_selectie")]

    operations = [migrations.RunPython(naar_bron, naar_html)]
