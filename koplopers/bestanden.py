"""Checks on uploaded files by their content, never by their name."""

# Images of at most 25 megapixels: decoding costs 3-4 bytes a pixel, so a small file describing a bigger
# image (a decompression bomb) could exhaust the server. Pillow's own limit is set to the same number in
# ``KoplopersConfig.ready``, so every decode anywhere in the portal refuses what the upload check refuses.
MAX_AFBEELDING_PIXELS = 25_000_000

PDF_BEGIN = b"%PDF-"
PDF_EINDE = b"%%EOF"

# Keys that only occur with active content: scripts, embedded files, multimedia.
ACTIEVE_SLEUTELS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/RichMediaContent"}
# Values of /S (an action's kind), /Type or /Subtype that mean active content.
ACTIEVE_SOORTEN = {"/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia"}
# How many objects the check looks at before it gives up (and refuses): a huge or looping tree costs no more.
MAX_PDF_OBJECTEN = 200_000


def pdf_inhoud_fout(bestand, *, versleuteld_weigeren: bool = False) -> str | None:
    """Why ``bestand`` is not a PDF we accept, or None if it is one.

    ``"geen_pdf"``: no PDF header or end marker; ``"onleesbaar"``: it does not parse (or needs a password);
    ``"actieve_inhoud"``: it carries JavaScript, launch actions, embedded files or multimedia (see
    :func:`pdf_actieve_inhoud`). Looks at the header, the end marker in the last 2 KB, parses it and walks
    its objects; the file position is restored.
    """
    try:
        bestand.seek(0)
        begin = bestand.read(len(PDF_BEGIN))
        bestand.seek(max(0, bestand.size - 2048))
        einde = bestand.read()
        if begin != PDF_BEGIN or PDF_EINDE not in einde:
            return "geen_pdf"
        bestand.seek(0)
        from pypdf import PdfReader  # ±0.08 s to import: only when a PDF is checked, not at worker start

        try:
            lezer = PdfReader(bestand, strict=False)
            if (versleuteld_weigeren and lezer.is_encrypted) or len(lezer.pages) < 1:
                return "onleesbaar"
            if pdf_actieve_inhoud(lezer):
                return "actieve_inhoud"
        except Exception:  # a damaged file may make the parser raise anything: refuse, never a 500
            return "onleesbaar"
        return None
    finally:
        bestand.seek(0)


def pdf_actieve_inhoud(lezer: "PdfReader", *, budget: int = MAX_PDF_OBJECTEN) -> bool:  # noqa: F821
    """Whether the PDF holds active content anywhere in its object tree, or is too big to check.

    Active: JavaScript (``/JS``, ``/JavaScript`` in the names tree or as an action, also behind
    ``/OpenAction`` and ``/AA``), ``/Launch`` actions, embedded files (``/EmbeddedFile(s)``) and
    ``/RichMedia``. Walks every dictionary and array reachable from the trailer, resolving indirect
    objects once each (so cycles end), without decoding streams. More than ``budget`` objects counts as
    active: refusing is safer than an unchecked file.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    gezien: set[tuple[int, int]] = set()
    stapel = [lezer.trailer]
    bezocht = 0
    while stapel:
        bezocht += 1
        if bezocht > budget:
            return True
        obj = stapel.pop()
        if isinstance(obj, IndirectObject):
            sleutel = (obj.idnum, obj.generation)
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):  # a stream is a dictionary too (its data is not read)
            for sleutel, waarde in obj.items():
                if sleutel in ACTIEVE_SLEUTELS:
                    return True
                if sleutel in ("/S", "/Type", "/Subtype") and isinstance(waarde, NameObject):
                    if waarde in ACTIEVE_SOORTEN:
                        return True
                if isinstance(waarde, DictionaryObject | ArrayObject | IndirectObject):
                    stapel.append(waarde)
        elif isinstance(obj, ArrayObject):
            stapel.extend(item for item in obj if isinstance(item, DictionaryObject | ArrayObject | IndirectObject))
    return False
