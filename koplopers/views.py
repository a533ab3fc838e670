import sys

from django.conf import settings
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView
from django.views.static import serve

from gemeenten.selectors import kerncijfers, publieke_versie, themas_met_aantal, uitgelichte_koplopers

from .storingen import databasestoring_antwoord, is_databasefout


class HomeView(TemplateView):
    """What the programme is, featured koplopers, key figures and the ways into map and list."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # Lazy: the template caches these parts per data version and only asks when rendering them.
        return super().get_context_data(
            versie=publieke_versie()[0],
            uitgelicht=uitgelichte_koplopers(),
            kerncijfers=SimpleLazyObject(kerncijfers),
            themas=themas_met_aantal(),
            **kwargs,
        )


class PaginaView(TemplateView):
    """A plain content page (about, privacy statement, accessibility statement)."""


def geen_toegang(request, exception=None):
    return render(request, "403.html", status=403)


def niet_gevonden(request, exception=None):
    return render(request, "404.html", status=404)


def serverfout(request):
    # A lost database connection raised outside a view (in a middleware) is an outage, not a bug.
    fout = sys.exc_info()[1]
    if is_databasefout(fout):
        return databasestoring_antwoord(request, fout)
    return render(request, "500.html", status=500)


@cache_control(public=True, max_age=86400)
def publieke_media(request, pad):
    """Serve a public upload (a logo, a knowledge-base PDF) from MEDIA_ROOT, in every environment.

    Only the folders the URL pattern names are reachable; nomination attachments are not.
    """
    return serve(request, pad, document_root=settings.MEDIA_ROOT)
