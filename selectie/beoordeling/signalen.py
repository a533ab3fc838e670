"""Reviewing listens to selectie: a nomination submitted after reviewers were assigned may bring a
conflict of interest (the reviewer's own organisation nominates too). It is recorded at once, in the
submit's transaction, so the reviewer cannot read the new nomination (``voordracht_bekijken``)."""

from django.dispatch import receiver

from koplopers.accounts.models import User
from selectie.signals import voordracht_ingediend

from .services import conflicten_vaststellen


@receiver(voordracht_ingediend, dispatch_uid="beoordeling_conflicten_bij_indienen")
def _conflicten_bij_indienen(sender, voordracht, **kwargs):
    toegewezen = User.objects.filter(toewijzingen__kandidaat_id=voordracht.kandidaat_id).distinct()
    if toegewezen.exists():
        conflicten_vaststellen(ronde=voordracht.ronde, beoordelaars=toegewezen)
