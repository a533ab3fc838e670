from django.core.management.base import BaseCommand

from koplopers.post.services import berichten_nalopen


class Command(BaseCommand):
    help = (
        "Loopt de uitgaande e-mail na: berichten die te lang 'wordt verzonden' bleven worden 'controleren', "
        "berichten die klaarstaan gaan opnieuw in de takenrij. Draai elke paar minuten (cron of systemd-timer)."
    )

    def handle(self, *args, **options):
        uitkomst = berichten_nalopen()
        self.stdout.write(
            f"{uitkomst['opnieuw']} bericht(en) opnieuw in de rij, {uitkomst['vastgelopen']} te controleren."
        )
