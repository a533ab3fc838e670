"""PDFs with WeasyPrint: static files (CSS, fonts) are read from disk, nothing is fetched over HTTP."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


def _statisch_bestand(pad: str) -> Path | None:
    """The file behind a static path: collected (hashed names in production) or found by the finders."""
    try:
        verzameld = Path(staticfiles_storage.path(pad))
        if verzameld.is_file():
            return verzameld
    except NotImplementedError:
        pass
    gevonden = finders.find(pad)
    return Path(gevonden) if gevonden else None


class StatischeBestanden(URLFetcher):
    """Serve ``{% static %}`` URLs from disk; refuse everything else (no requests to ourselves or others)."""

    def fetch(self, url, headers=None):
        pad = unquote(urlsplit(url).path)
        if not pad.startswith(settings.STATIC_URL):
            raise ValueError(f"Alleen statische bestanden: {url}")
        bestand = _statisch_bestand(pad.removeprefix(settings.STATIC_URL))
        if bestand is None:
            raise FileNotFoundError(pad)
        soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=bestand.read_bytes(), headers={"Content-Type": soort})


def pdf_maken(*, template_name: str, context: dict, request) -> bytes:
    """Render ``template_name`` to an A4 PDF."""
    html = render_to_string(template_name, context, request=request)
    basis = request.build_absolute_uri("/")
    return HTML(string=html, base_url=basis, url_fetcher=StatischeBestanden()).write_pdf()
