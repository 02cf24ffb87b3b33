"""Pages as a script-rendered site writes them: the same reading, or a finding.

Used by ``scripts/check_pages.py --as-rendered DIR``. React and similar
frameworks write a paragraph's text as several text nodes, split by empty
comments (``said <!-- -->it would``) and wrapped in ``<span>``s; a reader
sees the same paragraph. Each page's plain-text paragraphs are rewritten that
way (seeded, so a run is repeatable) and read again: the words lede keeps
must not change.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

_PLAIN_PARAGRAPH = re.compile(r"(<p[^>]*>)([^<]{40,}?)(</p>)")
SPAN_SHARE = 0.2
COMMENT_SHARE = 0.2


def as_rendered(html: str, seed: int = 1) -> str:
    """The page with its plain paragraphs' words in spans and split by comments."""
    rnd = random.Random(seed)

    def paragraph(match: re.Match[str]) -> str:
        pieces = []
        for word in match.group(2).split(" "):
            draw = rnd.random()
            if draw < SPAN_SHARE:
                pieces.append(f"<span>{word}</span>")
            elif draw < SPAN_SHARE + COMMENT_SHARE:
                pieces.append(f"{word}<!-- -->")
            else:
                pieces.append(word)
        return match.group(1) + " ".join(pieces) + match.group(3)

    return _PLAIN_PARAGRAPH.sub(paragraph, html)


def compare_rendered(page: Path) -> dict[str, object]:
    """The kept words of a page as saved and as rendered; never raises."""
    from tui.errors import LedeError
    from tui.ingest import read_string
    from tui.ingest.decode import decode_bytes
    from tui.pipeline import build_article

    result: dict[str, object] = {"page": str(page), "error": None, "lost": 0, "gained": 0}
    try:
        html = decode_bytes(page.read_bytes(), str(page)).text
        saved = _kept(build_article(read_string(html, str(page), "html")))
        rendered = _kept(build_article(read_string(as_rendered(html), str(page), "html")))
    except LedeError as error:
        result["error"] = error.message
        return result
    except Exception as error:  # a crash is a finding
        result["error"] = f"crash: {type(error).__name__}: {error}"
        return result
    result["lost"] = max(0, len(saved) - len(rendered))
    result["gained"] = max(0, len(rendered) - len(saved))
    return result


def _kept(article: object) -> list[str]:
    stories = getattr(article, "stories", [])
    return " ".join(p.text for s in stories for p in s.paragraphs).split()


def report(results: list[dict[str, object]], worst: int) -> int:
    """The pages read differently, worst first; the number of such pages."""
    changed = [r for r in results if r["lost"] or r["gained"] or r["error"]]
    changed.sort(key=lambda r: -int(r["lost"]) - int(r["gained"]))  # type: ignore[call-overload]
    for result in changed[:worst]:
        print(
            f"{result['page']}: {result['lost']} words lost, {result['gained']} gained"
            + (f" ({result['error']})" if result["error"] else "")
        )
    lost = sum(int(r["lost"]) for r in results)  # type: ignore[call-overload]
    gained = sum(int(r["gained"]) for r in results)  # type: ignore[call-overload]
    print(
        f"as rendered: {len(results)} pages, {len(changed)} read differently; "
        f"{lost} words lost, {gained} gained"
    )
    return len(changed)
