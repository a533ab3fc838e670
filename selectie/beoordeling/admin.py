from django.contrib import admin

from .models import AuditRegel, Belangenconflict, Beoordeling, Besluit, RondeBeoordeling, Toewijzing, Uitgaand


@admin.register(RondeBeoordeling)
class RondeBeoordelingAdmin(admin.ModelAdmin):
    list_display = ["ronde", "fase", "spreidingsdrempel", "themas_minimaal"]


@admin.register(Toewijzing)
class ToewijzingAdmin(admin.ModelAdmin):
    list_display = ["kandidaat", "beoordelaar", "aangemaakt"]
    list_select_related = ["kandidaat", "beoordelaar"]
    raw_id_fields = ["kandidaat", "beoordelaar", "toegewezen_door"]


@admin.register(Belangenconflict)
class BelangenconflictAdmin(admin.ModelAdmin):
    list_display = ["kandidaat", "beoordelaar", "soort", "bron"]
    list_select_related = ["kandidaat", "beoordelaar"]
    raw_id_fields = ["kandidaat", "beoordelaar", "vastgelegd_door"]


@admin.register(Beoordeling)
class BeoordelingAdmin(admin.ModelAdmin):
    list_display = ["kandidaat", "beoordelaar", "status", "totaal"]
    list_select_related = ["kandidaat", "beoordelaar"]
    raw_id_fields = ["kandidaat", "beoordelaar"]


@admin.register(Besluit)
class BesluitAdmin(admin.ModelAdmin):
    list_display = ["kandidaat", "uitkomst", "vastzetting", "gepubliceerd_op"]
    raw_id_fields = ["kandidaat", "bijgewerkt_door"]


@admin.register(Uitgaand)
class UitgaandAdmin(admin.ModelAdmin):
    list_display = ["aan", "onderwerp", "status"]
    raw_id_fields = ["kandidaat", "voordracht"]


@admin.register(AuditRegel)
class AuditRegelAdmin(admin.ModelAdmin):
    list_display = ["tijdstip", "soort", "omschrijving", "gebruiker"]
    list_filter = ["soort"]
    raw_id_fields = ["ronde", "kandidaat", "gebruiker"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
