"""An official's words in a story that is also home politics, the dictionary's terms of
office for people who held posts before the ones it knew, and the subject of a list of acts
the parser split. The texts are written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.detect import Detector
from pipeline.models import DetectedStatement
from tests.support.detection import by_speaker

# A story of the Russia inquiry in Congress (home politics, named again and again) with a
# passage on the two governments in which an official's words name neither side.
HOME_STORY = (
    "Senators pressed the director of national intelligence on Tuesday over the Russia "
    "investigation.\n"
    "Congress has held three hearings on the Russia probe this month, and Congress will hold "
    "another next week, the senators said.\n"
    "Lawmakers in Congress want the full report.\n"
    "Russia has stepped up its campaign against the United States in recent months, "
    "officials say.\n"
    "Moscow sent bombers toward Alaska twice in June, and Russia tested a new missile.\n"
    'Secretary of State Mike Pompeo told reporters: "{words}"\n'
)


def statements(detector: Detector, text: str, day: dt.date) -> list[DetectedStatement]:
    return detector.detect(text, published=day).statements


def test_an_officials_words_in_a_pair_passage_of_a_home_story(detector: Detector) -> None:
    words = "These provocations will not go unanswered, and we are ready for every step."
    text = HOME_STORY.format(words=words)
    found = statements(detector, text, dt.date(2019, 6, 20))
    (statement,) = by_speaker(found, "Pompeo", "provocations will not go unanswered")
    assert statement.about == ["RUS"]


def test_a_lawmakers_words_in_a_home_story_stay_home(detector: Detector) -> None:
    # the same passage, but the words are a senator's: in a home story, home politics
    text = HOME_STORY.replace("Secretary of State Mike Pompeo", "Senator Chuck Schumer").format(
        words="These provocations will not go unanswered, and we are ready for every step."
    )
    found = statements(detector, text, dt.date(2019, 6, 20))
    assert not by_speaker(found, "Schumer", "provocations will not go unanswered"), found


def test_an_officials_words_on_home_business_in_a_home_story(detector: Detector) -> None:
    # words on the inquiry itself, right after the hearings are named: not about Moscow
    text = (
        "Senators pressed the director of national intelligence on Tuesday over the Russia "
        "investigation.\n"
        "Congress has held three hearings on the Russia probe this month, and Congress will "
        "hold another next week.\n"
        "Lawmakers in Congress want the full report by Friday.\n"
        "The committee chairman said the report was late.\n"
        'Secretary of State Mike Pompeo told reporters: "The committee will have our answers '
        'on time."\n'
    )
    found = statements(detector, text, dt.date(2019, 6, 20))
    assert not by_speaker(found, "Pompeo", "committee will have our answers"), found


def test_a_pentagon_spokesman_before_his_state_department_post(detector: Detector) -> None:
    text = (
        "The United States sent troops to Poland on Tuesday as Russia massed forces near "
        "Ukraine.\n"
        '"The message to Moscow is that we take our obligations in Europe seriously," '
        "Pentagon press secretary John Kirby said."
    )
    found = statements(detector, text, dt.date(2014, 4, 22))
    (statement,) = by_speaker(found, "Kirby", "message to Moscow")
    assert statement.speaker.country == "USA"
    assert statement.speaker.role != "COUNTRY"


def test_a_house_leader_before_he_was_speaker(detector: Detector) -> None:
    text = (
        "The House passed new sanctions on Russia on Tuesday.\n"
        '"Russia must pay for its attack on our elections," House Majority Leader Kevin '
        "McCarthy said."
    )
    found = statements(detector, text, dt.date(2017, 7, 25))
    (statement,) = by_speaker(found, "McCarthy", "Russia must pay")
    assert statement.speaker.role == "LEGISLATURE"


def test_the_subject_of_the_first_act_in_a_list_is_the_next_ones(detector: Detector) -> None:
    # the parser hangs "attacked the FBI" on "praised" as a clause of its own, with the subject
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        'Trump repeatedly attacked the FBI, praised Putin as a "good competitor," and refused '
        "to say Russia was accountable."
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert by_speaker(found, "Trump", "good competitor"), found


def test_a_clause_under_when_keeps_its_subject_to_itself(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        'When Putin arrived, praised the "good spirit" of the talks with America.'
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert not by_speaker(found, "Putin", "good spirit"), found


def test_a_title_owned_by_someone_else_is_not_the_sides_holder(detector: Detector) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov denied that Russia had paid militants to attack "
        "American troops.\n"
        "Secretary of State Mike Pompeo called the group's negotiator, a spokesman for the "
        "insurgents said on Tuesday.\n"
        "Pompeo urged the group to cut violence and asked Russia to stay out of the talks, the "
        "Taliban spokesman tweeted."
    )
    found = statements(detector, text, dt.date(2020, 6, 30))
    assert not [s for s in found if s.speaker.name == "Dmitry Peskov" and "Pompeo" in s.quote]


def test_he_after_a_passive_whose_doer_no_side_owns(detector: Detector) -> None:
    text = (
        "The Treasury imposed sanctions on seven Russian oligarchs on Friday.\n"
        "The move was cheered by Rep. Adam Kowalczyk, a Democrat who has led an inquiry into "
        "President Donald Trump's ties with Russia.\n"
        'He said it sent a "strong message to the Kremlin."'
    )
    found = statements(detector, text, dt.date(2018, 4, 7))
    assert not by_speaker(found, "Trump", "strong message to the Kremlin"), found


def test_a_name_with_a_middle_initial_is_the_dictionarys_person(detector: Detector) -> None:
    text = (
        "The Treasury imposed sanctions on Russian intelligence officers on Thursday.\n"
        '"Moscow must pay for attacking our elections," Rep. Edward R. Royce said.'
    )
    found = statements(detector, text, dt.date(2018, 3, 16))
    (statement,) = by_speaker(found, "Royce", "Moscow must pay")
    assert statement.speaker.name == "Ed Royce" and statement.speaker.role == "LEGISLATURE"


def test_the_paragraph_naming_a_described_speaker_is_read(detector: Detector) -> None:
    # the middle paragraph names no side and no office word the pre-filter knows; the quote
    # after it credits "the California Republican", who is named only there
    text = (
        "The Treasury imposed sanctions on Russian intelligence officers on Thursday.\n\n"
        "Edward R. Royce, who leads the foreign affairs committee, applauded the move and said "
        "more must be done.\n\n"
        '"Russian hackers have been targeting our power grid for years," said the California '
        "Republican."
    )
    found = statements(detector, text, dt.date(2018, 3, 16))
    assert by_speaker(found, "Royce", "targeting our power grid"), found


def test_a_colon_quote_after_a_verb_left_without_its_subject(detector: Detector) -> None:
    # the parser hangs the name on "the comments" and leaves "stood" with no subject
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        "In the wake of the comments, Director of National Intelligence Dan Coats stood by "
        'their assessment: "We have been clear in our assessments of Russian meddling in the '
        '2016 election."'
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert by_speaker(found, "Coats", "assessments of Russian meddling"), found


def test_a_quote_cut_off_after_an_exclamation_keeps_its_attribution(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        '"Our relationship with Russia has never been worse thanks to years of foolishness!" '
        "Trump tweeted, using his favourite nickname for the inquiry."
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert by_speaker(found, "Trump", "relationship with Russia has never been worse"), found


def test_a_colon_quote_whose_sentence_runs_on_into_the_quote(detector: Detector) -> None:
    text = (
        "President Donald Trump met Vladimir Putin in Helsinki on Monday.\n"
        "Trump later clarified on Twitter: \"As I said today, 'I have great confidence in my "
        "people.' However, as the two largest nuclear powers, we must get along with Russia!\""
    )
    found = statements(detector, text, dt.date(2018, 7, 17))
    assert by_speaker(found, "Trump", "we must get along with Russia"), found


def test_a_sentence_opening_with_the_verb_then_the_speaker(detector: Detector) -> None:
    text = (
        "The White House canceled the summit with Moscow on Wednesday.\n"
        "Added House Foreign Affairs Committee Chairman Ed Royce, California Republican, "
        '"This should make clear that the Russian government\'s conduct is unacceptable."'
    )
    found = statements(detector, text, dt.date(2013, 8, 8))
    (statement,) = by_speaker(found, "Royce", "Russian government's conduct is unacceptable")
    assert statement.speaker.name == "Ed Royce"


def test_a_that_clause_hung_on_the_noun_of_the_verbs_phrase(detector: Detector) -> None:
    # the parser hangs the warned clause on "hearing" (after a curly apostrophe, as a ccomp)
    text = (
        "Russian hackers broke into the committee's servers, officials said on Thursday.\n"
        "Sen. John McCain, R-Arizona, and other Republicans warned at his committee\u2019s "
        "hearing that Russia must suffer the consequences."
    )
    found = statements(detector, text, dt.date(2017, 1, 6))
    assert by_speaker(found, "McCain", "Russia must suffer the consequences"), found


def test_one_named_with_other_officials_speaks_by_a_participle(detector: Detector) -> None:
    # "Clapper and other officials" is hung on "briefing"; "defended" keeps no subject
    text = (
        "The intelligence agencies accused Russia of hacking on Friday.\n"
        "On the eve of the intelligence briefing, Clapper and other officials defended their "
        "assessment, telling senators that Russia had directed the cyberattacks against the "
        "United States."
    )
    found = statements(detector, text, dt.date(2017, 1, 6))
    assert by_speaker(found, "Clapper", "Russia had directed the cyberattacks"), found
