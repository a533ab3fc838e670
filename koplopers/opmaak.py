"""Profile answers as plain text with a little Markdown-like markup: what an official types is what is stored.

The source is what the editor shows again; the public page, the PDF and the search index render it
with ``tekst_naar_html`` (sanitised by nh3 at the end). The syntax:

- a blank line starts a new paragraph; a single line break stays a line break;
- lines starting with ``- `` or ``* `` form a bulleted list, lines starting with ``1. `` a numbered list;
- ``[tekst](https://…)`` is a link, a bare ``https://…`` or ``www.…`` address becomes a link too;
- ``**vet**`` and ``*nadruk*``.

``html_naar_tekst`` converts the rich text stored before (paragraphs, lists, links, emphasis) back to
this source; the data migration of the profiles uses it.
"""

import re
from html import escape
from html.parser import HTMLParser

from .html import schoon_html

HTML_TAG = re.compile(r"</?(p|br|ul|ol|li|a|em|strong|i|b|div|span)\b[^<>]*>", re.IGNORECASE)
_OPSOMMING = re.compile(r"^[-*]\s+(?P<tekst>.*)$")
_GENUMMERD = re.compile(r"^\d{1,3}[.)]\s+(?P<tekst>.*)$")
_LINK = re.compile(
    r"\[(?P<tekst>[^\]\n]+)\]\((?P<url>(?:https?://|mailto:|www\.)[^()\s]+)\)"
    r"|(?P<kaal>\b(?:https?://|www\.)[^\s<>\[\]()]*[^\s<>\[\]().,;:!?'\"])"
)
_VET = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_NADRUK = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")


def _nadruk(veilig: str) -> str:
    """Bold and emphasis in text that is already escaped."""
    return _NADRUK.sub(r"<em>\1</em>", _VET.sub(r"<strong>\1</strong>", veilig))


def _regel(regel: str) -> str:
    """One line of source as inline HTML: links, bold, emphasis; everything else escaped."""
    delen, positie = [], 0
    for treffer in _LINK.finditer(regel):
        delen.append(_nadruk(escape(regel[positie : treffer.start()], quote=False)))
        if treffer["url"]:
            url, tekst = treffer["url"], _nadruk(escape(treffer["tekst"], quote=False))
        else:
            url, tekst = treffer["kaal"], escape(treffer["kaal"], quote=False)
        if url.startswith("www."):
            url = f"https://{url}"
        delen.append(f'<a href="{escape(url)}">{tekst}</a>')
        positie = treffer.end()
    delen.append(_nadruk(escape(regel[positie:], quote=False)))
    return "".join(delen)


def normaliseer(tekst: str) -> str:
    """The source as it is stored: Unix line ends, no trailing spaces, no blank lines at either end."""
    regels = [regel.rstrip() for regel in (tekst or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(regels).strip("\n")


def tekst_naar_html(tekst: str) -> str:
    """Render the source ``tekst`` as sanitised HTML (paragraphs, lists, links, emphasis)."""
    tekst = normaliseer(tekst)
    if not tekst.strip():
        return ""
    blokken = []
    for blok in re.split(r"\n\s*\n", tekst):
        regels = [regel.strip() for regel in blok.split("\n") if regel.strip()]
        # A block may mix a paragraph and a list: group consecutive lines of the same kind.
        groep_soort, groep = None, []
        for regel in regels + [None]:
            if regel is None:
                soort, inhoud = "einde", ""
            elif treffer := _OPSOMMING.match(regel):
                soort, inhoud = "ul", treffer["tekst"]
            elif treffer := _GENUMMERD.match(regel):
                soort, inhoud = "ol", treffer["tekst"]
            else:
                soort, inhoud = "p", regel
            if soort != groep_soort and groep:
                if groep_soort == "p":
                    blokken.append("<p>" + "<br>".join(_regel(r) for r in groep) + "</p>")
                else:
                    items = "".join(f"<li>{_regel(r)}</li>" for r in groep)
                    blokken.append(f"<{groep_soort}>{items}</{groep_soort}>")
                groep = []
            groep_soort = soort
            groep.append(inhoud)
    return schoon_html("".join(blokken))


class _NaarTekst(HTMLParser):
    """Walks the stored rich text and writes the source syntax (see ``html_naar_tekst``)."""

    BLOKKEN = {"p", "div", "ul", "ol", "li"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blokken: list[str] = []
        self.huidig: list[str] = []
        self.lijsten: list[list] = []  # per open list: [soort, teller]
        self.links: list[tuple[str, int]] = []  # per open link: href, start in self.huidig

    def _blok_sluiten(self, voorvoegsel: str = "") -> None:
        tekst = re.sub(r"[ \t]+", " ", "".join(self.huidig))
        tekst = "\n".join(regel.strip() for regel in tekst.split("\n")).strip()
        self.huidig = []
        if tekst:
            self.blokken.append((voorvoegsel, tekst))

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "div"):
            self._blok_sluiten()
        elif tag in ("ul", "ol"):
            self._blok_sluiten()
            self.lijsten.append([tag, 0])
        elif tag == "li":
            self._blok_sluiten()
            if self.lijsten:
                self.lijsten[-1][1] += 1
        elif tag == "br":
            self.huidig.append("\n")
        elif tag in ("strong", "b"):
            self.huidig.append("**")
        elif tag in ("em", "i"):
            self.huidig.append("*")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.huidig)))

    def handle_endtag(self, tag):
        if tag in ("p", "div"):
            self._blok_sluiten()
        elif tag == "li":
            self._blok_sluiten(self._li_voorvoegsel())
        elif tag in ("ul", "ol"):
            self._blok_sluiten()
            if self.lijsten:
                self.lijsten.pop()
        elif tag in ("strong", "b"):
            self.huidig.append("**")
        elif tag in ("em", "i"):
            self.huidig.append("*")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            tekst = "".join(self.huidig[start:]).strip()
            del self.huidig[start:]
            kaal = href.removeprefix("https://").removeprefix("http://").rstrip("/")
            if not href:
                self.huidig.append(tekst)
            elif tekst in (href, kaal, kaal + "/") or not tekst:
                self.huidig.append(href)
            else:
                self.huidig.append(f"[{tekst}]({href})")

    def handle_data(self, data):
        self.huidig.append(re.sub(r"\s+", " ", data) if not data.isspace() else " ")

    def _li_voorvoegsel(self) -> str:
        if self.lijsten and self.lijsten[-1][0] == "ol":
            return f"{max(self.lijsten[-1][1], 1)}. "
        return "- "

    def tekst(self) -> str:
        self._blok_sluiten()
        uitvoer, vorige_was_item = [], False
        for voorvoegsel, tekst in self.blokken:
            is_item = bool(voorvoegsel)
            if is_item:
                tekst = voorvoegsel + tekst.replace("\n", " ")
            if uitvoer:
                uitvoer.append("\n" if is_item and vorige_was_item else "\n\n")
            uitvoer.append(tekst)
            vorige_was_item = is_item
        return "".join(uitvoer)


def html_naar_tekst(html: str) -> str:
    """Convert stored rich text (HTML) to the source syntax. Text without tags is returned as it is."""
    if not html or not HTML_TAG.search(html):
        return normaliseer(html or "")
    parser = _NaarTekst()
    parser.feed(html)
    parser.close()
    return parser.tekst()
