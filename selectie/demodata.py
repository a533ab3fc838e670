"""The demo round: an open round to show the nomination pages. Labelled as demo everywhere."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Ronde
from .services import ronde_criteria_standaard

DEMO_SLUG = "koplopers-demoronde"


@transaction.atomic
def demo_ronde_laden(*, nu=None) -> Ronde:
    """Create or refresh the open demo round "Koplopers – demoronde" (deadline four weeks ahead). Idempotent."""
    nu = nu or timezone.now()
    sluit_op = timezone.localtime(nu + timedelta(weeks=4)).replace(hour=12, minute=0, second=0, microsecond=0)
    ronde, _nieuw = Ronde.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "naam": _("Koplopers – demoronde"),
            "jaar": timezone.localdate(nu).year,
            "status": Ronde.Status.OPEN,
            "opent_op": nu - timedelta(days=1),
            "sluit_op": sluit_op,
            "is_demo": True,
            "streefaantal_min": 12,
            "streefaantal_max": 15,
            "toelichting": _("Demoronde: laat zien hoe voordragen werkt. Geen echte oproep."),
            "oproeptekst": _(
                "DEMO – dit is geen echte oproep.\n\n"
                "Is uw gemeente een voorloper in onafhankelijke cliëntondersteuning? Draag haar dan voor als "
                "koploper. Iedereen mag voordragen: gemeenten, cliëntorganisaties en adviesraden sociaal domein. "
                "Een gezamenlijke voordracht van gemeente en cliënt- of inwonersorganisatie heeft de voorkeur. "
                "Gemeenten die regionaal samenwerken, dragen zich samen voor.\n\n"
                "De VNG, Ieder(in) en de Koepel Adviesraden Sociaal Domein beoordelen de voordrachten op de vier "
                "criteria hieronder, en letten daarbij op spreiding over het land: minstens één koploper per provincie."
            ),
        },
    )
    ronde.full_clean()
    ronde_criteria_standaard(ronde=ronde)
    return ronde
