"""Server-rendered bar charts: the geometry for an inline SVG (no JavaScript, no style attributes).

Every bar carries its number as text, so nothing depends on colour; the same data goes in a table.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

BREEDTE = 640
LABELBREEDTE = 250
WAARDEBREEDTE = 50
RIJHOOGTE = 30
BALKHOOGTE = 20
MARGE = 8


@dataclass
class Balk:
    label: str
    waarde: int
    y: int
    breedte: int
    tekst_y: int
    waarde_x: int
    tekst: str = ""  # shown instead of the number when set (e.g. "67%" or "grotendeels")


@dataclass
class Staafdiagram:
    id: str
    titel: str
    beschrijving: str
    balken: list[Balk]
    breedte: int
    hoogte: int
    label_x: int
    balk_x: int
    kolomkop: str
    waardekop: str = ""  # the table's value column; "Aantal" when empty


def staafdiagram(
    reeks: list[tuple[str, int]],
    *,
    id: str,
    titel: str,
    beschrijving: str,
    kolomkop: str,
    waardekop: str = "",
    maximum: int | None = None,
    teksten: list[str] | None = None,
) -> Staafdiagram:
    """Horizontal bars, one per (label, value); the longest bar (or ``maximum``) fills the drawing area.

    ``teksten``, one per bar, replace the printed numbers (in the drawing and in the table).
    """
    grootste = maximum or max((waarde for _, waarde in reeks), default=0) or 1
    # Room after the longest bar for its printed value (a word needs more than a number: ~9 px a letter).
    waardebreedte = max([WAARDEBREEDTE, *(len(tekst) * 9 + 12 for tekst in teksten or [])])
    ruimte = BREEDTE - LABELBREEDTE - waardebreedte - 2 * MARGE
    balken = []
    for index, (label, waarde) in enumerate(reeks):
        y = MARGE + index * RIJHOOGTE
        breedte = round(ruimte * waarde / grootste) if waarde else 0
        balken.append(
            Balk(
                label=label,
                waarde=waarde,
                y=y,
                breedte=max(breedte, 2) if waarde else 0,
                tekst_y=y + BALKHOOGTE - 5,
                waarde_x=LABELBREEDTE + MARGE + breedte + 6,
                tekst=teksten[index] if teksten else "",
            )
        )
    return Staafdiagram(
        id=id,
        titel=titel,
        beschrijving=beschrijving,
        balken=balken,
        breedte=BREEDTE,
        hoogte=2 * MARGE + max(len(reeks), 1) * RIJHOOGTE,
        label_x=LABELBREEDTE,
        balk_x=LABELBREEDTE + MARGE,
        kolomkop=kolomkop,
        waardekop=waardekop,
    )


def factsheet_grafieken(cijfers: dict) -> list[Staafdiagram]:
    """The factsheet's charts, in the order the page shows them."""
    return [
        staafdiagram(
            cijfers["rondes"],
            id="grafiek-rondes",
            titel=_("Koplopers per ronde"),
            beschrijving=_("Staafdiagram: het aantal gepubliceerde koplopers in elke ronde."),
            kolomkop=_("Ronde"),
        ),
        staafdiagram(
            cijfers["provincies"],
            id="grafiek-provincies",
            titel=_("Koplopers per provincie"),
            beschrijving=_("Staafdiagram: het aantal gepubliceerde koplopers in elke provincie."),
            kolomkop=_("Provincie"),
        ),
        staafdiagram(
            cijfers["doelgroepen"],
            id="grafiek-doelgroepen",
            titel=_("Koplopers per doelgroep"),
            beschrijving=_("Staafdiagram: hoeveel koplopers zich op elke doelgroep richten."),
            kolomkop=_("Doelgroep"),
        ),
        staafdiagram(
            cijfers["themas"],
            id="grafiek-themas",
            titel=_("Koplopers per thema"),
            beschrijving=_("Staafdiagram: hoeveel koplopers werken aan elk thema."),
            kolomkop=_("Thema"),
        ),
        staafdiagram(
            cijfers["kennisproducten"],
            id="grafiek-kennisproducten",
            titel=_("Kennisproducten per soort"),
            beschrijving=_("Staafdiagram: het aantal gepubliceerde kennisproducten van elke soort."),
            kolomkop=_("Soort"),
        ),
    ]
