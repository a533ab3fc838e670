"""Sanitising of rich text: whatever is pasted, no script or style reaches a page.

Allowed: paragraphs, line breaks, lists, links (http, https, mailto), emphasis.
"""

import nh3

TOEGESTANE_TAGS = {"p", "br", "ul", "ol", "li", "a", "em", "strong", "i", "b"}
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}}
TOEGESTANE_SCHEMA_S = {"http", "https", "mailto"}


def schoon_html(html: str) -> str:
    """Return ``html`` with everything but the allowed tags and attributes removed."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMA_S,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
