"""'Mijn gegevens' (download, deletion request) and the staff pages for deletion requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from . import export, selectors, services
from .forms import VerwijderverzoekForm, VerzoekUitvoerenForm, VerzoekWeigerenForm
from .models import Verwijderverzoek


def _overzicht(tabellen: dict[str, list[dict]]) -> list[tuple[str, int]]:
    return [(selectors.TABELNAMEN.get(naam, naam), len(rijen)) for naam, rijen in tabellen.items() if rijen]


class MijnGegevensView(PermissionRequiredMixin, TemplateView):
    permission_required = "privacy.mijn_gegevens"
    template_name = "privacy/mijn_gegevens.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gebruiker = self.request.user
        context["overzicht"] = _overzicht(selectors.mijn_gegevens(gebruiker))
        context["open_verzoek"] = selectors.open_verwijderverzoek(gebruiker)
        context["geweigerd"] = (
            Verwijderverzoek.objects.filter(gebruiker=gebruiker, status=Verwijderverzoek.Status.GEWEIGERD)
            .order_by("-behandeld_op")
            .first()
        )
        return context


class DownloadView(PermissionRequiredMixin, View):
    permission_required = "privacy.mijn_gegevens"
    formaat = "json"

    def get(self, request):
        tabellen = selectors.mijn_gegevens(request.user)
        if self.formaat == "zip":
            response = HttpResponse(export.als_zip(tabellen), content_type="application/zip")
        else:
            response = HttpResponse(export.als_json(tabellen), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mijn-gegevens.{self.formaat}"'
        response["Cache-Control"] = "no-store"
        return response


class VerwijderenView(PermissionRequiredMixin, FormView):
    """Ask for the deletion of one's own account: a form with an explicit confirmation."""

    permission_required = "privacy.mijn_gegevens"
    template_name = "privacy/verwijderen.html"
    form_class = VerwijderverzoekForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_verzoek"] = selectors.open_verwijderverzoek(self.request.user)
        return context

    def form_valid(self, form):
        try:
            services.verwijderverzoek_indienen(
                gebruiker=self.request.user, toelichting=form.cleaned_data["toelichting"]
            )
        except ValidationError as fout:
            form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Uw verzoek is ontvangen. Het programmabureau behandelt het binnen een maand; daarna kunt u niet "
                "meer inloggen. Tot die tijd kunt u uw gegevens nog downloaden."
            ),
        )
        return redirect("privacy:mijn_gegevens")


class VerzoekenView(PermissionRequiredMixin, TemplateView):
    permission_required = "privacy.verzoeken_bekijken"
    template_name = "privacy/verzoeken.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_verzoeken"], context["behandelde_verzoeken"] = selectors.verwijderverzoeken_voor_staf()
        return context


class _VerzoekMixin(PermissionRequiredMixin):
    permission_required = "privacy.verzoek_behandelen"

    def get_permission_object(self):
        if not hasattr(self, "verzoek"):
            self.verzoek = get_object_or_404(
                Verwijderverzoek.objects.select_related("gebruiker", "behandeld_door"), pk=self.kwargs["pk"]
            )
        return self.verzoek

    def _context(self, **kwargs) -> dict:
        verzoek = self.get_permission_object()
        tabellen = selectors.mijn_gegevens(verzoek.gebruiker) if verzoek.gebruiker_id else {}
        return {
            "verzoek": verzoek,
            "overzicht": _overzicht(tabellen),
            "uitvoeren_form": kwargs.get("uitvoeren_form") or VerzoekUitvoerenForm(),
            "weigeren_form": kwargs.get("weigeren_form") or VerzoekWeigerenForm(),
        }


class VerzoekView(_VerzoekMixin, TemplateView):
    template_name = "privacy/verzoek.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self._context()}


class VerzoekUitvoerenView(_VerzoekMixin, View):
    def post(self, request, pk):
        form = VerzoekUitvoerenForm(request.POST)
        if form.is_valid():
            try:
                services.verwijderverzoek_uitvoeren(verzoek=self.verzoek, door=request.user)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("Het account is verwijderd. Het verslag staat bij het verzoek."))
                return redirect("privacy:verzoeken")
        return _verzoek_pagina(self, uitvoeren_form=form)


class VerzoekWeigerenView(_VerzoekMixin, View):
    def post(self, request, pk):
        form = VerzoekWeigerenForm(request.POST)
        if form.is_valid():
            try:
                services.verwijderverzoek_weigeren(
                    verzoek=self.verzoek, door=request.user, reden=form.cleaned_data["reden"]
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(
                    request, _("Het verzoek is geweigerd. De aanvrager ziet de reden bij ‘Mijn gegevens’.")
                )
                return redirect("privacy:verzoeken")
        return _verzoek_pagina(self, weigeren_form=form)


def _verzoek_pagina(view, **forms):
    return TemplateResponse(view.request, "privacy/verzoek.html", view._context(**forms))
