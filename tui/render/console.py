"""The cleaned article for a person at a terminal, drawn with Rich.

Article text is untrusted: everything from it goes into ``Text`` objects, so
no "[bold]" in an article is ever read as markup.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from tui.model import Analysis, Story, TimelineEvent


def event_written(event: TimelineEvent) -> str:
    """An event's expressions as written, in reading order ("last month / in late March")."""
    parts = [(event.start, event.text), *((e.lead_text_start, e.text) for e in event.also)]
    return " / ".join(text for _, text in sorted(parts))


def render_analysis(analysis: Analysis) -> RenderableType:
    parts: list[RenderableType] = [_metadata(analysis)]
    for story in analysis.article.stories:
        parts.append(_story(story))
    if analysis.entities:
        parts.append(_entities(analysis))
    if analysis.model is not None:
        parts.append(_timeline(analysis))
    parts.append(_removed(analysis))
    return Group(*parts)


def print_analysis(analysis: Analysis, console: Console) -> None:
    console.print(render_analysis(analysis))


def _metadata(analysis: Analysis) -> RenderableType:
    meta = analysis.article.metadata
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Source", analysis.article.source),
        ("Title", meta.title),
        (
            "Date",
            f"{meta.date} ({meta.date_source})"
            if meta.date
            else "unknown — give it with --date YYYY-MM-DD",
        ),
        ("Byline", meta.byline),
        ("Dateline", meta.dateline),
        ("Site", meta.site),
        ("URL", meta.url),
        ("Categories", ", ".join(meta.categories) if meta.categories else None),
        ("Model", analysis.model),
    ]
    for name, value in rows:
        if value:
            table.add_row(name, Text(str(value)))
    return Panel(table, title="lede", title_align="left")


def _story(story: Story) -> RenderableType:
    label = "Main story" if story.kind == "main" else "Embedded story"
    heading = Text(f"{label}: ", style="bold")
    heading.append(Text(story.title or "(untitled)", style="bold"))
    lines: list[RenderableType] = [Rule(heading, align="left")]
    subheadings = {index: text for index, text, _ in story.subheadings}
    for index, paragraph in enumerate(story.paragraphs):
        if index in subheadings:
            lines.append(Text(subheadings[index], style="bold underline"))
        number = Text(f"{index + 1:>3}  ", style="dim")
        lines.append(Text.assemble(number, Text(paragraph.text)))
        lines.append(Text(""))
    return Group(*lines)


def _entities(analysis: Analysis) -> RenderableType:
    table = Table(title="Entities", title_justify="left", expand=False)
    table.add_column("Name")
    table.add_column("Type")
    table.add_column("Mentions", justify="right")
    table.add_column("Aliases")
    for entity in analysis.entities:
        table.add_row(
            Text(entity.name),
            Text(f"{entity.type} ({entity.label})"),
            str(len(entity.mentions)),
            Text(", ".join(entity.aliases)),
        )
    return table


def _timeline(analysis: Analysis) -> RenderableType:
    meta = analysis.article.metadata
    title = (
        "Timeline"
        if meta.date
        else "Timeline — publication date unknown (give it with --date YYYY-MM-DD)"
    )
    table = Table(title=title, title_justify="left")
    table.add_column("When")
    table.add_column("Value")
    table.add_column("As written")
    table.add_column("Story")
    table.add_column("What")
    for event in analysis.timeline:
        written = event_written(event)
        table.add_row(
            Text(event.label),
            Text(event.value or "?"),
            Text(written),
            Text(event.story),
            Text(event.sentence),
        )
    if not analysis.timeline:
        table.add_row("—", "", "", "", Text("no time expressions found"))
    return table


def _removed(analysis: Analysis) -> RenderableType:
    table = Table(title="Removed", title_justify="left")
    table.add_column("Line", justify="right")
    table.add_column("Reason")
    table.add_column("Text")
    for block in analysis.article.removed:
        table.add_row(str(block.source_line), Text(block.reason), Text(block.text, style="dim"))
    if not analysis.article.removed:
        table.add_row("", "", Text("nothing removed", style="dim"))
    return table
