"""Accounts: logging in and out, passwords, two-factor authentication, invitations, registration."""

import base64

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode, urlsafe_base64_decode
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rules.contrib.views import PermissionRequiredMixin

from koplopers.formulieren import fout_toevoegen
from koplopers.post.services import aanvrager_sleutel

from . import services
from .forms import (
    InlogForm,
    RegistratieForm,
    TotpCodeForm,
    TweestapsHerstellenForm,
    TweestapsInlogForm,
    UitnodigenForm,
    UitnodigingAanvaardenForm,
    WachtwoordVergetenForm,
)
from .middleware import tweestaps_verplicht
from .models import TweestapsGebeurtenis, Uitnodiging, User
from .signals import SESSIE_TWEESTAPS
from .throttle import ip_adres


def _volgende_url(request, standaard=None) -> str:
    """The safe ``next`` URL of ``request``, or ``standaard``."""
    volgende = request.POST.get("next") or request.GET.get("next")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return resolve_url(standaard or settings.LOGIN_REDIRECT_URL)


# --- Logging in and out, passwords -----------------------------------------------------------------


class InlogView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = InlogForm
    redirect_authenticated_user = True


class UitlogView(auth_views.LogoutView):
    template_name = "accounts/uitgelogd.html"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("U bent uitgelogd."))
        return response


class WachtwoordVergetenView(auth_views.PasswordResetView):
    form_class = WachtwoordVergetenForm
    template_name = "accounts/wachtwoord_vergeten.html"
    email_template_name = "accounts/mail/wachtwoord_herstellen.txt"
    subject_template_name = "accounts/mail/wachtwoord_herstellen_onderwerp.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class WachtwoordVergetenVerstuurdView(auth_views.PasswordResetDoneView):
    template_name = "accounts/wachtwoord_vergeten_verstuurd.html"


class WachtwoordHerstellenView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/wachtwoord_herstellen.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class WachtwoordHersteldView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/wachtwoord_hersteld.html"


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    template_name = "accounts/wachtwoord_wijzigen.html"
    success_url = reverse_lazy("accounts:password_change_done")


class WachtwoordGewijzigdView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/wachtwoord_gewijzigd.html"


# --- My account, my municipality ---------------------------------------------------------------------


class MijnAccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/mijn_account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gebruiker = self.request.user
        context["heeft_tweestaps"] = self.request.session.get(SESSIE_TWEESTAPS, False)
        context["mag_reservecodes"] = gebruiker.has_perm("accounts.reservecodes")
        context["mag_tweestaps_herstellen"] = gebruiker.has_perm("accounts.tweestaps_herstellen")
        context["tweestaps_verplicht"] = tweestaps_verplicht(gebruiker)
        context["gemeenten"] = gebruiker.gemeenten.all()
        context["koplopers"] = gebruiker.koplopers.all()
        return context


class MijnGemeenteView(PermissionRequiredMixin, ListView):
    """The profiles the official may edit, with their state (published, draft)."""

    permission_required = "accounts.mijn_gemeente"
    template_name = "accounts/mijn_gemeente.html"
    context_object_name = "koplopers"

    def get_queryset(self):
        # The profiles are gemeenten's; accounts reaches them through its own relation ``user.koplopers``
        # (accounts imports no app, see README "Lagen"). ``concept`` is the profile's draft, if any.
        koplopers = self.request.user.koplopers.model.objects
        return (
            koplopers.beheerd_door(self.request.user)
            .annotate(heeft_concept=ExpressionWrapper(Q(concept__isnull=False), output_field=BooleanField()))
            .order_by("sorteernaam")
        )


# --- Two-factor authentication -----------------------------------------------------------------------


def _qr_data_uri(tekst: str) -> str:
    """A QR code of ``tekst`` as a data: URI with an SVG (allowed by the CSP's img-src)."""
    svg = qrcode.make(tekst, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _sleutel_leesbaar(apparaat) -> str:
    geheim = base64.b32encode(apparaat.bin_key).decode("ascii").rstrip("=")
    return " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))


class TweestapsView(LoginRequiredMixin, FormView):
    """Second step of logging in: the code from the authenticator app, or a backup code."""

    template_name = "accounts/tweestaps.html"
    form_class = TweestapsInlogForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not any(True for _ in devices_for_user(request.user)):
            return redirect(f"{reverse('accounts:tweestaps_instellen')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": _volgende_url(self.request)}

    def form_valid(self, form):
        try:
            apparaat = services.tweestaps_controleren(gebruiker=self.request.user, code=form.cleaned_data["code"])
        except ValidationError as fout:
            form.add_error("code", fout)
            return self.form_invalid(form)
        django_otp.login(self.request, apparaat)
        if isinstance(apparaat, StaticDevice):
            messages.warning(
                self.request,
                _(
                    "U bent ingelogd met een reservecode; die werkt nu niet meer. U hebt nog %(aantal)d "
                    "reservecodes. Stel zo snel mogelijk uw telefoon opnieuw in."
                )
                % {"aantal": services.reservecodes_over(gebruiker=self.request.user)},
            )
        return redirect(_volgende_url(self.request))


class TweestapsInstellenView(LoginRequiredMixin, FormView):
    """Set up TOTP: scan the QR code, confirm with a code. Replacing a device needs a verified session."""

    template_name = "accounts/tweestaps_instellen.html"
    form_class = TotpCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_verified():
            if any(True for _ in devices_for_user(request.user)):
                return redirect(f"{reverse('accounts:tweestaps')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        self.apparaat = services.totp_apparaat_voorbereiden(gebruiker=self.request.user)
        return {**super().get_form_kwargs(), "gebruiker": self.request.user, "apparaat": self.apparaat}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["qr_code"] = _qr_data_uri(self.apparaat.config_url)
        context["sleutel"] = _sleutel_leesbaar(self.apparaat)
        context["next"] = _volgende_url(self.request, "accounts:mijn_account")
        context["verplicht"] = tweestaps_verplicht(self.request.user)
        return context

    def form_valid(self, form):
        try:
            apparaat = services.totp_apparaat_bevestigen(apparaat=self.apparaat, code=form.cleaned_data["code"])
        except ValidationError as fout:
            form.add_error("code", fout)
            return self.form_invalid(form)
        django_otp.login(self.request, apparaat)
        self.request.session[SESSIE_TWEESTAPS] = True
        messages.success(self.request, _("Tweestapsverificatie staat aan."))
        return redirect(_volgende_url(self.request, "accounts:mijn_account"))


class TweestapsUitschakelenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        try:
            services.tweestaps_uitschakelen(gebruiker=request.user)
        except ValidationError as fout:
            messages.error(request, fout.messages[0])
            return redirect("accounts:mijn_account")
        request.session[SESSIE_TWEESTAPS] = False
        messages.success(request, _("Tweestapsverificatie staat uit."))
        return redirect("accounts:mijn_account")


class ReservecodesView(PermissionRequiredMixin, TemplateView):
    """Make (again) ten single-use backup codes; they are shown once, on the page the POST redirects to
    (post/redirect/get: reloading that page never makes new codes, and the codes are not shown twice)."""

    permission_required = "accounts.reservecodes"
    template_name = "accounts/reservecodes.html"
    SESSIESLEUTEL = "reservecodes_tonen"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aantal_over"] = services.reservecodes_over(gebruiker=self.request.user)
        codes = self.request.session.pop(self.SESSIESLEUTEL, None)
        if codes:
            context["codes"] = codes
        return context

    def post(self, request, *args, **kwargs):
        codes = services.reservecodes_aanmaken(gebruiker=request.user)
        request.session[self.SESSIESLEUTEL] = [f"{code[:4]} {code[4:]}" for code in codes]
        return redirect(request.path)


class TweestapsHerstelLijstView(PermissionRequiredMixin, ListView):
    """Staff find an account whose second factor must be reset; the latest resets are listed below."""

    permission_required = "accounts.tweestaps_herstellen"
    template_name = "accounts/tweestaps_herstel_lijst.html"
    context_object_name = "gebruikers"
    paginate_by = 50
    page_kwarg = "pagina"

    def get_permission_object(self):
        return None

    def _zoekterm(self) -> str:
        # Without NUL characters: PostgreSQL refuses them in a string literal (a 500 otherwise).
        return self.request.GET.get("q", "").replace("\x00", "").strip()[:100]

    def get_queryset(self):
        gebruikers = User.objects.annotate(
            heeft_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        ).order_by("username")
        zoek = self._zoekterm()
        if zoek:
            gebruikers = gebruikers.filter(
                Q(username__icontains=zoek)
                | Q(email__icontains=zoek)
                | Q(first_name__icontains=zoek)
                | Q(last_name__icontains=zoek)
            )
        return gebruikers.only(
            "username", "email", "first_name", "last_name", "is_programmastaf", "beoordelaar_organisatie"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["zoek"] = self._zoekterm()
        context["herstellingen"] = TweestapsGebeurtenis.objects.filter(soort=TweestapsGebeurtenis.Soort.HERSTELD)[:20]
        return context


class TweestapsHerstellenView(PermissionRequiredMixin, FormView):
    """Confirm and give the reason: the account's app and backup codes are removed (audited)."""

    permission_required = "accounts.tweestaps_herstellen"
    template_name = "accounts/tweestaps_herstellen.html"
    form_class = TweestapsHerstellenForm

    def get_permission_object(self):
        if not hasattr(self, "gebruiker"):
            self.gebruiker = get_object_or_404(User, pk=self.kwargs["pk"])
        return self.gebruiker

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gebruiker"] = self.gebruiker
        context["heeft_tweestaps"] = any(True for _ in devices_for_user(self.gebruiker))
        return context

    def form_valid(self, form):
        try:
            services.tweestaps_herstellen(
                gebruiker=self.gebruiker, door=self.request.user, reden=form.cleaned_data["reden"]
            )
        except ValidationError as fout:
            form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "De tweestapsverificatie van %(naam)s is hersteld. Bij de volgende keer inloggen stelt "
                "%(naam)s een nieuwe app in."
            )
            % {"naam": str(self.gebruiker)},
        )
        return redirect("accounts:tweestaps_herstel_lijst")


# --- Invitations ----------------------------------------------------------------------------------------


def _gerelateerd(veld: str):
    """The model an invitation links to (gemeenten's Koploper or Gemeente), without importing gemeenten."""
    return Uitnodiging._meta.get_field(veld).related_model


class UitnodigenView(PermissionRequiredMixin, FormView):
    """Programme staff invite an official; the open invitations are listed below the form."""

    permission_required = "accounts.uitnodigen"
    template_name = "accounts/uitnodigen.html"
    form_class = UitnodigenForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_uitnodigingen"] = (
            Uitnodiging.objects.open()
            .select_related("uitgenodigd_door")
            .prefetch_related(
                Prefetch("koplopers", queryset=_gerelateerd("koplopers").objects.only("naam", "slug")),
                Prefetch("gemeenten", queryset=_gerelateerd("gemeenten").objects.only("naam", "weergavenaam")),
            )
        )
        return context

    def form_valid(self, form):
        try:
            uitnodiging = services.uitnodiging_versturen(
                email=form.cleaned_data["email"],
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
                koplopers=form.cleaned_data["koplopers"],
                gemeenten=form.cleaned_data["gemeenten"],
                uitgenodigd_door=self.request.user,
                basis_url=self.request.build_absolute_uri("/"),
            )
        except ValidationError as fout:
            fout_toevoegen(form, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De uitnodiging is verstuurd naar %(email)s. De link is 7 dagen geldig.") % {"email": uitnodiging.email},
        )
        return redirect("accounts:uitnodigen")


class UitnodigingIntrekkenView(PermissionRequiredMixin, View):
    permission_required = "accounts.uitnodigen"
    http_method_names = ["post"]

    def post(self, request, pk):
        uitnodiging = get_object_or_404(Uitnodiging.objects.open(), pk=pk)
        services.uitnodiging_intrekken(uitnodiging=uitnodiging)
        messages.success(request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": uitnodiging.email})
        return redirect("accounts:uitnodigen")


class UitnodigingAanvaardenView(FormView):
    """The link in the invitation.

    For a new address the invitee chooses a password and gets the role. If the address already has an
    account, the link never touches its password or active state: the owner logs in (as that account)
    and accepts with one button.
    """

    template_name = "accounts/uitnodiging.html"
    form_class = UitnodigingAanvaardenForm

    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.uitnodiging = services.uitnodiging_zoeken(token)
        except services.OngeldigeUitnodiging as fout:
            return self.render_to_response({"fout": fout.messages[0]}, status=410 if fout.code != "onbekend" else 404)
        self.bestaand_account = services.bestaand_account_voor(self.uitnodiging)
        return super().dispatch(request, *args, token=token, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "uitnodiging": self.uitnodiging}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["uitnodiging"] = self.uitnodiging
        context["bestaand_account"] = self.bestaand_account is not None
        context["ingelogd_als_genodigde"] = self._ingelogd_als_genodigde()
        context["inloggen_url"] = f"{reverse('accounts:login')}?{urlencode({'next': self.request.path})}"
        return context

    def _ingelogd_als_genodigde(self) -> bool:
        return bool(
            self.bestaand_account is not None
            and self.request.user.is_authenticated
            and self.request.user.pk == self.bestaand_account.pk
        )

    def post(self, request, *args, **kwargs):
        if self.bestaand_account is None:
            return super().post(request, *args, **kwargs)
        if not self._ingelogd_als_genodigde():
            return self.render_to_response(self.get_context_data(weigering=True))
        try:
            services.uitnodiging_aanvaarden_bestaand(token=self.kwargs["token"], gebruiker=request.user)
        except services.OngeldigeUitnodiging as fout:
            return self.render_to_response({"fout": fout.messages[0]}, status=410)
        except ValidationError as fout:
            return self.render_to_response(self.get_context_data(weigering=True, melding=fout.messages[0]))
        messages.success(request, _("De uitnodiging is aanvaard. De gemeenten en profielen staan nu bij uw account."))
        return redirect("accounts:mijn_account")

    def form_valid(self, form):
        try:
            gebruiker = services.uitnodiging_aanvaarden(
                token=self.kwargs["token"],
                wachtwoord=form.cleaned_data["new_password1"],
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
            )
        except services.OngeldigeUitnodiging as fout:
            return self.render_to_response({"fout": fout.messages[0]}, status=410)
        except ValidationError as fout:
            if getattr(fout, "code", None) == "bestaand_account":
                self.bestaand_account = services.bestaand_account_voor(self.uitnodiging)
                return self.render_to_response(self.get_context_data(weigering=True))
            fout_toevoegen(form, fout, "new_password1", velden={"first_name": "voornaam", "last_name": "achternaam"})
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Uw account is klaar. Log in met %(gebruikersnaam)s en het wachtwoord dat u net koos.")
            % {"gebruikersnaam": gebruiker.email},
        )
        return redirect("accounts:login")


# --- Registration of advocates ----------------------------------------------------------------------------


class RegistrerenView(FormView):
    template_name = "accounts/registreren.html"
    form_class = RegistratieForm

    def form_valid(self, form):
        try:
            services.belangenbehartiger_registreren(
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
                email=form.cleaned_data["email"],
                organisatie=form.cleaned_data["organisatie"],
                organisatie_type=form.cleaned_data["organisatie_type"],
                wachtwoord=form.cleaned_data["wachtwoord1"],
                basis_url=self.request.build_absolute_uri("/"),
                aanvrager=aanvrager_sleutel(ip_adres(self.request)),
            )
        except ValidationError as fout:
            fout_toevoegen(
                form,
                fout,
                "wachtwoord1",
                velden={"username": "email", "first_name": "voornaam", "last_name": "achternaam"},
            )
            return self.form_invalid(form)
        return redirect("accounts:registratie_verstuurd")


class RegistratieVerstuurdView(TemplateView):
    template_name = "accounts/registratie_verstuurd.html"


class RegistratieBevestigenView(TemplateView):
    """The link in the confirmation mail: a button activates the account (link scanners only GET)."""

    template_name = "accounts/registratie_bevestigen.html"

    def dispatch(self, request, *args, uidb64, token, **kwargs):
        try:
            pk = int(urlsafe_base64_decode(uidb64).decode())
        except (ValueError, TypeError, UnicodeDecodeError):
            pk = None
        self.gebruiker = User.objects.filter(pk=pk).first() if pk else None
        self.token = token
        return super().dispatch(request, *args, uidb64=uidb64, token=token, **kwargs)

    def _geldig(self) -> bool:
        from .tokens import registratie_token

        return bool(
            self.gebruiker
            and not self.gebruiker.is_active
            and registratie_token.check_token(self.gebruiker, self.token)
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(geldig=self._geldig()))

    def post(self, request, *args, **kwargs):
        if self.gebruiker is None:
            return self.render_to_response(self.get_context_data(geldig=False))
        try:
            services.registratie_bevestigen(gebruiker=self.gebruiker, token=self.token)
        except ValidationError:
            return self.render_to_response(self.get_context_data(geldig=False))
        messages.success(request, _("Uw e-mailadres is bevestigd. U kunt nu inloggen."))
        return redirect("accounts:login")
