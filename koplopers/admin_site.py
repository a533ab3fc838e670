"""The admin site (/beheer/): only for accounts that passed two-factor authentication.

``PortaalAdminConfig.default_site`` makes this the ``admin.site`` that every app registers with in
its ``ready()``, so there is one admin and it is the OTP one.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite


class PortaalAdminSite(OTPAdminSite):
    site_header = _("Koploperportaal – beheer")
    site_title = _("Koploperportaal beheer")
    index_title = _("Beheer van het Koploperportaal")

    def __init__(self, name="admin"):
        super().__init__(name)

    def login(self, request, extra_context=None):
        """One way in: the portal's login page (throttled, then two-factor), never a password-only form.

        Logged-in accounts that still lack the admin right get a 403 rather than a login loop; an
        unverified admin account never gets here (the two-factor middleware sends it to the code first).
        """
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect(reverse("admin:index", current_app=self.name))
            raise PermissionDenied
        volgende = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(volgende, login_url=settings.LOGIN_URL)
