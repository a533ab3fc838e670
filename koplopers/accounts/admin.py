from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class PortaalUserAdmin(UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_programmastaf", "beoordelaar_organisatie"]
    list_filter = ["is_programmastaf", "is_belangenbehartiger", "beoordelaar_organisatie", "is_active"]
    filter_horizontal = ["gemeenten", "koplopers", "groups", "user_permissions"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (
            _("Rollen in het portaal"),
            {
                "fields": [
                    "gemeenten",
                    "koplopers",
                    "is_belangenbehartiger",
                    "organisatie",
                    "organisatie_type",
                    "beoordelaar_organisatie",
                    "is_programmastaf",
                ]
            },
        ),
    ]
