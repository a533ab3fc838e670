from django import template

from ..selectors import kennis_bij_koploper as _kennis_bij_koploper
from ..selectors import nieuwste_etalageartikel

register = template.Library()


@register.inclusion_tag("kennisbank/includes/bij_koploper.html")
def kennis_bij_koploper(koploper):
    """Related knowledge items and showcase articles on a koploper's profile (bounded, as in its PDF)."""
    kennis = _kennis_bij_koploper(koploper)
    return {
        "koploper": koploper,
        "kennisitems": kennis.kennisitems,
        "artikelen": kennis.artikelen,
        "meer_kennisitems": kennis.meer_kennisitems,
        "meer_artikelen": kennis.meer_artikelen,
    }


@register.inclusion_tag("kennisbank/includes/op_home.html")
def kennisbank_op_home():
    """The newest showcase article and the way into the knowledge base, for the home page (one query)."""
    return {"artikel": nieuwste_etalageartikel()}


@register.simple_tag
def paginanummers(page_obj):
    """The page numbers to link to: the first and last, and two on each side of the current page;
    ``None`` where numbers are left out (a list of 2,000 items has 100 pages)."""
    ellips = page_obj.paginator.ELLIPSIS
    return [
        None if nummer == ellips else nummer
        for nummer in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
