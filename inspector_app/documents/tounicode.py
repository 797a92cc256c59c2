"""Fix for reportlab's ToUnicode map above U+FFFF (design.md §11).

reportlab (checked with 4.x and 5.1) writes each character of a TrueType subset's ToUnicode
CMap as ``<%04X>``, so 𠮷 (U+20BB7) becomes ``<20BB7>``: five hex digits, which PDF readers
reject. The glyph prints, but copy, search and text extraction lose the character (poppler
shows ``₻``, pypdf drops it). The PDF reference wants UTF-16BE, i.e. the surrogate pair
``<D842DFB7>``.

The writer is one module-level function, ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``,
looked up by name when the fonts are added to a document; :func:`install` replaces it. The
replacement is only installed when reportlab's own function still shows the bug (probed with
one Ext-B code point), so a fixed reportlab is left alone.
"""

from __future__ import annotations

import functools
import logging

import reportlab
from reportlab.pdfbase import ttfonts

log = logging.getLogger(__name__)
_PROBE = 0x20BB7
KNOWN_MAJORS = (4, 5)


def utf16_hex(code: int) -> str:
    """``code`` as UTF-16BE hex digits: 4 for the BMP, 8 (a surrogate pair) above it."""
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """Same CMap as reportlab's, with each destination written in UTF-16BE."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


def reportlab_has_bug() -> bool:
    """True when reportlab's own writer emits a code point above U+FFFF as 5 hex digits."""
    original = getattr(ttfonts, "_gi_original_makeToUnicodeCMap", ttfonts.makeToUnicodeCMap)
    return f"<{_PROBE:X}>" in original("PROBE", [0, _PROBE])


def version_known(version: str | None = None) -> bool:
    """True for the reportlab releases whose ``makeToUnicodeCMap(fontname, subset)`` this
    replacement copies (4.x and 5.x); a later major release may have changed the writer."""
    major = (version or reportlab.Version).split(".")[0]
    return major.isdigit() and int(major) in KNOWN_MAJORS


@functools.cache
def install() -> bool:
    """Replace reportlab's ToUnicode writer if it needs it; True when the fix is in place.

    Outside the known versions nothing is patched and a warning is logged; the Ext-B text
    extraction tests then fail, which is the signal to re-check this module.
    """
    if ttfonts.makeToUnicodeCMap is make_to_unicode_cmap:
        return True
    if not version_known():
        log.warning("reportlab %s: ToUnicode fix not applied (known: %s.x)",
                    reportlab.Version, "/".join(map(str, KNOWN_MAJORS)))
        return False
    if not reportlab_has_bug():
        return False
    ttfonts._gi_original_makeToUnicodeCMap = ttfonts.makeToUnicodeCMap
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
    return True
