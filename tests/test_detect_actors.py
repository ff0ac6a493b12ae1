"""The actor dictionary as data: offices over time, the pre-filter, overlays for new dyads."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import get_detector
from pipeline.detect.actors import SidePrefilter, load_dictionary
from pipeline.errors import ConfigError
from pipeline.models import ROLES
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.mark.parametrize(
    ("country", "office", "day", "name"),
    [
        ("USA", "president", dt.date(2010, 1, 1), "Barack Obama"),
        ("USA", "president", dt.date(2018, 1, 1), "Donald Trump"),
        ("USA", "president", dt.date(2022, 1, 1), "Joe Biden"),
        ("USA", "president", dt.date(2025, 6, 1), "Donald Trump"),
        ("USA", "foreign_minister", dt.date(2014, 1, 1), "John Kerry"),
        ("USA", "foreign_minister", dt.date(2025, 6, 1), "Marco Rubio"),
        ("USA", "ambassador", dt.date(2013, 1, 1), "Michael McFaul"),
        ("RUS", "president", dt.date(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", "prime_minister", dt.date(2015, 1, 1), "Dmitry Medvedev"),
        ("RUS", "president", dt.date(2015, 1, 1), "Vladimir Putin"),
        ("RUS", "defence_minister", dt.date(2020, 1, 1), "Sergei Shoigu"),
        ("RUS", "defence_minister", dt.date(2025, 1, 1), "Andrei Belousov"),
        ("RUS", "ambassador", dt.date(2020, 1, 1), "Anatoly Antonov"),
    ],
)
def test_office_holders_on_a_day(dictionary, country, office, day, name) -> None:
    assert name in [p.name for p in dictionary.holders(country, office, day)]


def test_roles_are_the_models_roles(dictionary) -> None:
    assert set(dictionary.office_roles.values()) <= set(ROLES)
    assert {b.role for b in dictionary.bodies.values()} <= set(ROLES)
    assert set(dictionary.role_nouns.values()) <= set(ROLES)


def test_prefilter_needs_both_sides(dictionary) -> None:
    prefilter = SidePrefilter(dictionary, ("USA", "RUS"))
    assert prefilter.mentions_all("The Kremlin answered the White House.")
    assert not prefilter.mentions_all("The Kremlin answered Kyiv.")
    assert not prefilter.mentions_all("The Washington Post reported on US trade.")
    assert not prefilter.mentions_all("Ask us about russia.")  # lower case is not a name


def test_unknown_side_is_a_clear_error(dictionary) -> None:
    with pytest.raises(ConfigError, match="XYZ"):
        SidePrefilter(dictionary, ("USA", "XYZ"))


def test_an_overlay_file_adds_a_country_for_a_new_dyad(tmp_path) -> None:
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "countries:\n"
        "  IND:\n"
        "    name: India\n"
        "    names: [India]\n"
        "    metonyms: [New Delhi]\n"
        "    adjectives: [Indian]\n"
        "    people:\n"
        "      - {name: Sunil Rao, aliases: [Sunil Rao], gender: m,"
        " terms: [[foreign_minister, 2020-01-01, null]]}\n",
        encoding="utf-8",
    )
    detector = get_detector(Settings(sides=("USA", "IND"), actors_file=str(extra)))
    found = detector.detect(
        "Sunil Rao met Antony Blinken in New Delhi on Monday.", published=dt.date(2023, 3, 6)
    )
    assert {(e.type, e.source.country, e.target.country) for e in found.events} & {
        ("CONSULT", "IND", "USA"),
        ("CONSULT", "USA", "IND"),
    }
