"""Blocks lede removed that trafilatura's own reading of the page keeps.

Used by ``scripts/check_pages.py --against-trafilatura DIR``. trafilatura is
run as a user would run it (``extract`` on the page's bytes, its own parser),
so what it keeps is a silver label for the page's text. A removed block is
*lost* when trafilatura's output holds most of it: for a block of four words
or more, most of its runs of four words; for a shorter one, the whole block as
one of trafilatura's lines; and lede's stories must not hold it already (a
pull quote or a teaser repeats a paragraph the story keeps: that copy is no
loss). A lost block that reads as a sentence of prose (at
least eight words, ending as a sentence ends) is the figure to drive to zero.

For a flattened text page (``text/KEY.txt``) the reference is trafilatura on
the HTML beside it (``html/KEY.html``), as in the dev set's layout.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

# Share of a block's runs of four words that trafilatura's output must hold.
HELD_SHARE = 0.5
GRAM = 4
PROSE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…:;][\"'’”»)\]]*$")


def words(text: str) -> list[str]:
    """Words as the HTML reader aligns them (each character in Chinese or Japanese)."""
    from tui.ingest.html import WORD

    return WORD.findall(text.lower())


def reference_html(page: Path) -> Path | None:
    """The HTML whose trafilatura reading is the reference for this page."""
    if page.suffix.lower() in {".html", ".htm"}:
        return page
    sibling = page.parent.parent / "html" / f"{page.stem}.html"
    return sibling if sibling.exists() else None


def trafilatura_lines(html: Path) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html.read_bytes(), include_comments=False, include_tables=True)
    return [line for line in (text or "").split("\n") if line.strip()]


class Reference:
    """trafilatura's output, indexed for asking whether it holds a block."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = {" ".join(words(line)) for line in lines}
        self.grams: set[tuple[str, ...]] = set()
        for line in lines:
            tokens = words(line)
            self.grams.update(tuple(tokens[i : i + GRAM]) for i in range(len(tokens) - GRAM + 1))

    def holds(self, text: str) -> bool:
        tokens = words(text)
        if not tokens:
            return False
        if len(tokens) < GRAM:
            return " ".join(tokens) in self.lines
        grams = [tuple(tokens[i : i + GRAM]) for i in range(len(tokens) - GRAM + 1)]
        return sum(g in self.grams for g in grams) >= HELD_SHARE * len(grams)


def is_prose(text: str) -> bool:
    """A sentence of prose: enough words, and it ends as a sentence ends."""
    return len(words(text)) >= PROSE_WORDS and bool(_SENTENCE_END.search(text.strip()))


def lost_blocks(page: Path) -> dict[str, object]:
    """Every removed block trafilatura keeps, with lede's reason and rule; never raises."""
    from tui.errors import LedeError
    from tui.pipeline import build_article, read_raw

    result: dict[str, object] = {"page": str(page), "lost": [], "error": None}
    html = reference_html(page)
    if html is None:
        result["error"] = "no HTML beside it to read with trafilatura"
        return result
    try:
        reference = Reference(trafilatura_lines(html))
        article = build_article(read_raw(page))
    except LedeError as error:
        result["error"] = f"LedeError: {error.message}"
        return result
    except Exception as error:  # a crash is a finding, not the end of the run
        result["error"] = f"crash: {type(error).__name__}: {error}"
        return result
    kept = Reference(
        [p.text for story in article.stories for p in story.paragraphs]
        + [story.title for story in article.stories if story.title]
        + [text for story in article.stories for _, text, _ in story.subheadings]
    )
    lost = [
        {
            "text": block.text,
            "reason": block.reason,
            "line": block.source_line,
            "words": len(words(block.text)),
            "prose": is_prose(block.text),
        }
        for block in article.removed
        if reference.holds(block.text) and not kept.holds(block.text)
    ]
    result["lost"] = lost
    return result


def report(results: list[dict[str, object]], worst: int) -> None:
    """Each page's lost blocks, the worst pages, and the totals by reason."""
    by_reason: Counter[str] = Counter()
    prose_by_reason: Counter[str] = Counter()
    for result in results:
        for block in result["lost"]:  # type: ignore[attr-defined]
            by_reason[block["reason"]] += 1
            if block["prose"]:
                prose_by_reason[block["reason"]] += 1
    pages = [r for r in results if r["lost"]]
    ranked = sorted(
        pages,
        key=lambda r: (-sum(b["words"] for b in r["lost"]), r["page"]),  # type: ignore[attr-defined]
    )
    for result in ranked[:worst]:
        lost = result["lost"]
        total = sum(b["words"] for b in lost)  # type: ignore[attr-defined]
        print(f"{result['page']}: {len(lost)} blocks, {total} words lost")  # type: ignore[arg-type]
        for block in lost[:6]:  # type: ignore[index]
            mark = "P" if block["prose"] else " "
            text = block["text"].replace("\n", " ")
            print(f"  {mark} line {block['line']:>5} [{block['reason']}] {text[:110]}")
    total = sum(by_reason.values())
    prose = sum(prose_by_reason.values())
    words_lost = sum(b["words"] for r in results for b in r["lost"])  # type: ignore[attr-defined]
    print(
        f"against trafilatura: {len(results)} pages, {len(pages)} with lost blocks; "
        f"{total} blocks lost ({prose} of them prose), {words_lost} words"
    )
    for reason, count in by_reason.most_common():
        print(f"  {count:>6}  ({prose_by_reason[reason]:>4} prose)  {reason}")
    errors = [r for r in results if r["error"]]
    for result in errors[:10]:
        print(f"  not compared {result['page']}: {result['error']}")
