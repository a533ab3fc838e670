from django.shortcuts import render
from django.views.generic import TemplateView

from gemeenten.selectors import kerncijfers, uitgelichte_koplopers


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["uitgelicht"] = uitgelichte_koplopers()
        context["kerncijfers"] = kerncijfers()
        return context


class PaginaView(TemplateView):
    """A plain content page (about, privacy statement, accessibility statement)."""


def geen_toegang(request, exception=None):
    return render(request, "403.html", status=403)


def niet_gevonden(request, exception=None):
    return render(request, "404.html", status=404)


def serverfout(request):
    return render(request, "500.html", status=500)
