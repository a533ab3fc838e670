"""Middleware of the project package."""

from django.utils import timezone


class AankomstMiddleware:
    """Note when a request arrived, before any other work: a deadline counts arrival, not the end of the work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.aangekomen_op = timezone.now()
        return self.get_response(request)
