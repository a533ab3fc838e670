"""The PDF copy of a nomination (WeasyPrint), attached to the confirmation e-mail."""

import threading

from django.template.loader import render_to_string

from .models import Voordracht
from .selectors import motivaties_per_criterium

# Pango/fontconfig under WeasyPrint are not known to be thread-safe: one rendering at a time per process.
_RENDEREN = threading.Lock()

# The PDF's own style: it is never served to a browser, so the page CSP does not apply.
PDF_CSS = """
@page {
  size: A4; margin: 2cm 2cm 2.2cm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; }
}
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
h1 { font-size: 18pt; color: #154273; margin: 0 0 0.3cm; }
h2 { font-size: 13pt; color: #154273; margin: 0.6cm 0 0.2cm; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 0.4cm 0 0.1cm; }
dl { margin: 0; } dt { font-weight: bold; margin-top: 0.15cm; } dd { margin: 0 0 0 0.5cm; }
.motivatie { white-space: pre-wrap; }
.klein { font-size: 9pt; color: #444; }
"""


def voordracht_pdf(voordracht: Voordracht) -> bytes:
    """Render a nomination (fetched with ``selectors.voordracht_volledig``) as a PDF.

    Nothing outside the document is fetched: every URL is refused, and all text is escaped.
    """
    html = render_to_string(
        "selectie/voordracht_pdf.html",
        {"voordracht": voordracht, "motivaties": motivaties_per_criterium(voordracht)},
    )
    from weasyprint import CSS, HTML  # heavy (±0.6 s): imported when a PDF is made, not at start
    from weasyprint.urls import URLFetcher

    weigeren = URLFetcher(allowed_protocols={"data"})
    with _RENDEREN:
        return HTML(string=html, url_fetcher=weigeren).write_pdf(stylesheets=[CSS(string=PDF_CSS)])
