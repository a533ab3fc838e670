"""Remember at login whether this session must pass two-factor authentication.

Programme staff and reviewers always must (their role flags are on the user); anyone else who
enabled TOTP must too. That last fact is looked up once at login and kept in the session, so the
middleware costs no query per request.
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import devices_for_user

SESSIE_TWEESTAPS = "tweestaps_ingesteld"


def heeft_tweestaps(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


@receiver(user_logged_in)
def _tweestaps_onthouden(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSIE_TWEESTAPS] = heeft_tweestaps(user)
