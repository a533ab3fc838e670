"""The programme staff's pages: rounds, dashboard, assignments, ranking, selection, publishing, audit."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from selectie.levenscyclus import handmatige_overgangen
from selectie.models import Kandidaat
from selectie.rules import is_gepubliceerd

from .. import selectors, services, weergave
from ..forms import (
    BesluitForm,
    ConflictVastleggenForm,
    InstellingenForm,
    PublicerenForm,
    ToewijzingForm,
)
from ..models import Belangenconflict, Besluit
from . import RondeMixin, TweestapsMixin


def _fouten(fout: ValidationError) -> str:
    return " ".join(str(bericht) for bericht in fout.messages)


class OverzichtView(TweestapsMixin, TemplateView):
    permission_required = "beoordeling.beheren"
    template_name = "beoordeling/overzicht.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rondes"] = selectors.rondes_voor_beoordeling()
        return context


class DashboardView(RondeMixin, TemplateView):
    """Per round: the status and its next steps, where a candidate lacks a reviewer of an organisation, reviewer load.

    The action forms on this page post to their own views (:class:`_ActieView`); a failed one renders
    this page again with that bound form in place of the empty one, so its errors stand by its fields.
    """

    template_name = "beoordeling/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        kandidaten = selectors.kandidaten_van_ronde(self.ronde)
        beoordelaars = selectors.beoordelaars()
        context.update(
            tekorten=[rij for rij in sorted(rijen, key=lambda r: r.kandidaat.naam) if rij.organisaties_ontbrekend],
            aantal_kandidaten=len(rijen),
            aantal_bespreken=sum(1 for rij in rijen if rij.aggregaat.bespreken),
            belasting=selectors.belasting(self.ronde),
            overgangen=handmatige_overgangen(self.ronde),
        )
        context.setdefault("toewijzing_form", ToewijzingForm(beoordelaars=beoordelaars, kandidaten=kandidaten))
        context.setdefault("conflict_form", ConflictVastleggenForm(beoordelaars=beoordelaars, kandidaten=kandidaten))
        context.setdefault("verdelen_form", forms.Form(auto_id="verdelen_%s"))
        context.setdefault("vaststellen_form", forms.Form(auto_id="vaststellen_%s"))
        return context


class InstellingenView(RondeMixin, FormView):
    template_name = "beoordeling/instellingen.html"
    form_class = InstellingenForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = services.rondebeoordeling_voor(ronde=self.ronde)
        return kwargs

    def form_valid(self, form):
        services.instellingen_bijwerken(
            rondebeoordeling=self.rondebeoordeling,
            door=self.request.user,
            **{naam: form.cleaned_data[naam] for naam in services.INSTELLINGEN},
        )
        messages.success(self.request, _("De instellingen zijn bewaard."))
        return redirect("beoordeling:dashboard", slug=self.ronde.slug)


class _ActieView(DashboardView):
    """A POST-only action on the dashboard: validate, call one service, message, back to the dashboard.

    On failure the dashboard is rendered (200) with the bound form as ``context_naam``: what was typed
    stays, each error stands by its field (``aria-invalid``, ``aria-describedby``), and a summary
    message at the top says what went wrong. Nothing is written: the services are atomic.
    """

    http_method_names = ["post"]
    context_naam = None

    def get_form(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.ongeldig(form)
        try:
            bericht = self.uitvoeren(form)
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, lijst in fout.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, lijst)
            else:
                form.add_error(None, fout)
            return self.ongeldig(form)
        messages.success(request, bericht)
        return redirect("beoordeling:dashboard", slug=self.ronde.slug)

    def ongeldig(self, form):
        for veld, fouten in form.errors.items():
            if veld in form.fields:
                messages.error(
                    self.request,
                    _("%(veld)s: %(fouten)s") % {"veld": form.fields[veld].label, "fouten": " ".join(fouten)},
                )
            else:
                messages.error(self.request, " ".join(fouten))
        return self.render_to_response(self.get_context_data(**{self.context_naam: form}))


class ToewijzenView(_ActieView):
    context_naam = "toewijzing_form"

    def get_form(self):
        return ToewijzingForm(
            self.request.POST,
            beoordelaars=selectors.beoordelaars(),
            kandidaten=Kandidaat.objects.filter(ronde=self.ronde),
        )

    def uitvoeren(self, form):
        beoordelaar, kandidaat = form.cleaned_data["beoordelaar"], form.cleaned_data["kandidaat"]
        if form.cleaned_data["actie"] == "verwijderen":
            services.toewijzing_verwijderen(beoordelaar=beoordelaar, kandidaat=kandidaat, door=self.request.user)
            return _("De toewijzing van %(beoordelaar)s aan %(kandidaat)s is verwijderd.") % {
                "beoordelaar": beoordelaar,
                "kandidaat": kandidaat,
            }
        services.toewijzing_maken(beoordelaar=beoordelaar, kandidaat=kandidaat, door=self.request.user)
        return _("%(beoordelaar)s beoordeelt nu %(kandidaat)s.") % {"beoordelaar": beoordelaar, "kandidaat": kandidaat}


class VerdelenView(_ActieView):
    context_naam = "verdelen_form"

    def get_form(self):
        return forms.Form(self.request.POST, auto_id="verdelen_%s")

    def uitvoeren(self, form):
        verdeling = services.gelijk_verdelen(ronde=self.ronde, door=self.request.user)
        bericht = _("%(aantal)s toewijzingen toegevoegd.") % {"aantal": verdeling.toegevoegd}
        if verdeling.tekorten:
            bericht += " " + _("Voor %(aantal)s plaatsen is geen beoordelaar zonder belangenconflict beschikbaar.") % {
                "aantal": len(verdeling.tekorten)
            }
        return bericht


class ConflictVastleggenView(_ActieView):
    context_naam = "conflict_form"

    def get_form(self):
        return ConflictVastleggenForm(
            self.request.POST,
            beoordelaars=selectors.beoordelaars(),
            kandidaten=Kandidaat.objects.filter(ronde=self.ronde),
        )

    def uitvoeren(self, form):
        conflict = services.conflict_melden(
            beoordelaar=form.cleaned_data["beoordelaar"],
            kandidaat=form.cleaned_data["kandidaat"],
            soort=form.cleaned_data["soort"],
            toelichting=form.cleaned_data["toelichting"],
            bron=Belangenconflict.Bron.STAF,
            door=self.request.user,
        )
        return _("Belangenconflict vastgelegd: %(conflict)s.") % {"conflict": conflict}


class ConflictenVaststellenView(_ActieView):
    context_naam = "vaststellen_form"

    def get_form(self):
        return forms.Form(self.request.POST, auto_id="vaststellen_%s")

    def uitvoeren(self, form):
        aantal = services.conflicten_vaststellen(ronde=self.ronde)
        return _("%(aantal)s nieuwe automatische belangenconflicten vastgesteld.") % {"aantal": aantal}


class RanglijstView(RondeMixin, TemplateView):
    template_name = "beoordeling/ranglijst.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        context.update(rijen=rijen, tabelrijen=weergave.ranglijst_rijen(rijen))
        return context


class SelectieView(RondeMixin, TemplateView):
    """The workspace: ranking with province, themes, flags; a decision form per candidate; the live check."""

    template_name = "beoordeling/selectie.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        bewerkbaar = self.request.user.has_perm("beoordeling.besluiten", self.ronde)
        context.update(
            rijen=rijen,
            tabelrijen=weergave.werkblad_rijen(
                rijen,
                ronde=self.ronde,
                csrf_token=get_token(self.request),
                uitkomsten=BesluitForm.base_fields["uitkomst"].choices,
                vastzettingen=BesluitForm.base_fields["vastzetting"].choices,
                bewerkbaar=bewerkbaar,
            ),
            controle=selectors.controle(self.ronde, self.rondebeoordeling, rijen),
            aantal_gekozen=sum(1 for rij in rijen if rij.uitkomst == Besluit.Uitkomst.GESELECTEERD),
            bewerkbaar=bewerkbaar,
            js_teksten={
                "bezig": _("Bezig met bewaren…"),
                "bewaard": _("Bewaard."),
                "fout": _("Niet bewaard. Probeer het opnieuw."),
                "verbinding": _("Niet bewaard: geen verbinding."),
            },
        )
        return context


class BesluitView(RondeMixin, View):
    """Stage one candidate's decision. Without JavaScript: back to the workspace. With ``fetch``
    (header ``X-Gevraagd-Door: fetch``): the re-rendered constraint check as an HTML fragment."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        kandidaat = get_object_or_404(Kandidaat, pk=kwargs["pk"], ronde=self.ronde)
        form = BesluitForm(request.POST)
        is_fetch = request.headers.get("X-Gevraagd-Door") == "fetch"
        if form.is_valid():
            try:
                services.besluit_vastleggen(kandidaat=kandidaat, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                if is_fetch:
                    return TemplateResponse(
                        request, "beoordeling/includes/fout.html", {"fout": _fouten(fout)}, status=400
                    )
                messages.error(request, _fouten(fout))
                return redirect(reverse("beoordeling:selectie", kwargs={"slug": self.ronde.slug}))
        elif is_fetch:
            return TemplateResponse(request, "beoordeling/includes/fout.html", {"fout": form.errors}, status=400)
        else:
            messages.error(request, _("Het besluit is niet bewaard: kies een geldige waarde."))
        if is_fetch:
            rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
            return TemplateResponse(
                request,
                "beoordeling/includes/controle.html",
                {
                    "controle": selectors.controle(self.ronde, self.rondebeoordeling, rijen),
                    "aantal_gekozen": sum(1 for rij in rijen if rij.uitkomst == Besluit.Uitkomst.GESELECTEERD),
                    "ronde": self.ronde,
                },
            )
        if form.is_valid():
            messages.success(request, _("Besluit over %(kandidaat)s bewaard.") % {"kandidaat": kandidaat})
        return redirect(
            reverse("beoordeling:selectie", kwargs={"slug": self.ronde.slug}) + f"#kandidaat-{kandidaat.pk}"
        )


class VoorstelView(RondeMixin, TemplateView):
    """The optimiser's proposal with the pins; POST adopts it as the staged selection."""

    template_name = "beoordeling/voorstel.html"

    def bereken(self):
        rijen = selectors.ranglijst(self.ronde, self.rondebeoordeling)
        return rijen, selectors.voorstel(self.ronde, self.rondebeoordeling, rijen)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rijen, voorstel = self.bereken()
        context.update(
            rijen=[(rij, voorstel.keuzes.get(rij.kandidaat.pk)) for rij in rijen],
            voorstel=voorstel,
            eisen=selectors.eisen_van(self.ronde, self.rondebeoordeling),
            bewerkbaar=self.request.user.has_perm("beoordeling.besluiten", self.ronde),
        )
        return context

    def post(self, request, *args, **kwargs):
        _rijen, voorstel = self.bereken()
        if not voorstel.haalbaar:
            messages.error(request, _("Er is geen selectie die aan alle eisen voldoet."))
            return redirect("beoordeling:voorstel", slug=self.ronde.slug)
        try:
            aantal = services.voorstel_overnemen(
                ronde=self.ronde,
                gekozen=list(voorstel.gekozen),
                uitleg={pk: keuze.uitleg for pk, keuze in voorstel.keuzes.items()},
                door=request.user,
            )
        except ValidationError as fout:
            messages.error(request, _fouten(fout))
            return redirect("beoordeling:voorstel", slug=self.ronde.slug)
        messages.success(
            request, _("Het voorstel is overgenomen: %(aantal)s besluiten gewijzigd.") % {"aantal": aantal}
        )
        return redirect("beoordeling:selectie", slug=self.ronde.slug)


class PublicerenView(RondeMixin, FormView):
    template_name = "beoordeling/publiceren.html"
    form_class = PublicerenForm

    @cached_property
    def rijen(self):
        return selectors.ranglijst(self.ronde, self.rondebeoordeling)

    @cached_property
    def controle(self):
        return selectors.controle(self.ronde, self.rondebeoordeling, self.rijen)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            controle=self.controle,
            geselecteerd=[r for r in self.rijen if r.uitkomst == Besluit.Uitkomst.GESELECTEERD],
            reserve=[r for r in self.rijen if r.uitkomst == Besluit.Uitkomst.RESERVE],
            open=[r for r in self.rijen if not r.uitkomst],
            zonder_dekking=[r for r in self.rijen if r.organisaties_zonder_score],
            gepubliceerd=is_gepubliceerd(self.request.user, self.ronde),
        )
        return context

    def form_valid(self, form):
        try:
            publicatie = services.selectie_publiceren(
                ronde=self.ronde,
                door=self.request.user,
                eisen_voldaan=self.controle.voldaan,
                afwijking=form.cleaned_data["afwijking"],
            )
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, lijst in fout.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, lijst)
            else:
                form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "De selectie is gepubliceerd: %(koplopers)s koplopers, %(nieuws)s conceptnieuwsberichten en "
                "%(berichten)s e-mails klaar in de outbox."
            )
            % {
                "koplopers": len(publicatie.koplopers),
                "nieuws": publicatie.nieuws,
                "berichten": publicatie.berichten,
            },
        )
        return redirect("beoordeling:outbox", slug=self.ronde.slug)


class OutboxView(RondeMixin, TemplateView):
    template_name = "beoordeling/outbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        berichten = list(selectors.uitgaande_berichten(self.ronde))
        context["berichten"] = berichten
        context["in_wachtrij"] = sum(1 for b in berichten if b.status == "wachtrij")
        return context

    def post(self, request, *args, **kwargs):
        aantal = services.uitgaand_verzenden(ronde=self.ronde, door=request.user)
        messages.success(
            request,
            _("%(aantal)s e-mails staan in de verzendrij. Volg ze onder ‘Uitgaande e-mail’.") % {"aantal": aantal},
        )
        return redirect("beoordeling:outbox", slug=self.ronde.slug)


class NieuwsView(RondeMixin, TemplateView):
    template_name = "beoordeling/nieuws.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["berichten"] = selectors.nieuwsberichten(self.ronde)
        return context


class AuditView(RondeMixin, TemplateView):
    template_name = "beoordeling/audit.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pagina = Paginator(selectors.auditregels(self.ronde), self.per_pagina).get_page(self.request.GET.get("pagina"))
        context["pagina"] = pagina
        return context
