"""Build-time tool: cut Debian's HanaMinB (fonts-hanazono) down to CJK Extension B.

The app's PDF documents use HanaMinB only as the per-character fallback for what the main
font (Noto Serif SC / Noto Sans SC, which cover the whole URO block) lacks: Extension B
ideographs in people's and places' names such as 𠮷 (U+20BB7) or 𡒄 (U+21484). The full
HanaMinB.ttf (30.7 MB) also carries Extensions C-F and compatibility ideographs; the copy in
``resources/fonts/fallback/`` keeps U+20000-U+2A6DF only.

Run once when updating the font (fontTools is a build-time tool, not an app dependency):

    apt-get install fonts-hanazono
    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python installers/subset_fallback_font.py \
        /usr/share/fonts/truetype/hanazono/HanaMinB.ttf resources/fonts/fallback/HanaMinB-ExtB.ttf

The Hanazono Font License (one of the two licences HanaMinB is offered under, see
``resources/fonts/fallback/LICENSE-Hanazono.txt``) grants use and distribution with or
without modification, so the subset is distributed under it.
"""

from __future__ import annotations

import sys

EXT_B = range(0x20000, 0x2A6E0)


def main(src: str, dst: str) -> None:
    from fontTools import subset  # build-time only

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False  # print and screen rendering of rare names need no TrueType hints
    font = subset.load_font(src, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(EXT_B))
    subsetter.subset(font)
    subset.save_font(font, dst, options)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: subset_fallback_font.py SRC.ttf DST.ttf")
    main(sys.argv[1], sys.argv[2])
