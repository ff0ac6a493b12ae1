"""Who is a side, from what the article itself says of a person: a namesake with a
generational suffix, a campaign or transition around a person, a post called former. The
texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from tests.support.detection import by_phrase, event_triples, statements_in

DAY = dt.date(2018, 3, 14)


def test_a_namesake_with_a_suffix_is_not_the_president(detector: Detector) -> None:
    text = (
        "The Senate panel questioned witnesses about Moscow on Tuesday.\n"
        "Donald Trump Jr. said Russia was a friend of the family and praised Vladimir Putin.\n"
        "Donald Trump said Russia was a friend of the American people."
    )
    found = statements_in(detector, text, DAY)
    assert by_phrase(found, "friend of the family") == []
    kept = by_phrase(found, "friend of the American people")
    assert len(kept) == 1 and kept[0].speaker.name == "Donald Trump"


def test_a_campaign_named_after_a_person_does_not_act_for_the_side(detector: Detector) -> None:
    text = (
        "Lawmakers met in Washington on Wednesday.\n"
        "The Trump campaign criticized Russia for meddling in the race.\n"
    )
    assert ("ACCUSE", "USA", "RUS") not in event_triples(detector, text, DAY)
    in_office = "Lawmakers met in Washington on Wednesday.\nTrump criticized Russia for meddling."
    assert ("ACCUSE", "USA", "RUS") in event_triples(detector, in_office, DAY)


def test_a_campaign_or_former_post_before_an_unknown_name_is_no_post_of_the_state(
    detector: Detector,
) -> None:
    for title in ("campaign adviser", "former adviser"):
        text = (
            "The White House met reporters on Monday.\n"
            f"U.S. {title} Peter Quillfeather said Russia was a reliable partner of America."
        )
        found = statements_in(detector, text, DAY)
        assert by_phrase(found, "reliable partner") == [], title
    text = (
        "The White House met reporters on Monday.\n"
        "U.S. adviser Peter Quillfeather said Russia was a reliable partner of America."
    )
    assert len(by_phrase(statements_in(detector, text, DAY), "reliable partner")) == 1


def test_an_undated_article_calling_someone_former_dates_itself_after_the_post(
    detector: Detector,
) -> None:
    text = (
        "Former Secretary of State John Kerry spoke at a university on Monday.\n"
        "Kerry said Russia had to stop arming the separatists at once."
    )
    assert by_phrase(detector.detect(text).statements, "stop arming") == []
    titled = (
        "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva.\n"
        "Kerry said Russia had to stop arming the separatists at once."
    )
    assert len(by_phrase(detector.detect(titled).statements, "stop arming")) == 1


def test_a_meeting_with_a_private_national_is_no_meeting_of_the_sides(
    detector: Detector,
) -> None:
    text = (
        "The White House said on Monday that talks on the treaty would go on.\n"
        "Secretary of State Rex Tillerson met a Russian lawyer in Vienna on Friday."
    )
    assert ("CONSULT", "USA", "RUS") not in event_triples(detector, text, DAY)
    official = text.replace("a Russian lawyer", "Foreign Minister Sergei Lavrov")
    assert ("CONSULT", "USA", "RUS") in event_triples(detector, official, DAY)


def test_a_denial_answers_the_other_side_only_when_it_charged_something(
    detector: Detector,
) -> None:
    home = (
        "Prosecutors questioned two former campaign aides about Russia on Tuesday.\n"
        "The White House denied any wrongdoing in a short statement."
    )
    assert ("REJECT", "USA", "RUS") not in event_triples(detector, home, DAY)
    charged = (
        "The Kremlin accused the White House of plotting against Russia on Tuesday.\n"
        "The White House denied any wrongdoing in a short statement."
    )
    assert ("REJECT", "USA", "RUS") in event_triples(detector, charged, DAY)
