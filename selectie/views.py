"""Pages for nominating (advocates, officials) and for managing rounds and candidates (programme staff).

Views do HTTP only: forms validate, services write, selectors read.
"""

import csv
import uuid

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView, ListView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from . import levenscyclus, selectors, services
from .forms import CriteriumFormSet, RondeForm, RondeStatusForm, VoordrachtForm, VoordrachtStartForm
from .models import Bijlage, Ronde, Voordracht

# Nominating ------------------------------------------------------------------------------------------


class VoordragenView(TemplateView):
    """/voordragen/: the open round and how to nominate, or that no round is open (and when the last closed)."""

    template_name = "selectie/voordragen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ronde = selectors.open_ronde()
        context["ronde"] = ronde
        context["laatste_ronde"] = None if ronde else selectors.laatst_gesloten_ronde()
        context["start_form"] = VoordrachtStartForm(initial={"token": uuid.uuid4()})
        gebruiker = self.request.user
        context["mag_voordragen"] = gebruiker.has_perm("selectie.voordragen")
        context["concepten"] = (
            selectors.mijn_voordrachten(gebruiker=gebruiker).filter(ronde=ronde, status=Voordracht.Status.CONCEPT)
            if ronde and gebruiker.is_authenticated
            else []
        )
        return context


class VoordrachtStartenView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """POST: start a draft in the open round (a double click starts one: the form's token)."""

    permission_required = "selectie.voordragen"
    http_method_names = ["post"]

    def post(self, request):
        form = VoordrachtStartForm(request.POST)
        ronde = selectors.open_ronde()
        if ronde is None or not form.is_valid():
            messages.error(request, _("Er is nu geen ronde open, of het formulier was verlopen. Probeer het opnieuw."))
            return redirect("selectie:voordragen")
        try:
            voordracht = services.voordracht_starten(
                ronde=ronde, indiener=request.user, token=form.cleaned_data["token"]
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("selectie:voordragen")
        return redirect(voordracht)


class EigenVoordrachtMixin(LoginRequiredMixin):
    """A nomination of the signed-in user; anyone else's is "not found" (its existence is not told)."""

    def get_voordracht(self) -> Voordracht:
        try:
            voordracht = selectors.voordracht_volledig(pk=self.kwargs["pk"])
        except Voordracht.DoesNotExist:
            raise Http404 from None
        if voordracht.indiener_id != self.request.user.pk:
            raise Http404
        return voordracht


class VoordrachtBewerkenView(EigenVoordrachtMixin, View):
    """The nomination form: save as a draft at any time; submit goes to ``VoordrachtIndienenView``."""

    template_name = "selectie/voordracht_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.voordracht = self.get_voordracht()
        if self.voordracht.status != Voordracht.Status.CONCEPT:
            return redirect("selectie:voordracht_bevestiging", pk=self.voordracht.pk)
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, status=200):
        context = {
            "voordracht": self.voordracht,
            "ronde": self.voordracht.ronde,
            "form": form,
            "bijlagen": list(self.voordracht.bijlagen.all()),
            "max_bijlagen": Bijlage.MAX_AANTAL,
            "ronde_open": self.voordracht.ronde.is_open_voor_indienen(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render(VoordrachtForm(voordracht=self.voordracht))

    def bijlagen_bewaren(self, form) -> None:
        """Keep every attachment that passed its checks, even if another field failed."""
        for bestand in form.geldige_bijlagen:
            try:
                services.bijlage_toevoegen(voordracht=self.voordracht, bestand=bestand)
            except ValidationError as fout:
                form.add_error("bijlagen", fout)
        if form.geldige_bijlagen:
            self.voordracht = selectors.voordracht_volledig(pk=self.voordracht.pk)
            form.voordracht = self.voordracht

    def post(self, request, pk):
        form = VoordrachtForm(request.POST, request.FILES, voordracht=self.voordracht)
        geldig = form.is_valid()
        self.bijlagen_bewaren(form)
        if not geldig or form.errors:
            messages.error(request, _("Het concept is niet opgeslagen. Verbeter de fouten die bij de velden staan."))
            return self.render(form)
        try:
            services.voordracht_opslaan(voordracht=self.voordracht, **form.service_gegevens())
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return redirect("selectie:mijn_voordrachten")
        messages.success(request, _("Uw concept is opgeslagen. U kunt later verder gaan."))
        return redirect(self.voordracht)


class VoordrachtIndienenView(VoordrachtBewerkenView):
    """POST: save what was typed, then submit — before the deadline, once. Failures keep the draft."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.voordracht = self.get_voordracht()
        if self.voordracht.status == Voordracht.Status.INGEDIEND:
            # A resend or double click after the first submit went through: show the one nomination.
            messages.info(request, _("Deze voordracht was al ingediend."))
            return redirect("selectie:voordracht_bevestiging", pk=self.voordracht.pk)
        if self.voordracht.status != Voordracht.Status.CONCEPT:
            return redirect("selectie:voordracht_bevestiging", pk=self.voordracht.pk)
        return View.dispatch(self, request, *args, **kwargs)

    def post(self, request, pk):
        form = VoordrachtForm(request.POST, request.FILES, voordracht=self.voordracht)
        geldig = form.is_valid()
        self.bijlagen_bewaren(form)
        if not geldig or form.errors:
            messages.error(request, _("Uw voordracht is niet ingediend. Verbeter de fouten die bij de velden staan."))
            return self.render(form)
        try:
            services.voordracht_opslaan(voordracht=self.voordracht, **form.service_gegevens())
            voordracht = services.voordracht_indienen(
                voordracht=self.voordracht, token=form.cleaned_data["token"], nu=getattr(request, "aangekomen_op", None)
            )
        except ValidationError as fout:
            self.voordracht = selectors.voordracht_volledig(pk=self.voordracht.pk)
            if self.voordracht.status == Voordracht.Status.INGEDIEND:
                return redirect("selectie:voordracht_bevestiging", pk=self.voordracht.pk)
            fouten = fout.message_dict if hasattr(fout, "error_dict") else {NON_FIELD_ERRORS: fout.messages}
            for veld, meldingen in fouten.items():
                for melding in meldingen:
                    form.add_error(None if veld not in form.fields else veld, melding)
            messages.error(request, _("Uw voordracht is opgeslagen als concept, maar niet ingediend."))
            return self.render(form)
        messages.success(request, _("Uw voordracht is ingediend. U krijgt een bevestiging per e-mail."))
        return redirect("selectie:voordracht_bevestiging", pk=voordracht.pk)


class VoordrachtBevestigingView(EigenVoordrachtMixin, TemplateView):
    """After submitting: what was submitted, when, and that an e-mail is on its way."""

    template_name = "selectie/voordracht_bevestiging.html"

    def get(self, request, *args, **kwargs):
        self.voordracht = self.get_voordracht()
        if self.voordracht.status == Voordracht.Status.CONCEPT:
            return redirect(self.voordracht)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["voordracht"] = self.voordracht
        context["motivaties"] = selectors.motivaties_per_criterium(self.voordracht)
        return context


class VoordrachtVerwijderenView(EigenVoordrachtMixin, View):
    """POST: delete one's own draft."""

    http_method_names = ["post"]

    def post(self, request, pk):
        voordracht = self.get_voordracht()
        try:
            services.voordracht_verwijderen(voordracht=voordracht)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Het concept is verwijderd."))
        return redirect("selectie:mijn_voordrachten")


class MijnVoordrachtenView(LoginRequiredMixin, ListView):
    template_name = "selectie/mijn_voordrachten.html"
    context_object_name = "voordrachten"
    paginate_by = 25
    page_kwarg = "pagina"

    def get_queryset(self):
        return selectors.mijn_voordrachten(gebruiker=self.request.user)


class VoordrachtInzienMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Reading a nomination or its attachment: ``selectie.voordracht_bekijken`` on the nomination.

    Anyone signed in who may not read it gets 404, as for a nomination that does not exist: ids are
    sequential, and a 403 would tell that it is there. (Anonymous visitors go to the login page.)
    """

    permission_required = "selectie.voordracht_bekijken"

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404
        return super().handle_no_permission()


class BijlageView(VoordrachtInzienMixin, View):
    """Download an attachment (whoever may read its nomination), under a safe generated name."""

    @cached_property
    def bijlage(self) -> Bijlage:
        return get_object_or_404(Bijlage.objects.select_related("voordracht"), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.bijlage.voordracht

    def get(self, request, pk):
        bijlage = self.bijlage
        naam = f"{slugify(bijlage.oorspronkelijke_naam.removesuffix('.pdf'))[:80] or 'bijlage'}.pdf"
        try:
            bestand = bijlage.bestand.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(bestand, as_attachment=True, filename=naam, content_type="application/pdf")


class BijlageVerwijderenView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        bijlage = get_object_or_404(Bijlage.objects.select_related("voordracht"), pk=pk)
        if bijlage.voordracht.indiener_id != request.user.pk:
            raise Http404
        try:
            services.bijlage_verwijderen(bijlage=bijlage)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De bijlage %(naam)s is verwijderd.") % {"naam": bijlage.oorspronkelijke_naam})
        return redirect(bijlage.voordracht)


# Programme staff: rounds -----------------------------------------------------------------------------


class StafMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = "selectie.rondes_beheren"


class RondeListView(StafMixin, ListView):
    template_name = "selectie/ronde_list.html"
    context_object_name = "rondes"

    def get_queryset(self):
        return selectors.rondes_voor_beheer()


class RondeAanmakenView(StafMixin, FormView):
    template_name = "selectie/ronde_form.html"
    form_class = RondeForm

    def get_initial(self):
        return {"jaar": timezone.localdate().year, "streefaantal_min": 12, "streefaantal_max": 15}

    def form_valid(self, form):
        try:
            ronde = services.ronde_aanmaken(**form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("De ronde %(naam)s is aangemaakt, met de vier criteria van de oproep van 2019.") % {"naam": ronde.naam},
        )
        return redirect("selectie:ronde_bewerken", slug=ronde.slug)


class RondeBewerkenView(StafMixin, TemplateView):
    """A round's fields, its criteria (while it is a draft) and its status."""

    template_name = "selectie/ronde_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.ronde = get_object_or_404(Ronde, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    @property
    def criteria_bewerkbaar(self):
        return self.request.user.has_perm("selectie.criteria_bewerken", self.ronde)

    def get_context_data(self, form=None, formset=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ronde"] = self.ronde
        context["form"] = form or RondeForm(instance=self.ronde)
        context["criteria_bewerkbaar"] = self.criteria_bewerkbaar
        if self.criteria_bewerkbaar:
            context["formset"] = formset or CriteriumFormSet(instance=self.ronde, prefix="criteria")
        context["criteria"] = self.ronde.criteria.order_by("volgorde")
        context["overgangen"] = levenscyclus.handmatige_overgangen(self.ronde)
        return context

    def post(self, request, slug):
        form = RondeForm(request.POST, instance=Ronde.objects.get(pk=self.ronde.pk))
        formset = (
            CriteriumFormSet(request.POST, instance=self.ronde, prefix="criteria") if self.criteria_bewerkbaar else None
        )
        if formset is None and "criteria-TOTAL_FORMS" in request.POST:
            # Criteria sent for a round that is no longer a draft (an old page, a second tab): refused,
            # and nothing is saved, so the staff member sees why before anything changes.
            messages.error(request, services.CRITERIA_VERGRENDELD)
            return self.render_to_response(self.get_context_data(form=form))
        if not form.is_valid() or (formset is not None and not formset.is_valid()):
            messages.error(request, _("De ronde is niet opgeslagen. Verbeter de fouten die bij de velden staan."))
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        velden = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
        try:
            ronde = services.ronde_bijwerken(ronde=self.ronde, door=request.user, **velden)
            if formset is not None:
                services.criteria_opslaan(ronde=ronde, formset=formset)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        messages.success(request, _("De ronde is opgeslagen."))
        return redirect("selectie:ronde_bewerken", slug=ronde.slug)


class RondeStatusView(StafMixin, TemplateView):
    """A step in the round's lifecycle. A step that cannot be undone first shows a page that says what
    will happen and asks to confirm; the step itself is :func:`selectie.levenscyclus.ronde_overgang`."""

    template_name = "selectie/ronde_status.html"

    def dispatch(self, request, *args, **kwargs):
        self.ronde = get_object_or_404(Ronde, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.ronde

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(**kwargs)
        stap = levenscyclus.overgang(self.ronde.huidige_status, form.data.get("status", ""))
        context.update(
            ronde=self.ronde,
            form=form,
            stap=stap if stap and stap.handmatig else None,
            uitleg=levenscyclus.uitleg(stap, self.ronde) if stap else "",
            waarschuwingen=levenscyclus.waarschuwingen(self.ronde, stap.naar) if stap and stap.handmatig else [],
            terug_url=self.terug_url(form.data.get("terug")),
        )
        return context

    def terug_url(self, terug):
        if terug == "dashboard":
            return reverse("beoordeling:dashboard", kwargs={"slug": self.ronde.slug})
        return reverse("selectie:ronde_bewerken", kwargs={"slug": self.ronde.slug})

    def get(self, request, slug):
        form = RondeStatusForm(
            {"status": request.GET.get("status", ""), "terug": request.GET.get("terug", "")}, ronde=self.ronde
        )
        form.is_valid()
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, slug):
        form = RondeStatusForm(request.POST, ronde=self.ronde)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        stap = levenscyclus.overgang(self.ronde.huidige_status, form.cleaned_data["status"])
        if stap.bevestigen and not form.cleaned_data["bevestigd"]:
            if "bevestigpagina" in request.POST:
                form.add_error("bevestigd", _("Vink aan dat u deze stap wilt zetten; die kan niet ongedaan worden."))
            return self.render_to_response(self.get_context_data(form=form))
        if "bevestigpagina" not in request.POST and levenscyclus.waarschuwingen(self.ronde, stap.naar):
            # A step with warnings (candidates without a usable review of each organisation) first shows
            # them on the confirmation page; a second click takes the step.
            return self.render_to_response(self.get_context_data(form=form))
        try:
            ronde = levenscyclus.ronde_overgang(
                ronde=self.ronde,
                naar=form.cleaned_data["status"],
                door=request.user,
                reden=form.cleaned_data["reden"] or None,
                bevestigd=form.cleaned_data["bevestigd"],
            )
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("De ronde %(naam)s heeft nu de status %(status)s.")
            % {"naam": ronde.naam, "status": ronde.get_huidige_status_display()},
        )
        return redirect(self.terug_url(form.cleaned_data["terug"]))


# Programme staff: candidates -------------------------------------------------------------------------


class KandidatenView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    """Per round, every candidate with its submitted nominations; paginated."""

    permission_required = "selectie.kandidaten_bekijken"
    template_name = "selectie/kandidaat_list.html"
    context_object_name = "kandidaten"
    paginate_by = 25
    page_kwarg = "pagina"

    def dispatch(self, request, *args, **kwargs):
        self.ronde = get_object_or_404(Ronde, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.kandidaten_van_ronde(ronde=self.ronde)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ronde"] = self.ronde
        context["cijfers"] = Voordracht.objects.filter(ronde=self.ronde).aggregate(
            ingediend=Count("pk", filter=Q(status=Voordracht.Status.INGEDIEND)),
            gezamenlijk=Count("pk", filter=Q(status=Voordracht.Status.INGEDIEND, is_gezamenlijk=True)),
        )
        return context


def csv_cel(waarde) -> str:
    """A cell that a spreadsheet will not run as a formula (CSV injection): such cells get a leading quote."""
    tekst = "" if waarde is None else str(waarde)
    if tekst[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + tekst
    return tekst


class KandidatenCsvView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """Every submitted nomination of a round, one row each, grouped by candidate (semicolon CSV for Excel)."""

    permission_required = "selectie.kandidaten_bekijken"

    def get(self, request, slug):
        ronde = get_object_or_404(Ronde, slug=slug)
        criteria = list(ronde.criteria.order_by("volgorde"))
        antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = f'attachment; filename="kandidaten-{ronde.slug}.csv"'
        patch_cache_control(antwoord, no_store=True)  # personal data: never kept by a browser or proxy
        antwoord.write("\ufeff")
        schrijver = csv.writer(antwoord, delimiter=";")
        kop = [
            gettext("kandidaat"),
            gettext("CBS-codes"),
            gettext("provincies"),
            gettext("voordracht"),
            gettext("ingediend op"),
            gettext("organisatie"),
            gettext("soort organisatie"),
            gettext("mede-indieners"),
            gettext("gezamenlijk"),
            gettext("contactpersoon"),
            gettext("e-mailadres"),
            gettext("telefoon"),
            gettext("doelgroepen"),
            gettext("thema's"),
            gettext("bijlagen"),
        ] + [gettext("motivatie: %(criterium)s") % {"criterium": criterium.naam} for criterium in criteria]
        schrijver.writerow([csv_cel(cel) for cel in kop])
        for voordracht in selectors.voordrachten_voor_export(ronde=ronde):
            gemeenten = sorted(voordracht.kandidaat.gemeenten.all(), key=lambda g: g.code)
            teksten = {motivatie.criterium_id: motivatie.tekst for motivatie in voordracht.motivaties.all()}
            rij = [
                voordracht.kandidaat.naam,
                " ".join(gemeente.code for gemeente in gemeenten),
                ", ".join(sorted({gemeente.provincie.naam for gemeente in gemeenten})),
                voordracht.pk,
                date_format(timezone.localtime(voordracht.ingediend_op), "Y-m-d H:i"),
                voordracht.organisatie,
                voordracht.get_organisatie_type_display(),
                "; ".join(
                    f"{mede.organisatie} ({mede.get_organisatie_type_display()})"
                    for mede in voordracht.mede_indieners.all()
                ),
                gettext("ja") if voordracht.is_gezamenlijk else gettext("nee"),
                voordracht.contact_naam,
                voordracht.contact_email,
                voordracht.contact_telefoon,
                ", ".join(doelgroep.naam for doelgroep in voordracht.doelgroepen.all()),
                ", ".join(thema.naam for thema in voordracht.themas.all()),
                len(voordracht.bijlagen.all()),
            ] + [teksten.get(criterium.pk, "") for criterium in criteria]
            schrijver.writerow([csv_cel(cel) for cel in rij])
        return antwoord


class VoordrachtDetailView(VoordrachtInzienMixin, DetailView):
    """One nomination in full: for staff, its own nominator, and the reviewers of its candidate (once
    submitted, without a conflict of interest). The permission object is the nomination (``get_object``)."""

    template_name = "selectie/voordracht_detail.html"
    context_object_name = "voordracht"

    def get_object(self, queryset=None):
        if not hasattr(self, "_voordracht"):
            try:
                self._voordracht = selectors.voordracht_volledig(pk=self.kwargs["pk"])
            except Voordracht.DoesNotExist:
                raise Http404 from None
        return self._voordracht

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["motivaties"] = selectors.motivaties_per_criterium(self.object)
        return context
