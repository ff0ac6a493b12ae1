"""Statements, third part: clauses the parser misplaces, demands and accusations in the
speaker's words, and speakers who are no side's (families, lawyers). The texts are written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from pipeline.detect.furniture import is_furniture
from pipeline.detect.resolve import ArticleContext
from pipeline.models import ActorRef, DetectedStatement
from tests.support.detection import by_phrase, event_triples, statements_in

DAY = dt.date(2024, 2, 6)
LATER = dt.date(2025, 9, 1)  # for people in office only from 2025 (Trump, Dmitriev, Darchiev)


def statements(detector: Detector, text: str, day: dt.date = DAY) -> list[DetectedStatement]:
    return statements_in(detector, text, day)


def test_clause_whose_subject_is_a_gerund_is_what_was_said(detector: Detector) -> None:
    text = (
        "Washington and Moscow renewed their fisheries accord on Monday.\n"
        "Kremlin spokesman Dmitry Peskov said sending more troops to Estonia would only raise "
        "tensions with Washington."
    )
    found = by_phrase(statements(detector, text), "raise tensions")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def test_that_clause_hung_on_a_place_noun_is_still_the_statement(detector: Detector) -> None:
    text = (
        "A Moscow court kept an American engineer in custody on Friday.\n"
        "U.S. Ambassador Lynne Tracy told journalists outside the court building that the "
        "charges against him were fabricated by Russian investigators."
    )
    found = by_phrase(statements(detector, text), "fabricated")
    assert len(found) == 1, found
    assert "Tracy" in found[0].speaker.name and found[0].speaker.country == "USA"


def test_urging_the_other_side_is_a_statement(detector: Detector) -> None:
    text = (
        "Russian warships shadowed a U.S. destroyer in the Sea of Japan on Tuesday.\n"
        "U.S. Navy Admiral John Aquilino said the manoeuvres were unsafe. He urged the Russian "
        "navy to "
        "keep a safe distance from American vessels."
    )
    found = by_phrase(statements(detector, text), "keep a safe distance")
    assert len(found) == 1, found
    assert found[0].speaker.country == "USA"


def test_calling_on_the_other_side_to_act_is_a_statement(detector: Detector) -> None:
    text = (
        "The United States eased a ban on Russian fertiliser shipments this week.\n"
        "Kremlin spokesman Dmitry Peskov called on Washington to lift the remaining curbs on "
        "Russian grain exports as well."
    )
    found = by_phrase(statements(detector, text), "lift the remaining curbs")
    assert len(found) == 1, found
    assert "Peskov" in found[0].speaker.name


def test_calling_for_calm_is_no_statement_of_its_own(detector: Detector) -> None:
    text = (
        "U.S. and Russian jets flew close to each other over Syria.\n"
        "Kremlin spokesman Dmitry Peskov called for calm."
    )
    assert not by_phrase(statements(detector, text), "for calm")


def test_accusing_the_other_side_of_an_act_is_a_statement(detector: Detector) -> None:
    text = (
        "Russia and the United States clashed at the Security Council over the drone strikes.\n"
        "Foreign Minister Sergei Lavrov accused Washington of arming militants in the region "
        "and of ignoring its own commitments."
    )
    found = by_phrase(statements(detector, text), "arming militants")
    assert len(found) == 1, found
    assert "Lavrov" in found[0].speaker.name


def test_a_demand_put_to_ones_own_side_is_no_statement(detector: Detector) -> None:
    text = (
        "Vladimir Putin and Donald Trump are due to meet in Helsinki next week.\n"
        "Several Republicans urged the White House to postpone the trip until after the "
        "midterm elections."
    )
    assert not by_phrase(statements(detector, text), "postpone the trip")


def test_a_widow_speaks_for_no_side(detector: Detector) -> None:
    text = (
        "The United States imposed new sanctions on Russian prison officials on Thursday.\n"
        "Sergei Ryabkov called the measures illegal. His widow has accused the Kremlin of "
        "ordering the killing of her husband."
    )
    found = by_phrase(statements(detector, text), "ordering the killing")
    assert not found, found


def test_they_after_a_family_is_no_side(detector: Detector) -> None:
    text = (
        "A Russian court jailed an American veteran for nine years on Monday.\n"
        "The Foreign Ministry said the sentence was fair. The veteran's parents said they "
        "would appeal and urged the Kremlin to show mercy on humanitarian grounds."
    )
    found = by_phrase(statements(detector, text), "show mercy")
    assert not found, found


def test_surname_alone_names_a_person_the_dictionary_lacks(detector: Detector) -> None:
    text = (
        "Russian and American negotiators met in Vienna on Tuesday.\n"
        "The talks were useful, Pentagon spokesman Harold Brackett told reporters.\n"
        '"Moscow has to stop stalling on the inspection regime," Brackett said.'
    )
    found = by_phrase(statements(detector, text), "stop stalling")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Harold Brackett" and found[0].speaker.country == "USA"


def _actors(detector: Detector, text: str) -> dict[str, ActorRef | None]:
    doc = detector.nlp(text)
    ctx = ArticleContext(doc, detector.dictionary, DAY)
    return {doc[m.start : m.end].text: m.actor for m in ctx.mentions}


def test_opposition_leader_is_no_head_of_state(detector: Detector) -> None:
    actors = _actors(
        detector,
        "Secretary of State Antony Blinken said Washington would keep pressing Moscow over "
        "the treatment of opposition leader Alexei Navalny in prison.",
    )
    assert actors.get("Alexei Navalny") is None, actors
    actors = _actors(
        detector, "The Kremlin rejected calls to free Russian opposition leader Ilya Yashin."
    )
    assert actors["Russian"] is not None and actors["Russian"].role == "COUNTRY", actors


def test_a_national_named_by_demonym_speaks_for_no_side(detector: Detector) -> None:
    actors = _actors(detector, "Russia's Andrey Rublev beat American Tommy Paul in the final.")
    assert actors["Tommy Paul"] is not None and actors["Tommy Paul"].role == "COUNTRY", actors
    assert actors["Andrey Rublev"] is not None and actors["Andrey Rublev"].role == "COUNTRY"


def test_appositive_post_makes_an_unknown_person_an_official(detector: Detector) -> None:
    text = (
        "U.S. and Russian aircraft had another close encounter over eastern Syria.\n"
        "Major General Pavel Sokolin, deputy head of Russia's air operations centre, said "
        "American drones had flown dangerously close to Russian transport planes."
    )
    found = by_phrase(statements(detector, text), "flown dangerously close")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def test_no_statement_about_a_side_that_is_only_a_currency(detector: Detector) -> None:
    text = (
        "The Russian rouble fell below 95 to the U.S. dollar on Thursday.\n"
        "Elvira Nabiullina, an economic adviser to President Vladimir Putin, said a weak "
        "rouble was hurting household incomes and would have to be corrected."
    )
    assert not statements(detector, text)


def test_unqualified_ministry_is_not_the_side_named_in_an_aside(detector: Detector) -> None:
    text = (
        "Russia said on Friday it had closed its airspace to 40 more American airlines in "
        "response to U.S. sanctions over Ukraine.\n"
        'The Foreign Ministry called the step overdue. "Washington leaves us no choice," it '
        "said in a statement."
    )
    found = by_phrase(statements(detector, text), "leaves us no choice")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS", found


def test_administration_official_is_no_named_speaker(detector: Detector) -> None:
    # GUIDE's ruling: unnamed officials with no body named ("a senior administration
    # official") give no statement; above all the words are not the president's.
    text = (
        "The Trump administration put new export controls on Russian chip makers on Monday.\n"
        '"Moscow must understand that these curbs will stay until the shelling stops," a '
        "senior administration official told reporters."
    )
    found = by_phrase(statements(detector, text), "curbs will stay")
    assert not any("Trump" in s.speaker.name for s in found), found
    assert found == [], found


def test_an_unnamed_diplomat_is_not_the_last_named_person(detector: Detector) -> None:
    text = (
        "Foreign Minister Sergei Lavrov met Secretary of State Marco Rubio in Riyadh.\n"
        "A Russian diplomat said later that Washington had not yet answered Moscow's "
        "proposals on the embassies."
    )
    found = by_phrase(statements(detector, text), "not yet answered")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS" and "Lavrov" not in found[0].speaker.name


def test_negation_of_a_first_conjunct_does_not_deny_the_second(detector: Detector) -> None:
    text = (
        "Russia expelled two American diplomats on Friday.\n"
        '"We do not seek confrontation with Washington and are open to honest dialogue," the '
        "Russian Foreign Ministry said."
    )
    found = event_triples(detector, text, DAY)
    assert ("REJECT", "RUS", "USA") not in found, found
    assert ("AGREE", "RUS", "USA") in found, found


def test_main_verb_parsed_as_relative_clause_on_a_title(detector: Detector) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Friday.\n"
        "Speaker of the State Duma Vyacheslav Volodin called Biden's sanctions theft and an "
        "attack on Russian citizens."
    )
    found = by_phrase(statements(detector, text), "attack on Russian citizens")
    assert len(found) == 1, found
    assert "Volodin" in found[0].speaker.name


def test_reduced_relative_clause_stays_the_reporters_aside(detector: Detector) -> None:
    text = (
        "Russia expelled two U.S. diplomats on Friday over the measures Lavrov called "
        "hostile and provocative, and gave them a week to leave.\n"
        "The State Department said it would respond."
    )
    found = by_phrase(statements(detector, text), "hostile and provocative")
    assert not found, found


def test_quote_after_a_colon_belongs_to_the_clause_before_it(detector: Detector) -> None:
    text = (
        "Vladimir Putin and Donald Trump ended their talks in Anchorage on Friday.\n"
        'At the door, Putin gave his guest a parting invitation: "Next round in Moscow, '
        'Mr. President."'
    )
    found = by_phrase(statements(detector, text, LATER), "Next round in Moscow")
    assert len(found) == 1, found
    assert "Putin" in found[0].speaker.name


def test_welcoming_a_decision_as_something_is_a_statement(detector: Detector) -> None:
    text = (
        "The U.S. Treasury removed a Russian fertiliser maker from its sanctions list.\n"
        "Kirill Dmitriev, the Kremlin's envoy for investment, welcomed the move as "
        '"a sign of common sense in Washington."'
    )
    found = by_phrase(statements(detector, text, LATER), "sign of common sense")
    assert len(found) == 1, found
    assert "Dmitriev" in found[0].speaker.name


def test_according_to_a_readout_attributes_the_quoted_words(detector: Detector) -> None:
    text = (
        "Sergei Lavrov and Marco Rubio spoke by phone on Tuesday.\n"
        "According to a readout from the Russian Foreign Ministry, the ministers discussed "
        '"the normalisation of embassy work" and agreed to stay in touch.'
    )
    found = by_phrase(statements(detector, text), "normalisation of embassy work")
    assert len(found) == 1, found
    assert "Foreign Ministry" in found[0].speaker.name and found[0].speaker.country == "RUS"


def test_according_to_a_body_credits_the_person_who_asked(detector: Detector) -> None:
    text = (
        "Joe Biden and Vladimir Putin held a video call on Tuesday.\n"
        "Putin, according to the Kremlin, asked for written guarantees that American missiles "
        "would not be placed in Finland."
    )
    found = by_phrase(statements(detector, text), "written guarantees")
    assert len(found) == 1, found
    assert "Putin" in found[0].speaker.name
    assert not found[0].quote.startswith("Putin")


def test_according_to_for_a_fact_is_no_statement(detector: Detector) -> None:
    text = (
        "The Pentagon and the Kremlin traded warnings over the Baltic on Monday.\n"
        "Russia has moved two more missile brigades to Kaliningrad, according to U.S. "
        "intelligence."
    )
    assert not by_phrase(statements(detector, text), "missile brigades")


def test_a_gloss_already_in_the_clause_is_not_repeated(detector: Detector) -> None:
    text = (
        "Joe Biden and Vladimir Putin spoke for two hours on Tuesday.\n"
        "Kremlin aide Yuri Ushakov described the conversation with the Americans as frank, "
        "adding that there had been jokes as well."
    )
    found = by_phrase(statements(detector, text), "jokes")
    assert len(found) == 1, found
    assert found[0].quote.count("jokes") == 1, found[0].quote


def test_department_spokesperson_speaks_for_the_department_named_before(
    detector: Detector,
) -> None:
    text = (
        "A Russian court jailed an American tourist for two years on Monday.\n"
        "The State Department said it was following the case. A department spokesperson "
        "called on Moscow to release the tourist and to grant consular access."
    )
    found = by_phrase(statements(detector, text), "consular access")
    assert len(found) == 1, found
    assert "State Department" in found[0].speaker.name


def test_foreign_ministry_official_of_an_unknown_country_is_no_side(detector: Detector) -> None:
    text = (
        "Norwegian officials offered Oslo as a venue for a meeting of the American and Russian "
        "presidents.\n"
        '"We stand ready to host such talks at short notice," a Foreign Ministry official '
        "in Oslo said."
    )
    assert not by_phrase(statements(detector, text), "stand ready")


@pytest.mark.parametrize(
    "line",
    [
        "Our Standards: The Example Trust Principles.",
        "Example News' Jane Roe contributed to this report.",
        "Associated Press writers John Doe in Kyiv and Jane Roe in Moscow contributed.",
        "Got a news tip? Write to us.",
        "Facebook | X | Email | Link copied!",
        "Share:",
        "Comments (87)",
        "Also on our site: KREMLIN DENIES PLAN FOR NEW TALKS",
        "We may earn a commission when you buy through links on this page.",
        "Kremlin says U.S. offer is 'a step back'",
        "FILE - Russian President Vladimir Putin attends a meeting at the Kremlin.",
        "Image caption, Sergei Lavrov arrives for the talks",
        "Secretary of State Marco Rubio speaks to reporters at the State Department in Washington.",
        "Jane Roe is a Moscow correspondent for Example News.",
        "Listen to this article, 4 min",
        "- What does the new treaty limit?",
        "• Who is Sergei Ryabkov?",
    ],
)
def test_more_page_furniture_is_dropped(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Also on Tuesday, Lavrov said Moscow would answer the new sanctions in kind.",
        "Putin attends the summit in Alaska next week, the Kremlin said on Monday.",
        "The Kremlin called the U.S. move 'a step back'.",
        "Russia's foreign ministry summoned the U.S. ambassador on Friday.",
        "A wave of sanctions followed, and Biden met opposition figures in a gesture of "
        "support in Warsaw.",
        "Reporters who contributed to the investigation were questioned by the FSB for hours.",
        "* Russia released 16 people, including three U.S. citizens.",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_furniture_yields_no_statement(detector: Detector) -> None:
    text = (
        "Home | World | Politics\n"
        "Kremlin says Washington's offer is 'a bluff'\n"
        "Russian President Vladimir Putin speaks during a meeting with U.S. envoys in Moscow.\n"
        "By Jane Roe\n"
        "MOSCOW (Wire) - Russia and the United States held a new round of talks on Tuesday.\n"
        "Also on our site: PUTIN SAYS U.S. SANCTIONS HAVE FAILED\n"
        "Example News' John Doe contributed to this report."
    )
    detection = detector.detect(text, published=DAY)
    assert not any("bluff" in s.quote or "failed" in s.quote for s in detection.statements)
    assert not any("speaks during" in e.sentence for e in detection.events)


def test_accusation_whose_charge_hangs_on_the_accused(detector: Detector) -> None:
    text = (
        "Russia detained a U.S. dual national in Yekaterinburg on Thursday.\n"
        "The FSB accused the 45-year-old of passing defence secrets to the American side."
    )
    found = by_phrase(statements(detector, text), "defence secrets")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def test_statement_only_about_a_third_country_is_not_kept(detector: Detector) -> None:
    text = (
        "U.S. and Russian diplomats argued at the United Nations over the air strikes.\n"
        "The Russian Defence Ministry claimed Syrian air defences had intercepted most of the "
        "drones. Sergei Lavrov said sanctions should not hurt ordinary Iranians."
    )
    found = statements(detector, text)
    assert not by_phrase(found, "Syrian air defences"), found
    assert not by_phrase(found, "ordinary Iranians"), found


def test_a_court_speaks_for_no_side(detector: Detector) -> None:
    text = (
        "A Moscow court sentenced an American teacher to 14 years on Tuesday.\n"
        "The Moscow court said the teacher had shown contempt for Russian law and that the "
        "American side had ignored its summons."
    )
    found = by_phrase(statements(detector, text), "contempt for Russian law")
    assert not found, found


def test_a_bare_spokeswoman_speaks_for_the_body_just_named(detector: Detector) -> None:
    text = (
        "The Kremlin turned down the American offer of talks on Thursday.\n"
        '"Washington knows our conditions very well," the spokeswoman said.'
    )
    found = by_phrase(statements(detector, text), "knows our conditions")
    assert len(found) == 1, found
    assert "Kremlin" in found[0].speaker.name and found[0].speaker.country == "RUS"


def test_partial_quote_inside_a_reported_clause_keeps_the_clause(detector: Detector) -> None:
    text = (
        "Russia closed the last American consulate on its territory on Monday.\n"
        'The State Department said Washington "will not stay silent" in the face of what it '
        "called a deliberate provocation by Moscow."
    )
    found = by_phrase(statements(detector, text), "will not stay silent")
    assert len(found) == 1, found
    assert "deliberate provocation" in found[0].quote


def test_relations_with_a_third_country_are_not_the_pairs(detector: Detector) -> None:
    text = (
        "Russian and American negotiators met in Riyadh on Tuesday.\n"
        "Vladimir Putin told Indian Prime Minister Narendra Modi that relations between Moscow "
        "and New Delhi had never been stronger."
    )
    assert not by_phrase(statements(detector, text), "never been stronger")


def test_relations_between_the_two_countries_stay_the_pairs(detector: Detector) -> None:
    text = (
        "Russian and American negotiators met in Riyadh on Tuesday.\n"
        "Sergei Lavrov said relations between the two countries could improve if Washington "
        "returned the seized diplomatic property."
    )
    found = by_phrase(statements(detector, text), "could improve")
    assert len(found) == 1, found
    assert set(found[0].about) == {"RUS", "USA"}


def test_quoted_as_saying_credits_the_person_quoted(detector: Detector) -> None:
    text = (
        "Washington and Moscow traded accusations over the downed drone.\n"
        "The TASS news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying that "
        "American reconnaissance flights near Crimea were a deliberate provocation."
    )
    found = by_phrase(statements(detector, text), "deliberate provocation")
    assert len(found) == 1, found
    assert "Ryabkov" in found[0].speaker.name


def test_he_after_a_quote_naming_another_leader_is_the_story_subject(detector: Detector) -> None:
    text = (
        "Joe Biden spoke at the White House on Thursday about the new sanctions on Russia.\n"
        '"I told President Putin that we could have gone much further," he said.'
    )
    found = by_phrase(statements(detector, text), "could have gone much further")
    assert len(found) == 1, found
    assert "Biden" in found[0].speaker.name and found[0].speaker.country == "USA"


def test_generic_body_keeps_the_articles_own_name(detector: Detector) -> None:
    text = (
        "A U.S. surveillance drone crashed into the Black Sea on Tuesday.\n"
        "Russia's Defense Ministry said the American drone had violated the temporary airspace "
        "regime and crashed after sharp manoeuvring."
    )
    found = by_phrase(statements(detector, text), "violated the temporary airspace")
    assert len(found) == 1, found
    assert "Defense Ministry" in found[0].speaker.name and found[0].speaker.country == "RUS"


def test_a_pronoun_follow_up_about_the_pair_is_a_statement(detector: Detector) -> None:
    text = (
        "Sergei Lavrov and Marco Rubio met in Riyadh on Tuesday for four hours.\n"
        "Lavrov told reporters the talks had been useful. He said the sides had agreed to "
        "name new ambassadors soon."
    )
    found = by_phrase(statements(detector, text), "name new ambassadors")
    assert len(found) == 1, found
    assert "Lavrov" in found[0].speaker.name


def test_they_in_a_subordinate_clause_takes_the_main_subject(detector: Detector) -> None:
    text = (
        "Ransomware attacks on American hospitals rose sharply this year.\n"
        "U.S. officials have not blamed the Russian government for the attacks, though they "
        "say the gangs work freely inside Russia."
    )
    found = by_phrase(statements(detector, text), "work freely")
    assert not any(s.speaker.country == "RUS" for s in found), found


def test_a_pronoun_follow_up_with_no_business_between_the_sides_is_dropped(
    detector: Detector,
) -> None:
    text = (
        "Vladimir Putin thanked Donald Trump for the release of a Russian national.\n"
        "Putin told reporters that the American side had kept its word. He said the press "
        "conference would start an hour late."
    )
    found = statements(detector, text)
    assert by_phrase(found, "kept its word"), found
    assert not by_phrase(found, "an hour late"), found


def test_a_pronoun_follow_up_describing_the_other_sides_act_stays(detector: Detector) -> None:
    text = (
        "A Moscow court charged an American reporter with spying on Friday.\n"
        "Kremlin spokesman Dmitry Peskov said the case was a matter for the courts. He "
        "described the reporter as having been caught red-handed."
    )
    found = by_phrase(statements(detector, text), "caught red-handed")
    assert len(found) == 1, found


def test_parenthetical_attribution_inside_the_sentence(detector: Detector) -> None:
    text = (
        "Russia suspended its part in the arms treaty with the United States on Monday.\n"
        "Moscow, Ryabkov said, would from now on set its own limits without asking Washington."
    )
    found = by_phrase(statements(detector, text), "set its own limits")
    assert len(found) == 1, found
    assert "Ryabkov" in found[0].speaker.name
    assert "Ryabkov said" not in found[0].quote


def test_post_after_the_name_places_an_unknown_official(detector: Detector) -> None:
    actors = _actors(
        detector,
        "The White House said on Monday that Russia had again meddled in the vote.\n"
        "Kevin Mandia, the national security adviser, said Moscow had run a broad campaign.",
    )
    mandia = actors.get("Kevin Mandia")
    assert mandia is not None and mandia.country == "USA" and mandia.role == "SECURITY", actors


def test_asked_whether_then_said_credits_the_one_asked(detector: Detector) -> None:
    text = (
        "Russia and the United States swapped two prisoners in Abu Dhabi on Friday.\n"
        "Kremlin spokesman Dmitry Peskov, asked whether the swap could lead to a thaw, said "
        "that would be a hasty reading of a one-off deal with Washington."
    )
    found = by_phrase(statements(detector, text), "hasty reading")
    assert len(found) == 1, found
    assert "Peskov" in found[0].speaker.name


def test_relative_who_clause_reports_the_named_speaker(detector: Detector) -> None:
    text = (
        "The treaty was signed by the Russian and American presidents on Thursday.\n"
        "The point was echoed by Foreign Minister Sergei Lavrov, who told reporters in Moscow "
        "that Russia had attached a reservation on missile defence to the treaty."
    )
    found = by_phrase(statements(detector, text), "attached a reservation")
    assert len(found) == 1, found
    assert "Lavrov" in found[0].speaker.name


def test_was_quoted_as_saying_credits_the_subject(detector: Detector) -> None:
    text = (
        "Washington said it would station long-range missiles in Germany from 2026.\n"
        '"We will answer this new threat with military means," Ryabkov was quoted as saying '
        "by Interfax."
    )
    found = by_phrase(statements(detector, text), "answer this new threat")
    assert len(found) == 1, found
    assert "Ryabkov" in found[0].speaker.name


def test_a_national_described_after_the_name_speaks_for_no_side(detector: Detector) -> None:
    text = (
        "Russia freed an American prisoner on Tuesday after talks with Washington.\n"
        "Mark Dolan, an American schoolteacher held since 2021, landed at Andrews on Wednesday. "
        '"Russia treated me fairly in the end," Dolan said.'
    )
    found = by_phrase(statements(detector, text), "treated me fairly")
    assert not found, found


def test_unnamed_russian_officials_are_sources_not_speakers(detector: Detector) -> None:
    text = (
        "Washington has offered Moscow new talks on the embassies.\n"
        "The offer was never answered in writing, Russian officials say."
    )
    assert not by_phrase(statements(detector, text), "never answered")


def test_the_veteran_diplomat_is_the_diplomat_last_named(detector: Detector) -> None:
    text = (
        "Russia's new ambassador Alexander Darchiev arrived in Washington on Thursday.\n"
        "Speaking at the airport, the veteran diplomat said he would work to lift relations "
        "with the United States out of their slump."
    )
    found = by_phrase(statements(detector, text, LATER), "out of their slump")
    assert len(found) == 1, found
    assert "Darchiev" in found[0].speaker.name


def test_reported_clause_whose_subject_the_parser_missed(detector: Detector) -> None:
    text = (
        "The United States put sanctions on four Russian steel makers on Friday.\n"
        "Joe Biden said more would follow unless Moscow pulled its troops back."
    )
    found = by_phrase(statements(detector, text), "more would follow")
    assert len(found) == 1, found
    assert "Biden" in found[0].speaker.name


def test_asked_first_then_the_named_speaker_said(detector: Detector) -> None:
    text = (
        "A Russian court jailed an American journalist for espionage on Monday.\n"
        "Asked whether Moscow was ready to trade the reporter, a Russian deputy foreign "
        "minister, Sergei Ryabkov, said it was premature to discuss any exchange with Washington."
    )
    found = by_phrase(statements(detector, text), "premature to discuss")
    assert len(found) == 1, found
    assert "Ryabkov" in found[0].speaker.name


def test_question_quote_then_lower_case_attribution(detector: Detector) -> None:
    text = (
        "Vladimir Putin answered questions about the new U.S. sanctions on Thursday.\n"
        "Putin defended Moscow's response to Washington. “Would you accept being lectured "
        "like that?” he asked."
    )
    found = by_phrase(statements(detector, text), "being lectured")
    assert len(found) == 1, found
    assert "Putin" in found[0].speaker.name


def test_named_holder_after_a_possessive_title_is_the_speaker(detector: Detector) -> None:
    text = (
        "Moscow and Washington reopened talks on consular staffing on Monday.\n"
        "The Kremlin's spokesman, Dmitry Peskov, told journalists the talks with Washington "
        "had been businesslike."
    )
    found = by_phrase(statements(detector, text), "businesslike")
    assert len(found) == 1, found
    assert found[0].speaker.name == "Dmitry Peskov"


def test_title_without_an_appositive_name_keeps_the_title(detector: Detector) -> None:
    text = (
        "Moscow and Washington reopened talks on consular staffing on Monday.\n"
        "The Kremlin's spokesman told journalists the talks with Washington had been "
        "businesslike."
    )
    found = by_phrase(statements(detector, text), "businesslike")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS" and "Peskov" not in found[0].speaker.name


def test_a_post_only_one_government_has_places_an_unknown_holder(detector: Detector) -> None:
    text = (
        "Vladimir Putin said on Tuesday that Russia had never meddled in American politics.\n"
        "Avery Linden, the director of national intelligence, said Moscow kept targeting "
        "American elections."
    )
    found = by_phrase(statements(detector, text), "targeting")
    assert len(found) == 1, found
    assert found[0].speaker.country == "USA"


def test_a_side_word_still_wins_over_a_national_title(detector: Detector) -> None:
    text = (
        "The Kremlin said on Tuesday that Washington had broken the arms accord.\n"
        "Russian Senator Ilya Brovkin said the United States must answer for the breach."
    )
    found = by_phrase(statements(detector, text), "must answer")
    assert len(found) == 1, found
    assert found[0].speaker.country == "RUS"


def test_a_state_secretary_of_state_is_not_the_national_one(detector: Detector) -> None:
    text = (
        "Washington and Moscow traded accusations over election meddling on Monday.\n"
        "In Ohio, the secretary of state's office said two million voters had registered early."
    )
    assert not by_phrase(statements(detector, text), "registered early")


def test_attribution_after_the_clause_keeps_the_words_as_written(detector: Detector) -> None:
    text = (
        "Moscow expelled two American diplomats on Monday.\n"
        'The decision to expel them was "a grave error, frankly," John Kirby said, and a blow '
        "to ties with Moscow."
    )
    found = by_phrase(statements(detector, text), "a grave error, frankly")
    assert len(found) == 1, found
    assert found[0].speaker.country == "USA"
    assert " ," not in found[0].quote.split('"')[1]


def test_quoted_words_someone_called_something_are_theirs(detector: Detector) -> None:
    text = (
        "Russian jets buzzed an American patrol plane over the Baltic on Friday.\n"
        "Washington lodged a protest over what Pentagon spokesman John Kirby called a "
        '"reckless and needless provocation" by the Russian pilots.'
    )
    found = by_phrase(statements(detector, text), "reckless and needless provocation")
    assert len(found) == 1, found
    assert "Kirby" in found[0].speaker.name and found[0].speaker.country == "USA"


def test_quoted_words_a_non_side_called_something_are_no_statement(detector: Detector) -> None:
    text = (
        "Russian jets buzzed an American patrol plane over the Baltic on Friday.\n"
        'Washington lodged a protest over what aviation analysts called a "reckless and '
        'needless provocation" by the Russian pilots.'
    )
    assert not by_phrase(statements(detector, text), "needless provocation")


def test_a_lawmaker_on_their_own_government_is_home_politics(detector: Detector) -> None:
    text = (
        "Joe Biden and Vladimir Putin met in Vienna on Tuesday.\n"
        "Senator Mark Hollis called the summit an embarrassment for an American president."
    )
    assert not by_phrase(statements(detector, text), "embarrassment")


def test_a_lawmaker_on_the_other_side_is_still_a_statement(detector: Detector) -> None:
    text = (
        "Joe Biden and Vladimir Putin met in Vienna on Tuesday.\n"
        "Senator Mark Hollis said Russia could not be trusted to keep its promises."
    )
    found = by_phrase(statements(detector, text), "could not be trusted")
    assert len(found) == 1, found
    assert found[0].speaker.country == "USA"
