from django import template
from django.utils.safestring import mark_safe

from koplopers.html import schoon_html

register = template.Library()


@register.filter
def veilige_html(waarde):
    """Render rich text after sanitising it (again): safe even if stored text was not cleaned."""
    return mark_safe(schoon_html(waarde or ""))  # noqa: S308 (sanitised by nh3 just above)
