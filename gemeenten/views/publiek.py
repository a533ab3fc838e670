from django.views.generic import DetailView, ListView

from ..selectors import publieke_koplopers


class KoploperListView(ListView):
    template_name = "gemeenten/koploper_list.html"
    context_object_name = "koplopers"

    def get_queryset(self):
        return publieke_koplopers()


class KoploperDetailView(DetailView):
    template_name = "gemeenten/koploper_detail.html"
    context_object_name = "koploper"

    def get_queryset(self):
        return publieke_koplopers()


class KoploperKaartView(ListView):
    template_name = "gemeenten/kaart.html"
    context_object_name = "koplopers"

    def get_queryset(self):
        return publieke_koplopers()


def kaart_geojson(request):
    from django.http import JsonResponse

    return JsonResponse({"type": "FeatureCollection", "features": []})
