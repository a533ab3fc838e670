from django.contrib import admin

from .models import Verwijderverzoek


@admin.register(Verwijderverzoek)
class VerwijderverzoekAdmin(admin.ModelAdmin):
    """Read-only: requests are handled on the staff page, so that every step goes through the services."""

    list_display = ["pk", "accountnummer", "status", "aangevraagd_op", "behandeld_door", "behandeld_op"]
    list_filter = ["status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
