"""The outbox for the programme staff: every message, failures first, and "opnieuw versturen"."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors, services
from .forms import BerichtFilterForm
from .models import Bericht


class BerichtListView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    permission_required = "post.berichten_bekijken"
    template_name = "post/bericht_list.html"
    context_object_name = "berichten"
    paginate_by = 50
    page_kwarg = "pagina"

    def get_queryset(self):
        self.filter_form = BerichtFilterForm(self.request.GET or None)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return selectors.berichten(**{k: v for k, v in filters.items() if v})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        aantallen = context["aantallen"] = selectors.aantallen_per_status()
        context["status_aantallen"] = [(label, aantallen[waarde]) for waarde, label in Bericht.Status.choices]
        context["problemen"] = aantallen["mislukt"] + aantallen["controleren"]
        query = self.request.GET.copy()
        query.pop("pagina", None)
        context["query"] = query.urlencode()
        return context


class BerichtOpnieuwView(LoginRequiredMixin, PermissionRequiredMixin, DetailView):
    """GET: ask for confirmation (with the message and its last error); POST: queue it again."""

    permission_required = "post.bericht_opnieuw_versturen"
    template_name = "post/bericht_opnieuw.html"
    context_object_name = "bericht"
    model = Bericht

    def post(self, request, pk):
        bericht = get_object_or_404(Bericht, pk=pk)
        try:
            services.bericht_opnieuw_versturen(bericht=bericht)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Het bericht aan %(aan)s staat weer in de wachtrij.") % {"aan": bericht.aan})
        return redirect("post:berichten")
