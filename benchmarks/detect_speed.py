"""Detector throughput on a news-like mix: 600-word articles, a fifth of them relevant.

The articles are generated from templates written for this benchmark (no real text): the
relevant ones tell of US-Russia calls, sanctions, expulsions and statements; the rest are
sports, markets, weather and local news, a share of which name one side only. The target
(issue 9) is 25 articles per second on one core: read `articles/CPU-s`, which other work on
the machine disturbs less than wall time, on a machine otherwise idle.

The pre-filter (articles that do not name both watched sides skip the parser; in the rest only
paragraphs naming a side or an office are parsed) is measured by running the same mix again
with it switched off: every article parsed in full. The saving is printed as a time ratio.

    python -m benchmarks.detect_speed [--articles 300] [--relevant 0.2] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time

RELEVANT = [
    "{us} said on {day} that Washington would impose new sanctions on Russian banks, "
    "accusing Moscow of meddling in the election.",
    "Kremlin spokesman Dmitry Peskov said the measures were illegal and warned that Russia "
    "would respond.",
    '"We will not accept this pressure," {ru} told reporters after the meeting.',
    "{ru} spoke with {us} by phone for an hour, the State Department said.",
    "Russia expelled two American diplomats in a tit-for-tat move, the Foreign Ministry said.",
    "The White House urged Moscow to release the detained journalist without delay.",
]
FILLER = [
    "The city council met on {day} to discuss the new budget for schools and roads.",
    "Local officials said the bridge repairs would take about three more months to finish.",
    "Shares rose in early trading as investors weighed the latest figures on inflation.",
    "The home side scored twice in the second half to win the match in front of a full stadium.",
    "Forecasters expect heavy rain over the weekend, with flooding possible in low areas.",
    "A spokesman for the company said the new factory would employ some 400 people.",
    "The festival drew record crowds, organisers said, despite the unseasonable cold.",
    "Analysts said demand for electric cars had slowed in the second quarter.",
    "The museum will reopen next month after a two-year renovation of its main hall.",
    "Police said the road would stay closed while crews cleared the debris.",
]
ONE_SIDE = [
    "American farmers expect a record harvest of corn and soybeans this year.",
    "Russian wheat exports rose sharply in the last season, traders said.",
]
US = ["President Joe Biden", "Secretary of State Antony Blinken", "the U.S. ambassador"]
RU = ["Sergei Lavrov", "Vladimir Putin", "Russia's deputy foreign minister Sergei Ryabkov"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(rng: random.Random, relevant: bool, words: int = 600) -> str:
    """One synthetic article of about `words` words, as paragraphs."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        if relevant and (not paragraphs or rng.random() < 0.35):
            template = rng.choice(RELEVANT)
        elif rng.random() < 0.1:
            template = rng.choice(ONE_SIDE)
        else:
            template = rng.choice(FILLER)
        text = template.format(us=rng.choice(US), ru=rng.choice(RU), day=rng.choice(DAYS))
        paragraphs.append(text)
        count += len(text.split())
    return "\n\n".join(paragraphs)


class _NoPrefilter:
    """Stands in for the detector's pre-filter: every article and every paragraph is parsed."""

    @staticmethod
    def mentions_all(text: str) -> bool:
        return True

    @staticmethod
    def story_paragraphs(paragraphs: list[str]) -> list[str]:
        return paragraphs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--relevant", type=float, default=0.2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--skip-comparison", action="store_true", help="do not time the run without pre-filter"
    )
    args = parser.parse_args(argv)

    from pipeline.detect import get_detector

    rng = random.Random(args.seed)
    items = [
        (make_article(rng, rng.random() < args.relevant), None, dt.date(2024, 5, 10))
        for _ in range(args.articles)
    ]
    words = sum(len(text.split()) for text, _, _ in items)
    started = time.perf_counter()
    detector = get_detector()
    loaded = time.perf_counter()
    cpu_started = time.process_time()
    relevant = sum(d.relevant for d in detector.detect_many(items, batch_size=args.batch_size))
    done = time.perf_counter()
    cpu = time.process_time() - cpu_started
    skipped = sum(detector._prepare(text, title) is None for text, title, _ in items)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    elapsed = done - loaded
    print(f"articles          {len(items)} ({words / len(items):.0f} words on average)")
    print(f"found relevant    {relevant}")
    print(f"load time         {loaded - started:.2f} s")
    print(f"detect time       {elapsed:.2f} s")
    print(f"articles/s        {len(items) / elapsed:.1f}")
    # CPU time of this process: the one-core rate when other work shares the machine.
    print(f"articles/CPU-s    {len(items) / cpu:.1f} ({cpu:.2f} s of CPU)")
    print(f"words/s           {words / elapsed:.0f}")
    print(f"peak memory       {peak_mb:.0f} MB")
    print(f"pre-filter        {skipped} of {len(items)} articles skip the parser")
    if not args.skip_comparison:
        prefilter, detector.prefilter = detector.prefilter, _NoPrefilter()  # type: ignore[assignment]
        try:
            started = time.perf_counter()
            unfiltered = sum(
                d.relevant for d in detector.detect_many(items, batch_size=args.batch_size)
            )
            plain = time.perf_counter() - started
        finally:
            detector.prefilter = prefilter
        print(f"without it        {plain:.2f} s, {len(items) / plain:.1f} articles/s")
        print(f"saving            {plain / elapsed:.1f}x faster, {1 - elapsed / plain:.0%} of time")
        print(f"same relevance    {'yes' if unfiltered == relevant else 'no'} ({unfiltered})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
