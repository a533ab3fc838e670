"""The Zelftest cliëntondersteuning: four steps without JavaScript, a result, a PDF, an optional private link.

Answers live in the session until their holder chooses to keep them behind a private link.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from ..pdf import pdf_maken
from . import selectors, services
from .forms import StapForm, VerwijderenForm
from .models import BewaardeZelftest
from .uitslag import antwoorden_opschonen, eerste_onvolledige_stap, grafieken, uitslag_berekenen
from .vragen import CRITERIA, CRITERIUM_PER_NUMMER

SESSIESLEUTEL = "zelftest"


def _sessie(request) -> dict:
    gegevens = request.session.get(SESSIESLEUTEL)
    return gegevens if isinstance(gegevens, dict) else {}


def _antwoorden(request) -> dict:
    return antwoorden_opschonen(_sessie(request).get("antwoorden"))


def _sessie_opslaan(request, *, antwoorden: dict, bewaard: int | None) -> None:
    request.session[SESSIESLEUTEL] = {"antwoorden": antwoorden, "bewaard": bewaard}


def _bewaard_in_sessie(request) -> BewaardeZelftest | None:
    """The kept test whose answers are being changed in this session (reached through its link), if any."""
    return selectors.bewaarde_zelftest_in_sessie(_sessie(request).get("bewaard"))


class PriveMixin:
    """Answers are private: no browser or proxy keeps a copy, no search engine indexes them."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, no_store=True, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


def _uitslag_context(antwoorden: dict) -> dict:
    uitslagen = uitslag_berekenen(antwoorden)
    tekeningen = grafieken(uitslagen)
    verwijzingen = selectors.verwijzingen()
    return {
        "overzicht": tekeningen["overzicht"],
        "onderdelen": [
            {
                "uitslag": uitslag,
                "grafiek": tekeningen["per_criterium"][uitslag.criterium.slug],
                "links": verwijzingen[uitslag.criterium.slug],
            }
            for uitslag in uitslagen
        ],
        "vandaag": timezone.localdate(),
    }


def _pdf_antwoord(request, context: dict):
    from ..views import _pdf_antwoord as antwoord

    pdf = pdf_maken(template_name="kennisbank/zelftest/pdf.html", context=context, request=request)
    return antwoord(pdf, "zelftest-clientondersteuning.pdf")


class ZelftestStartView(PriveMixin, TemplateView):
    template_name = "kennisbank/zelftest/start.html"

    def get_context_data(self, **kwargs):
        antwoorden = _antwoorden(self.request)
        return super().get_context_data(
            criteria=CRITERIA,
            begonnen=bool(antwoorden),
            verder_bij=eerste_onvolledige_stap(antwoorden),
            **kwargs,
        )


class ZelftestStapView(PriveMixin, FormView):
    template_name = "kennisbank/zelftest/stap.html"
    form_class = StapForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.criterium = CRITERIUM_PER_NUMMER.get(kwargs["stap"])

    def dispatch(self, request, *args, **kwargs):
        if self.criterium is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criterium": self.criterium}

    def get_initial(self):
        antwoorden = _antwoorden(self.request)
        return {vraag.code: antwoorden[vraag.code] for vraag in self.criterium.vragen if vraag.code in antwoorden}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            criterium=self.criterium,
            criteria=CRITERIA,
            aantal_stappen=len(CRITERIA),
            vorige=CRITERIUM_PER_NUMMER.get(self.criterium.nummer - 1),
            laatste=self.criterium.nummer == len(CRITERIA),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "vorige" in request.POST and self.criterium.nummer > 1:
            # Back one step: keep what was answered here (valid answers only), require nothing.
            gegeven = antwoorden_opschonen(
                {vraag.code: request.POST.get(vraag.code) for vraag in self.criterium.vragen}
            )
            antwoorden = _antwoorden(request) | gegeven
            _sessie_opslaan(request, antwoorden=antwoorden, bewaard=_sessie(request).get("bewaard"))
            return redirect("kennisbank:zelftest_stap", stap=self.criterium.nummer - 1)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        antwoorden = _antwoorden(self.request) | form.cleaned_data
        _sessie_opslaan(self.request, antwoorden=antwoorden, bewaard=_sessie(self.request).get("bewaard"))
        volgende = CRITERIUM_PER_NUMMER.get(self.criterium.nummer + 1)
        if volgende is not None:
            return redirect("kennisbank:zelftest_stap", stap=volgende.nummer)
        return redirect("kennisbank:zelftest_uitslag")


class UitslagMixin(PriveMixin):
    def dispatch(self, request, *args, **kwargs):
        self.antwoorden = _antwoorden(request)
        onvolledig = eerste_onvolledige_stap(self.antwoorden)
        if onvolledig is not None:
            if self.antwoorden:
                messages.info(request, _("Beantwoord eerst alle vragen; daarna ziet u de uitslag."))
            return redirect("kennisbank:zelftest_stap", stap=onvolledig)
        return super().dispatch(request, *args, **kwargs)


class ZelftestUitslagView(UitslagMixin, TemplateView):
    template_name = "kennisbank/zelftest/uitslag.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **_uitslag_context(self.antwoorden), bewaard=_bewaard_in_sessie(self.request), **kwargs
        )


class ZelftestUitslagPdfView(UitslagMixin, View):
    def get(self, request):
        return _pdf_antwoord(request, _uitslag_context(self.antwoorden))


class ZelftestBewarenView(View):
    """Keep the answers behind a new private link, or save changes to the kept test they came from."""

    def post(self, request):
        antwoorden = _antwoorden(request)
        onvolledig = eerste_onvolledige_stap(antwoorden)
        if onvolledig is not None:
            return redirect("kennisbank:zelftest_stap", stap=onvolledig)
        bewaard = _bewaard_in_sessie(request)
        if bewaard is not None:
            services.zelftest_bijwerken(bewaard=bewaard, antwoorden=antwoorden)
            messages.success(request, _("Uw wijzigingen zijn bewaard. Ze staan achter dezelfde privélink als eerst."))
            return redirect("kennisbank:zelftest_uitslag")
        token, bewaard = services.zelftest_bewaren(antwoorden=antwoorden)
        _sessie_opslaan(request, antwoorden=antwoorden, bewaard=bewaard.pk)
        messages.success(
            request,
            _(
                "Uw antwoorden zijn bewaard. Bewaar de link van deze pagina goed, bijvoorbeeld als bladwijzer: "
                "wij kunnen hem niet opnieuw maken of opsturen."
            ),
        )
        return redirect("kennisbank:zelftest_bewaard", token=token)


class ZelftestOpnieuwView(View):
    def post(self, request):
        request.session.pop(SESSIESLEUTEL, None)
        messages.success(request, _("Uw antwoorden in deze browser zijn gewist. U kunt opnieuw beginnen."))
        return redirect("kennisbank:zelftest")


class BewaardMixin(PriveMixin):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.token = kwargs["token"]

    def dispatch(self, request, *args, **kwargs):
        self.bewaard = selectors.bewaarde_zelftest(self.token)
        self.antwoorden = antwoorden_opschonen(self.bewaard.antwoorden)
        return super().dispatch(request, *args, **kwargs)


class ZelftestBewaardView(BewaardMixin, TemplateView):
    template_name = "kennisbank/zelftest/bewaard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **_uitslag_context(self.antwoorden),
            bewaard=self.bewaard,
            link=self.request.build_absolute_uri(reverse("kennisbank:zelftest_bewaard", args=[self.token])),
            compleet=eerste_onvolledige_stap(self.antwoorden) is None,
            **kwargs,
        )


class ZelftestBewaardPdfView(BewaardMixin, View):
    def get(self, request, token):
        return _pdf_antwoord(request, _uitslag_context(self.antwoorden))


class ZelftestAanpassenView(BewaardMixin, View):
    """Take the kept answers into this session to change them; saving writes them back to the same link."""

    def post(self, request, token):
        _sessie_opslaan(request, antwoorden=self.antwoorden, bewaard=self.bewaard.pk)
        return redirect("kennisbank:zelftest_stap", stap=1)


class ZelftestVerwijderenView(BewaardMixin, FormView):
    template_name = "kennisbank/zelftest/verwijderen.html"
    form_class = VerwijderenForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(bewaard=self.bewaard, token=self.token, **kwargs)

    def form_valid(self, form):
        if _sessie(self.request).get("bewaard") == self.bewaard.pk:
            self.request.session.pop(SESSIESLEUTEL, None)
        services.zelftest_verwijderen(bewaard=self.bewaard)
        messages.success(self.request, _("Uw bewaarde zelftest is verwijderd. De link werkt niet meer."))
        return redirect("kennisbank:zelftest")


class ZelftestTotalenView(PermissionRequiredMixin, TemplateView):
    permission_required = "kennisbank.zelftest_totalen"
    template_name = "kennisbank/zelftest/totalen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            totalen=selectors.zelftest_totalen(), minimum=selectors.MINIMUM_VOOR_TOTALEN, **kwargs
        )
