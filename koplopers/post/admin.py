from django.contrib import admin

from .models import Bericht


@admin.register(Bericht)
class BerichtAdmin(admin.ModelAdmin):
    """Read-only: messages change state only through the outbox services."""

    list_display = ["aangemaakt", "soort", "aan", "onderwerp", "status", "pogingen"]
    list_filter = ["status", "soort"]
    search_fields = ["aan", "onderwerp", "sleutel"]
    exclude = ["opbouw_gegevens"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
