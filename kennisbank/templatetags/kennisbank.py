from django import template

from ..selectors import etalageartikelen_bij_koploper, kennisitems_bij_koploper, nieuwste_etalageartikel

register = template.Library()


@register.inclusion_tag("kennisbank/includes/bij_koploper.html")
def kennis_bij_koploper(koploper):
    """Related knowledge items and showcase articles on a koploper's profile (two queries)."""
    return {
        "koploper": koploper,
        "kennisitems": list(kennisitems_bij_koploper(koploper)[:10]),
        "artikelen": list(etalageartikelen_bij_koploper(koploper)[:5]),
    }


@register.inclusion_tag("kennisbank/includes/op_home.html")
def kennisbank_op_home():
    """The newest showcase article and the way into the knowledge base, for the home page (one query)."""
    return {"artikel": nieuwste_etalageartikel()}
