"""HTML of the table rows of the ranking and the selection workspace, built in Python.

A round can have 300 candidates; rendering those rows through the template engine took several hundred
milliseconds (about 60 tag and variable lookups per row). These functions build the same escaped HTML
with ``format_html`` in a few milliseconds. Every text is translated once per request and every value
is escaped by ``format_html``/``conditional_escape``.
"""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .aggregatie import cijfer
from .models import Besluit


def getal(waarde, decimalen: int = 2) -> str:
    """A number the Dutch way (comma), or an en dash when there is none."""
    return cijfer(waarde, decimalen) or "–"


def signalen(rij) -> SafeString:
    a = rij.aggregaat
    labels = []
    if a.bespreken:
        labels.append(("label label--vlag", _("bespreken")))
    if rij.organisaties_ontbrekend:
        labels.append(("label", _("toewijzing onvolledig")))
    zonder_score = rij.organisaties_zonder_score
    if zonder_score:
        labels.append(
            (
                "label label--vlag",
                _("geen bruikbare score van %(organisaties)s")
                % {"organisaties": ", ".join(str(org.label) for org in zonder_score)},
            )
        )
    if a.zonder_score:
        labels.append(
            (
                "label label--vlag",
                ngettext("%(aantal)s beoordeling alles n.v.t.", "%(aantal)s beoordelingen alles n.v.t.", a.zonder_score)
                % {"aantal": a.zonder_score},
            )
        )
    if a.conflicten:
        labels.append(
            ("label", ngettext("%(aantal)s conflict", "%(aantal)s conflicten", a.conflicten) % {"aantal": a.conflicten})
        )
    if a.onthoudingen:
        labels.append(
            (
                "label",
                ngettext("%(aantal)s onthouding", "%(aantal)s onthoudingen", a.onthoudingen)
                % {"aantal": a.onthoudingen},
            )
        )
    if rij.gezamenlijk:
        labels.append(("label", _("gezamenlijk")))
    if rij.regio:
        labels.append(("label", _("regio")))
    if not labels:
        return mark_safe("")  # noqa: S308 (a literal)
    return format_html('<ul class="labels">{}</ul>', format_html_join("", '<li class="{}">{}</li>', labels))


def ranglijst_rijen(rijen) -> SafeString:
    """The ``<tr>`` rows of the ranking table (13 columns, see ``ranglijst.html``)."""
    delen = []
    kandidaat_url = _url_maker("beoordeling:kandidaat")
    for rij in rijen:
        a = rij.aggregaat
        per_org = format_html_join("", "<td>{}</td>", ((getal(w),) for _label, w in rij.gebalanceerd_per_organisatie))
        delen.append(
            format_html(
                '<tr><td>{}</td><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td><td>{}</td>{}<td>{}</td></tr>",
                rij.rang or "–",
                kandidaat_url(rij.kandidaat.pk),
                rij.kandidaat.naam,
                ", ".join(rij.provincies),
                getal(a.gebalanceerd),
                getal(a.gemiddelde),
                getal(a.mediaan),
                a.aantal,
                getal(a.standaardafwijking),
                getal(a.bereik),
                per_org,
                signalen(rij),
            )
        )
    return mark_safe("".join(delen))  # noqa: S308 (joined format_html output)


def _opties(keuzes) -> dict[str, SafeString]:
    """The ``<option>`` list for each possible selected value (built once per request)."""
    keuzes = [(waarde, str(label)) for waarde, label in keuzes]
    return {
        gekozen: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((waarde, mark_safe(" selected") if waarde == gekozen else "", label) for waarde, label in keuzes),
        )
        for gekozen, _label in keuzes
    }


_PK = 987654321


def _url_maker(naam: str, *args):
    """``reverse`` once; then the pk is put in by string replacement (fast for hundreds of rows)."""
    sjabloon = reverse(naam, args=[*args, _PK])
    return lambda pk: sjabloon.replace(str(_PK), str(pk))


def werkblad_rijen(rijen, *, ronde, csrf_token: str, uitkomsten, vastzettingen, bewerkbaar: bool) -> SafeString:
    """The ``<tr>`` rows of the selection workspace, each with its decision form (see ``selectie.html``)."""
    t_besluit = _("Besluit over %(naam)s")
    t_voorstel = _("Voorstel: %(naam)s")
    t_motivering = _("Motivering bij %(naam)s")
    t_placeholder = _("Motivering")
    t_bewaren = _("Bewaren")
    opties_uitkomst = _opties(uitkomsten)
    opties_vast = _opties(vastzettingen)
    kandidaat_url = _url_maker("beoordeling:kandidaat")
    besluit_url = _url_maker("beoordeling:besluit", ronde.slug)
    delen = []
    for rij in rijen:
        pk = rij.kandidaat.pk
        naam = rij.kandidaat.naam
        besluit = rij.besluit
        if bewerkbaar:
            cel = format_html(
                '<form method="post" action="{actie}" class="besluit" data-besluit>'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
                '<label for="uitkomst-{pk}" class="visueel-verborgen">{l_besluit}</label>'
                '<select name="uitkomst" id="uitkomst-{pk}">{o_uitkomst}</select>'
                '<label for="vastzetting-{pk}" class="visueel-verborgen">{l_voorstel}</label>'
                '<select name="vastzetting" id="vastzetting-{pk}">{o_vast}</select>'
                '<label for="motivering-{pk}" class="visueel-verborgen">{l_motivering}</label>'
                '<textarea name="motivering" id="motivering-{pk}" rows="2" placeholder="{placeholder}">{motivering}'
                "</textarea>"
                '<button type="submit" class="knop knop--secundair">{bewaren}'
                '<span class="visueel-verborgen"> – {naam}</span></button>'
                '<span class="besluit__status" role="status"></span></form>',
                actie=besluit_url(pk),
                csrf=csrf_token,
                pk=pk,
                l_besluit=t_besluit % {"naam": naam},
                o_uitkomst=opties_uitkomst[rij.uitkomst],
                l_voorstel=t_voorstel % {"naam": naam},
                o_vast=opties_vast[rij.vastzetting],
                l_motivering=t_motivering % {"naam": naam},
                placeholder=t_placeholder,
                motivering=besluit.motivering if besluit else "",
                bewaren=t_bewaren,
                naam=naam,
            )
        elif besluit and besluit.uitkomst:
            cel = format_html('{}<br><span class="klein">{}</span>', besluit.get_uitkomst_display(), besluit.motivering)
        else:
            cel = "–"
        delen.append(
            format_html(
                '<tr id="kandidaat-{}"{}><td>{}</td><th scope="row"><a href="{}">{}</a></th>'
                '<td>{} <span class="klein">({})</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
                pk,
                mark_safe(' class="gekozen"') if rij.uitkomst == Besluit.Uitkomst.GESELECTEERD else "",
                rij.rang or "–",
                kandidaat_url(pk),
                naam,
                getal(rij.aggregaat.gebalanceerd),
                rij.aggregaat.aantal,
                ", ".join(rij.provincies),
                ", ".join(rij.themas) or "–",
                signalen(rij),
                cel,
            )
        )
    return mark_safe("".join(delen))  # noqa: S308 (joined format_html output)
