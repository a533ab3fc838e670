"""Reviewing listens to selectie: a nomination submitted after reviewers were assigned may bring a
conflict of interest (the reviewer's own organisation nominates too). It is recorded at once, in the
submit's transaction, so the reviewer cannot read the new nomination (``voordracht_bekijken``)."""

from django.dispatch import receiver
from django.utils.translation import gettext

from koplopers.accounts.models import User
from selectie.models import Ronde
from selectie.signals import stap_waarschuwingen, voordracht_ingediend

from .selectors import kandidaten_zonder_dekking
from .services import conflicten_vaststellen


@receiver(voordracht_ingediend, dispatch_uid="beoordeling_conflicten_bij_indienen")
def _conflicten_bij_indienen(sender, voordracht, **kwargs):
    toegewezen = User.objects.filter(toewijzingen__kandidaat_id=voordracht.kandidaat_id).distinct()
    if toegewezen.exists():
        conflicten_vaststellen(ronde=voordracht.ronde, beoordelaars=toegewezen)


def dekking_waarschuwingen(ronde: Ronde) -> list[str]:
    """One line per candidate without a usable review of each of the three organisations."""
    return [
        gettext("%(naam)s: geen bruikbare beoordeling van %(organisaties)s.")
        % {
            "naam": rij.kandidaat.naam,
            "organisaties": ", ".join(str(org.label) for org in rij.organisaties_zonder_score),
        }
        for rij in kandidaten_zonder_dekking(ronde)
    ]


@receiver(stap_waarschuwingen, dispatch_uid="beoordeling_dekking_bij_stap")
def _dekking_bij_stap(sender, ronde, naar, **kwargs):
    if naar in (Ronde.Status.SELECTIE, Ronde.Status.GEPUBLICEERD):
        return dekking_waarschuwingen(ronde)
    return []
