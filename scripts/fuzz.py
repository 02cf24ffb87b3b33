"""Long fuzz run of the pipeline's invariants (the property tests, big budget).

    uv run python scripts/fuzz.py --minutes 10

Feeds random Unicode, random bytes (through the decoder), and random mixes of
site chrome, prose, headlines, markup and escape sequences to the pipeline,
checking after each: no exception but LedeError, nothing lost, offsets exact,
deterministic output, no control sequence in what comes out. Every few
rounds it runs the language stages too. Prints how many inputs it tried and
every failure (with the input, shrunk by Hypothesis).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.pipeline.test_properties import (  # noqa: E402
    check_invariants,
    documents,
    run_pipeline,
    test_language_stages_keep_offsets_exact,
)
from tui.errors import LedeError  # noqa: E402
from tui.ingest.decode import decode_bytes  # noqa: E402

tried = {"text": 0, "bytes": 0, "nlp": 0}


@settings(max_examples=2000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(documents)
def fuzz_text(text: str) -> None:
    tried["text"] += 1
    article = run_pipeline(text)
    if article is not None:
        check_invariants(text, article)


@settings(max_examples=2000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=4000))
def fuzz_bytes(data: bytes) -> None:
    tried["bytes"] += 1
    try:
        decoded = decode_bytes(data, "fuzz")
    except LedeError:
        return
    article = run_pipeline(decoded.text)
    if article is not None:
        check_invariants(decoded.text, article)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    failures: list[str] = []
    rounds = 0
    nlp_runs = settings(
        max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )(
        test_language_stages_keep_offsets_exact.hypothesis.inner_test  # type: ignore[attr-defined]
    )
    nlp_runs = given(documents)(nlp_runs)
    while time.monotonic() < deadline:
        rounds += 1
        for name, run in (("text", fuzz_text), ("bytes", fuzz_bytes)) + (
            (("nlp", nlp_runs),) if rounds % 3 == 0 else ()
        ):
            before = dict(tried)
            try:
                run()
            except Exception:
                failures.append(f"{name}: {traceback.format_exc(limit=3)}")
            if name == "nlp":
                tried["nlp"] += 50
            del before
            if time.monotonic() >= deadline:
                break
        print(
            f"{time.strftime('%H:%M:%S')} round {rounds}: tried {tried}, failures {len(failures)}",
            flush=True,
        )
    print(f"inputs tried: {sum(tried.values())} ({tried}); failures: {len(failures)}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
