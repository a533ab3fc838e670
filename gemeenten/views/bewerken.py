"""Profile editing by municipal officials and programme staff: draft, publish, history, restore."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .. import selectors, services
from ..forms import ContactpersoonFormSet, KoploperProfielForm, LinkFormSet
from ..models import Koploper, KoploperConcept


class KoploperMixin(PermissionRequiredMixin):
    """Finds the koploper by slug (published or not) and checks the permission on it."""

    @cached_property
    def koploper(self):
        return get_object_or_404(Koploper, slug=self.kwargs["slug"])

    def get_permission_object(self):
        return self.koploper

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "koploper": self.koploper}


class KoploperBewerkenView(KoploperMixin, TemplateView):
    """Edit the draft. Saving never publishes; the stale-edit check keeps both people's work."""

    permission_required = "gemeenten.profiel_bewerken"
    template_name = "gemeenten/koploper_form.html"

    def get(self, request, *args, **kwargs):
        gegevens = services.concept_of_gepubliceerd(self.koploper)
        form = KoploperProfielForm(
            initial={
                **{veld: gegevens.get(veld, "") for veld in services.PROFIEL_TEKSTVELDEN},
                "doelgroepen": gegevens.get("doelgroepen", []),
                "themas": gegevens.get("themas", []),
                "logo_alt": gegevens.get("logo_alt", ""),
                "basis": services.bewerkingstoken(self.koploper),
            }
        )
        links = LinkFormSet(prefix="links", initial=gegevens.get("links", []))
        contacten = ContactpersoonFormSet(prefix="contacten", initial=gegevens.get("contactpersonen", []))
        return self.render_to_response(self.get_context_data(form=form, links=links, contacten=contacten))

    def post(self, request, *args, **kwargs):
        form = KoploperProfielForm(request.POST, request.FILES)
        links = LinkFormSet(request.POST, prefix="links")
        contacten = ContactpersoonFormSet(request.POST, prefix="contacten")
        if form.is_valid() and links.is_valid() and contacten.is_valid():
            try:
                services.koploper_concept_opslaan(
                    koploper=self.koploper,
                    gebruiker=request.user,
                    gegevens={
                        **{veld: form.cleaned_data[veld] for veld in services.PROFIEL_TEKSTVELDEN},
                        "doelgroepen": [d.pk for d in form.cleaned_data["doelgroepen"]],
                        "themas": [t.pk for t in form.cleaned_data["themas"]],
                        "links": links.regels(),
                        "contactpersonen": contacten.regels(),
                        "logo_alt": form.cleaned_data["logo_alt"],
                    },
                    basis=form.cleaned_data["basis"],
                    logo=form.cleaned_data["logo"],
                    logo_verwijderen=form.cleaned_data["logo_verwijderen"],
                )
            except services.VerouderdConcept as fout:
                return self._verouderd(form, links, contacten, fout)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(
                    request,
                    _("Het concept is opgeslagen. Het is nog niet openbaar: publiceer het om het te tonen."),
                )
                return redirect("gemeenten:bewerken", slug=self.koploper.slug)
        return self.render_to_response(self.get_context_data(form=form, links=links, contacten=contacten))

    def _verouderd(self, form, links, contacten, fout):
        """Show the input again, based on the current state: saving once more replaces it knowingly."""
        data = self.request.POST.copy()
        data["basis"] = services.bewerkingstoken(self.koploper)
        form = KoploperProfielForm(data)
        form.is_valid()
        form.add_error(None, fout)
        if self.request.FILES.get("logo"):
            form.add_error("logo", _("Kies de afbeelding opnieuw als u die wilt gebruiken."))
        return self.render_to_response(
            self.get_context_data(form=form, links=links, contacten=contacten, verouderd=True), status=409
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        concept = KoploperConcept.objects.filter(koploper=self.koploper).select_related("bijgewerkt_door").first()
        context["concept"] = concept
        context["versienummer"] = selectors.laatste_versienummer(self.koploper)
        if concept is not None:
            context["wijzigingen"] = services.gegevens_vergelijken(
                services.koploper_gegevens(self.koploper), concept.gegevens
            )
            context["concept_logo"] = concept.gegevens.get("logo", "")
        else:
            context["concept_logo"] = self.koploper.logo.name
        return context


def _tijdstip(moment) -> str:
    """A moment as people in the Netherlands read it (Europe/Amsterdam), as on the history pages."""
    return date_format(localtime(moment), "j F Y H:i")


class KoploperPublicerenView(KoploperMixin, TemplateView):
    """GET: a preview of what will be public and what changes; POST: publish."""

    permission_required = "gemeenten.profiel_publiceren"
    template_name = "gemeenten/koploper_publiceren.html"
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gegevens = services.concept_of_gepubliceerd(self.koploper)
        context.update(
            voorbeeld=selectors.profiel_voorbeeld(gegevens),
            wijzigingen=services.gegevens_vergelijken(services.koploper_gegevens(self.koploper), gegevens),
            nieuw_nummer=selectors.laatste_versienummer(self.koploper) + 1,
        )
        return context

    def post(self, request, *args, **kwargs):
        koploper = services.koploper_publiceren(koploper=self.koploper, gebruiker=request.user)
        messages.success(
            request,
            _("Het profiel is gepubliceerd als versie %(versie)d en staat op de openbare pagina.")
            % {"versie": selectors.laatste_versienummer(koploper)},
        )
        return redirect("gemeenten:bewerken", slug=koploper.slug)


class KoploperDepublicerenView(KoploperMixin, View):
    permission_required = "gemeenten.profiel_depubliceren"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.koploper_depubliceren(koploper=self.koploper, gebruiker=request.user)
        messages.success(request, _("Het profiel staat niet meer op de openbare pagina's."))
        return redirect("gemeenten:bewerken", slug=self.koploper.slug)


class KoploperGeschiedenisView(KoploperMixin, ListView):
    """Every recorded version: when, who, why."""

    permission_required = "gemeenten.profiel_geschiedenis"
    template_name = "gemeenten/koploper_geschiedenis.html"
    context_object_name = "versies"
    paginate_by = 50

    def get_queryset(self):
        return selectors.koploper_versies(self.koploper)


class KoploperVersieView(KoploperMixin, TemplateView):
    """One version and what changed compared with the one before (or with ``?met=<id>``)."""

    permission_required = "gemeenten.profiel_geschiedenis"
    template_name = "gemeenten/koploper_versie.html"

    def _versie(self, history_id):
        try:
            return self.koploper.history.select_related("history_user").get(history_id=history_id)
        except (Koploper.history.model.DoesNotExist, ValueError, TypeError) as fout:
            raise Http404 from fout

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versie = self._versie(self.kwargs["versie"])
        if self.request.GET.get("met"):
            vorige = self._versie(self.request.GET["met"])
        else:
            vorige = versie.prev_record
        gegevens = services.versie_gegevens(versie)
        context.update(
            versie=versie,
            nummer=selectors.versienummer(versie),
            vorige=vorige,
            vorige_nummer=selectors.versienummer(vorige) if vorige else None,
            gegevens=gegevens,
            wijzigingen=services.gegevens_vergelijken(services.versie_gegevens(vorige), gegevens) if vorige else None,
        )
        return context


class KoploperHerstellenView(KoploperMixin, TemplateView):
    """GET: the version as the public page would show it and what changes; POST: restore it."""

    permission_required = "gemeenten.profiel_herstellen"
    template_name = "gemeenten/koploper_herstellen.html"
    http_method_names = ["get", "post"]

    @cached_property
    def versie(self):
        return get_object_or_404(self.koploper.history.all(), history_id=self.kwargs["versie"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        gegevens = services.versie_gegevens(self.versie)
        context.update(
            versie=self.versie,
            nummer=selectors.versienummer(self.versie),
            nieuw_nummer=selectors.laatste_versienummer(self.koploper) + 1,
            voorbeeld=selectors.profiel_voorbeeld(gegevens),
            wijzigingen=services.gegevens_vergelijken(services.koploper_gegevens(self.koploper), gegevens),
        )
        return context

    def post(self, request, *args, **kwargs):
        nummer = selectors.versienummer(self.versie)
        koploper = services.koploper_herstellen(koploper=self.koploper, versie=self.versie, gebruiker=request.user)
        messages.success(
            request,
            _("Versie %(nummer)d (%(datum)s) is hersteld en gepubliceerd als versie %(versie)d.")
            % {
                "nummer": nummer,
                "datum": _tijdstip(self.versie.history_date),
                "versie": selectors.laatste_versienummer(koploper),
            },
        )
        return redirect("gemeenten:geschiedenis", slug=koploper.slug)
