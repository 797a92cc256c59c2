"""Unified Social Credit Code (统一社会信用代码, GB 32100-2015) validation.

The app warns about a bad code but never blocks: small shops (个体工商户) may have
none or an old registration number.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


@dataclass(frozen=True)
class UsccCheck:
    """Result of checking a code: the normalised form and a warning code if it is off."""

    normalized: str
    ok: bool
    problem: str | None = None  # "length" | "charset" | "checksum" | None


def normalize_uscc(raw: str) -> str:
    """Upper-case, drop spaces/hyphens and full-width forms users paste from documents."""
    text = raw.translate({0x3000: " "})
    # full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ) to half-width
    text = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    return "".join(c for c in text if c not in " \t-").upper()


def uscc_check_char(first17: str) -> str:
    """The 18th character for the given first 17 (all must be in ALPHABET)."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    c = 31 - total % 31
    return ALPHABET[0 if c == 31 else c]


def check_uscc(raw: str) -> UsccCheck:
    """Check a code; lower-case letters and spaces are normalised first, not rejected."""
    code = normalize_uscc(raw)
    if len(code) != 18:
        return UsccCheck(code, False, "length")
    if any(c not in _VALUE for c in code):
        return UsccCheck(code, False, "charset")
    if uscc_check_char(code[:17]) != code[17]:
        return UsccCheck(code, False, "checksum")
    return UsccCheck(code, True)
