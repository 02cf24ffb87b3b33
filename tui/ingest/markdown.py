"""Markdown to blocks with markdown-it-py: headings, paragraphs, quotes, list
items, tables and code, each with its line; YAML front matter gives the
metadata."""

from __future__ import annotations

from typing import Any

from tui.errors import LedeError
from tui.model import Block, Metadata


def _links(tokens: list[Any]) -> list[tuple[str, str]]:
    """The document's links with their words, in order, each address once."""
    found: dict[str, str] = {}
    for token in tokens:
        words: list[str] = []
        href: str | None = None
        for child in token.children or []:
            if child.type == "link_open":
                href, words = str(child.attrs.get("href") or ""), []
            elif child.type == "link_close" and href:
                if href.startswith(("http://", "https://")) and href not in found:
                    found[href] = " ".join("".join(words).split())
                href = None
            elif href is not None and child.type in {"text", "code_inline"}:
                words.append(child.content)
    return [(words, href) for href, words in found.items()]


def markdown_blocks(
    text: str, source: str
) -> tuple[list[Block], Metadata, set[str], list[tuple[str, str]]]:
    """Blocks of a Markdown document, its front matter as metadata, the fields it
    set, and its links (words, address)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    tokens = parser.parse(text)
    blocks: list[Block] = []
    metadata = Metadata()
    stated: set[str] = set()
    context: list[str] = []
    table: list[list[str]] | None = None
    table_line = 0
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            stated = _front_matter(token.content, metadata, source)
        elif token.type == "table_open":
            table, table_line = [], (token.map[0] + 1 if token.map else 0)
        elif token.type == "table_close" and table is not None:
            rows = ["\t".join(row) for row in table if any(row)]
            if rows:
                blocks.append(Block("\n".join(rows), table_line, "table"))
            table = None
        elif table is not None:
            if token.type == "tr_open":
                table.append([])
            elif token.type == "inline" and table:
                table[-1].append(_plain(token))
        elif token.type in {"blockquote_open", "list_item_open"}:
            context.append(token.type)
        elif token.type in {"blockquote_close", "list_item_close"} and context:
            context.pop()
        elif token.type == "inline" and index > 0:
            opener = tokens[index - 1]
            line = (opener.map[0] + 1) if opener.map else (token.map[0] + 1 if token.map else 0)
            content = _plain(token)
            if not content:
                continue
            if opener.type == "heading_open":
                blocks.append(Block(content, line, "heading", int(opener.tag[1])))
            elif "list_item_open" in context:
                blocks.append(Block(content, line, "list_item"))
            elif "blockquote_open" in context:
                blocks.append(Block(content, line, "quote"))
            else:
                blocks.append(Block(content, line, "paragraph"))
        elif token.type in {"fence", "code_block"} and token.content.strip():
            line = token.map[0] + 1 if token.map else 0
            code = "\n".join(row.rstrip() for row in token.content.strip("\n").split("\n"))
            blocks.append(Block(code, line, "code"))
        elif token.type == "html_block" and token.content.strip():
            line = token.map[0] + 1 if token.map else 0
            blocks.append(Block(" ".join(token.content.split()), line, "paragraph"))
    return blocks, metadata, stated, _links(tokens)


def _plain(token: Any) -> str:
    """An inline token's text without its Markdown: links keep their words."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _front_matter(content: str, metadata: Metadata, source: str) -> set[str]:
    import yaml

    try:
        data = yaml.safe_load(content) or {}
    except yaml.YAMLError as error:
        raise LedeError(
            f"{source}: the front matter is not valid YAML ({error.__class__.__name__})"
        ) from None
    if not isinstance(data, dict):
        return set()
    stated: set[str] = set()
    if title := data.get("title"):
        metadata.title = str(title)
        stated.add("title")
    if date := data.get("date"):
        from tui.ingest.sidecar import parse_iso_date

        metadata.date = parse_iso_date(str(date)[:10], f"{source}: front matter date")
        metadata.date_source = "front matter"
        stated.add("date")
    if author := data.get("author") or data.get("byline"):
        metadata.byline = ", ".join(author) if isinstance(author, list) else str(author)
        stated.add("byline")
    categories = [*_as_list(data.get("categories")), *_as_list(data.get("tags"))]
    if categories:
        metadata.categories = list(dict.fromkeys(categories))
        stated.add("categories")
    if url := data.get("url") or data.get("source"):
        metadata.url = str(url)
    if site := data.get("site"):
        metadata.site = str(site)
    return stated


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part.strip() for part in str(value).split(",") if part.strip()]
