"""Events in undated articles: who the article itself calls a former official.

Each sentence is written for these tests; the detector is the real one, rules alone.
"""

from __future__ import annotations

from pipeline.detect import Detector

# An undated article is dated by its own titles ("President Donald Trump" in a 2018 story).
MEETING = (
    "President Donald Trump will meet Russian President Vladimir Putin in Vienna next month,"
    " the White House said in a 2018 statement."
)


def undated_triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source.country, e.target.country) for e in detector.detect(text).events}


def test_former_aides_of_a_leader_do_not_make_him_a_former_leader(detector: Detector) -> None:
    # "former" qualifies the aides the name is put before, not the president himself
    text = (
        "Two former Trump aides told a Senate panel on Tuesday that they never discussed"
        " sanctions with Moscow.\n\n" + MEETING
    )
    assert ("CONSULT", "USA", "RUS") in undated_triples(detector, text)


def test_a_former_official_named_with_his_old_post_is_still_former(detector: Detector) -> None:
    text = (
        "Former Secretary of State Rex Tillerson will meet Russian Foreign Minister Sergei"
        " Lavrov in Vienna next month, his office said.\n\n" + MEETING
    )
    events = detector.detect(text).events
    assert ("CONSULT", "USA", "RUS") in {
        (e.type, e.source.country, e.target.country) for e in events
    }
    assert all(e.source.name != "Rex Tillerson" for e in events)  # he speaks for no side now
