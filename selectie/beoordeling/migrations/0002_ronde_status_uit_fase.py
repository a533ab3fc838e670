"""Move the review phase (``RondeBeoordeling.fase``) into the round's one status.

- a round "in_beoordeling" takes its review phase (onafhankelijk, kalibratie, selectie); without review
  settings it starts at "onafhankelijk";
- a round "besloten" becomes "selectie" (decided but not yet published);
- a round whose review phase or status is "gepubliceerd" becomes "gepubliceerd", with the publishing moment;
- concept, open and gesloten stay: a review phase recorded while nominations were still open was the
  bug this fixes (reviewers could score then), and it is dropped.
Audit lines of kind "fase" become kind "status".
"""

from django.db import migrations

REVIEWFASEN = {"onafhankelijk", "kalibratie", "selectie"}


def vooruit(apps, schema_editor):
    Ronde = apps.get_model("selectie", "Ronde")
    RondeBeoordeling = apps.get_model("beoordeling", "RondeBeoordeling")
    AuditRegel = apps.get_model("beoordeling", "AuditRegel")
    fasen = {rb.ronde_id: (rb.fase, rb.gepubliceerd_op) for rb in RondeBeoordeling.objects.all()}
    for ronde in Ronde.objects.all():
        fase, gepubliceerd_op = fasen.get(ronde.pk, (None, None))
        if ronde.status == "gepubliceerd" or fase == "gepubliceerd":
            status = "gepubliceerd"
        elif ronde.status == "in_beoordeling":
            status = fase if fase in REVIEWFASEN else "onafhankelijk"
        elif ronde.status == "besloten":
            status = "selectie"
        else:
            status = ronde.status
        Ronde.objects.filter(pk=ronde.pk).update(
            status=status, gepubliceerd_op=gepubliceerd_op if status == "gepubliceerd" else None
        )
    AuditRegel.objects.filter(soort="fase").update(soort="status")


def terug(apps, schema_editor):
    Ronde = apps.get_model("selectie", "Ronde")
    RondeBeoordeling = apps.get_model("beoordeling", "RondeBeoordeling")
    AuditRegel = apps.get_model("beoordeling", "AuditRegel")
    for ronde in Ronde.objects.all():
        if ronde.status in REVIEWFASEN or ronde.status == "gepubliceerd":
            RondeBeoordeling.objects.update_or_create(
                ronde=ronde, defaults={"fase": ronde.status, "gepubliceerd_op": ronde.gepubliceerd_op}
            )
        if ronde.status in REVIEWFASEN:
            Ronde.objects.filter(pk=ronde.pk).update(status="besloten" if ronde.status == "selectie" else "in_beoordeling")
    AuditRegel.objects.filter(soort="status").update(soort="fase")


class Migration(migrations.Migration):
    dependencies = [
        ("beoordeling", "0001_initial"),
        ("selectie", "0005_ronde_levenscyclus"),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
