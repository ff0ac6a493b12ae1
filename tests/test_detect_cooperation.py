"""Events of cooperation and exchange: AGREE, CONSULT, SUPPORT, COOPERATE, CONCEDE, REQUEST,
REJECT. Each sentence is written for these tests and names the general rule it checks; the
detector is the real, session-wide one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.detect import Detector
from tests.support.detection import event_triples

DAY = dt.date(2025, 3, 4)


def triples(detector: Detector, text: str) -> set[tuple[str, str, str]]:
    return event_triples(detector, text, DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks that a setting phrase measures took place, whatever clause they hang on
        (
            "The United States and Russia unveiled a framework for a truce, which would take "
            "effect if both armies comply, after nine hours of talks between Secretary Rubio "
            "and Foreign Minister Lavrov.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Envoy Steve Witkoff and Kremlin aide Yuri Ushakov have drafted a plan to settle "
            "the dispute after two days of talks in Geneva, officials said.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a paragraph naming the pair only as "the two leaders" is still read
        (
            "Donald Trump stood beside Vladimir Putin in Helsinki on Monday and praised his "
            "strong denial.\n\nThe two leaders met for two hours in the palace, with only "
            "interpreters present.",
            ("CONSULT", "USA", "RUS"),
        ),
        # both sides named inside one subject phrase: the other one is the partner
        (
            "Senior American and Russian diplomats agreed on Monday to reopen the consulates, "
            "after five hours of talks in the Turkish capital.",
            ("CONSULT", "USA", "RUS"),
        ),
        # "officials in both capitals" stand for the pair
        (
            "Russia welcomed the American gesture. Officials in both capitals have discussed "
            "resuming direct flights during recent talks in Vienna.",
            ("CONSULT", "USA", "RUS"),
        ),
        # "the ministers", just after both are named, are the pair: their agreement binds both
        (
            "Secretary Rubio and Foreign Minister Lavrov spoke by phone on Tuesday. The "
            "ministers agreed to keep in regular contact.",
            ("AGREE", "USA", "RUS"),
        ),
        (
            "Secretary Rubio and Foreign Minister Lavrov spoke by phone on Tuesday. The "
            "ministers agreed to keep in regular contact.",
            ("AGREE", "RUS", "USA"),
        ),
        # a meeting wished for or put forward is an offer of one
        (
            "President Trump said he would like to meet Vladimir Putin soon to discuss the war.",
            ("AGREE", "USA", "RUS"),
        ),
        (
            "Peskov said the Kremlin still hoped to establish a dialogue with the new American "
            "administration.",
            ("AGREE", "RUS", "USA"),
        ),
        (
            "Putin told reporters in Minsk that he and Trump could meet in the Gulf next month.",
            ("AGREE", "RUS", "USA"),
        ),
        (
            "Putin congratulated Trump on his victory and said he was prepared to talk to the "
            "president-elect.",
            ("AGREE", "RUS", "USA"),
        ),
        # a coordinated clause with its own subject keeps its own modality: the first
        # clause's "would not" does not deny the readiness in the second
        (
            "Lavrov said the dispute would not derail the visit and that Moscow was willing "
            "to work with the new American administration.",
            ("AGREE", "RUS", "USA"),
        ),
        # readiness for a dialogue is an offer of one
        (
            "Lavrov said the sanctions were regrettable but that Russia remained ready for a "
            "dialogue with Washington on arms control.",
            ("AGREE", "RUS", "USA"),
        ),
        # an invitation to one side, said by the other to stand, is that side's offer
        (
            "Ushakov said the cancellation was a mistake and that the invitation to Biden to "
            "visit Moscow remained open.",
            ("AGREE", "RUS", "USA"),
        ),
        # calling off a meeting refuses it
        (
            "President Trump called off his planned meeting with Vladimir Putin in Moscow.",
            ("REJECT", "USA", "RUS"),
        ),
        # a phone call on a weekday is a call, not a "call on"
        (
            "Secretary Rubio called his Russian counterpart Sergei Lavrov on Friday and "
            "raised the case of the detained reporter.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a meeting judged a success praises it and the other side
        (
            "Putin met Trump in Alaska on Friday. Trump called the meeting a great success.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # a speaker's verb the parser hangs on the reported clause is still the speaker's
        (
            "Lavrov said the talks had been held in a calm atmosphere and praised Rubio for "
            "listening to Moscow's concerns.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # standing by remarks the other side objected to rejects the objection
        (
            "Moscow accused the ambassador of meddling. The State Department stood by her "
            "remarks on Friday.",
            ("REJECT", "USA", "RUS"),
        ),
        # a later coordinated subject that is a side's body acts for it
        (
            "Moscow charged the reporter with spying. She, her newspaper and the U.S. "
            "government reject the charge.",
            ("REJECT", "USA", "RUS"),
        ),
        # an expectation put on the other side to act is a demand
        (
            'The embassy was informed of the arrest. "We expect the Russian authorities to '
            'grant our consul access to him at once," Secretary Rubio said.',
            ("REQUEST", "USA", "RUS"),
        ),
        # a quote that opens with a command to act is a demand
        (
            "Russia jailed the American teacher in June. Asked about the case, President "
            'Trump said: "Let her go."',
            ("REQUEST", "USA", "RUS"),
        ),
        (
            'Moscow detained two U.S. sailors. "Release them at once," Secretary Rubio said.',
            ("REQUEST", "USA", "RUS"),
        ),
        # helping the other side to do something backs it
        (
            "Medvedev said Moscow would do what it could to help the United States find the "
            "missing crew.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # a meeting put forward in a clause is an offer of one
        (
            "Trump spoke of ending the war. The Kremlin suggested that the two presidents "
            "hold a video call next week.",
            ("AGREE", "RUS", "USA"),
        ),
        # an envoy summoned to a ministry: the ministry summons him
        (
            "Russia's ambassador was summoned to the State Department on Wednesday.",
            ("CONSULT", "USA", "RUS"),
        ),
        # officials known only by their sides' names act for their governments
        (
            "The U.S. and Russian foreign ministers signed a joint statement on Arctic shipping.",
            ("AGREE", "USA", "RUS"),
        ),
        (
            "The U.S. and Russian foreign ministers signed a joint statement on Arctic shipping.",
            ("AGREE", "RUS", "USA"),
        ),
        (
            "Washington named a new envoy. Ryabkov said the two sides might meet again in "
            "Istanbul.",
            ("AGREE", "RUS", "USA"),
        ),
        # "called for X to act": the parser marks the clause with "for"
        (
            "Moscow called for the United States to withdraw its nuclear weapons from Europe.",
            ("REQUEST", "RUS", "USA"),
        ),
        # a bare-form clause under a verb of demanding is a demand
        (
            "Lavrov insisted that Washington return the seized diplomatic compounds.",
            ("REQUEST", "RUS", "USA"),
        ),
        # an obligation put to the other side in the words of need is a demand
        (
            "Rubio told Lavrov on the phone that Russia needed to accept the truce.",
            ("REQUEST", "USA", "RUS"),
        ),
        # pushing the other side to act asks it to
        (
            "Trump pushed Putin to sign the ceasefire during their Monday call.",
            ("REQUEST", "USA", "RUS"),
        ),
        # "would not accept" what the other side puts forward refuses it
        (
            "Peskov said the Kremlin would not accept any ultimatum from Washington.",
            ("REJECT", "RUS", "USA"),
        ),
        # pulling out of talks, with "out of" as nested prepositions, refuses them
        (
            "Russia pulled out of the talks with the United States on grain exports.",
            ("REJECT", "RUS", "USA"),
        ),
        # an office named by the country it is of acts for that country
        (
            "For an hour on Monday the president of the United States and the president of "
            "Russia talked in a palace library.",
            ("CONSULT", "USA", "RUS"),
        ),
        # "the sides" in a story about the pair are the pair
        (
            "Putin spoke after Biden left Geneva. He said the sides had agreed to send their "
            "ambassadors back.",
            ("AGREE", "USA", "RUS"),
        ),
        (
            "Putin spoke after Biden left Geneva. He said the sides had agreed to send their "
            "ambassadors back.",
            ("AGREE", "RUS", "USA"),
        ),
        # a joint statement whose sentence names the pair is theirs; what they reaffirm and
        # agree, after a parse that hangs the agreeing on the quote, is still agreed by both
        (
            "Biden met Putin in Geneva. A joint statement was issued: the two sides reaffirm "
            'that "a trade war cannot be won" and agree to launch a new dialogue.',
            ("COOPERATE", "USA", "RUS"),
        ),
        # telling the other side that something should be so asks it of them
        (
            "Trump said he had told Putin that water plants should be off-limits to hackers.",
            ("REQUEST", "USA", "RUS"),
        ),
        # praise the parser joins to the pair's clause is the speaker's
        (
            "Putin said the sides had agreed that talks would go on, and described Biden as a "
            "very experienced statesman.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # names the parser hangs on an opening phrase still act for the verb left without
        # a subject
        (
            "In the great hall of the Kremlin, President Trump and President Putin on Friday "
            "signed an accord on Arctic shipping.",
            ("AGREE", "USA", "RUS"),
        ),
        (
            "In the great hall of the Kremlin, President Trump and President Putin on Friday "
            "signed an accord on Arctic shipping.",
            ("AGREE", "RUS", "USA"),
        ),
        (
            "After two days of talks in Vienna, Secretary Rubio and Foreign Minister Lavrov "
            "announced that the embassies would reopen.",
            ("CONSULT", "USA", "RUS"),
        ),
        # an invitation for one side to visit, said by the other to stand, is its offer
        (
            "Ushakov said the Kremlin regretted the decision and that the invitation for "
            "Biden to visit Moscow was still valid.",
            ("AGREE", "RUS", "USA"),
        ),
        # wanting the other side to act asks it to
        (
            "Ryabkov said Moscow wanted Washington to begin talks on the drafts at once.",
            ("REQUEST", "RUS", "USA"),
        ),
        # calling the other side's leader a friend, or its offer incredible, praises it
        (
            "Trump spoke at a joint news conference, calling his Russian counterpart a friend "
            "and partner.",
            ("SUPPORT", "USA", "RUS"),
        ),
        (
            "Putin offered to let American investigators attend the questioning. Trump "
            'described that as "an incredible offer".',
            ("SUPPORT", "USA", "RUS"),
        ),
        # a refusal to give way turns down the other side's demands
        (
            "Psaki said Washington was ready to discuss Russia's concerns but would not bend "
            "on core principles.",
            ("REJECT", "USA", "RUS"),
        ),
        # an envoy flying to the other side's capital visits it
        (
            "Special envoy Steve Witkoff flew to Moscow on Tuesday on a private jet.",
            ("CONSULT", "USA", "RUS"),
        ),
        # an offer never taken up was turned down
        (
            "Putin offered to extend the limits for a year. Washington never took up the "
            "Russian proposal.",
            ("REJECT", "USA", "RUS"),
        ),
        # easing a requirement on the other side's diplomats is a concession
        (
            "The State Department told the Russian embassy it was easing the requirement that "
            "Russian diplomats give notice of their trips.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # an exchange in a sentence about a person's release is a prisoner swap
        (
            "Ksenia Karelina's release, which Russian officials confirmed, came after what the "
            "White House called a negotiated exchange.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # a demand for a national's release is put to the side that holds him
        (
            "A Moscow court jailed Paul Whelan. Pompeo said the verdict was a mockery and that "
            "Washington demanded his immediate release.",
            ("REQUEST", "USA", "RUS"),
        ),
        # a prisoner swapped for another, passive and with no agent: the pair swapped
        (
            "The American basketball player was swapped on Thursday for a Russian arms dealer "
            "in Abu Dhabi.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # floating a way out puts an offer forward
        (
            "Trump met Putin in Helsinki. The Russian leader floated a plan for joint "
            "questioning of the suspects.",
            ("AGREE", "RUS", "USA"),
        ),
        # a denial of "it" rejects the accusation
        (
            "U.S. agencies concluded that Moscow interfered; the Russian president, who "
            "denies it, stood beside Trump.",
            ("REJECT", "RUS", "USA"),
        ),
        # what a request is about is not whom it asks
        (
            "Trump and Putin spoke by video. Putin asked for written guarantees that NATO "
            "would not admit Georgia.",
            ("REQUEST", "RUS", "USA"),
        ),
        # an obligation put upon the other side is a demand
        (
            'Hegseth told reporters that "it is incumbent upon Russia to fly its jets safely".',
            ("REQUEST", "USA", "RUS"),
        ),
        # a meeting on the calendar counts as one
        (
            "Lavrov and Rubio are expected to meet in Geneva next week, officials said.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Putin and Trump are scheduled to hold talks in Budapest on Friday.",
            ("CONSULT", "USA", "RUS"),
        ),
        # no intention of meeting refuses the meeting
        (
            "Peskov said Moscow had no intention of meeting the U.S. delegation in Vienna.",
            ("REJECT", "RUS", "USA"),
        ),
        # talks whose course is reported right after both sides' people are named are theirs
        (
            "Putin greeted Biden on the villa steps.\n\nThe talks ended after about three "
            "hours, aides said.",
            ("CONSULT", "USA", "RUS"),
        ),
        # an act in a relative clause stands whatever its host clause denies
        (
            "Biden said the deal had not brought home Paul Whelan, whom Russia has refused to "
            "include in any trade.",
            ("REJECT", "RUS", "USA"),
        ),
        # a vow not to give way defies the other side
        (
            "Washington imposed new sanctions. Lavrov said the measures were illegal and vowed "
            "that Russia would never bow to American pressure.",
            ("REJECT", "RUS", "USA"),
        ),
        # an act in a relative clause is asserted whatever the main clause denies
        (
            "Biden said Washington had not forgotten Marc Fogel, whom Russia has refused to "
            "release in any exchange.",
            ("REJECT", "RUS", "USA"),
        ),
        # a judgement the parser hangs on "called" as a preposition still judges the object
        (
            "Moscow expelled two U.S. diplomats. A State Department spokesman called the "
            'Russian accusations "entirely without merit".',
            ("REJECT", "USA", "RUS"),
        ),
        # an envoy due in the other side's capital: a visit scheduled
        (
            "National security adviser Mike Waltz is due in Moscow on Tuesday for talks "
            "on the crisis.",
            ("CONSULT", "USA", "RUS"),
        ),
        # "no question of a swap", said by one side, is that side's refusal of it
        (
            "The Kremlin spokesman said there was no question of a prisoner swap with the "
            "United States for now.",
            ("REJECT", "RUS", "USA"),
        ),
        # a name taken off a sanctions list, with "from" hung on the object, eases sanctions
        (
            "The Treasury has removed a Russian maker of aircraft parts from its sanctions list, "
            "Moscow said.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # ignoring the other side's offer turns it down, like ignoring its demand
        (
            "The White House has simply ignored the Kremlin's proposal for a prisoner swap.",
            ("REJECT", "USA", "RUS"),
        ),
        # an offer left unanswered, by name or taken up again by "it", was turned down
        (
            "The Russian invitation to Secretary Blinken went unanswered for weeks.",
            ("REJECT", "USA", "RUS"),
        ),
        (
            "Ryabkov said the Russian offer to Washington was serious and that it had been "
            "ignored.",
            ("REJECT", "USA", "RUS"),
        ),
        (
            "Washington's proposal of arms talks with Moscow fell on deaf ears.",
            ("REJECT", "RUS", "USA"),
        ),
        # "He" after a quote running over several paragraphs is still the one who spoke it
        (
            'Secretary Rubio spoke to reporters in Brussels. "We are ready for hard work.\n\n'
            '"Diplomacy takes time. Nobody expects miracles. Patience matters here."\n\n'
            "He renewed his proposal of a meeting with the Russian foreign minister.",
            ("AGREE", "USA", "RUS"),
        ),
        # praise in idioms and nominals: "spoke highly of", "a welcome", "warm words", grateful
        ("Secretary Rubio spoke warmly of Lavrov on Sunday.", ("SUPPORT", "USA", "RUS")),
        (
            "The Russian ambassador gave a guarded welcome to the White House initiative.",
            ("SUPPORT", "RUS", "USA"),
        ),
        ("Lavrov had kind words for the new American envoy.", ("SUPPORT", "RUS", "USA")),
        (
            "The Kremlin said it was thankful to the United States for the warning.",
            ("SUPPORT", "RUS", "USA"),
        ),
        ("Trump lavished praise on Putin during the rally.", ("SUPPORT", "USA", "RUS")),
        # refusals in idioms: shot down, poured cold water on, threw out
        ("The Kremlin quickly shot down the American suggestion.", ("REJECT", "RUS", "USA")),
        (
            "The State Department poured cold water on Moscow's idea of a new treaty.",
            ("REJECT", "USA", "RUS"),
        ),
        ("Washington tossed out the Russian proposals on Monday.", ("REJECT", "USA", "RUS")),
        # "signed on to" what the other side put forward accepts it
        ("Moscow has signed on to the American plan for a truce.", ("AGREE", "RUS", "USA")),
        # both sides named in the noun's own modifiers, hyphenated or not, are the pair
        (
            "Oil prices slipped after the Witkoff-Dmitriev meeting in Miami.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Russia-U.S. consultations on embassy staffing resumed on Monday.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "The American-Russian prisoner exchange was completed at the Turkish border.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # a "call for" something, or "on" someone, asks for it; the act asked for is not done
        (
            "The U.S. Embassy repeated its call for Russia to let the detained sailor go home.",
            ("REQUEST", "USA", "RUS"),
        ),
        (
            "Moscow's calls for a halt to American arms deliveries were ignored.",
            ("REQUEST", "RUS", "USA"),
        ),
        # granting consular access to the other side's detained national gives way
        (
            "Russian authorities granted consular access to the arrested U.S. veteran.",
            ("CONCEDE", "RUS", "USA"),
        ),
        # words that say the other side's leader is good, in so many words, praise him
        ('"Trump is a very clever man," Putin told the forum.', ("SUPPORT", "RUS", "USA")),
        (
            '"She is an honest and capable diplomat," Lavrov said of the American ambassador.',
            ("SUPPORT", "RUS", "USA"),
        ),
        # "they" opening the sentence after one whose subject is the pair is the pair
        (
            "Secretary Rubio and Foreign Minister Lavrov met in Istanbul. Later they told "
            "reporters they had agreed to reopen the consulates.",
            ("AGREE", "RUS", "USA"),
        ),
        # "the two ministers" just after both are named; a working lunch is a meeting
        (
            "Blinken greeted Lavrov warmly in Geneva. The two ministers then held a working "
            "lunch at the hotel.",
            ("CONSULT", "USA", "RUS"),
        ),
        # swapping agents is a prisoner swap
        (
            "Washington and Moscow traded three intelligence officers at the Finnish border.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # a plain past after ", and" following a backshifted reported clause is the speaker's
        (
            "Lavrov said Rubio had raised fair concerns about the embassies, and thanked the "
            "American side for its patience.",
            ("SUPPORT", "RUS", "USA"),
        ),
        (
            "Rubio said Lavrov had been candid even when the talks would have stalled "
            "otherwise, and praised his Russian counterpart.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # a meeting held as a venue for something else is still found through its own verb
        (
            "Trump met Putin briefly at a session of the G20 leaders in Osaka.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Moscow complained that its proposal to Washington had been left hanging for months.",
            ("REJECT", "USA", "RUS"),
        ),
    ],
)
def test_found(detector: Detector, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(detector, text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a meeting wished for is not a meeting held
        (
            "President Trump said he would like to meet Vladimir Putin soon to discuss the war.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Putin congratulated Trump on his victory and said he was prepared to talk to the "
            "president-elect.",
            ("CONSULT", "RUS", "USA"),
        ),
        # talks one side pulls out of are the refusal's object, not a meeting
        (
            "Washington said it was suspending its participation in the talks with Moscow on "
            "Syria.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a weekday after "called" does not make a "call on"
        (
            "Secretary Rubio called his Russian counterpart Sergei Lavrov on Friday and "
            "raised the case of the detained reporter.",
            ("REQUEST", "USA", "RUS"),
        ),
        # the tone of talks ("constructive", "businesslike") is no praise
        (
            "Putin met Trump in Alaska on Friday. Trump called the meeting constructive and "
            "businesslike.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # declining to back one's own side's finding turns down no offer of the other side
        (
            "Standing next to Putin, Trump declined to endorse his own intelligence agencies' "
            "conclusion that Russia had interfered.",
            ("REJECT", "USA", "RUS"),
        ),
        # thanks to allies are not thanks to the other side
        (
            "Russia released two Americans in the swap. Biden thanked allies who had helped "
            "negotiate it.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # lawmakers' demands with no addressee are put to their own government
        (
            "Russia was accused of paying bounties. Democrats in Congress demanded a full "
            "briefing on the intelligence.",
            ("REQUEST", "USA", "RUS"),
        ),
        # an offer the other side only believes in was not made
        (
            "Dmitriev met Witkoff in Washington. Dmitriev said he believed the American "
            "administration was ready to listen to Moscow.",
            ("AGREE", "USA", "RUS"),
        ),
        # readiness to help one's own citizens is no offer to the other side
        (
            "Russia detained an American student. Blinken said Washington stood ready to "
            "provide every possible assistance to her family.",
            ("AGREE", "USA", "RUS"),
        ),
        # ... but a coordinated clause still sits under the denial that governs both
        (
            "The Kremlin denied that Russia had offered the Taliban money and that Moscow had "
            "proposed a swap to Washington.",
            ("AGREE", "RUS", "USA"),
        ),
        # a vow not to give way is no offer
        (
            "Washington imposed new sanctions. Lavrov said the measures were illegal and vowed "
            "that Russia would never bow to American pressure.",
            ("AGREE", "RUS", "USA"),
        ),
        # "called" with a thing of the other side as object rings no one
        (
            "Moscow expelled two U.S. diplomats. A State Department spokesman called the "
            'Russian accusations "entirely without merit".',
            ("CONSULT", "USA", "RUS"),
        ),
        # a meeting or exchange under "no ..." did not happen
        (
            "Moscow has seen no real sign from Washington of restoring a dialogue on arms "
            "control, Ryabkov said.",
            ("CONSULT", "USA", "RUS"),
        ),
        (
            "Peskov said there could be no talk yet of an exchange of prisoners with the "
            "United States.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # declining to say something refuses nothing of the other side's
        (
            "Russia sanctioned three senators. Trump, who lost the vote, refused to concede "
            "on Monday.",
            ("REJECT", "USA", "RUS"),
        ),
        # "let me be clear" commands no one
        (
            'Russia expelled two U.S. diplomats. "Let me be clear: we are studying the '
            'decision," Secretary Rubio said.',
            ("REQUEST", "USA", "RUS"),
        ),
        # a wish voiced under a condition or a question is no offer
        (
            "Peskov said that if Trump wants to meet Putin, he knows how to reach the Kremlin.",
            ("AGREE", "USA", "RUS"),
        ),
        # an act wished of the other side is not done
        (
            "Biden said he would like Russia to release Paul Whelan before Christmas.",
            ("CONCEDE", "RUS", "USA"),
        ),
        # a meeting judged possible is neither held nor offered
        (
            "Ushakov said a Putin-Trump summit remained possible this year.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a pair that might meet, in one side's words, is that side's offer only
        (
            "Washington named a new envoy. Ryabkov said the two sides might meet again in "
            "Istanbul.",
            ("AGREE", "USA", "RUS"),
        ),
        # thanks to journalists, or an urging of one's own staff, aim at no other side
        (
            "Russia hosted the talks. Peskov thanked journalists for their patience.",
            ("SUPPORT", "RUS", "USA"),
        ),
        (
            "Blinken urged his staff to prepare for talks with Moscow.",
            ("REQUEST", "USA", "RUS"),
        ),
        # ... and the act demanded is not done
        (
            "Lavrov insisted that Washington return the seized diplomatic compounds.",
            ("CONCEDE", "USA", "RUS"),
        ),
        # an act asked for or needed is not done
        (
            "Washington again appealed to Moscow to free the jailed reporter.",
            ("CONCEDE", "RUS", "USA"),
        ),
        (
            "Washington again appealed to Moscow to free the jailed reporter.",
            ("CONCEDE", "USA", "RUS"),
        ),
        (
            "Rubio told Lavrov on the phone that Russia needed to accept the truce.",
            ("AGREE", "RUS", "USA"),
        ),
        # talks pulled out of are not held
        (
            "Russia pulled out of the talks with the United States on grain exports.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a joint statement by two bodies of one side is no cooperation with the other
        (
            "Two U.S. agencies said in a joint statement that Russia's senior officials had "
            "authorised the hacking.",
            ("COOPERATE", "USA", "RUS"),
        ),
        (
            "Putin said the sides had agreed that talks would go on, and described Biden as a "
            "very experienced statesman.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # the wish that the other side act is no offer by the one who wishes it
        (
            "Ryabkov said Moscow wanted Washington to begin talks on the drafts at once.",
            ("AGREE", "USA", "RUS"),
        ),
        # wishing the other side an outcome asks nothing of it
        (
            "Putin said he had wanted Trump to win the election in 2016.",
            ("REQUEST", "RUS", "USA"),
        ),
        # calling a counterpart a friend rings no one
        (
            "Trump spoke at a joint news conference, calling his Russian counterpart a friend "
            "and partner.",
            ("CONSULT", "USA", "RUS"),
        ),
        # readiness to carry out operations against the other side is no offer to it
        (
            "Bolton said Washington was widening the cyber operations against Russia it was "
            "prepared to carry out.",
            ("AGREE", "USA", "RUS"),
        ),
        # "it" under a speaker that is no actor is that speaker
        (
            "Russia detained the reporter. The newspaper said it denies the allegations and "
            "demanded his release.",
            ("REJECT", "RUS", "USA"),
        ),
        # a kind of visit is not a visit
        (
            "The Pentagon said it was normal for Moscow to make such visits to the Caribbean.",
            ("CONSULT", "RUS", "USA"),
        ),
        # an exchange of words is no swap
        (
            "The exchange came a day after U.S. agencies released a report on Russian meddling.",
            ("COOPERATE", "USA", "RUS"),
        ),
        # a floated currency is no offer
        (
            "Russia floated the rouble in 2014 after U.S. sanctions hit its banks.",
            ("AGREE", "RUS", "USA"),
        ),
        # a request to a third party named outside its content is not put to the other side
        (
            "Russia and the United States differ. Lavrov asked NATO for guarantees that Kyiv "
            "would stay neutral.",
            ("REQUEST", "RUS", "USA"),
        ),
        # a meeting not expected is not scheduled
        (
            "Lavrov and Rubio are not expected to meet in Geneva next week, officials said.",
            ("CONSULT", "USA", "RUS"),
        ),
        # ... but not when a third party was named with them
        (
            "Washington imposed new tariffs. Putin greeted the Chinese foreign minister at the "
            "Kremlin.\n\nThe talks ended after about three hours, aides said.",
            ("CONSULT", "USA", "RUS"),
        ),
        # receiving a note is not a visit
        (
            "Moscow expelled two American diplomats. The U.S. Embassy said it had received the "
            "Russian ministry's notification.",
            ("CONSULT", "USA", "RUS"),
        ),
        # an offer that did not go unanswered, or only might, was not turned down
        (
            "The Russian invitation to Secretary Blinken did not go unanswered.",
            ("REJECT", "USA", "RUS"),
        ),
        (
            "Officials fear the American offer to Moscow could go unanswered.",
            ("REJECT", "RUS", "USA"),
        ),
        # an offer turned down by someone named is that one's refusal, not the addressee's
        (
            "The Russian offer to Washington was ignored by Kyiv.",
            ("REJECT", "USA", "RUS"),
        ),
        # ignoring advice or reports turns down no offer
        (
            "Russia ignored the American reports about the missile test.",
            ("REJECT", "RUS", "USA"),
        ),
        # shooting down aircraft is no refusal; a welcome received in a third country no praise
        (
            "Russian forces shot down an American drone over the Black Sea.",
            ("REJECT", "RUS", "USA"),
        ),
        (
            "Putin received a warm welcome in Beijing, days after Washington imposed new sanctions.",
            ("SUPPORT", "USA", "RUS"),
        ),
        # speaking with the other side is a call, not praise
        ("Lavrov spoke with Rubio by phone on Friday.", ("SUPPORT", "RUS", "USA")),
        # pouring water, or throwing out staff, refuses nothing
        (
            "Russia threw out two American diplomats over the affair.",
            ("REJECT", "RUS", "USA"),
        ),
        # a hyphenated pair without both watched sides names no meeting of theirs
        (
            "Washington imposed sanctions. The Russia-Ukraine talks in Istanbul lasted an hour.",
            ("CONSULT", "USA", "RUS"),
        ),
        # a round of talks held is no one detained
        (
            "The next round of U.S.-Russian consultations will be held in Vienna.",
            ("COERCE", "RUS", "USA"),
        ),
        # a call for a length of time, or on a day, is a phone call, not a request
        (
            "Rubio and Lavrov held a call for about an hour on Monday.",
            ("REQUEST", "USA", "RUS"),
        ),
        (
            "Putin and Trump had a long call on Wednesday.",
            ("REQUEST", "RUS", "USA"),
        ),
        # what a call asks for is not done
        (
            "The U.S. Embassy repeated its call for Russia to let the detained sailor go home.",
            ("CONCEDE", "RUS", "USA"),
        ),
        # ... but not when denied, supposed, or mixed with an insult
        ('"Putin is not a decent man," Secretary Blinken said.', ("SUPPORT", "USA", "RUS")),
        (
            '"If the Kremlin were an honest partner, it would free him," Rubio said.',
            ("SUPPORT", "USA", "RUS"),
        ),
        ('"Putin is a clever thug," Biden told donors.', ("SUPPORT", "USA", "RUS")),
        # praise of one's own side's people is no event
        ('"He is a brilliant negotiator," Trump said of Witkoff.', ("SUPPORT", "USA", "RUS")),
        # "they" after a one-sided subject is that side, not the pair
        (
            "American negotiators met Lavrov. Afterwards they said they had agreed to nothing new.",
            ("AGREE", "RUS", "USA"),
        ),
        # without the comma the act stays with the reported clause's subject
        (
            "Peskov said Trump had phoned Putin and praised him.",
            ("SUPPORT", "RUS", "USA"),
        ),
        # a swap or talks only in prospect did not take place
        (
            "Peskov said it was too early to discuss a potential prisoner swap with Washington.",
            ("COOPERATE", "RUS", "USA"),
        ),
        # "at a meeting of" a body is a venue, not a meeting of the pair
        (
            "Addressing a meeting of his party's congress, Putin said Biden had insulted Russia.",
            ("CONSULT", "RUS", "USA"),
        ),
        (
            "The Russian offer to Washington remains on the table, Peskov said.",
            ("REJECT", "USA", "RUS"),
        ),
    ],
)
def test_not_found(detector: Detector, text: str, unwanted: tuple[str, str, str]) -> None:
    assert unwanted not in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # an agreement reached with the other side: both parties agreed
        "Secretary of State Marco Rubio reached an agreement with Lavrov on a ceasefire.",
        # "with whom": the one the relative clause hangs on
        "Rubio praised his talks with Lavrov, with whom he struck a deal on embassy staffing.",
        # the pair named as the only parties of an agreement concluded
        "The truce took effect under an agreement reached on Thursday between Russia and the "
        "United States.",
    ],
)
def test_an_agreement_concluded_with_the_other_side_is_agreed_both_ways(
    detector: Detector, text: str
) -> None:
    found = triples(detector, text)
    assert {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} <= found


@pytest.mark.parametrize(
    "text",
    [
        # a pact among many countries is no act of the pair's
        "The agreement signed between Iran, the United States, China, Russia, Germany, France "
        "and Britain lifted sanctions on Tehran.",
        # an agreement only hoped for is an offer of the one who hopes, not agreed both ways
        "Rubio hopes to reach an agreement with Lavrov on a ceasefire.",
        # an agreement without the other side: no party agreed with it
        "Rubio said Russia has no extradition agreement with the United States.",
    ],
)
def test_an_agreement_not_concluded_by_the_pair_is_not_agreed_both_ways(
    detector: Detector, text: str
) -> None:
    found = triples(detector, text)
    assert not {("AGREE", "USA", "RUS"), ("AGREE", "RUS", "USA")} <= found


@pytest.mark.parametrize(
    "text",
    [
        # the other side's denial taken up by a side backs it (GUIDE: endorsing a denial)
        "Trump appears to have accepted Putin's denials of any interference.",
        "Trump's favoring of Putin's denial of interference angered lawmakers.",
        # said of its maker, in the copula's phrase
        '"I will tell you that President Putin was extremely strong and powerful in his denial '
        'today," Trump said at a news conference with Putin.',
    ],
)
def test_backing_the_other_sides_denial_is_support(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump did not accept Putin's denials of any interference.",
        "Rubio said Putin was not convincing in his denial.",
        "Rubio said Putin was weak in his denial.",
    ],
)
def test_doubting_the_other_sides_denial_is_no_support(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") not in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # cheering what the other side did praises it
        "Vladimir Putin cheered the decision of President Donald Trump to pull troops out.",
        # believing the other side's leader takes his word
        "Putin denied any part in the hacking, and Trump said he believed him.",
        "Trump said he believed the Russian president when Putin denied the hacking.",
    ],
)
def test_cheering_and_believing_the_other_side_support_it(detector: Detector, text: str) -> None:
    found = triples(detector, text)
    assert ("SUPPORT", "USA", "RUS") in found or ("SUPPORT", "RUS", "USA") in found


@pytest.mark.parametrize(
    "text",
    [
        # a belief about the other side is no trust in it
        "Secretary of State Marco Rubio said he believes Russia has a duty to end the war.",
        "Trump said he did not believe Putin.",
    ],
)
def test_beliefs_about_the_other_side_are_no_support(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") not in triples(detector, text)


def test_seizing_on_an_offer_accepts_it(detector: Detector) -> None:
    text = "The Kremlin quickly seized on the proposal of Secretary of State Marco Rubio."
    assert ("AGREE", "RUS", "USA") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        # pushing to take the other side back into a club it was put out of backs it
        "President Donald Trump urged the other leaders to readmit Russia to the G-8.",
        "Trump's push for the reinstatement of Russia in the group angered the allies.",
        "Trump said he would raise letting Russia back into the G-7 at the summit.",
    ],
)
def test_pushing_the_other_sides_readmission_supports_it(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") in triples(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Marco Rubio said Russia should not be readmitted to the G-8.",
        # back into compliance: a demand, not a welcome
        "Rubio hoped the talks would bring Moscow back into compliance with the treaty.",
    ],
)
def test_no_support_in_refused_readmission_or_compliance(detector: Detector, text: str) -> None:
    assert ("SUPPORT", "USA", "RUS") not in triples(detector, text)
