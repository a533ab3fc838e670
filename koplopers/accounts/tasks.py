"""Background tasks for accounts."""

from django.tasks import task

from .forms import WachtwoordHerstelMailForm


@task
def wachtwoord_herstel_taak(
    *, email: str, aanvrager: str, domein: str, protocol: str, onderwerp_template: str, tekst_template: str
) -> None:
    """Look the address up and, for an active account, queue the reset mail (within the limits)."""
    form = WachtwoordHerstelMailForm({"email": email}, aanvrager=aanvrager)
    if form.is_valid():
        form.save(
            domain_override=domein,
            use_https=protocol == "https",
            subject_template_name=onderwerp_template,
            email_template_name=tekst_template,
        )
