"""Conflict events (ACCUSE, THREATEN, SANCTION, COERCE, ASSAULT, MOBILIZE): the general rules
added after the error analysis of the development set.

Every sentence is written for these tests; the detector is the real one, loaded once per session.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2024, 5, 8)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause coordinated with its own subject keeps its own modality: the "must" of
        # the first clause does not make the reserving hypothetical
        (
            "The president told the Kremlin chief on Tuesday that Russia must rein in the "
            "hacker groups and that Washington reserved the right to protect its networks.",
            ("THREATEN", "USA", "RUS"),
        ),
        # sanctions counted in a measure ("a wave of", "a package of") are still imposed
        (
            "The White House on Monday announced a fresh wave of sanctions against Russian "
            "energy companies.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "Moscow unveiled a package of penalties on American firms after the vote.",
            ("SANCTION", "RUS", "USA"),
        ),
        # "consequences" is cued by its lemma: a future consequence is a threat
        (
            '"The Kremlin will face the consequences of this," the American president told '
            "reporters about Russia.",
            ("THREATEN", "USA", "RUS"),
        ),
        # the other side's conduct called dangerous or fuel to the fire is criticism
        (
            'A Pentagon spokesman said Russian jets had "flown dangerously close" to an '
            "American patrol plane over the Baltic.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov said Washington was pouring fuel on the "
            "conflict and adding fuel to the fire with every arms shipment.",
            ("ACCUSE", "RUS", "USA"),
        ),
        (
            "The Russian ambassador called the new American measures an attempt to punish "
            "ordinary Russians.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # suspending contacts with the other side is a diplomatic sanction
        (
            "The Pentagon suspended all military engagement with Russia on Thursday.",
            ("SANCTION", "USA", "RUS"),
        ),
        # an agentless arrest is the reporting side's, or the side on whose soil it happened
        (
            "A Russian programmer was arrested at a Miami hotel and charged with laundering "
            "ransom payments, the Justice Department said on Friday.",
            ("COERCE", "USA", "RUS"),
        ),
        (
            "An American teacher has been detained in Russia on drug charges, his family said.",
            ("COERCE", "RUS", "USA"),
        ),
        # pinning an attack on the other side blames it
        (
            "U.S. officials on Tuesday pinned the ransomware attack on Moscow.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # blaming the other side's spies for a hack attributes the hack to that side
        (
            "The White House sanctioned six firms on Monday, blaming Russia's military "
            "intelligence agency for the breach of the grid operator's networks.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # a retaliation still to come is a threat; a warning against an attack is one too
        (
            "The Kremlin said Russia will retaliate against any new American sanctions.",
            ("THREATEN", "RUS", "USA"),
        ),
        (
            "President Biden warned Vladimir Putin against an attack on Ukraine.",
            ("THREATEN", "USA", "RUS"),
        ),
        # cue words count in the form written when the lemmatiser strips them
        (
            "A Kremlin aide, Yuri Ushakov, said Moscow was deeply disappointed by the "
            "decision taken in Washington.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a sanction listed after another act shares its announcer
        (
            "The Justice Department announced the arrest of a Russian hacker and new "
            "sanctions against Moscow.",
            ("SANCTION", "USA", "RUS"),
        ),
        # a designation puts its target under sanctions
        (
            "The Treasury Department designated three Russian banks on Wednesday.",
            ("SANCTION", "USA", "RUS"),
        ),
        # cutting the other side's embassy staff is a diplomatic sanction
        (
            "The Kremlin cut the number of American diplomatic personnel in Russia by half.",
            ("SANCTION", "RUS", "USA"),
        ),
        # a deployment hosted by an ally is aimed at the other side of the story
        (
            "The Kremlin denounced the plan on Friday. The Pentagon said U.S. forces would "
            "begin rotating deployments of long-range rockets in Lithuania next year.",
            ("MOBILIZE", "USA", "RUS"),
        ),
        # calling the other side names in a reported clause, even under "believe"
        (
            "Moscow summoned the U.S. ambassador on Friday after Secretary of State Antony "
            "Blinken said he thought Sergei Lavrov was a liar.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a charge of serving the other state accuses that state
        (
            "A Russian student was arrested in Seattle and charged with spying for Russia's "
            "military intelligence agency, the FBI said.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # chemical weapons and poisons charged to the other side are an accusation
        (
            '"This is our answer to Russia\'s use of a nerve agent against a British citizen," '
            "White House spokesman John Kirby said.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # telling the other side's oligarchs they cannot hide is a threat
        (
            '"The Kremlin\'s cronies cannot hide," Attorney General Merrick Garland said, '
            "adding that prosecutors would use every tool against Moscow's elites.",
            ("THREATEN", "USA", "RUS"),
        ),
        # seeking to inflict a defeat on the other side is charged as hostility
        (
            '"Washington wants to inflict a strategic defeat on us," Russian Foreign Minister '
            "Sergei Lavrov told reporters.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a cut the other side "would have to" make is ordered by the speaker
        (
            "Russian Foreign Minister Sergei Lavrov said on Monday that the United States "
            "would have to cut 200 people from its embassy staff in Moscow.",
            ("SANCTION", "RUS", "USA"),
        ),
        # an indictment for hacking the other side's networks is brought by it and accuses
        (
            "Five officers of Russia's GRU were indicted on Thursday on charges of hacking the "
            "email accounts of the U.S. State Department.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a third country's extradition to a watched side brings its national to trial there
        (
            "Poland extradited a Russian hacker to the United States on Wednesday.",
            ("COERCE", "USA", "RUS"),
        ),
        # clipping a drone's propeller is an attack on it
        (
            "A U.S. Reaper drone crashed into the sea after a Russian fighter jet clipped its "
            "propeller, the Pentagon said.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # sealing the other side's embassy property seizes it
        (
            "The U.S. embassy's warehouse in St Petersburg was sealed by Russian authorities "
            "on Friday.",
            ("COERCE", "RUS", "USA"),
        ),
        # further sanctions held ready are a threat
        (
            '"If Moscow keeps up its attacks, we stand ready to impose further sanctions," '
            "President Biden said of Russia.",
            ("THREATEN", "USA", "RUS"),
        ),
        # alarm at the other side's actions is criticism
        (
            '"Every American should be alarmed by Russia\'s actions," the U.S. president said.',
            ("ACCUSE", "USA", "RUS"),
        ),
        # a national of the other side "caught red-handed" is charged
        (
            'Kremlin spokesman Dmitry Peskov said the detained American had been "caught '
            'red-handed" passing secrets to Washington.',
            ("ACCUSE", "RUS", "USA"),
        ),
        # a response still to come is threatened
        (
            "Russia will respond to the stationing of American missiles in Poland with "
            "measures of its own, Deputy Foreign Minister Sergei Ryabkov said.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a law that bans is the enactor's ban
        (
            "President Vladimir Putin signed a bill on Monday that bars American citizens from "
            "working for Russian charities.",
            ("SANCTION", "RUS", "USA"),
        ),
        # further action one is prepared to take is a threat
        (
            '"We are prepared to take further action if Moscow does not change course," '
            "U.S. Treasury Secretary Janet Yellen said of Russia.",
            ("THREATEN", "USA", "RUS"),
        ),
        # a judgement of the other side's act inside a conditional's object still charges it
        (
            "State Department spokesman Matthew Miller said the United States would respond "
            "to Russia's unacceptable expulsions.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a side's warship on the move is its armed forces deploying
        (
            "A Russian frigate sailed into the port of Havana on Wednesday, shadowed by a U.S. "
            "Coast Guard cutter.",
            ("MOBILIZE", "RUS", "USA"),
        ),
        # the one named as an attack's perpetrator carried it out
        (
            "The White House on Monday named Russia's military intelligence agency as the "
            "perpetrator of the cyberattack on American hospitals.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # a part of a force acts for it
        (
            "One of the Russian jets struck the propeller of a U.S. drone over the Black Sea.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # what the other side could suffer is a threat
        (
            "President Biden warned that Russia could face crippling sanctions.",
            ("THREATEN", "USA", "RUS"),
        ),
    ],
)
def test_conflict_event_found(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # judging an act is not doing it: the one who condemns a detention did not detain
        (
            "Russia detained an American reporter last week. The White House condemned the "
            "detention of the reporter.",
            ("COERCE", "USA", "RUS"),
        ),
        # blaming a thing names no side as the culprit
        (
            "Russia's economy minister blamed weak oil prices for the slump in the rouble, "
            "which fell against the dollar as Washington weighed its options.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a lawmaker's criticism of his own leader is aimed at no one abroad
        (
            "President Trump met Vladimir Putin in Finland on Monday. Senator Lindsey Graham "
            "called it a shameful performance by an American president.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a judgement under "if" charges no one
        (
            "Secretary of State Mike Pompeo said that if the arrest of the American in Moscow "
            "proved unjustified, Washington would ask for his release.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # an arrest abroad reported by the detainee's own side names no other side
        (
            "Two Russian tourists were arrested in Poland, the Kremlin said.",
            ("COERCE", "USA", "RUS"),
        ),
        (
            "Washington pinned its hopes on talks with Russia.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # the one at fault is blamed, not blaming
        (
            '"If the talks fail and I decide it was Russia\'s fault, I will act," the '
            "American president said.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # concerns a side is said to hold are no act of that side
        (
            "The State Department said it was ready to discuss Russian concerns about missile "
            "defence.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a criminal case is no charge against the other side
        (
            "Kremlin spokesman Dmitry Peskov said the case of the detained American sailor was "
            "a purely criminal one.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # what a conditional would bring is a warning, not a charge
        (
            '"Sending such missiles would mean a dangerous escalation," Russian Foreign '
            "Minister Sergei Lavrov said of the planned American shipments.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # calling the other side's claims fabricated denies them
        (
            "Washington accused Moscow of meddling in the vote. Russian Foreign Minister "
            "Sergei Lavrov called the allegations fabricated.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a retaliation carried out is the act it names, not a threat
        (
            "Moscow closed two American consulates on Friday, retaliating against the "
            "expulsion of its diplomats from Washington.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a warning about a plot is a tip-off, not a threat
        (
            "The FSB warned the FBI about the suspects months before the shooting.",
            ("THREATEN", "RUS", "USA"),
        ),
        (
            "Washington gave Moscow a warning about a terrorist plot against a Moscow concert "
            "hall.",
            ("THREATEN", "USA", "RUS"),
        ),
        # forces massed near a third country face that country
        (
            "The United States will send 2,000 soldiers to Romania, the Pentagon said, as "
            "Russia masses tanks along its border with Ukraine.",
            ("MOBILIZE", "RUS", "USA"),
        ),
        # a threat reported inside another speaker's statement is not that speaker's
        (
            "Russia has recalled its envoy to Washington, the Foreign Ministry said, after "
            "President Joe Biden said that Moscow would pay a heavy price for its meddling.",
            ("THREATEN", "RUS", "USA"),
        ),
        # a private crime charged is no charge against the state
        (
            "A Russian court convicted an American teacher of smuggling cannabis oil.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # a name denied is none given
        (
            "President Biden said he did not think Putin was a killer.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # drills held with a third country are not aimed at the other side of the story
        (
            "The White House voiced concern about Moscow's arms sales on Monday. Russia and "
            "China held joint naval drills in the Sea of Japan last month.",
            ("MOBILIZE", "RUS", "USA"),
        ),
        # names called at home are no charge against the other side
        (
            "Vladimir Putin met foreign investors in St Petersburg on Friday. Joe Biden said "
            "Donald Trump was a liar.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a speaker's participle the parser hangs on the reported clause stays the speaker's
        (
            "Foreign Minister Sergei Lavrov demanded that Washington hand back the seized "
            'Russian dachas, calling the confiscation "daylight robbery".',
            ("ACCUSE", "USA", "RUS"),
        ),
        # a threat one is "not concerned about" is denied, not charged
        (
            'Two Russian warships docked in Havana on Wednesday. "We are not worried about '
            'these vessels posing any threat," Pentagon spokesman John Kirby told reporters.',
            ("ACCUSE", "USA", "RUS"),
        ),
        # an answer to questions is no threat; nor is the purpose of an act already taken
        (
            "The Kremlin will respond to questions from American reporters on Friday.",
            ("THREATEN", "RUS", "USA"),
        ),
        (
            "The White House said the expulsions of Russian diplomats were meant to respond to "
            "the poisoning.",
            ("THREATEN", "USA", "RUS"),
        ),
        # the one who says "it would respond" speaks of itself
        (
            "The White House condemned Russia's decision to expel two American diplomats and "
            "said it would respond.",
            ("THREATEN", "RUS", "USA"),
        ),
        # offensive weapons are arms, not insults
        (
            "Putin asked for guarantees that Washington would not station offensive missile "
            "systems in Ukraine, the Kremlin said.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # designating one's own citizen as wrongfully detained sanctions no one
        (
            "A Moscow court kept the American reporter in jail. The State Department has "
            "designated him as wrongfully detained.",
            ("SANCTION", "USA", "RUS"),
        ),
        # a forecast of what the other side may do is no threat to it
        (
            "U.S. intelligence officials warned that Russia could launch an offensive in "
            "Ukraine as early as January.",
            ("THREATEN", "USA", "RUS"),
        ),
    ],
)
def test_conflict_event_not_found(detector: Detector, text: str, unexpected: tuple) -> None:
    assert unexpected not in triples(detector, text)


def test_own_concerns_voiced(detector: Detector) -> None:
    """A speaker's "our concerns" ignored by the other side is a complaint against it."""
    found = triples(
        detector,
        '"The Americans have shown no willingness to take our concerns into account," '
        "Russian Deputy Foreign Minister Sergei Ryabkov said.",
    )
    assert ("ACCUSE", "RUS", "USA") in found


def test_denial_is_rejection(detector: Detector) -> None:
    found = triples(
        detector,
        "Washington accused Moscow of meddling in the vote. Russian Foreign Minister "
        "Sergei Lavrov called the allegations fabricated.",
    )
    assert ("REJECT", "RUS", "USA") in found


def test_protest_over_own_national(detector: Detector) -> None:
    """Protesting the detention of one's own national protests to the other side."""
    found = triples(
        detector,
        "Russia's Foreign Ministry summoned the U.S. ambassador and protested the arrest of a "
        "Russian businessman in Miami.",
    )
    assert ("ACCUSE", "RUS", "USA") in found


def test_judged_act_keeps_its_doer(detector: Detector) -> None:
    """The condemnation is coded, and the detention stays Russia's."""
    found = triples(
        detector,
        "Russia detained an American reporter last week. The White House condemned the "
        "detention of the reporter.",
    )
    assert ("ACCUSE", "USA", "RUS") in found
    assert ("COERCE", "RUS", "USA") in found


# --- round 2: phrasing families of web journalism -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "hit X with sanctions": the idiom of imposing
        (
            "The Treasury hit Moscow with new penalties on its shipping sector on Thursday.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "Washington hit the Kremlin with another round of sanctions after the poisoning.",
            ("SANCTION", "USA", "RUS"),
        ),
        # "took aim at", "took a jab at": criticism
        (
            "Secretary of State Antony Blinken took aim at Moscow over its jailing of critics.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov took a jab at the White House over its new strategy.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # "put X on notice": a warning
        (
            "President Biden put the Kremlin on notice that any attack on NATO would be answered.",
            ("THREATEN", "USA", "RUS"),
        ),
        # "raised the spectre of": a threat of force
        (
            "Medvedev raised the specter of a nuclear clash with the United States on Sunday.",
            ("THREATEN", "RUS", "USA"),
        ),
        # passive removal with no agent: the side of the place they are sent away from acts
        (
            "Three Russian diplomats were expelled from the United States in March.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "Two American embassy staffers were kicked out of Russia last autumn.",
            ("SANCTION", "RUS", "USA"),
        ),
        (
            "An American envoy was thrown out of Russia after the spy scandal.",
            ("SANCTION", "RUS", "USA"),
        ),
        # an agentless passive expulsion reported by a body of the expelling side
        (
            "Four U.S. diplomats were expelled on Monday, the Russian Foreign Ministry said.",
            ("SANCTION", "RUS", "USA"),
        ),
        (
            "Six American diplomats were ordered out of Russia, according to the Kremlin.",
            ("SANCTION", "RUS", "USA"),
        ),
        # what a side retaliates or responds with is its act
        (
            "Moscow retaliated with a ban on entry for dozens of U.S. lawmakers.",
            ("SANCTION", "RUS", "USA"),
        ),
        (
            "Russia reacted with the expulsion of ten American diplomats.",
            ("SANCTION", "RUS", "USA"),
        ),
        # hackers targeting a network attack it
        (
            "Russian hackers targeted American water utilities last week, investigators said.",
            ("ASSAULT", "RUS", "USA"),
        ),
    ],
)
def test_journalism_families_found(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # "hit with" weather, not penalties
        ("The blizzard hit Russia with heavy snow and freezing winds.", ("SANCTION", "USA", "RUS")),
        # "took aim at" a goal or a military target is no criticism
        (
            "The American striker took aim at the Russian goal in the final minute.",
            ("ACCUSE", "USA", "RUS"),
        ),
        (
            "Russian artillery took aim at Ukrainian positions held with U.S. weapons.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # "put on the agenda", "raised the issue": no warning
        (
            "Biden put the Russian proposal on the agenda for the summit.",
            ("THREATEN", "USA", "RUS"),
        ),
        (
            "The U.S. delegation raised the issue of prisoner releases with Russia.",
            ("THREATEN", "USA", "RUS"),
        ),
        # a removal rule reads "from" only for removals: a recall from a post is one's own
        (
            "Russian diplomats were recalled from Washington for consultations.",
            ("SANCTION", "USA", "RUS"),
        ),
        # players removed from a tournament are no diplomats
        (
            "Russian players were kicked out of the tournament in the United States.",
            ("SANCTION", "USA", "RUS"),
        ),
        # what one responds to is not what one responds with
        (
            "Moscow responded calmly to the U.S. sanctions on its banks.",
            ("SANCTION", "RUS", "USA"),
        ),
        # hackers are not the subject: a regulator targeting banks stays a sanction, not an attack
        (
            "The U.S. Treasury targeted Russian banks with new restrictions.",
            ("ASSAULT", "USA", "RUS"),
        ),
    ],
)
def test_journalism_families_not_found(detector: Detector, text: str, unexpected: tuple) -> None:
    assert unexpected not in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "called out X for": criticism
        (
            "The White House called out the Kremlin for the mistreatment of an American prisoner.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # "barred entry to": an entry ban on the other side's people
        ("Moscow has barred entry to dozens of U.S. senators.", ("SANCTION", "RUS", "USA")),
        # an act pinned on or carried out by a side, said in a participle after the noun
        (
            "The intrusion into U.S. government networks, attributed to Russia's foreign "
            "intelligence service, lasted for months.",
            ("ASSAULT", "RUS", "USA"),
        ),
        (
            "The hack of American agencies, carried out by Russia's SVR, went unnoticed for a year.",
            ("ASSAULT", "RUS", "USA"),
        ),
        (
            "A cyberattack blamed on Russia crippled a U.S. fuel pipeline.",
            ("ASSAULT", "RUS", "USA"),
        ),
    ],
)
def test_journalism_families_found_2(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # calling out names is no criticism
        (
            "The announcer called out the names of the American and Russian athletes.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # an attack pinned on a third party is not the watched side's
        (
            "A rocket attack on U.S. troops in Syria was blamed on Iranian-backed militias.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # closing a stadium to fans bars no one of the other side
        (
            "Russia barred entry to the stadium for fans without tickets.",
            ("SANCTION", "RUS", "USA"),
        ),
    ],
)
def test_journalism_families_not_found_2(detector: Detector, text: str, unexpected: tuple) -> None:
    assert unexpected not in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser reads "after" as a preposition and the clause's subject as its object: the
        # subject of the subordinate clause still acts, not the main clause's subject
        (
            "A U.S. surveillance drone crashed after one of two Russian jets clipped its propeller.",
            ("ASSAULT", "RUS", "USA"),
        ),
        (
            "Relations soured further after Moscow expelled two American diplomats.",
            ("SANCTION", "RUS", "USA"),
        ),
    ],
)
def test_subordinate_clause_subject(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


def test_subordinate_clause_not_main_subject(detector: Detector) -> None:
    """The main clause's subject does not act in the 'after' clause."""
    found = triples(
        detector, "The American drone fell into the sea after two Russian jets harassed it."
    )
    assert ("ASSAULT", "USA", "RUS") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "drew condemnation from X": X condemns the one whose act drew it
        ("The U.S. decision drew a sharp rebuke from the Kremlin.", ("ACCUSE", "RUS", "USA")),
        (
            "Moscow's ban on American journalists drew criticism from the State Department.",
            ("ACCUSE", "USA", "RUS"),
        ),
        # a plain quality before the noun owns nothing: the side after it does
        (
            "Fresh U.S. penalties on Russian gas traders took effect at midnight.",
            ("SANCTION", "USA", "RUS"),
        ),
        # a passive of imposing or announcing with its agent
        (
            "Further sanctions on Russian shipping firms were announced by the Treasury.",
            ("SANCTION", "USA", "RUS"),
        ),
        (
            "The sanctions, imposed by Washington last week, target Russia's largest lender.",
            ("SANCTION", "USA", "RUS"),
        ),
        # "responsible for" the act: the one answerable did it
        (
            "Investigators said Russian military intelligence was responsible for the hack of "
            "U.S. election offices.",
            ("ASSAULT", "RUS", "USA"),
        ),
    ],
)
def test_nominal_act_owners(detector: Detector, text: str, expected: tuple) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a verbal "attack" by a leader is no assault, adjective or not
        (
            "It was the harshest attack on Washington by a Russian official in a decade.",
            ("ASSAULT", "RUS", "USA"),
        ),
        # drawing a crowd is no reaction of its members
        (
            "The American ambassador's speech drew a large crowd of Russian students.",
            ("ACCUSE", "RUS", "USA"),
        ),
        # responsible for a task is no culprit
        (
            "A Russian diplomat was responsible for the talks with the U.S. delegation.",
            ("ASSAULT", "RUS", "USA"),
        ),
    ],
)
def test_nominal_act_owners_not(detector: Detector, text: str, unexpected: tuple) -> None:
    assert unexpected not in triples(detector, text)
