"""Bytes to clean Unicode text: encodings, BOMs, line ends, odd whitespace.

Terminal safety starts here: escape sequences and control characters never
get past this module, and how many were dropped is reported so the cleaner can
record it among the removed blocks (nothing is lost silently).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from tui.errors import LedeError

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST), and two-byte ESC sequences; plus the
# 8-bit C1 forms of CSI (\x9b) and OSC/DCS (\x9d, \x90 ...).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                      # CSI
  | \x9b[0-?]*[ -/]*[@-~]                        # 8-bit CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])      # OSC, DCS, SOS, PM, APC ...
    [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?        # ... up to BEL or ST
  | \x1b[ -/]*[0-~]                              # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Where any escape or control sequence would have to start: a fast first scan.
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible format characters that only hide text (keep ZWJ/ZWNJ: scripts need them).
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")

MOJIBAKE_SAMPLE = 200  # marks whose surroundings ftfy reads
# Character classes only, no alternation: a scan of megabytes stays fast.
_MOJIBAKE_MARK = re.compile("[ÃÂÅÐÑ\x80-\x9f]")
_LINE_BREAKS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c]")
# Tabs and every Unicode space separator (category Zs) but the plain space.
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text ready for block splitting, and what had to be dropped on the way."""

    text: str
    encoding: str
    controls_removed: int
    controls_line: int = 0  # the first line that had any, 1-based


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode bytes as UTF-8 (with or without BOM), else as charset-normalizer says."""
    if not data.strip():
        raise LedeError(f"{name}: the file is empty")
    encoding = _detect_encoding(data, name)
    text = data.decode(encoding, errors="replace")
    return sanitize(text, encoding)


def decode_page(data: bytes, name: str) -> DecodedText:
    """An HTML page's bytes as text, cleaned only where it needs it.

    Most of a page is markup and scripts no reader sees: when it holds no
    control character and no mojibake, it is only decoded, and each block
    of text taken from it is cleaned on its own (``tidy``); otherwise the
    whole page is cleaned as a text would be.
    """
    if not data.strip():
        raise LedeError(f"{name}: the file is empty")
    encoding = _detect_encoding(data, name)
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    if _ANY_CONTROL.search(text) or _is_mojibake(text):
        return sanitize(text, encoding)
    return DecodedText(text, encoding, 0)


def tidy(text: str) -> str:
    """One piece of text as ``sanitize`` leaves it (for text cut out of a page)."""
    return sanitize(text).text


def sanitize(text: str, encoding: str = "utf-8") -> DecodedText:
    """Normalise line ends and whitespace and drop control sequences.

    Lines are cleaned one at a time, so an escape sequence left open (an OSC
    with no terminator) can never swallow the rest of the article.
    """
    text = text.removeprefix("\ufeff")
    # Line breaks first: "\r\n" must become one newline, not a dropped control.
    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n"))
    removed = 0
    first_line = 0

    def clean_lines(pattern: re.Pattern[str], text: str) -> str:
        nonlocal removed, first_line
        # One cheap scan for any control character before the costly patterns.
        if not _ANY_CONTROL.search(text) or not pattern.search(text):
            return text
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            line, count = pattern.subn("", line)
            if count:
                removed += count
                first_line = min(first_line or number, number)
                lines[number - 1] = line
        return "\n".join(lines)

    # Escape sequences go first; then mojibake is repaired (its C1 bytes are
    # evidence ftfy needs); then any control character left is dropped.
    text = clean_lines(_ESCAPE_SEQUENCE, text)
    if _is_mojibake(text):
        text = _fix_mojibake(text)
    text = clean_lines(_CONTROL, text)

    text = _INVISIBLE.sub("", text)
    # A tab parts columns: two spaces keep that (one would glue the cells).
    text = _ODD_SPACE.sub(" ", text.replace("\t", "  "))
    # One spelling for each character (composed, NFC), as search and the web expect.
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return DecodedText(text, encoding, removed, first_line)


def _is_mojibake(text: str) -> bool:
    """UTF-8 read as a single-byte code page ("cafÃ©"), found by ftfy's heuristic."""
    # UTF-8 read as latin-1 or cp1252 leaves these marks; without them there
    # is nothing to repair, and ftfy's full check is not free on megabytes.
    if text.isascii() or not (_MOJIBAKE_MARK.search(text) or "â€" in text):
        return False

    from ftfy.badness import is_bad

    # ftfy judges the words around the marks: the rest cannot be mojibake.
    around = [
        text[max(0, m.start() - 40) : m.end() + 40]
        for m in itertools.islice(_MOJIBAKE_MARK.finditer(text), MOJIBAKE_SAMPLE)
    ]
    if "â€" in text:
        at = text.index("â€")
        around.append(text[max(0, at - 40) : at + 40])
    return is_bad("\n".join(around))


def _fix_mojibake(text: str) -> str:
    from ftfy import fix_encoding

    # Only the encoding: typographic quotes, ligatures and widths stay as written.
    return fix_encoding(text)


def _detect_encoding(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:8192]
    if b"\x00" in head and _looks_utf16(head):
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file cut off mid-character is still UTF-8: only its tail is broken.
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
        if _mostly_utf8(data):
            _reject_binary(data, name)
            return "utf-8"
    else:
        _reject_binary(data, name)
        return "utf-8"
    _reject_binary(data, name)
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise LedeError(f"{name}: cannot tell the text encoding (is it a binary file?)")
    # Short Western text often fits several code pages equally well; the web's
    # legacy default (windows-1252, which WHATWG reads for latin-1 too) wins ties.
    tied = {
        match.encoding
        for match in results
        if match.chaos <= best.chaos and match.coherence >= best.coherence - 0.01
    }
    for preferred in ("cp1252", "latin_1", "iso8859_15"):
        if preferred in tied:
            return preferred
    return best.encoding


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a page glued from parts) is still UTF-8.

    Many valid multi-byte characters and a handful of broken ones: reading it
    as a single-byte code page would garble every one of the good ones.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(data) - len(text)
    return broken <= max(3, len(data) // 20_000) and multibyte > 10 * broken


def _reject_binary(data: bytes, name: str) -> None:
    sample = data[:8192]
    # A stray NUL is damage to clean up; many are the mark of a binary file.
    if sample.count(0) > len(sample) // 100 and not _looks_utf16(sample):
        raise LedeError(f"{name}: this looks like a binary file, not an article")
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if controls > len(sample) * 0.1:
        raise LedeError(f"{name}: this looks like a binary file, not an article")


def _looks_utf16(sample: bytes) -> bool:
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    return max(even_zero, odd_zero) > half * 0.3 and min(even_zero, odd_zero) < half * 0.05
