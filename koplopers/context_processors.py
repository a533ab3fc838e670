from django.conf import settings


def portaal(request):
    """Site-wide template values."""
    return {"MAP_BOUNDARY_ATTRIBUTION": settings.MAP_BOUNDARY_ATTRIBUTION}
