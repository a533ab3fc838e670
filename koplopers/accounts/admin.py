from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# No admin for django-otp's devices: deleting one there would leave no trace. A lost phone is reset
# with the audited action below (or by programme staff at /account/tweestaps/herstellen/).
from .forms import TweestapsHerstellenForm
from .models import AccountBlokkade, MisluktePoging, TweestapsGebeurtenis, Uitnodiging, User
from .services import tweestaps_herstellen, uitnodiging_versturen


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
    actions = ["tweestaps_herstellen"]

    @admin.action(
        description=_("Tweestapsverificatie herstellen (met reden; wordt vastgelegd)"), permissions=["change"]
    )
    def tweestaps_herstellen(self, request, queryset):
        """First a confirmation page asking for the reason; then each account is reset through the service."""
        bevestigd = "bevestigd" in request.POST
        form = TweestapsHerstellenForm(request.POST if bevestigd else None)
        if bevestigd and form.is_valid():
            aantal = 0
            for gebruiker in queryset:
                try:
                    tweestaps_herstellen(gebruiker=gebruiker, door=request.user, reden=form.cleaned_data["reden"])
                except ValidationError as fout:
                    self.message_user(request, f"{gebruiker.username}: {fout.messages[0]}", messages.ERROR)
                else:
                    aantal += 1
            if aantal:
                self.message_user(
                    request,
                    ngettext(
                        "Tweestapsverificatie van %(aantal)d account hersteld.",
                        "Tweestapsverificatie van %(aantal)d accounts hersteld.",
                        aantal,
                    )
                    % {"aantal": aantal},
                    messages.SUCCESS,
                )
            return None
        return TemplateResponse(
            request,
            "admin/accounts/user/tweestaps_herstellen.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Tweestapsverificatie herstellen"),
                "gebruikers": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(TweestapsGebeurtenis)
class TweestapsGebeurtenisAdmin(admin.ModelAdmin):
    """The audit trail of backup codes and resets: read only, never deleted from here."""

    list_display = ["tijdstip", "soort", "gebruikersnaam", "uitgevoerd_door_naam", "reden"]
    list_filter = ["soort"]
    search_fields = ["gebruikersnaam", "uitgevoerd_door_naam", "reden"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Uitnodiging)
class UitnodigingAdmin(admin.ModelAdmin):
    """Invite an official from the admin too: adding one sends the mail (through the service)."""

    list_display = ["email", "aangemaakt", "verloopt_op", "aanvaard_op", "uitgenodigd_door"]
    list_filter = ["aanvaard_op"]
    search_fields = ["email", "voornaam", "achternaam"]
    filter_horizontal = ["gemeenten", "koplopers"]
    fields = ["email", "voornaam", "achternaam", "koplopers", "gemeenten"]
    readonly_fields = ["aangemaakt", "verloopt_op", "aanvaard_op", "uitgenodigd_door", "gebruiker"]

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else [*self.fields, *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else [*self.fields, *self.readonly_fields]

    def save_model(self, request, obj, form, change):
        if change:
            return
        nieuw = uitnodiging_versturen(
            email=form.cleaned_data["email"],
            voornaam=form.cleaned_data["voornaam"],
            achternaam=form.cleaned_data["achternaam"],
            koplopers=form.cleaned_data["koplopers"],
            gemeenten=form.cleaned_data["gemeenten"],
            uitgenodigd_door=request.user,
            basis_url=request.build_absolute_uri("/"),
        )
        obj.pk = nieuw.pk
        obj.token_hash = nieuw.token_hash
        obj.verloopt_op = nieuw.verloopt_op

    def save_related(self, request, form, formsets, change):
        """The service already linked the municipalities and profiles."""


@admin.register(MisluktePoging)
class MisluktePogingAdmin(admin.ModelAdmin):
    """Failed logins of the last hour; delete them to lift a lockout early."""

    list_display = ["gebruikersnaam", "ip_adres", "tijdstip"]
    search_fields = ["gebruikersnaam", "ip_adres"]
    readonly_fields = ["gebruikersnaam", "ip_adres", "tijdstip"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccountBlokkade)
class AccountBlokkadeAdmin(admin.ModelAdmin):
    """Accounts locked after failures from several addresses; delete one to lift its lock early."""

    list_display = ["gebruikersnaam", "niveau", "tot"]
    search_fields = ["gebruikersnaam"]
    readonly_fields = ["gebruikersnaam", "niveau", "tot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
