from django.contrib import admin

from .models import Contactpersoon, Doelgroep, Gemeente, Koploper, Link, Provincie, Thema


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
class KoploperAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "provincie", "gepubliceerd", "uitgelicht", "bijgewerkt"]
    list_filter = ["soort", "gepubliceerd", "uitgelicht", "provincie", "rondes"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    autocomplete_fields = ["gemeente"]
    filter_horizontal = ["leden", "rondes", "doelgroepen", "themas"]
    inlines = [ContactpersoonInline, LinkInline]
