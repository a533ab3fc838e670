"""The admin of reviewing and selecting. Reviews and their totals are the reviewers' own and derived:
read-only; decisions change only while the round is in "selectie" (so never after publishing);
assignments and conflicts are made in the portal (it checks conflicts) and only removed here. Every
change made here leaves an audit line (``selectie.admin.BeheerAuditMixin``)."""

from django.contrib import admin

from selectie.admin import BeheerAuditMixin
from selectie.rules import in_selectie

from .models import Belangenconflict, Beoordeling, Besluit, RondeBeoordeling, Toewijzing, Uitgaand


class AlleenVerwijderenMixin:
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RondeBeoordeling)
class RondeBeoordelingAdmin(BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["ronde", "spreidingsdrempel", "themas_minimaal"]
    readonly_fields = ["ronde"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def audit_kandidaat(self, obj):
        return None


@admin.register(Toewijzing)
class ToewijzingAdmin(AlleenVerwijderenMixin, BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["kandidaat", "beoordelaar", "aangemaakt"]
    list_select_related = ["kandidaat", "beoordelaar"]

    def audit_ronde(self, obj):
        return obj.kandidaat.ronde


@admin.register(Belangenconflict)
class BelangenconflictAdmin(AlleenVerwijderenMixin, BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["kandidaat", "beoordelaar", "soort", "bron"]
    list_select_related = ["kandidaat", "beoordelaar"]

    def audit_ronde(self, obj):
        return obj.kandidaat.ronde


@admin.register(Beoordeling)
class BeoordelingAdmin(admin.ModelAdmin):
    """Reviews are the reviewers' own and their totals derived: to read only."""

    list_display = ["kandidaat", "beoordelaar", "status", "totaal"]
    list_select_related = ["kandidaat", "beoordelaar"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Besluit)
class BesluitAdmin(BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["kandidaat", "uitkomst", "vastzetting", "gepubliceerd_op"]
    list_select_related = ["kandidaat"]
    readonly_fields = ["kandidaat", "bijgewerkt_door", "gepubliceerd_op"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # As in the portal (``beoordeling.besluiten``): only while the round is in "selectie".
        return obj is None or in_selectie(request.user, obj.kandidaat)

    def has_delete_permission(self, request, obj=None):
        return False

    def audit_ronde(self, obj):
        return obj.kandidaat.ronde

    def save_model(self, request, obj, form, change):
        obj.bijgewerkt_door = request.user
        super().save_model(request, obj, form, change)


@admin.register(Uitgaand)
class UitgaandAdmin(admin.ModelAdmin):
    list_display = ["aan", "onderwerp", "status"]
    raw_id_fields = ["kandidaat", "voordracht"]
