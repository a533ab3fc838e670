"""The admin of rounds and nominations. It cannot bypass the procedure: the status and its moments, the
deadline of a round that is no longer a draft, and the audit trail are read-only here (the lifecycle is
:mod:`selectie.levenscyclus`); every other change of review-relevant data leaves an audit line."""

from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.admin import KoploperAdmin
from gemeenten.models import Koploper

from .audit import als_json, audit_vastleggen
from .models import AuditRegel, Bijlage, Criterium, Deelname, Kandidaat, MedeIndiener, Motivatie, Ronde, Voordracht
from .rules import in_concept
from .services import CRITERIA_VERGRENDELD, criteria_vergrendeld, ronde_criteria_standaard


class BeheerAuditMixin:
    """Every add, change and delete made in the admin leaves an audit line (kind "beheer") with the
    changed fields before and after, also for the rows of inlines."""

    def audit_ronde(self, obj) -> Ronde:
        return obj.ronde

    def audit_kandidaat(self, obj) -> Kandidaat | None:
        return getattr(obj, "kandidaat", None)

    def _vastleggen(self, request, obj, omschrijving, voor=None, na=None):
        audit_vastleggen(
            ronde=self.audit_ronde(obj),
            kandidaat=self.audit_kandidaat(obj),
            soort=AuditRegel.Soort.BEHEER,
            gebruiker=request.user,
            omschrijving=omschrijving % {"model": obj._meta.verbose_name, "object": obj},
            voor=voor,
            na=na,
        )

    def save_model(self, request, obj, form, change):
        velden = list(form.changed_data)
        voor = {veld: als_json(form.initial.get(veld)) for veld in velden} if change else None
        super().save_model(request, obj, form, change)
        if change and not velden:
            return
        na = {veld: als_json(form.cleaned_data.get(veld)) for veld in velden}
        omschrijving = (
            gettext("%(model)s ‘%(object)s’ gewijzigd in het beheer")
            if change
            else gettext("%(model)s ‘%(object)s’ toegevoegd in het beheer")
        )
        self._vastleggen(request, obj, omschrijving, voor=voor, na=na)

    def save_formset(self, request, form, formset, change):
        voor = {
            str(f.instance.pk): {veld: als_json(f.initial.get(veld)) for veld in f.changed_data}
            for f in formset.initial_forms
            if f.has_changed() and not formset._should_delete_form(f)
        }
        verwijderd = [
            str(f.instance.pk) for f in formset.initial_forms if formset.can_delete and formset._should_delete_form(f)
        ]
        super().save_formset(request, form, formset, change)
        na = {
            str(obj.pk): {veld: als_json(getattr(obj, veld, None)) for veld in velden}
            for obj, velden in formset.changed_objects
        }
        nieuw = [str(obj.pk) for obj in formset.new_objects]
        if na or nieuw or verwijderd:
            self._vastleggen(
                request,
                form.instance,
                gettext("%(model)s ‘%(object)s’: onderdelen gewijzigd in het beheer"),
                voor={"gewijzigd": voor, "verwijderd": verwijderd},
                na={"model": formset.model._meta.model_name, "gewijzigd": na, "toegevoegd": nieuw},
            )

    def delete_model(self, request, obj):
        self._vastleggen(
            request,
            obj,
            gettext("%(model)s ‘%(object)s’ verwijderd in het beheer"),
            voor={"pk": obj.pk, "weergave": str(obj)},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class CriteriumInline(admin.StackedInline):
    """Criteria change only while the round is a draft: after that, nominations and reviews rest on them."""

    model = Criterium
    extra = 0
    fields = ["volgorde", "naam", "toelichting", "gewicht", "schaal_labels"]

    def has_add_permission(self, request, obj=None):
        return obj is None or in_concept(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None or in_concept(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or in_concept(request.user, obj)


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
class RondeAdmin(BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["naam", "jaar", "status", "opent_op", "sluit_op", "gesloten_op", "is_demo"]
    list_filter = ["status", "is_demo"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [CriteriumInline, DeelnameInline]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "jaar", "status", "is_demo"]}),
        (_("Oproep"), {"fields": ["opent_op", "sluit_op", "gesloten_op", "oproeptekst", "toelichting"]}),
        (_("Streefaantal koplopers"), {"fields": ["streefaantal_min", "streefaantal_max"]}),
        (_("Publicatie"), {"fields": ["gepubliceerd_op"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Status and its moments only through the lifecycle; the deadline too, once the round exists
        # (changing it is audited on the round's page: selectie.levenscyclus.ronde_termijn_wijzigen).
        alleen_lezen = ["status", "gesloten_op", "gepubliceerd_op"]
        if obj is not None:
            alleen_lezen += ["opent_op", "sluit_op"]
        return alleen_lezen

    def has_delete_permission(self, request, obj=None):
        return obj is None or in_concept(request.user, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and criteria_vergrendeld(obj):
            messages.warning(request, CRITERIA_VERGRENDELD)
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def audit_ronde(self, obj):
        return obj

    def audit_kandidaat(self, obj):
        return None

    def delete_model(self, request, obj):
        # The audit lines go with the round (a draft): nothing to record them against.
        admin.ModelAdmin.delete_model(self, request, obj)

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
class VoordrachtAdmin(BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["__str__", "ronde", "status", "organisatie", "is_gezamenlijk", "indiener", "ingediend_op"]
    list_filter = ["ronde", "status", "is_gezamenlijk", "organisatie_type"]
    search_fields = ["organisatie", "contact_naam", "contact_email", "kandidaat__naam"]
    list_select_related = ["ronde", "kandidaat", "indiener"]
    raw_id_fields = ["indiener"]
    autocomplete_fields = ["gemeenten"]
    # Status, round and candidate follow from submitting (selectie.services.voordracht_indienen).
    readonly_fields = [
        "ronde",
        "status",
        "kandidaat",
        "token",
        "is_gezamenlijk",
        "toestemming_op",
        "ingediend_op",
        "aangemaakt",
        "bijgewerkt",
    ]
    filter_horizontal = ["doelgroepen", "themas"]
    inlines = [MedeIndienerInline, MotivatieInline, BijlageInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.status == Voordracht.Status.CONCEPT


@admin.register(Kandidaat)
class KandidaatAdmin(BeheerAuditMixin, admin.ModelAdmin):
    list_display = ["naam", "ronde", "sleutel"]
    list_filter = ["ronde"]
    search_fields = ["naam", "sleutel"]
    # A candidate follows from its nominations (services.kandidaat_voor); only its display name is edited here.
    readonly_fields = ["ronde", "gemeenten", "sleutel", "aangemaakt"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def audit_kandidaat(self, obj):
        return obj


@admin.register(AuditRegel)
class AuditRegelAdmin(admin.ModelAdmin):
    """The audit trail: to read, never to add, change or delete."""

    list_display = ["tijdstip", "ronde", "soort", "omschrijving", "gebruiker"]
    list_filter = ["soort", "ronde"]
    list_select_related = ["ronde", "gebruiker"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
