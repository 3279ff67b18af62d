"""Keep the API key, and any credential in a URL, out of everything the suite prints or writes.

A server may echo the key in many spellings, so the key is matched character by character:
each of its characters may be spelled

- as itself;
- JSON-escaped: `\\uXXXX` (either case of hex), the short escapes (`\\"`, `\\\\`, `\\/`,
  `\\n` ...), a surrogate pair for a character outside the BMP, and those escaped once more
  (`\\\\u0073`: JSON inside a JSON string);
- as a backslash escape of the kind logs and our own neutralisation write (`\\xHH`,
  `\\UXXXXXXXX`);
- as an HTML/XML character reference (`&#115;`, `&#x73;`, `&amp;` ...);
- URL-encoded: `%HH` per UTF-8 byte in either case, `+` for a space, a double-encoded
  `%25HH`, and those again JSON-escaped (`\\u0025` for `%`) - what a server writing a URL
  into JSON produces - or a JSON escape URL-encoded (`%5Cu0026`).

Mixed spellings (one character escaped, the next not) are matched too. The mask is chosen so
that it shares no character with the key or with any of these spellings: masking can then
never join the text around it into a new occurrence, and masking twice changes nothing.

URL user info (`scheme://user:password@`) is masked whatever the key is: a credential typed
into a URL must not travel into a log either.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "MASK",
    "SHORT_KEY_CHARS",
    "mask_bytes",
    "mask_secret",
    "mask_truncated",
    "mask_user_info",
]

MASK = "***"
# Masks to choose from: the first sharing no character with the key is used (none of them
# shares a character with the spellings above).
MASK_CANDIDATES = (MASK, "~~~", "^^^", "|||", "\u2022\u2022\u2022", "\u2588\u2588\u2588")
# Below this length a key also occurs in unrelated text, which masking then garbles: it is
# still masked (a leak is worse than a garbled line), and the tests pin that this is safe.
SHORT_KEY_CHARS = 8

_SHORT_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "\b": "b", "\f": "f", "\n": "n"}
_SHORT_JSON_ESCAPES |= {"\r": "r", "\t": "t"}
_NAMED_ENTITIES = {"&": ("amp",), "<": ("lt",), ">": ("gt",), '"': ("quot",), "'": ("apos",)}
_USER_INFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*:(?:\\?/){2})[^\s/?#@]+@")


# A spelling is a sequence of atoms; an atom is one character in the variants it may take
# (a hex digit in either case). Keeping spellings as atoms lets a layer encode each of them.
Atom = tuple[str, ...]
Spelling = tuple[Atom, ...]


# the backslash of an escape, or that backslash escaped once more (JSON inside JSON)
_BACKSLASH: Atom = ("\\\\", "\\")


def _hex_atoms(value: int, width: int) -> Spelling:
    return tuple(tuple(dict.fromkeys((d, d.upper()))) for d in f"{value:0{width}x}")


def _hex_any(value: int, width: int = 1) -> str:
    """A regex for `value` in hex, digits in either case."""
    return "".join(_variants(atom) for atom in _hex_atoms(value, width))


def _json_spellings(char: str) -> list[Spelling]:
    """`char` as a JSON string may spell it: itself, `\\uXXXX` (a surrogate pair outside
    the BMP), a short escape; their backslash possibly escaped again (JSON inside JSON)."""
    code = ord(char)
    escape: Spelling = (_BACKSLASH, ("u",))
    found: list[Spelling] = [((char,),)]
    if code < 0x10000:
        found.append(escape + _hex_atoms(code, 4))
    else:
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        found.append(escape + _hex_atoms(high, 4) + escape + _hex_atoms(low, 4))
    if char in _SHORT_JSON_ESCAPES:
        letter = _SHORT_JSON_ESCAPES[char]
        # JSON inside JSON escapes the letter too when it must be: \\\" for \"
        found.append((_BACKSLASH, (f"\\{letter}", letter) if letter in '"\\/' else (letter,)))
    return found


def _variants(atom: Atom) -> str:
    return "(?:" + "|".join(re.escape(variant) for variant in atom) + ")"


def _json_char(char: str) -> str:
    """A regex for one character, itself or JSON-escaped (a layer over URL encoding)."""
    spellings = ["".join(_variants(atom) for atom in s) for s in reversed(_json_spellings(char))]
    return "(?:" + "|".join(spellings) + ")"


def _url_char(char: str) -> str:
    """A regex for one character, itself or URL-encoded (`%HH` per UTF-8 byte, either case,
    `%` possibly encoded again as `%25`, `+` for a space), the characters of that encoding
    possibly JSON-escaped (a URL written into JSON). The character itself is never
    JSON-escaped here: `_json_spellings` did that, and two ways to read the same text would
    make a near miss cost exponential backtracking."""
    percent = _json_char("%") + "(?:" + _json_char("2") + _json_char("5") + ")?"

    def digit(d: str) -> str:
        return "(?:" + "|".join(_json_char(case) for case in dict.fromkeys((d, d.upper()))) + ")"

    encoded = "".join(percent + digit(f"{b:02x}"[0]) + digit(f"{b:02x}"[1]) for b in char.encode())
    # longest first: a spelling that merely starts like another must not end the match early
    found = [encoded, *([_json_char("+")] if char == " " else []), re.escape(char)]
    return "(?:" + "|".join(found) + ")"


def _atom(atom: Atom) -> str:
    variants = ("".join(_url_char(char) for char in variant) for variant in atom)
    return "(?:" + "|".join(variants) + ")"


def _other_spellings(char: str) -> list[str]:
    """Backslash escapes of logs and of our neutralisation, and HTML/XML references."""
    code = ord(char)
    found = [rf"\\U0*{_hex_any(code)}", f"&#0*{code};", f"&#[xX]0*{_hex_any(code)};"]
    if code < 0x100:
        found.append(rf"\\x{_hex_any(code, 2)}")
    found.extend(f"&{name};" for name in _NAMED_ENTITIES.get(char, ()))
    return found


def _char_pattern(char: str) -> str:
    """Every spelling of one character of the key: JSON spellings, each atom of them
    possibly URL-encoded (and that JSON-escaped again), and the other escapes."""
    spellings = reversed(_json_spellings(char))  # escapes before the character itself
    json_layers = ["".join(_atom(atom) for atom in spelling) for spelling in spellings]
    return "(?:" + "|".join(_other_spellings(char) + json_layers) + ")"


@functools.lru_cache(maxsize=16)
def _masking(secret: str) -> tuple[re.Pattern[str], str]:
    pattern = re.compile("".join(_char_pattern(char) for char in secret))
    used = set(secret)
    mask = next(
        (candidate for candidate in MASK_CANDIDATES if not used & set(candidate)),
        "\N{REPLACEMENT CHARACTER}" * 3,
    )
    return pattern, mask


def mask_user_info(text: str) -> str:
    """`text` with the user info of every URL in it (`scheme://user:password@`) masked."""
    return _USER_INFO.sub(lambda hit: f"{hit[1]}{MASK}@", text)


def mask_secret(text: str, secret: str) -> str:
    """`text` with URL user info and every spelling of `secret` replaced by a mask."""
    text = mask_user_info(text)
    if not secret:
        return text
    pattern, mask = _masking(secret)
    return pattern.sub(mask, text)


@functools.lru_cache(maxsize=16)
def _char_patterns(secret: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_char_pattern(char)) for char in secret)


# The longest spelling of one character (four UTF-8 bytes, each `%25HH` with every character
# JSON-escaped) is under this many characters; a spelling cut short leaves fewer.
_LONGEST_SPELLING = 128
_ESCAPE_ALPHABET = frozenset("\\%&#;+uUxX0123456789abcdefABCDEF")


def _start_left_at_end(text: str, secret: str) -> int | None:
    """Where a start of the key (its first characters, in any spelling, the last of them
    possibly cut mid-escape) runs to the end of `text`, or None."""
    chars = _char_patterns(secret)
    for start in range(max(0, len(text) - _LONGEST_SPELLING * len(secret)), len(text)):
        position = start
        for char in chars:
            hit = char.match(text, position)
            if hit is None:
                break
            position = hit.end()
        rest = text[position:]
        if position > start and len(rest) < _LONGEST_SPELLING and set(rest) <= _ESCAPE_ALPHABET:
            return start
    return None


def mask_truncated(text: str, secret: str) -> str:
    """`mask_secret` for text cut short: a start of the key left at its very end (the rest
    of it was cut off) is masked too; at worst a few innocent characters at the cut are."""
    text = mask_secret(text, secret)
    if not secret:
        return text
    start = _start_left_at_end(text, secret)
    return text if start is None else text[:start] + _masking(secret)[1]


def mask_bytes(data: bytes, secret: str) -> bytes:
    """`data` masked as text; bytes that are not UTF-8 pass through unchanged."""
    return mask_secret(data.decode("utf-8", "surrogateescape"), secret).encode(
        "utf-8", "surrogateescape"
    )
