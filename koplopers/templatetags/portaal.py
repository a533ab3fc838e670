from django import template
from django.utils.safestring import mark_safe

from koplopers.html import schoon_html
from koplopers.opmaak import tekst_naar_html

register = template.Library()


@register.filter
def veilige_html(waarde):
    """Render rich text after sanitising it (again): safe even if stored text was not cleaned."""
    return mark_safe(schoon_html(waarde or ""))  # noqa: S308 (sanitised by nh3 just above)


@register.filter
def opmaak(waarde):
    """Render a profile answer (plain text with light markup, see ``koplopers.opmaak``) as safe HTML."""
    return mark_safe(tekst_naar_html(waarde or ""))  # noqa: S308 (escaped, then sanitised by nh3)
