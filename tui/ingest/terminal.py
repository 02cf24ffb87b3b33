"""A page a terminal browser saved (``lynx -dump``): its links are numbered in
the text ("[6]Marlow Flood Action Group") and listed by number at the end,
under "References". The numbers are no one's words and the list is the
browser's, so both leave the text; each is kept as a removed block, and the
addresses become the article's links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.model import RemovedBlock
from tui.reasons import Reason

_REFERENCES = re.compile(r"^\s*References\s*$")
# "   6. https://example.org/page", and the list's own headers.
_REFERENCE = re.compile(r"^\s*(?P<number>\d+)\.\s+(?P<url>[a-z][a-z0-9+.-]*:\S+)\s*$")
_LIST_HEADER = re.compile(r"^\s*(?:Visible links|Hidden links:?)\s*$")
_MARKER = re.compile(r"\[(?P<number>\d+)\]")
# A dump lists at least so many addresses.
MIN_REFERENCES = 2


@dataclass
class DumpReading:
    """The text without the browser's link numbers and list (its lines blank,
    so every line keeps its number), what was taken out, and the addresses."""

    text: str
    removed: list[RemovedBlock] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def read_dump(text: str) -> DumpReading | None:
    """The dump's reading, or None when the text is no terminal browser's dump:
    a "References" line that only numbered addresses follow, which the text's
    bracketed numbers name."""
    if "References" not in text:
        return None
    lines = text.split("\n")
    start = next((i for i in range(len(lines) - 1, -1, -1) if _REFERENCES.match(lines[i])), None)
    if start is None:
        return None
    urls: dict[str, str] = {}
    for line in lines[start + 1 :]:
        if found := _REFERENCE.match(line):
            urls[found.group("number")] = found.group("url")
        elif line.strip() and not _LIST_HEADER.match(line):
            return None
    above = "\n".join(lines[:start])
    markers = list(_MARKER.finditer(above))
    named = {found.group("number") for found in markers}
    if len(urls) < MIN_REFERENCES or not named or not named <= urls.keys():
        return None
    reading = DumpReading("")
    # The numbers are one removed block, at the line of the first.
    first = above.count("\n", 0, markers[0].start()) + 1
    reading.removed.append(
        RemovedBlock(
            " ".join(m.group(0) for m in markers),
            Reason.LINK_NUMBERS,
            first,
            "terminal.link-numbers",
        )
    )
    for number, line in enumerate(lines[:start], start=1):
        lines[number - 1] = _MARKER.sub("", line)
    for number in range(start + 1, len(lines) + 1):  # from the "References" line on
        if lines[number - 1].strip():
            reading.removed.append(
                RemovedBlock(
                    lines[number - 1].strip(), Reason.LINK_REFERENCES, number, "terminal.references"
                )
            )
        lines[number - 1] = ""
    reading.text = "\n".join(lines)
    reading.links = [(url, url) for number, url in urls.items() if number in named]
    return reading
