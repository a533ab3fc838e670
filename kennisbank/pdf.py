"""PDFs with WeasyPrint: static files (CSS, fonts) are read from disk, nothing is fetched over HTTP.

Rendering a PDF costs hundreds of milliseconds of CPU. The public PDFs are therefore cached under a key
derived from the data they show (:func:`pdf_gecachet`), and at most ``PDF_GELIJKTIJDIG`` renders run at
once per process: a request that finds no free place within ``PDF_WACHTTIJD`` seconds gets
:class:`PdfTeDruk` (the view answers 503 with Retry-After) instead of piling up.

WeasyPrint is imported where a PDF is made, not when the URLconf loads: a web worker starts faster.
"""

import functools
import logging
import mimetypes
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.template.loader import render_to_string

logger = logging.getLogger("koplopers.storingen")

# Pango/fontconfig under WeasyPrint are not known to be thread-safe (see selectie/documenten.py): by
# default one render at a time per process. A threaded server may raise it with PDF_GELIJKTIJDIG.
_renders = threading.BoundedSemaphore(settings.PDF_GELIJKTIJDIG)


class PdfTeDruk(Exception):
    """No free place to render a PDF within the waiting time."""


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


@functools.cache
def _statische_bestanden_klasse():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

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

    return StatischeBestanden


def pdf_maken(*, template_name: str, context: dict, request) -> bytes:
    """Render ``template_name`` to an A4 PDF."""
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    basis = request.build_absolute_uri("/")
    return HTML(string=html, base_url=basis, url_fetcher=_statische_bestanden_klasse()()).write_pdf()


def pdf_gecachet(*, sleutel: str, maken: Callable[[], bytes], timeout: int) -> bytes:
    """The PDF cached under ``sleutel``, or made by ``maken()`` (within the render limit) and cached.

    A request that waited for a place looks in the cache again: whoever rendered meanwhile may have
    made the same PDF. Raises :class:`PdfTeDruk` when no place is free within ``PDF_WACHTTIJD``.
    """
    pdf = cache.get(sleutel)
    if pdf is not None:
        return pdf
    if not _renders.acquire(timeout=settings.PDF_WACHTTIJD):
        logger.info("event=pdf_te_druk sleutel=%s", sleutel)
        raise PdfTeDruk(sleutel)
    try:
        pdf = cache.get(sleutel)
        if pdf is None:
            pdf = maken()
            cache.set(sleutel, pdf, timeout)
    finally:
        _renders.release()
    return pdf
