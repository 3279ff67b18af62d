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

The key's bytes are also matched in the binary-to-text encodings a server may echo them in,
wherever they sit in a larger text:

- base64 of the UTF-8 bytes, standard and URL-safe alphabets (either, even mixed), with or
  without padding. Inside an encoded stream the key starts at any byte offset
  (`base64("Bearer " + key)` puts it at offset 7), so for each offset modulo 3 the run of
  characters the key's bits alone determine is matched, and the mask extends over the
  partly determined character at either end when that one fits the key's bits (the
  characters beyond mix in no bit of the key). `+`, `/`, `-` and `_` may also be
  JSON-escaped or URL-encoded (`\\/`, `%2F`); a line break (`\\n`, `\\r\\n`, or JSON's
  `\\\\n`) may sit between any two characters (MIME and PEM wrap lines).
- base32 of the UTF-8 bytes (RFC 4648 alphabet, either case) likewise, offsets modulo 5.
- hex, either case (even mixed), of the UTF-8, UTF-16-LE and UTF-16-BE bytes; bytes may be
  parted by up to two of ` ,:-` and a `0x` or `\\x` prefix (hex dumps, C arrays).
- quoted-printable of the UTF-8 bytes: every byte `=HH` (either case), or only some (the
  usual form encodes only non-printable bytes and `=`), `_` for a space (RFC 2047), soft
  line breaks (`=` and a line break); `\\xHH` is read like `=HH` (a bytes repr).

The rule against masking random text: an encoding is matched only when the key determines
at least `MIN_ENCODED_CHARS` of its characters in a row (hex digits, base64 or base32
characters, or the length of the all-`=HH` quoted-printable form): eight characters of
base64 carry 48 bits, of hex 32. A shorter key is still masked as itself and in the
spellings above; its encodings are not. Text cut short (`mask_truncated`) also loses a
start of an encoded run left at its very end, from `_TRUNCATED_MIN_CHARS` characters on.

The key as is is also masked in any case (`SK_LIVE_...`), and a start or an end of it from
`PARTIAL_MIN_CHARS` characters and half its length (a server showing it cut short).

Not matched: base64/base32 of UTF-16 bytes, hex dumps wrapped across lines, base64 with spaces
inside, octal or CSS escapes, base85 and uuencode, base32hex, encodings of an encoding (base64 of
the hex), of an escaped key (base64 of its JSON escape) or of a compressed or encrypted
body, and a run of which a server changed any character.

URL user info (`scheme://user:password@`) is masked whatever the key is: a credential typed
into a URL must not travel into a log either.
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = [
    "MASK",
    "MIN_ENCODED_CHARS",
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
# A start or end of the key shown as is (a server cutting it short) is masked from this many
# characters, and from half the key.
PARTIAL_MIN_CHARS = 12
# An encoding of the key is masked only when the key determines at least this many of its
# characters in a row (see the module docstring).
MIN_ENCODED_CHARS = 8

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


# The key's bytes in binary-to-text encodings. An encoded run is a row of units (a regex for
# one encoded character, or for one encoded byte), any two possibly parted by a separator.

_BASE64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
_BASE64_URL_SAFE = _BASE64[:62] + "-_"
_BASE32 = string.ascii_uppercase + "234567"
# a line break as written, or JSON-escaped
_LINE_BREAK = r"(?:\r?\n|(?:\\r)?\\n)"
# between the bytes of a hex dump or of a C array: `6b 33`, `6b:33`, `0x6b, 0x33`, `\x6b\x33`
_HEX_SEPARATOR = r"[ ,:\-]{0,2}(?:0[xX]|\\x)?"
# A start of an encoded run left at the end of cut text is masked from this many characters
# on; a cut may leave the last unit's escape unfinished (`%2`, `\\u00`, `=6`).
_TRUNCATED_MIN_CHARS = 4
_CUT_ESCAPE = r"[\\%=&#;uUxX0-9a-fA-F]{0,7}"


@dataclass(frozen=True)
class _Run:
    """The key encoded at one alignment: `units` in a row, `separator` optional between
    them, `lead`/`trail` a regex for the partly determined unit before/after them (or "").
    A unit stands for `unit_chars` characters of the encoding."""

    units: tuple[str, ...]
    separator: str
    unit_chars: int
    lead: str = ""
    trail: str = ""

    # Optional parts are written `(?:x|)`, not `(?:x)?`: the engine repeats a group slowly.
    # A pattern starts with a unit, never with the optional `lead`: at each place of a text
    # the engine then rejects a run at once by its first character (the lead before a hit is
    # matched backwards from the hit, `lead_pattern`).

    def _gap(self) -> str:
        return f"(?:{self.separator}|)"

    def pattern(self) -> str:
        """The run, and the partly determined unit after it if there."""
        gap = self._gap()
        trail = f"(?:{gap}{self.trail}|)" if self.trail else ""
        return gap.join(self.units) + trail

    def truncated_pattern(self) -> str:
        """A start of the run, at least `_TRUNCATED_MIN_CHARS` long (unanchored)."""
        gap = self._gap()
        minimum = -(-_TRUNCATED_MIN_CHARS // self.unit_chars)
        rest = ""
        for unit in reversed(self.units[minimum:]):
            rest = f"(?:{gap}{unit}{rest}|)"
        return gap.join(self.units[:minimum]) + rest + gap

    def lead_pattern(self) -> re.Pattern[str] | None:
        """The partly determined unit before the run, ending where the run starts."""
        return re.compile(f"{self.lead}{self._gap()}\\Z") if self.lead else None


def _aligned_values(data: bytes, width: int, offset: int) -> tuple[list[int], list[int], list[int]]:
    """`data` placed `offset` bytes into a stream encoded `width` bits a character: the
    values of the characters its bits alone determine, and the values the partly determined
    character before and after them may take ([] when there is none)."""
    start = 8 * offset
    bits = "0" * start + "".join(f"{byte:08b}" for byte in data)
    end = len(bits)
    first, last = -(-start // width), end // width
    core = [int(bits[i * width : (i + 1) * width], 2) for i in range(first, last)]
    lead: list[int] = []
    if start % width and first <= last:
        known = bits[start : first * width]  # the low bits of the character before
        lead = [high << len(known) | int(known, 2) for high in range(1 << (width - len(known)))]
    trail: list[int] = []
    if end % width and first <= last:
        known = bits[last * width :]  # the high bits of the character after
        free = width - len(known)
        trail = [int(known, 2) << free | low for low in range(1 << free)]
    return core, lead, trail


def _spelled_punctuation(char: str) -> str:
    """A punctuation character of an encoding (`+/-_`) as itself, JSON-escaped (`\\/`,
    `\\u002f`) or URL-encoded (`%2F`, `%252F`, that JSON-escaped). HTML references and log
    escapes of it are left out: they would make the pattern many times larger."""
    escapes = ["".join(_variants(atom) for atom in spelling) for spelling in _json_spellings(char)]
    return "(?:" + "|".join([*escapes[1:], _url_char(char)]) + ")"  # [0] is the char itself


def _unit(chars: Iterable[str]) -> str:
    """A regex for one of `chars`; one that is punctuation also in its spellings (`\\/`)."""
    ordered = sorted(set(chars))
    plain = "".join(char for char in ordered if char.isalnum())
    parts = [f"[{plain}]"] if plain else []
    parts += [_spelled_punctuation(char) for char in ordered if not char.isalnum()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _base64_unit(values: Iterable[int]) -> str:
    """A base64 character in either alphabet (a decoder may accept both)."""
    return _unit(alphabet[value] for value in values for alphabet in (_BASE64, _BASE64_URL_SAFE))


def _base32_unit(values: Iterable[int]) -> str:
    return _unit(case for value in values for case in (_BASE32[value], _BASE32[value].lower()))


def _base_n_runs(data: bytes, width: int, unit: Callable[[Iterable[int]], str]) -> list[_Run]:
    """`data` encoded `width` bits a character, at every byte offset that aligns differently
    (a character holds whole bytes again after `width` bytes)."""
    runs = []
    for offset in range(width // math.gcd(width, 8)):
        core, lead, trail = _aligned_values(data, width, offset)
        units = tuple(unit([value]) for value in core)
        runs.append(
            _Run(units, _LINE_BREAK, 1, unit(lead) if lead else "", unit(trail) if trail else "")
        )
    return runs


def _hex_byte(byte: int) -> str:
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{byte:02x}")


# the short escapes of a bytes repr (b'...'), which otherwise writes `\\xHH` or the byte
_REPR_ESCAPES = {ord("'"): "'", 9: "t", 10: "n", 13: "r"}


def _quoted_printable_byte(byte: int, in_json: bool) -> str:
    """A byte as quoted-printable writes it (`=HH`; `\\xHH` and the short escapes of a bytes
    repr too) or leaves it; `in_json`: that text inside a JSON string. Raw and JSON text are
    two runs: one run reading `\\` both ways would backtrack exponentially on a near miss."""
    backslash = r"\\\\" if in_json else r"\\"
    spellings = [r"(?:=|" + backslash + "x)" + _hex_byte(byte)]
    if byte in _REPR_ESCAPES:
        spellings.append(backslash + re.escape(_REPR_ESCAPES[byte]))
    if in_json and chr(byte) in _SHORT_JSON_ESCAPES:
        spellings.append(re.escape("\\" + _SHORT_JSON_ESCAPES[chr(byte)]))
    if byte == ord(" "):
        spellings.append("[ _]")
    elif 33 <= byte <= 126 and byte != ord("=") and not (in_json and chr(byte) in '"\\'):
        spellings.append(re.escape(chr(byte)))
    return "(?:" + "|".join(spellings) + ")"


@functools.lru_cache(maxsize=16)
def _encoded_runs(secret: str) -> tuple[_Run, ...]:
    """The key's encoded runs long enough to mask (`MIN_ENCODED_CHARS`)."""
    # the bytes of a key read from the environment with surrogateescape, as they were
    utf8 = secret.encode("utf-8", "surrogateescape")
    runs = [*_base_n_runs(utf8, 6, _base64_unit), *_base_n_runs(utf8, 5, _base32_unit)]
    for data in (
        utf8,
        secret.encode("utf-16-le", "surrogatepass"),
        secret.encode("utf-16-be", "surrogatepass"),
    ):
        runs.append(_Run(tuple(_hex_byte(byte) for byte in data), _HEX_SEPARATOR, 2))
    soft_line_break = "=" + _LINE_BREAK
    for in_json in (False, True):
        units = tuple(_quoted_printable_byte(byte, in_json) for byte in utf8)
        runs.append(_Run(units, soft_line_break, 3))
    return tuple(run for run in runs if len(run.units) * run.unit_chars >= MIN_ENCODED_CHARS)


# A partly determined unit before a run is at most one spelled character (under 128
# characters, `_LONGEST_SPELLING`) and a separator.
_LONGEST_LEAD = 256


@dataclass(frozen=True)
class _Masking:
    """How to mask one key: `pattern` has one group per alternative (the key's spellings,
    then each encoded run); `leads[i]` matches what group i + 1 may extend over backwards."""

    pattern: re.Pattern[str]
    leads: tuple[re.Pattern[str] | None, ...]
    mask: str

    def sub(self, text: str) -> str:
        parts, done = [], 0
        for hit in self.pattern.finditer(text):
            start = hit.start()
            lead = self.leads[(hit.lastindex or 1) - 1]
            before = (
                None if lead is None else lead.search(text, max(done, start - _LONGEST_LEAD), start)
            )
            parts += [text[done : start if before is None else before.start()], self.mask]
            done = hit.end()
        return "".join([*parts, text[done:]])


def _partial_patterns(secret: str) -> list[str]:
    """The key as is in another case, and a long start or end of it (a server showing the key
    cut short, `sk_live_abcd...`): at least `PARTIAL_MIN_CHARS` and half the key."""
    if len(secret) < SHORT_KEY_CHARS:
        return []
    found = [f"(?i:{re.escape(secret)})"]
    keep = max(PARTIAL_MIN_CHARS, math.ceil(len(secret) / 2))
    if len(secret) > keep:
        start = re.escape(secret[:keep]) + _optional_chain(secret[keep:])
        end = _optional_chain(secret[: len(secret) - keep], reverse=True) + re.escape(
            secret[len(secret) - keep :]
        )
        found += [start, end]
    return found


def _optional_chain(chars: str, *, reverse: bool = False) -> str:
    """`bcd` -> `(?:b(?:c(?:d)?)?)?` (a start of it); reversed: `(?:(?:(?:b)?c)?d)?` (an end)."""
    if not chars:
        return ""
    if reverse:
        chain = ""
        for char in chars:
            chain = f"(?:{chain}{re.escape(char)})?"
        return chain
    chain = ""
    for char in reversed(chars):
        chain = f"(?:{re.escape(char)}{chain})?"
    return chain


@functools.lru_cache(maxsize=16)
def _masking(secret: str) -> _Masking:
    runs = _encoded_runs(secret)
    spelled = "".join(_char_pattern(char) for char in secret)
    partial = _partial_patterns(secret)
    # the key's own spellings first: at one place the first alternative that matches wins
    alternatives = [spelled, *(run.pattern() for run in runs), *partial]
    pattern = re.compile("|".join(f"({alternative})" for alternative in alternatives))
    used = set(secret)
    mask = next(
        (candidate for candidate in MASK_CANDIDATES if not used & set(candidate)),
        "\N{REPLACEMENT CHARACTER}" * 3,
    )
    leads = (None, *(run.lead_pattern() for run in runs), *(None for _ in partial))
    return _Masking(pattern, leads, mask)


def mask_user_info(text: str) -> str:
    """`text` with the user info of every URL in it (`scheme://user:password@`) masked."""
    return _USER_INFO.sub(lambda hit: f"{hit[1]}{MASK}@", text)


def mask_secret(text: str, secret: str) -> str:
    """`text` with URL user info and every spelling of `secret` replaced by a mask."""
    text = mask_user_info(text)
    if not secret:
        return text
    return _masking(secret).sub(text)


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


@functools.lru_cache(maxsize=16)
def _truncated_encodings(secret: str) -> re.Pattern[str] | None:
    runs = [f"({run.truncated_pattern()})" for run in _encoded_runs(secret)]
    return re.compile("(?:" + "|".join(runs) + ")" + _CUT_ESCAPE + r"\Z") if runs else None


def _encoded_start_left_at_end(text: str, secret: str) -> int | None:
    """Where a start of an encoded run of the key (and the partly determined unit before it)
    runs to the end of `text`, or None."""
    pattern = _truncated_encodings(secret)
    hit = None if pattern is None else pattern.search(text)
    if hit is None:
        return None
    lead = _encoded_runs(secret)[(hit.lastindex or 1) - 1].lead_pattern()
    before = (
        None
        if lead is None
        else lead.search(text, max(0, hit.start() - _LONGEST_LEAD), hit.start())
    )
    return hit.start() if before is None else before.start()


def mask_truncated(text: str, secret: str) -> str:
    """`mask_secret` for text cut short: a start of the key left at its very end (the rest
    of it was cut off), as itself or encoded (`_TRUNCATED_MIN_CHARS` or more characters of
    an encoded run), is masked too; at worst a few innocent characters at the cut are."""
    text = mask_secret(text, secret)
    if not secret:
        return text
    starts = (_start_left_at_end(text, secret), _encoded_start_left_at_end(text, secret))
    found = [start for start in starts if start is not None]
    return text[: min(found)] + _masking(secret).mask if found else text


def mask_bytes(data: bytes, secret: str) -> bytes:
    """`data` masked as text; bytes that are not UTF-8 pass through unchanged."""
    return mask_secret(data.decode("utf-8", "surrogateescape"), secret).encode(
        "utf-8", "surrogateescape"
    )
