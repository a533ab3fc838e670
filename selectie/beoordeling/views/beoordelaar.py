"""The reviewer's pages: the queue, the declaration, the candidate with the scoring form, a conflict."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from selectie.models import Kandidaat, Ronde

from .. import aggregatie, selectors, services
from ..forms import BeoordelingForm, ConflictMeldenForm, VerklaringForm
from ..models import Belangenconflict, RondeBeoordeling
from . import TweestapsMixin


class LijstView(TweestapsMixin, TemplateView):
    """``/beoordelen/``: the reviewer's candidates, least-reviewed first (never by score)."""

    permission_required = "beoordeling.beoordelen"
    template_name = "beoordeling/lijst.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        toewijzingen = list(selectors.wachtrij(beoordelaar=self.request.user))
        verklaard = selectors.verklaarde_rondes(beoordelaar=self.request.user)
        rondes = {}
        for toewijzing in toewijzingen:
            ronde = toewijzing.kandidaat.ronde
            rondes.setdefault(ronde.pk, {"ronde": ronde, "verklaard": ronde.pk in verklaard, "toewijzingen": []})
            rondes[ronde.pk]["toewijzingen"].append(toewijzing)
        context["rondes"] = list(rondes.values())
        return context


class VerklaringView(TweestapsMixin, FormView):
    """The declaration a reviewer confirms once per round before scoring."""

    permission_required = "beoordeling.verklaren"
    template_name = "beoordeling/verklaring.html"
    form_class = VerklaringForm

    @cached_property
    def ronde(self):
        return get_object_or_404(Ronde, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["ronde"] = self.ronde
        context["rb"] = services.rondebeoordeling_voor(ronde=self.ronde)
        context["bevestigd"] = self.request.user.verklaringen.filter(ronde=self.ronde).first()
        return context

    def form_valid(self, form):
        services.verklaring_bevestigen(beoordelaar=self.request.user, ronde=self.ronde)
        messages.success(self.request, _("U hebt de verklaring bevestigd. U kunt nu beoordelen."))
        volgende = self.request.GET.get("volgende", "")
        if volgende.isdigit():
            return redirect("beoordeling:kandidaat", pk=int(volgende))
        return redirect("beoordeling:lijst")


class KandidaatMixin(TweestapsMixin):
    """A page about one candidate (``self.kandidaat``, the permission object).

    Verified users who may not see the candidate get 404, as for a candidate that does not exist: ids
    are sequential, and a 403 would tell that it is there. Who may see it but not do this gets 403.
    """

    @cached_property
    def kandidaat(self) -> Kandidaat:
        return get_object_or_404(Kandidaat.objects.select_related("ronde"), pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.kandidaat

    def handle_no_permission(self):
        if self.request.user.has_perm("beoordeling.kandidaat_bekijken", self.kandidaat):
            raise PermissionDenied
        raise Http404


class KandidaatView(KandidaatMixin, FormView):
    """A candidate's nominations beside the scoring form; in calibration also the others' scores."""

    permission_required = "beoordeling.kandidaat_bekijken"
    template_name = "beoordeling/kandidaat.html"
    form_class = BeoordelingForm

    @cached_property
    def dossier(self):
        return selectors.kandidaat_dossier(pk=self.kandidaat.pk)

    @cached_property
    def voordrachten(self) -> list:
        """The candidate's nominations this user may read: each passes ``selectie.voordracht_bekijken``,
        the one rule for nomination content (the dossier holds submitted ones only)."""
        mag = self.request.user.has_perm
        return [v for v in self.dossier.ingediende_voordrachten if mag("selectie.voordracht_bekijken", v)]

    @cached_property
    def rb(self) -> RondeBeoordeling:
        return services.rondebeoordeling_voor(ronde=self.kandidaat.ronde)

    @cached_property
    def criteria(self):
        return list(selectors.criteria_van(self.kandidaat.ronde))

    @cached_property
    def is_beoordelaar(self) -> bool:
        return self.request.user.has_perm("beoordeling.kandidaat_beoordelen", self.kandidaat)

    @cached_property
    def eigen(self):
        if not self.is_beoordelaar:
            return None
        return selectors.eigen_beoordeling(beoordelaar=self.request.user, kandidaat=self.kandidaat)

    def get(self, request, *args, **kwargs):
        if self.is_beoordelaar and not request.user.verklaringen.filter(ronde=self.kandidaat.ronde).exists():
            return redirect(
                reverse("beoordeling:verklaring", kwargs={"slug": self.kandidaat.ronde.slug})
                + f"?volgende={self.kandidaat.pk}"
            )
        return super().get(request, *args, **kwargs)

    @cached_property
    def mag_scoren(self) -> bool:
        return self.request.user.has_perm("beoordeling.scoren", self.kandidaat)

    def post(self, request, *args, **kwargs):
        if not self.is_beoordelaar:
            raise PermissionDenied
        if not self.mag_scoren:
            messages.error(
                request,
                _("De ronde heeft de status ‘%(status)s’: u kunt deze beoordeling nu niet wijzigen.")
                % {"status": self.kandidaat.ronde.get_huidige_status_display()},
            )
            return redirect("beoordeling:kandidaat", pk=self.kandidaat.pk)
        if not request.user.verklaringen.filter(ronde=self.kandidaat.ronde).exists():
            return redirect("beoordeling:verklaring", slug=self.kandidaat.ronde.slug)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["criteria"] = self.criteria
        if self.request.method == "GET":
            kwargs["initial"] = BeoordelingForm.beginwaarden(self.eigen)
        return kwargs

    def form_valid(self, form):
        actie = BeoordelingForm.actie(self.request.POST)
        try:
            services.beoordeling_opslaan(
                beoordelaar=self.request.user,
                kandidaat=self.kandidaat,
                invoer=form.invoer(),
                opmerking=form.cleaned_data["opmerking"],
                actie=actie,
                reden_onthouding=form.cleaned_data["reden_onthouding"],
            )
        except ValidationError as fout:
            if hasattr(fout, "error_dict"):
                for veld, lijst in fout.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, lijst)
            else:
                form.add_error(None, fout)
            return self.form_invalid(form)
        teksten = {
            services.Actie.CONCEPT: _("Uw beoordeling is als concept bewaard."),
            services.Actie.INDIENEN: _("Uw beoordeling is ingediend."),
            services.Actie.ONTHOUDEN: _("U onthoudt zich van een oordeel over deze kandidaat."),
        }
        messages.success(self.request, teksten[actie])
        if actie == services.Actie.CONCEPT:
            return redirect("beoordeling:kandidaat", pk=self.kandidaat.pk)
        return redirect("beoordeling:lijst")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kandidaat=self.dossier,
            ronde=self.kandidaat.ronde,
            rb=self.rb,
            criteria=self.criteria,
            eigen=self.eigen,
            is_beoordelaar=self.is_beoordelaar,
            kan_wijzigen=self.mag_scoren,
            motivaties=[
                (
                    voordracht,
                    [
                        (criterium, {m.criterium_id: m.tekst for m in voordracht.motivaties.all()}.get(criterium.pk))
                        for criterium in self.criteria
                    ],
                )
                for voordracht in self.voordrachten
            ],
        )
        # Other reviewers' scores: staff always; an assigned reviewer only from calibration on.
        toon_scores = self.request.user.has_perm("beoordeling.scores_van_anderen_zien", self.kandidaat)
        context["toon_scores"] = toon_scores
        if toon_scores:
            beoordelingen = list(selectors.beoordelingen_van_kandidaat(self.kandidaat))
            reviews = [selectors.als_review(b) for b in beoordelingen]
            gewichten = {c.pk: c.gewicht for c in self.criteria}
            drempel = float(self.rb.spreidingsdrempel)
            per_criterium = aggregatie.per_criterium(reviews, drempel=drempel)
            context.update(
                beoordelingen=[
                    (b, [{s.criterium_id: s for s in b.scores.all()}.get(c.pk) for c in self.criteria])
                    for b in beoordelingen
                    if b.status != "concept"
                ],
                aggregaat=aggregatie.kandidaat_aggregeren(reviews, gewichten, drempel=drempel),
                per_criterium=[(c, per_criterium.get(c.pk)) for c in self.criteria],
                drempel=drempel,
            )
        return context


class ConflictMeldenView(KandidaatMixin, FormView):
    """A reviewer declares a conflict of interest; the candidate then leaves their list."""

    permission_required = "beoordeling.conflict_melden"
    template_name = "beoordeling/conflict_melden.html"
    form_class = ConflictMeldenForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kandidaat"] = self.kandidaat
        context["bestaand"] = Belangenconflict.objects.filter(
            beoordelaar=self.request.user, kandidaat=self.kandidaat
        ).first()
        return context

    def form_valid(self, form):
        try:
            services.conflict_melden(
                beoordelaar=self.request.user,
                kandidaat=self.kandidaat,
                soort=form.cleaned_data["soort"],
                toelichting=form.cleaned_data["toelichting"],
                bron=Belangenconflict.Bron.BEOORDELAAR,
                door=self.request.user,
            )
        except ValidationError as fout:  # e.g. a (verified) superuser without a reviewer role
            form.add_error(None, fout.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Uw belangenconflict met %(kandidaat)s is vastgelegd. U beoordeelt deze kandidaat niet.")
            % {"kandidaat": self.kandidaat},
        )
        return redirect("beoordeling:lijst")
