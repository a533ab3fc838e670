from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import admin as totp_admin  # noqa: F401  (registers TOTP devices: reset a lost phone)

from .models import AccountBlokkade, MisluktePoging, Uitnodiging, User
from .services import uitnodiging_versturen


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
