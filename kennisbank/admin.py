"""Programme staff keep the knowledge base and the showcase here; every save goes through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Etalageartikel, Kennisitem, Uitgever
from .services import (
    etalageartikel_opslaan,
    factsheet_vergeten,
    filterkeuzes_vergeten,
    kennisitem_opslaan,
    uitgever_opslaan,
)


@admin.register(Uitgever)
class UitgeverAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}

    def save_model(self, request, obj, form, change):
        uitgever_opslaan(uitgever=obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        filterkeuzes_vergeten()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        filterkeuzes_vergeten()


@admin.register(Kennisitem)
class KennisitemAdmin(admin.ModelAdmin):
    list_display = ["titel", "soort", "uitgever", "jaar", "gepubliceerd", "bijgewerkt"]
    list_filter = ["soort", "gepubliceerd", "uitgever", "jaar"]
    search_fields = ["titel", "samenvatting"]
    prepopulated_fields = {"slug": ["titel"]}
    filter_horizontal = ["doelgroepen", "themas", "koplopers"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "soort", "samenvatting", "inhoud"]}),
        (_("Bestand of link"), {"fields": ["bestand", "url"]}),
        (_("Herkomst"), {"fields": ["uitgever", "jaar"]}),
        (_("Onderwerpen"), {"fields": ["doelgroepen", "themas", "koplopers"]}),
        (_("Publicatie"), {"fields": ["gepubliceerd"]}),
    ]

    def save_model(self, request, obj, form, change):
        kennisitem_opslaan(item=obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        factsheet_vergeten()
        filterkeuzes_vergeten()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        factsheet_vergeten()
        filterkeuzes_vergeten()


@admin.register(Etalageartikel)
class EtalageartikelAdmin(admin.ModelAdmin):
    list_display = ["titel", "koploper", "vorm", "maand", "gepubliceerd", "is_voorbeeldtekst"]
    list_filter = ["vorm", "gepubliceerd", "is_voorbeeldtekst"]
    search_fields = ["titel", "koploper__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["koploper"]
    date_hierarchy = "maand"

    def save_model(self, request, obj, form, change):
        etalageartikel_opslaan(artikel=obj)
