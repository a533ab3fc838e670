from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contactpersoon, Doelgroep, Gemeente, Koploper, KoploperConcept, Link, Provincie, Thema


@admin.register(Provincie)
class ProvincieAdmin(admin.ModelAdmin):
    list_display = ["naam", "code"]
    exclude = ["geometrie"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "weergavenaam", "code", "provincie"]
    list_filter = ["provincie"]
    search_fields = ["naam", "weergavenaam", "code"]
    exclude = ["geometrie"]


@admin.register(Doelgroep, Thema)
class VocabulaireAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 0


class LinkInline(admin.TabularInline):
    model = Link
    extra = 0


@admin.register(Koploper)
class KoploperAdmin(SimpleHistoryAdmin):
    """Changes made here are published at once (no draft) and recorded as a version.

    The rounds of a koploper are selection data: ``selectie.admin`` adds them here as an inline.
    """

    list_display = ["naam", "soort", "provincie", "gepubliceerd", "uitgelicht", "versie", "bijgewerkt"]
    readonly_fields = ["versie"]
    list_filter = ["soort", "gepubliceerd", "uitgelicht", "provincie"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    autocomplete_fields = ["gemeente"]
    filter_horizontal = ["leden", "doelgroepen", "themas"]
    inlines = [ContactpersoonInline, LinkInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.versie += 1
        super().save_model(request, obj, form, change)


@admin.register(KoploperConcept)
class KoploperConceptAdmin(admin.ModelAdmin):
    """Drafts that are not yet published (read-only here; officials edit them on the portal)."""

    list_display = ["koploper", "versie", "bijgewerkt_door", "bijgewerkt"]
    readonly_fields = ["koploper", "gegevens", "versie", "bijgewerkt_door", "bijgewerkt"]

    def has_add_permission(self, request):
        return False
