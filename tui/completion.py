"""Shell completion for ``lede``: bash, zsh and fish, through argcomplete.

The CLI reads each subcommand with a parser of its own; completion needs
them as one tree, which is built here from the same parsers (so an option
added to a subcommand completes without more code). argcomplete runs the
program at each tab press with ``_ARGCOMPLETE`` set; ``main`` hands over
before importing anything heavy.
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "fish")


def command_tree() -> argparse.ArgumentParser:
    """The reader's parser with every subcommand's parser under it."""
    from tui.cli import _analyze_parser, _cache_parser, _config_parser, _reader_parser
    from tui.cli_feeds import _parser as feeds_parser

    top = _reader_parser()
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, build, summary in (
        ("analyze", _analyze_parser, "analyse articles and print them"),
        ("cache", _cache_parser, "the analysis cache"),
        ("config", _config_parser, "the settings and keys"),
        ("feeds", feeds_parser, "follow feeds"),
        ("completion", completion_parser, "print a shell's completion script"),
    ):
        commands.add_parser(name, parents=[build()], add_help=False, help=summary)
    return top


def completion_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lede completion",
        description="Print the completion script for a shell. Load it with "
        "'eval \"$(lede completion bash)\"' (bash, zsh) or "
        "'lede completion fish | source' (fish).",
    )
    parser.add_argument("shell", choices=SHELLS)
    return parser


def complete() -> None:
    """Answer a tab press (argcomplete exits the process when it has)."""
    import argcomplete

    argcomplete.autocomplete(command_tree())


def script(shell: str) -> str:
    import argcomplete

    return str(argcomplete.shellcode(["lede"], shell=shell))
