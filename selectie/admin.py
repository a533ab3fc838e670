from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from gemeenten.admin import KoploperAdmin
from gemeenten.models import Koploper

from .models import Bijlage, Criterium, Deelname, Kandidaat, MedeIndiener, Motivatie, Ronde, Voordracht
from .services import ronde_criteria_standaard


class CriteriumInline(admin.StackedInline):
    model = Criterium
    extra = 0
    fields = ["volgorde", "naam", "toelichting", "gewicht", "schaal_labels"]


class DeelnameInline(admin.TabularInline):
    """Which koplopers took part in a round (and from which source that is known)."""

    model = Deelname
    extra = 0
    fields = ["koploper", "bron", "aangemaakt"]
    readonly_fields = ["aangemaakt"]
    autocomplete_fields = ["koploper"]


class KoploperDeelnameInline(DeelnameInline):
    fields = ["ronde", "bron", "aangemaakt"]
    autocomplete_fields = []


# The koploper admin belongs to gemeenten; its rounds are selection data, so selectie adds them here
# (this app is loaded after gemeenten, which registered the admin in its ready()).
admin.site.unregister(Koploper)


@admin.register(Koploper)
class KoploperMetRondesAdmin(KoploperAdmin):
    list_filter = [*KoploperAdmin.list_filter, "rondes"]
    inlines = [*KoploperAdmin.inlines, KoploperDeelnameInline]


@admin.register(Ronde)
class RondeAdmin(admin.ModelAdmin):
    list_display = ["naam", "jaar", "status", "opent_op", "sluit_op", "is_demo"]
    list_filter = ["status", "is_demo"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [CriteriumInline, DeelnameInline]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "jaar", "status", "is_demo"]}),
        (_("Oproep"), {"fields": ["opent_op", "sluit_op", "oproeptekst", "toelichting"]}),
        (_("Streefaantal koplopers"), {"fields": ["streefaantal_min", "streefaantal_max"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            # A new round without criteria gets the four of the 2019 call.
            ronde_criteria_standaard(ronde=form.instance)


class MotivatieInline(admin.StackedInline):
    model = Motivatie
    extra = 0
    readonly_fields = ["criterium"]


class MedeIndienerInline(admin.TabularInline):
    model = MedeIndiener
    extra = 0


class BijlageInline(admin.TabularInline):
    model = Bijlage
    extra = 0
    fields = ["oorspronkelijke_naam", "grootte", "aangemaakt"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Voordracht)
class VoordrachtAdmin(admin.ModelAdmin):
    list_display = ["__str__", "ronde", "status", "organisatie", "is_gezamenlijk", "indiener", "ingediend_op"]
    list_filter = ["ronde", "status", "is_gezamenlijk", "organisatie_type"]
    search_fields = ["organisatie", "contact_naam", "contact_email", "kandidaat__naam"]
    list_select_related = ["ronde", "kandidaat", "indiener"]
    raw_id_fields = ["indiener", "kandidaat"]
    autocomplete_fields = ["gemeenten"]
    readonly_fields = ["token", "is_gezamenlijk", "toestemming_op", "ingediend_op", "aangemaakt", "bijgewerkt"]
    filter_horizontal = ["doelgroepen", "themas"]
    inlines = [MedeIndienerInline, MotivatieInline, BijlageInline]


@admin.register(Kandidaat)
class KandidaatAdmin(admin.ModelAdmin):
    list_display = ["naam", "ronde", "sleutel"]
    list_filter = ["ronde"]
    search_fields = ["naam", "sleutel"]
    # A candidate follows from its nominations (services.kandidaat_voor); only its display name is edited here.
    readonly_fields = ["ronde", "gemeenten", "sleutel", "aangemaakt"]

    def has_add_permission(self, request):
        return False
