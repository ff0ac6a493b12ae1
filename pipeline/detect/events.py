"""Find events in a parsed article: trigger words, their arguments and their factuality.

A trigger (a verb, noun or adjective of the lexicon) becomes an event when its source and
target resolve to the two watched sides. Arguments come from `arguments.py`, factuality
from `factuality.py`. When the trigger names no target, the other watched side named in the
sentence, or failing that in the article, is taken, with a lower confidence: news prose
leaves the obvious target implicit ("the Kremlin rejected the allegation").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from pipeline.detect.arguments import (
    branded,
    charged_state,
    governing_verb,
    implied_agent,
    is_dyad,
    measured,
    obliged,
    owner_token,
    perpetrator,
    receiving_side,
    reporter,
    subject,
    targets,
    under_topic,
)
from pipeline.detect.clues import DYAD_ROLE, WEAK_ROLE, Clues
from pipeline.detect.dates import find_date
from pipeline.detect.factuality import (
    ACT_NOUN_TYPES,
    FACT,
    NOT,
    REFUSED,
    factuality,
    uncommitted,
)
from pipeline.detect.lexicon import Lexicon, Sense, cue_counts
from pipeline.detect.resolve import ArticleContext
from pipeline.models import ActorRef

LOGGER = logging.getLogger(__name__)

_SPEECHLIKE = {"ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "REJECT", "AGREE"}
_SYMMETRIC = {"CONSULT", "COOPERATE"}
_FORCE = {"MOBILIZE", "ASSAULT"}
# Blows a side holds over the other on a condition ("would target ... if")
_HELD_BLOWS = {"target", "strike", "hit", "attack", "respond", "retaliate", "aim", "destroy",
               "shoot", "answer", "counter", "punish", "react"}  # fmt: skip
# Blows a side can hold over the other (see `_blow_held`): a lemma needing a preposition
# ("point them at", "fire on") lists it, the others need none
_BLOW_PREPS = {"point": {"at"}, "aim": {"at"}, "fire": {"at", "on", "upon"}, "shoot": {"at"}}
_HELD_BLOWS_WIDE = _HELD_BLOWS | {"intercept", "bomb", "sink", "down", "fire", "point"}
# Words between a promise and the blow it promises: "would be forced to respond", "will have
# to retaliate", "would have no choice but to strike", "is ready to hit back"
_DRIVEN_TO = {"force", "compel", "oblige", "have", "need", "ready", "prepared", "choice"}
_BLOW_CONDITIONS = {"if", "should", "unless", "once"}
_COGNITION = {"understand", "know", "realize", "realise", "recognize", "recognise", "see",
              "remember", "learn", "expect", "note", "be"}  # fmt: skip
# "we hope Russia will release him", "would prefer that Moscow stop": a wish put on the other side
_WISHING = {"hope", "prefer"}
_CONGRATULATORY = {"congratulatory", "celebratory"}
_IMMINENT = {"imminent", "forthcoming"}
_WINNING = {"receive", "win", "earn", "get", "garner", "draw", "gain"}  # "received the thanks of"
# what the other side put to a side that acts "despite" it: a refusal of it
_PLEAS = {"plea", "pleas", "request", "requests", "demand", "demands", "appeal", "appeals",
          "warning", "warnings", "call", "calls", "objection", "objections", "protest",
          "protests", "ultimatum"}  # fmt: skip  # "new sanctions on Russia were imminent"
_PEOPLE_SPEAK = {"THREATEN", "REJECT", "REQUEST"}  # acts "the Russians" do as a side
_WISHING_FORMS = {
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "prefer",
    "prefers",
    "preferred",
}  # "hopes": "hop"
# what a side is hoped to become or undergo, not to do ("hope Russia will win", "will be fine")
_UNDERGONE = {"be", "win", "lose", "succeed", "fail", "understand", "know", "have", "see",
              "realize", "realise", "feel", "get", "become", "remain", "stay", "hear", "learn",
              "prosper", "thrive", "face", "suffer", "pay"}  # fmt: skip
_OWN_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE", "REQUEST", "REJECT"}
_HARM = {"SANCTION": "sanctions", "ASSAULT": "force", "MOBILIZE": "force", "COERCE": "sanctions"}
_ADDRESSED = {"REQUEST", "ACCUSE", "THREATEN", "SUPPORT"}  # said to someone, who is the target
_BOTH_WAYS_MODES = {"sign", "accept"}
_NON_ACTS = {"say", "comment", "elaborate", "discuss", "confirm", "specify", "answer", "speculate",
             "disclose", "reveal", "identify", "name", "give", "provide"}  # fmt: skip
# Commands that open a quote and ask the other side to act ("Release them", "Let him go")
_COMMANDED_ACTS = {"release", "free", "stop", "end", "withdraw", "return", "cease", "halt",
                   "hand", "allow", "lift", "respect", "comply", "abandon", "reverse", "stay",
                   "leave", "quit", "refrain", "desist", "pull", "rein"}  # fmt: skip
_LET_ACTS = {"go", "leave", "return", "come", "out", "free"}
_NEEDING = {"need"}  # "Russia needed to agree": an obligation, not an act
_MANDATIVE = {"insist", "demand", "urge", "ask", "request", "require", "propose", "recommend"}
_PLEDGES = {"promise", "pledge", "vow", "demand", "urge", "ask"}  # refusing these can refuse
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|going to|ready to|prepared to|reserves? the right"
    r"|(?:is|are|remains?|stays?)\s+on\s+the\s+table)\b",
    re.I,
)
_DYAD_ROLE = DYAD_ROLE
_AGREED_TEXTS = {"deal", "agreement", "accord", "pact", "treaty", "memorandum", "framework"}
# Non-actor people an addressed act can be aimed at: "thanked allies", "urged partners to"
_OTHER_PEOPLE = {"ally", "allies", "partner", "partners", "friend", "friends", "family",
                 "families", "relative", "relatives", "supporter", "supporters", "volunteer",
                 "volunteers", "mediator", "mediators", "colleague", "colleagues", "neighbor",
                 "neighbour", "neighbors", "neighbours", "everyone", "organizer", "organizers",
                 "crew", "rescuer", "rescuers", "worker", "workers", "staff", "journalist",
                 "journalists", "reporter", "reporters", "host", "hosts", "participant",
                 "participants", "people", "voter", "voters", "audience", "team"}  # fmt: skip
_CHARGING = {"charge", "indict", "prosecute", "convict"}
# Hoped-for cooperation (see `_cooperation_hoped`): its words, and the words of hoping over them
_COOPERATING = {"cooperate", "collaborate", "cooperation", "partnership"}
_TIES = {"relation", "relations", "tie", "ties", "relationship"}
# Ties wished better (the lemma of "better" is "well")
_BETTER = {"better", "well", "good", "improved", "normal", "constructive", "friendly",
           "productive", "positive", "pragmatic", "stable", "warm", "cordial"}  # fmt: skip
_MENDING = {"improve", "mend", "repair", "normalize", "normalise", "rebuild", "restore"}
_HOPEFUL_MODALS = {"should", "must", "could", "can"}
# ("hoped" is at times lemmatised "hop": the surface forms are listed too)
_HOPING = {"hope", "hoped", "hopes", "hoping", "want", "wish", "commit", "committed", "need", "ready", "willing", "forward",
           "seek", "good", "important", "essential", "necessary", "time", "prepared", "eager",
           "keen", "interested", "desire", "aim", "intend", "plan", "continue", "hopeful"}  # fmt: skip
_ENDING = {"stop", "end", "cease", "halt", "suspend", "abandon", "quit"}
# handing someone over to the other side: refusing it turns down what that side asked
_SURRENDERING = {"extradite", "deport"}
_MOCKING = {"scoff", "sneer"}
_CREDITING = {"believe", "trust"}
# "warned Russia to get ready": a warning of what is coming, not an act asked of it
_BRACING = {"get", "be", "brace", "prepare", "expect", "face", "stand"}
# an indictment names the accused without holding them (a conviction follows a trial)
_INDICTING = {"indict", "indictment"}
_PRIVATE_ROLES = {"COUNTRY", WEAK_ROLE, DYAD_ROLE, "GOVERNMENT"}
_CLAUSAL = {"ccomp", "xcomp", "pcomp", "advcl", "relcl", "acl", "csubj"}
_PARTNERING = {"with", "between", "among"}  # "colluded with Russia": a party to the act
# What a refusal answers, by its mode: a denial answers a charge; a refused offer, demand or
# meeting answers what the other side put forward, asked or warned
_ANSWERED = {
    "accusation": ("ACCUSE", "COERCE", "SANCTION"),  # charges come with arrests and sanctions
    "": ("ACCUSE", "AGREE", "REQUEST", "THREATEN", "CONSULT", "COOPERATE", "COERCE", "SANCTION"),
}
_CHARGED_BY = {"by", "from"}
_DEALINGS = {"CONSULT", "COOPERATE", "AGREE"}
_DENIED_DEPS = {"ccomp", "xcomp", "dobj", "prep", "nsubjpass"}  # not "..., saying it was tough"
# Who acts for a state: a wrong charged to one of them is charged to the state
_STATE_ROLES = {"GOVERNMENT", "HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "FOREIGN_MINISTRY",
                "DIPLOMAT", "MILITARY", "SECURITY", "SPOKESPERSON", "OFFICIAL"}  # fmt: skip
_ASKED_PREPS = {"on", "upon", "with"}  # "called on Sessions", "pleaded with the judge"
_LEADERS = {"leader", "lawmaker", "member", "official", "counterpart", "colleague", "agency"}
_CHARGING_VERBS = {"accuse", "charge", "blame", "allege", "indict", "fault", "denounce",
                   "condemn", "criticize", "criticise"}  # fmt: skip
_CAPTIVES = {"prisoner", "detainee", "hostage", "captive", "inmate", "citizen", "national",
             "american", "russian", "journalist", "reporter", "pilot", "sailor", "crew",
             "marine", "veteran", "teacher", "student", "spy", "agent", "woman", "man",
             "person", "people", "soldier", "dual"}  # fmt: skip
_HOSTILE = {"ACCUSE", "EVALUATE", "THREATEN", "SANCTION", "COERCE", "ASSAULT"}
# verbs of standing up to someone that the lexicon gives no event type of their own
_CONFRONTING = {"challenge", "confront", "criticize", "criticise", "question", "contradict",
                "rebuke", "punish", "blame"}  # fmt: skip  # "the accusations by Washington": who made the charge
_ABOUT = {"about", "regarding", "concerning"}
_UNMADE_MODALS = {"should", "could", "might", "may", "must", "ought"}  # "should insist that"
# What is done with a threat made: it is made, kept, renewed or dropped (see `_menace`)
_THREAT_HANDLING = {"make", "issue", "carry", "deliver", "repeat", "renew", "reiterate", "good",
                    "follow", "withdraw", "drop", "back", "level", "utter", "send", "act",
                    "execute", "implement", "fulfil", "fulfill", "rescind", "retract", "lift",
                    "ignore", "defy", "dismiss", "reject", "heed"}  # fmt: skip
_CONTENTS = {"content", "contents", "detail", "nature", "substance", "existence"}
_CONCEALING = {"misrepresent", "conceal", "hide", "disclose", "deny", "downplay", "mischaracterize"}
_THIRD_PERSON = {"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"}
_FIRST_PERSON = {"i", "we"}  # the speaker speaking of himself or his side
# Words of a reprisal: a threat made of them answers an act of the other side
_REPRISAL = {"retaliate", "retaliation", "respond", "response", "countermeasure", "reprisal",
             "reciprocal", "retaliatory", "reciprocate", "counter", "answer", "reply"}  # fmt: skip
# Verbs of an agreement concluded: "reached a deal", "an accord signed"
_CONCLUDING = {"reach", "sign", "strike", "conclude", "seal", "ink", "clinch", "finalize",
               "finalise", "broker", "hammer"}  # fmt: skip
_AMONG = {"between", "among", "amongst"}
# What one side says of the other that can be dismissed as false ("the claims are lies"); the
# wrongs themselves ("interference is unacceptable") are condemned, not dismissed
_CLAIMS = {"accusation", "allegation", "claim", "charge", "report", "assertion", "suggestion",
           "notion", "insinuation", "story", "rumor", "rumour", "speculation"}  # fmt: skip
# Backing the other side's denial: "accepted Putin's denials", "was strong in his denial"
# words that make "that" a conjunction of purpose or cause ("so that", "now that")
_THAT_JOINERS = {"so", "now", "such", "given", "except", "provided", "in"}
_DENIAL_NOUNS = {"denial", "denials", "assurance", "assurances"}
_BACKING = {"accept", "believe", "embrace", "endorse", "buy", "trust", "favor", "favour",
            "favoring", "favouring", "acceptance"}  # fmt: skip
_FORCEFUL = {"strong", "powerful", "forceful", "convincing", "adamant", "firm", "emphatic",
             "sincere", "credible", "persuasive", "believable", "vehement", "categorical"}  # fmt: skip
# A reprisal named as a noun: promised with "will" or "would", it threatens ("would provide
# a harsh response to the sanctions", "will take countermeasures"); a bare "response" must be
# called hostile ("a tough response", "a military response")
_REPRISAL_NOUNS = {"response", "retaliation", "countermeasure", "countermeasures", "reprisal",
                   "reprisals"}  # fmt: skip
# Means a reprisal is made of when a reprisal word qualifies them: "retaliatory measures",
# "reciprocal steps", "response measures"
_REPRISAL_MEANS = {"measure", "step", "action", "move"}
_HOSTILE_RESPONSE = {"harsh", "tough", "firm", "adequate", "appropriate", "proportionate",
                     "decisive", "military", "strong", "swift", "serious", "painful",
                     "asymmetric", "asymmetrical", "mirror", "reciprocal", "symmetrical",
                     "forceful", "robust", "resolute", "severe", "retaliatory"}  # fmt: skip
_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
# Backing named as a noun, and words of an election in which help is interference
_BACKING_NOUNS = {"support", "backing"}
_ELECTORAL = {"election", "elect", "campaign", "candidacy", "candidate", "win", "nominee",
              "presidency", "vote", "electoral", "defeat"}  # fmt: skip
# Acts a reprisal answers
_ANSWERABLE = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}


_NEGATORS = {"no", "not", "never", "without", "nothing", "n't"}
# "Russia could face new sanctions": a harm the other side is told it will suffer
_FACING = {"face", "risk", "incur"}
# Verbs that ask a side to act ("called on Moscow to withdraw", "urged Russia to stop")
_ASKING = {"call", "urge", "ask", "tell", "demand", "press", "push", "warn", "pressure"}
_HARMS = {"sanction", "sanctions", "penalty", "penalties", "consequence", "consequences",
          "retaliation", "punishment", "countermeasure", "countermeasures", "reprisal",
          "reprisals", "response", "measures", "tariff", "tariffs", "cost", "costs"}  # fmt: skip
# "the draft was unacceptable": a proposal put to the speaker's side, ruled out
_PROPOSALS = {"proposal", "offer", "plan", "draft", "text", "resolution", "terms", "demand",
              "ultimatum", "condition", "idea", "initiative", "request"}  # fmt: skip
_RULED_OUT = {"unacceptable", "non-starter", "nonstarter", "non-negotiable", "unworkable",
              "unrealistic", "impossible"}  # fmt: skip
_SPANS = {"day", "week", "hour", "month"}
_CONDITION_MARKS = {"if", "until", "when"}
_WEAPONS = {"missile", "strike", "attack", "war", "bomb", "force", "fire", "blow"}
# A sanctions bill agreed or passed by lawmakers but not yet law threatens (GUIDE, Rulings)
_BILLS = {"legislation", "bill", "package", "amendment"}
_ADVANCING = {"agree", "approve", "pass", "reach", "back", "unveil", "introduce",
              "advance", "clear", "finalize", "finalise", "strike", "endorse", "adopt"}  # fmt: skip
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip
_DEAL_NOUNS = {"deal", "agreement", "compromise"}
# what an offer or agreement is about that takes two sides: it needs the other one unnamed
_MEETING_WORDS = {"talk", "talks", "dialogue", "meet", "meeting", "summit", "visit", "negotiate",
                  "negotiation", "negotiations", "discuss", "relation", "relations", "relationship",
                  "tie", "ties", "each", "mutual", "reciprocal", "call", "joint", "jointly",
                  "together", "both", "two", "cooperate", "cooperation"}  # fmt: skip
# prepositions of an act's setting, not its terms: "pledged support in his third visit"
_SETTING_PREPS = {"in", "during", "at", "after", "before", "since", "amid", "through", "by"}
# "discussed the possibility of further sanctions": sanctions put forward as a prospect
_PROSPECTS = {"possibility", "prospect", "option", "options", "likelihood"}
_FLOATING = {"discuss", "float", "raise", "weigh", "consider", "explore", "study", "examine",
             "mention", "moot", "hold", "keep", "leave", "dangle", "threaten", "warn"}  # fmt: skip
_BRINGING = {"have", "carry", "entail", "bring", "inflict", "cause", "do"}
_WARNED_HARMS = {"consequence", "consequences", "repercussion", "repercussions", "damage"}
_PROSPECT_AUX = {"could", "would", "will", "might", "may", "'ll", "wo"}
_COSTS = {"cost", "price", "punishment", "pain"}  # harms a side may promise the other
_PENALTIES = {"sanction", "sanctions", "penalty", "penalties", "tariff", "tariffs"}
# meetings one can expect the other side to hold, as a forecast: "expecting Putin to meet"
_FORESEEN_MEETING = {"meet", "visit", "attend", "arrive", "travel"}
# a side's own missions abroad, which it can be told to close
_MISSIONS = {"consulate", "embassy", "mission", "compound", "residence", "dacha"}
# acts that issue penalties already decided, and the laws that carry them
_ISSUING = {"announce", "unveil", "impose", "introduce", "issue", "publish"}
_LAWS = {"bill", "law", "legislation"}
# taking the other side back into a club it was put out of (the G-8): backing it (GUIDE)
_READMITTING = {"readmit", "reinstate", "readmission", "reinstatement", "allow", "let", "bring",
                "welcome", "invite"}  # fmt: skip
_BACK_INTO = {"readmit", "reinstate", "readmission", "reinstatement"}
_NO_CLUB = {"compliance", "line", "conformity"}
# sanctions intended or being readied are threatened, not imposed (GUIDE)
_INTENDING = {"intend", "plan", "prepare", "consider", "weigh", "mull", "contemplate"}
# what a duty is put on someone as: "the onus is on Russia to", "it is time for Moscow to"
_NECESSARY = {"essential", "imperative", "vital", "crucial", "critical", "necessary", "important",
              "urgent"}  # fmt: skip
_DUTY_NOUNS = {"onus", "responsibility", "burden", "duty", "obligation", "time"}
_CONDITIONAL_MARKS = {"if", "whether", "unless", "until"}
_PLACING = {"put", "place", "lay", "shift"}  # "put the onus on Russia to"
_CHOOSING = {"decide", "choose", "determine", "judge", "say"}
# what a speaker says the other side's leader or people are when praising them
_PRAISING = {"smart", "wise", "clever", "brilliant", "great", "good", "excellent", "terrific",
             "wonderful", "fantastic", "nice", "decent", "honest", "reliable", "talented",
             "capable", "respected", "friend", "partner", "gentleman", "statesman", "genius",
             # "Russia has been very helpful", "they were cooperative": help given is praised
             "helpful", "cooperative", "constructive"}  # fmt: skip
_ADDRESSING = {"address", "attend", "chair", "open", "tell"}  # "addressing a meeting of"
_PROSPECTIVE = {"possible", "potential", "hypothetical", "eventual", "prospective", "mooted"}
_UNREAL = {"would", "could", "might", "may", "should", "if", "whether", "unless"}
_PREDICATE_DEPS = {"acomp", "attr", "dobj", "pobj", "prep", "amod", "xcomp", "oprd"}


# Words that are themselves a "not": under a negation they affirm ("will not leave this
# unanswered", "won't go unpunished" promise a response)
_SELF_NEGATING = {"unanswered", "unpunished", "unchallenged", "unchecked", "unnoticed"}


# What one is open to ("vulnerable to Russian blackmail", "at risk for Russian blackmail"):
# a harm that may come, not one made
_EXPOSURE = {"vulnerable", "susceptible", "exposed", "prone", "liable", "risk", "vulnerability",
             "susceptibility", "exposure"}  # fmt: skip
_OWNER_DEPS = ("amod", "compound", "poss", "nmod")
# "activity, including intrusions", "acts such as hacking": the listed act is the head's
_LISTING_PREPS = {"including", "like", "as"}


def _exposed_to(tok: Token) -> bool:
    """A harm named as what someone is open to: "vulnerable to Russian blackmail", "at risk
    for Russian blackmail"."""
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ in ("to", "for", "of")
        and head.head.lemma_.lower() in _EXPOSURE
    )


# What a report, a document or the news tells: criticism of it is of its makers
_REPORTS = {"report", "reporting", "document", "dossier", "story", "article", "news", "memo",
            "coverage", "account"}  # fmt: skip


def _negated(tok: Token) -> bool:
    """A word under a negation: "no hostility", "not hostile", "not concerned about any threat"."""
    if tok.lower_ in _SELF_NEGATING:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in _NEGATORS:
        return True
    node = tok
    for _ in range(4):
        if any(c.dep_ in ("neg", "det") and c.lower_ in _NEGATORS for c in node.children):
            return True
        if node.dep_ not in _PREDICATE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


def _sentences_of(tokens: list[Token]) -> list[list[Token]]:
    """The words of a statement, one list per sentence they fall in."""
    parts: dict[int, list[Token]] = {}
    for tok in tokens:
        parts.setdefault(tok.sent.start, []).append(tok)
    return list(parts.values())


def _text_of(tokens: list[Token]) -> str:
    """The words of a token list as written, gaps where tokens were left out."""
    parts = []
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None and tok.i != prev.i + 1:
            parts.append(" | ")
        parts.append(tok.text_with_ws)
    return "".join(parts)


@dataclass
class Candidate:
    """An event found in one sentence, before dates and quotes are attached."""

    type: str
    mode: str | None
    source: ActorRef
    target: ActorRef
    trigger: Token
    confidence: float
    reported_by: ActorRef | None = None
    # the target was not read off the act's own structure (the other side named nearby, or
    # inside what a denial denies): it stands only where the story gives it a reason
    guessed: bool = False
    # a reprisal whose target is read off an act of the other side that it answers: it stands
    # only where the story reports such an act before it (see `answered`)
    answers: bool = False


# Nouns of a charge or finding a side makes: its that-clause says what it charges
# What only words or measures attack: institutions and ideas of public life
_ABSTRACT_TARGETS = {"democracy", "media", "press", "value", "values", "institution",
                     "institutions", "election", "elections", "order", "credibility",
                     "reputation", "idea", "ideas", "policy", "policies", "integrity",
                     "character", "record", "legitimacy", "principle", "principles"}  # fmt: skip
_VERBAL_BLOWS = {"word", "words", "tweet", "tweets", "insult", "insults", "rhetoric",
                 "criticism", "remark", "remarks", "statement", "statements"}  # fmt: skip
_CHARGE_NOUNS = {"claim", "allegation", "accusation", "charge", "assertion", "conclusion",
                 "belief", "assessment", "finding", "suspicion", "contention"}  # fmt: skip
# Acts that, said of the other side, charge it with a wrong (see `_wrong_done`)
_WRONGS = {"ASSAULT", "COERCE"}
# Speech verbs whose object is the one told: a person of the other side told is a contact.
# "warned Trump that" and "reminded Washington that" are said in public as often as to the
# hearer, so unlike the statement rules' hearer verbs (`statements._TELL`) they make no
# CONSULT (sharing that set added a false contact on the devset).
_TELLING = {"tell", "assure", "inform"}
# Verbs of doing as another did ("followed the U.S. in imposing", see `_followed_in`)
_FOLLOWING = {"follow", "join"}
# Verbs by which a pair puts out a plan together, and the plans (see `_joint_plan`)
_LAYING_OUT = {"announce", "unveil", "present", "outline", "lay", "hammer", "work", "draft",
               "draw", "produce", "release", "publish"}  # fmt: skip
_JOINT_PLANS = {"plan", "arrangement", "framework", "roadmap", "blueprint", "understanding",
                "ceasefire", "truce", "initiative", "proposal", "formula"}  # fmt: skip
# A meeting noun's modifiers that put it on the calendar ("a scheduled meeting")
_ON_CALENDAR = {"scheduled", "planned", "upcoming", "forthcoming"}
# How many sentences back an act's unnamed target may be found (see `_fallback`).
_LEAD = 2  # the story's first sentences: the news it reports, not the background it recalls
LOCAL_WINDOW = 1
# How many sentences back a statement may take up an act of the other side ("the decision")
ACT_WINDOW = 6
# Hostile acts a later word ("the move", "called it") takes up from anywhere before it
_TAKEN_UP = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
# Nouns that take up an act already reported: "this decision", "the move", "such steps"
_ACT_NOUNS = {"decision", "move", "step", "action", "act", "measure", "law", "bill", "policy",
              "behavior", "behaviour", "conduct", "announcement", "remark", "comment",
              "statement", "words", "decree", "order", "attack", "provocation", "gesture"}  # fmt: skip


def _asked_things(verb: Token) -> list[Token]:
    """What a request names as asked for: its object and its "for" phrase ("urged restraint",
    "called for guarantees that NATO would not expand")."""
    things = [c for c in verb.children if c.dep_ == "dobj"]
    things += [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return things


class EventFinder(Clues):
    """Walks a parsed article and yields candidate events between the watched sides."""

    def __init__(self, ctx: ArticleContext, lexicon: Lexicon, sides: tuple[str, str]):
        self.ctx = ctx
        self.lex = lexicon
        self.sides = sides
        named = {m.actor.country for m in ctx.mentions if m.actor and m.actor.role != WEAK_ROLE}
        self._article_sides = named

    # ----------------------------------------------------------------- events

    def find(self) -> Iterator[Candidate]:
        for sent in self.ctx.sentences:
            for tok in sent:
                if tok.pos_ == "VERB" and tok.lemma_.lower() in _LAYING_OUT:
                    yield from self._joint_plan(tok)
                if tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.speech_verbs:
                    yield from self._demand(tok)
                    yield from self._branding(tok)
                    yield from self._told_counterpart(tok)
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in _PENALTIES | _COSTS:
                    yield from self._harm_coming(tok)
                if tok.lower_ == "visiting" and tok.tag_ == "VBG":
                    yield from self._visitor_hosted(tok)
                if tok.dep_ == "prep" and tok.lower_ == "despite":
                    yield from self._done_despite(tok)
                if tok.pos_ == "VERB" and (
                    tok.lemma_.lower() in _WISHING or tok.lower_ in _WISHING_FORMS
                ):
                    yield from self._hoped_of(tok)
                if tok.pos_ in ("VERB", "AUX"):
                    yield from self._obligation_request(tok)
                    if tok.lemma_.lower() in _FACING:
                        yield from self._harm_faced(tok)
                    elif tok.lemma_.lower() in _BRINGING:
                        yield from self._consequences_warned(tok)
                        yield from self._deadline_set(tok)
                if tok.lemma_.lower() in _READMITTING:
                    yield from self._readmission(tok)
                if tok.pos_ == "NOUN" and (
                    tok.lemma_.lower() in _REPRISAL_NOUNS
                    or (
                        tok.lemma_.lower() in _REPRISAL_MEANS
                        and any(
                            c.dep_ in ("amod", "compound") and c.lemma_.lower() in _REPRISAL
                            for c in tok.children
                        )
                    )
                ):
                    yield from self._reprisal_promised(tok)
                if tok.lemma_ == "be" and tok.dep_ in ("ccomp", "conj", "ROOT"):
                    yield from self._proposal_ruled_out(tok)
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in _BILLS:
                    yield from self._bill_advanced(tok)
                elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _PROSPECTS:
                    yield from self._harm_floated(tok)
                if tok.lower_ in _CONDITION_MARKS and tok.dep_ == "mark":
                    yield from self._condition_set(tok)
                    yield from self._blow_on_condition(tok)
                if tok.pos_ == "VERB" and tok.lemma_.lower() in _HELD_BLOWS_WIDE:
                    yield from self._blow_held(tok)
                if tok.lower_ == "unless" and tok.dep_ == "mark":
                    yield from self._ultimatum(tok)
                elif tok.lemma_ in _DENIAL_NOUNS and tok.pos_ == "NOUN":
                    yield from self._denial_backed(tok)
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in _CHARGE_NOUNS:
                    yield from self._charge_made(tok)
                for sense in self.senses(tok):
                    if self._fits(tok, sense):
                        built = self._build(tok, sense)
                        yield from built
                        if sense.type == "CONSULT" and any(
                            c.dep_ == "amod" and c.lower_ in _CONGRATULATORY for c in tok.children
                        ):
                            # "placed a congratulatory call to Putin": the call praises him too
                            for cand in built:
                                if cand.type == "CONSULT":
                                    yield replace(cand, type="SUPPORT", mode="praise")
                        break

    def _source(
        self, tok: Token, nominal: bool, kind: str
    ) -> tuple[ActorRef | None, set[int], float]:
        skip: set[int] = set()
        if nominal and tok.dep_ == "pobj" and tok.head.lower_ == "behind":
            # "Russia was behind the cyberattack": the one behind an act did it
            holder = tok.head.head
            subj, passive = subject(holder) if holder.lemma_ == "be" else (None, True)
            if subj is not None and not passive:
                skip.update(s.i for s in subj.subtree)
                return self._actor_or_dyad(subj), skip, 0.75
        if nominal and kind in ("ASSAULT", "COERCE", "SANCTION"):
            culprit = perpetrator(tok)  # "named the SVR as the perpetrator of the hack"
            if culprit is not None and self.ctx.actor_of(culprit) is not None:
                skip.update(s.i for s in culprit.subtree)
                return self._actor_or_dyad(culprit), skip, 0.7
        if nominal:
            owner = owner_token(tok)
            if owner is not None and self.ctx.mention_at(tok.i) is None:
                skip.update(s.i for s in owner.subtree)
                actor = self.ctx.actor_of(owner)
                if actor is not None and actor.role == WEAK_ROLE:
                    # "U.S. sanctions", "a Russian offer": the side itself owns the act.
                    country = self.ctx.dictionary.countries[actor.country]
                    actor = ActorRef(country.name, country.code, "GOVERNMENT")
                if actor is not None:
                    return actor, skip, 0.8
            if kind == "SUPPORT" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WINNING:
                # "Trump received the personal thanks of Putin", "won praise from Moscow": the
                # one the praise is "of" or "from" gives it
                giver = next(
                    (
                        o
                        for p in [*tok.children, *tok.head.children]
                        if p.dep_ == "prep"
                        and (p.lower_ == "from" or (p.lower_ == "of" and p.head.i == tok.i))
                        for o in p.children
                        if o.dep_ == "pobj" and self.ctx.actor_of(o) is not None
                    ),
                    None,
                )
                if giver is not None:
                    skip.update(s.i for s in giver.subtree)
                    return self._actor_or_dyad(giver), skip, 0.75
            agent = self._nominal_agent(tok, kind)
            if agent is not None:
                skip.update(s.i for s in agent.subtree)
                return self._official_side(agent, self._actor_or_dyad(agent)), skip, 0.75
            verb = None
            anchor = measured(tok)  # "announced a wave of sanctions": the wave is announced
            made = self._made_in_relative(anchor)
            if (
                anchor.dep_ in ("dobj", "nsubjpass")
                and anchor.head.lemma_.lower() in self.lex.light_verbs
            ):
                verb = anchor.head
            elif made is not None and kind in ("AGREE", "COOPERATE"):
                verb = made  # "the agreement they struck in Geneva": its makers struck it
            elif kind in ACT_NOUN_TYPES:
                verb = governing_verb(tok) or self._travelled_for(tok, kind)
                if (
                    verb is not None
                    and verb.lemma_.lower() in self.lex.speech_verbs
                    and not (
                        kind == "CONSULT"
                        and (self._told_other(verb) or self._call_with_other(tok, verb))
                    )
                ):
                    return None, skip, 0.0  # "told reporters on a conference call": a venue
                if verb is not None and tok.dep_ == "dobj" and kind in _HARM and self._judges(verb):
                    return None, skip, 0.0  # "condemned the detention": the judge did not detain
            if verb is None:
                return None, skip, 0.0
            subj, passive = self._subject_of(verb)
            if subj is None and not passive and kind == "CONSULT" and self._scheduled(verb):
                # "Tillerson is scheduled to make a trip to Moscow": the one put on the calendar
                subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
            if subj is None:
                return None, skip, 0.0
            if passive and not (
                verb.i == anchor.head.i
                and anchor.dep_ == "nsubjpass"
                and verb.lemma_.lower() in self.lex.light_verbs
            ):
                return None, skip, 0.0
            # "the agreement was announced by Kerry and Lavrov": the agent makes the act
            skip.update(s.i for s in subj.subtree)
            return self._official_side(subj, self._actor_or_dyad(subj)), skip, 0.75
        subj, passive = self._subject_of(tok)
        if subj is not None and not passive:
            subj = self._clefted(subj)  # "it was Trump who called, thanking Putin"
        if subj is None and not passive:
            subj = self._noun_holder(tok)  # "Moscow had no intention of meeting them"
        if subj is None and self._scheduled(tok):  # "Lavrov and Rubio are expected to meet"
            holder = tok.head
            subj = next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
            if subj is None and holder.dep_ == "conj":
                # "Obama will hold talks with Erdogan and is expected to meet Putin": the
                # subject of the clause the expectation is coordinated with
                shared, shared_passive = subject(holder.head)
                subj = None if shared_passive else shared
        if subj is not None and self._speaker_pronoun(subj):
            return None, skip, 0.0  # "The Journal said it denies": the newspaper, no side
        if subj is not None and subj.lemma_.lower() in _AGREED_TEXTS:
            # "the deal Kerry and Lavrov struck calls for ...": the terms both sides agreed
            # are neither side's act on the other
            return None, skip, 0.0
        if subj is None:
            if passive:  # "the ambassador was summoned to the Foreign Ministry"
                host = self._summoner(tok)
                if host is not None:
                    return host, skip, 0.75
            return None, skip, 0.0
        skip.update(s.i for s in subj.subtree)
        if passive:
            skip.update(s.i for c in tok.children if c.dep_ == "agent" for s in c.subtree)
        actor = self._official_side(subj, self._actor_or_dyad(subj))
        if (
            actor is not None
            and actor.role == _DYAD_ROLE
            and kind not in _SYMMETRIC
            and kind != "AGREE"
        ):
            # "said the sides had agreed ..., and described Biden as": a judgement the parser
            # joined to the pair's clause is the speaker's
            actor = self._speaker_of_conjoined(tok) or actor
        elif actor is not None and kind in ("SUPPORT", "ACCUSE", "THREATEN", "REQUEST"):
            # "He said Trump had been right ..., and praised the atmosphere": a plain past
            # after ", and" leaves the backshifted reported clause for the speaker's own act
            said = self._tense_break(tok)
            speaker, passive = subject(said) if said is not None else (None, False)
            if speaker is not None and not passive:
                spoken = self._actor_or_dyad(speaker)
                if spoken is not None and spoken.role != WEAK_ROLE:
                    actor = spoken
        if (actor is None and subj.pos_ == "PRON") or (
            actor is not None and actor.role == WEAK_ROLE
        ):
            actor = self._coordinated_actor(subj) or actor
        if actor is None and subj.pos_ != "PRON":
            actor = self._speaker_of_conjoined(tok)
        if (
            actor is not None
            and actor.role == WEAK_ROLE
            and kind in _PEOPLE_SPEAK
            and self._people_as_side(subj)
        ):
            # "the Russians have threatened to cut the hotline", "the Americans rejected it":
            # a side's people as a whole, threatening, asking or refusing, stand for its
            # government
            country = self.ctx.dictionary.countries[actor.country]
            actor = ActorRef(country.name, country.code, "GOVERNMENT")
        return actor, skip, 0.85

    def _clefted(self, subj: Token) -> Token:
        """ "It was Trump who called Putin, thanking him": the "it" of a cleft sentence is
        the one it puts in focus, the named actor the relative clause hangs on."""
        if subj.lower_ != "it" or subj.head.lemma_ != "be":
            return subj
        for attr in subj.head.children:
            if (
                attr.dep_ == "attr"
                and any(c.dep_ == "relcl" for c in attr.children)
                and self.ctx.actor_of(attr) is not None
            ):
                return attr
        return subj

    def _made_in_relative(self, noun: Token) -> Token | None:
        """A light verb in a relative clause on the noun whose object is the noun itself
        ("the deal that Kerry and Lavrov struck", "the agreement they reached")."""
        for clause in noun.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in self.lex.light_verbs:
                continue
            objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
            if all(o.lower_ in ("that", "which") for o in objects):
                return clause
        return None

    def _people_as_side(self, subj: Token) -> bool:
        """ "The Russians", "the Americans, angry about the strike,": a watched side's people
        named as a whole (a plural with "the" and nothing that picks some of them out)."""
        if subj.tag_ not in ("NNPS", "NNS") or not subj.lower_.endswith("s"):
            return False
        actor = self.ctx.actor_of(subj)
        if actor is None or actor.country not in self.sides:
            return False
        kids = [c for c in subj.children if c.dep_ not in ("punct", "appos")]
        # a modifier set off after the noun ("the Russians, angry about ...") describes them all
        # as does a relative clause set off by a comma ("the Russians, who are insisting")
        kids = [
            c
            for c in kids
            if not (
                c.i > subj.i
                and (
                    c.dep_ in ("amod", "acl")
                    or (c.dep_ == "relcl" and subj.doc[c.left_edge.i - 1].lower_ == ",")
                )
            )
        ]
        return [c.lower_ for c in kids] == ["the"]

    def _build(self, tok: Token, sense: Sense) -> list[Candidate]:
        nominal = tok.pos_ in ("NOUN", "PROPN")
        kind, mode = sense.type, sense.mode
        if kind == "EVALUATE":
            kind = self._evaluate(tok) or ""
            if not kind:
                return []
            mode = {"ACCUSE": "criticize", "REJECT": "accusation"}.get(kind, "praise")
        if nominal and under_topic(tok):
            return []  # "the investigation into Russian hacking": the topic, not an act reported
        if nominal and kind == "THREATEN" and self._menace(tok):
            return []  # "Russia's threat to European security", "the Russian cyber threat"
        if nominal and kind in _HOSTILE and _exposed_to(tok):
            return []  # "vulnerable to Russian blackmail": a harm one is open to, not one made
        if nominal and kind == "ASSAULT" and self._attack_named(tok):
            return []  # "fueled by Russian hacks", "its hack of the election": a past attack named
        if kind == "ASSAULT" and mode == "cyber" and self.party_hacked(tok):
            return []  # "hacked the DNC", "hacking Democratic emails": home politics is hit
        if kind == "CONCEDE" and mode == "release" and self._thing_released(tok, nominal):
            return []  # "released a list of names", "the release of the cables": no captive
        if nominal and kind == "REQUEST" and self._court_plea(tok):
            return []  # "his guilty plea", "moved to withdraw his plea": a plea in court
        if nominal and kind == "SANCTION" and self._eased(tok):
            return []  # "lifted sanctions on Dmitriev": the verb's easing is the event
        state = factuality(tok, nominal, kind, self.lex)
        if state == NOT and kind in _HARM and self._conditional_harm(tok, nominal):
            # "he would impose tariffs if Russia blocked a deal": a harm held over the other
            # side on a condition is a threat of it
            kind, mode, state = "THREATEN", _HARM[kind], FACT
        elif state == NOT and kind == "SANCTION" and self._harm_intended(tok, nominal):
            # "Treasury intends to impose additional sanctions", "plans to expel diplomats";
            # sanctions planned for a set day ("plan to impose sanctions this week") are taken
            verb = tok.head if nominal else tok
            dated = any(t.ent_type_ == "DATE" for t in verb.subtree)
            kind, mode, state = (
                ("SANCTION", mode, FACT) if dated else ("THREATEN", "sanctions", FACT)
            )
        elif (
            state == FACT
            and kind == "SANCTION"
            and mode == "economic"
            and self._harm_agreed(tok, nominal)
        ):
            # "Obama and Merkel agreed to extend sanctions against Russia", "the G-7 agreed to
            # move swiftly to impose additional sanctions": penalties agreed on, not yet imposed
            kind, mode = "THREATEN", "sanctions"
        if state == FACT and kind == "ASSAULT" and self._force_to_come(tok, nominal):
            # "the ambassador said Russian forces would shoot down any US missiles", "we will
            # strike them": force promised for later is a threat of it, not an attack
            kind, mode = "THREATEN", "force"
        if state == NOT and kind in _OWN_TYPES and not nominal and self._relative_fact(tok):
            state = FACT  # "Whelan, whom Russia has refused to include": asserted in passing
        if nominal and kind == "CONSULT" and state == NOT and self._after_talks(tok):
            state = FACT  # "after six hours of talks": the talks the phrase measures took place
        if (
            nominal
            and kind == "CONSULT"
            and state == NOT
            and tok.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "amod" and c.lower_ in _ON_CALENDAR for c in tok.children)
        ):
            # "a scheduled meeting with Putin could be friendlier": the modal judges the
            # meeting, which is on the calendar
            state = FACT
        if state == NOT and kind == "REQUEST" and not nominal and self._attempted(tok):
            state = FACT  # "tried to persuade Moscow to drop Assad": the asking was done
        if state == NOT and kind in _OWN_TYPES and self._continued(tok, nominal):
            state = FACT  # "will continue to call for his release": the act goes on
        if state == NOT and kind == "CONSULT" and not nominal and self._scheduled(tok):
            state = FACT  # "Lavrov and Rubio are expected to meet next week": scheduled
        elif (
            state == NOT
            and kind == "CONSULT"
            and nominal
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in self.lex.light_verbs
            and self._scheduled(tok.head)
        ):
            state = FACT  # "is scheduled to make a trip to Moscow", "set to hold talks"
        act_kind = kind
        wished = state != REFUSED and self._wished(tok, nominal)
        if wished and kind in _SYMMETRIC:
            # a meeting wished for or put forward is an offer of one, not a meeting held
            kind, mode, state = "AGREE", "offer", FACT
        elif wished and not nominal and self._wish_head(tok, nominal) is not tok:
            return []  # "would like Russia to release him": the release is only wished for
        if (
            state == NOT
            and kind == "AGREE"
            and mode == "accept"
            and not nominal
            and self._will_not(tok)
        ):
            # "said it would not accept any ultimatum": a refusal of what was put to it
            kind, mode, state = "REJECT", "offer", FACT
        if (
            state == NOT
            and kind == "AGREE"
            and mode == "accept"
            and not nominal
            and any(c.dep_ == "neg" and c.lower_ == "never" for c in tok.children)
        ):
            # "Washington never took up the Russian proposal": the offer was turned down
            kind, mode, state = "REJECT", "offer", FACT
        if (
            state in (NOT, REFUSED)
            and kind == "CONCEDE"
            and mode == "back down"
            and not nominal
            and self._will_not(tok)
        ):
            # "would not bend on core principles", "will not budge": a refusal to give way
            kind, mode, state = "REJECT", "demand", FACT
        if state == NOT or (not nominal and (self._mandated(tok) or self._requested(tok))):
            return []  # "insisted that Washington return", "appealed to Moscow to free him"
        if not nominal and self._put_on_side(tok) is not None:
            return []  # "it is time for Russia to stop ...", said Haley: asked of it, not done
        if nominal and kind in _SYMMETRIC and state == FACT:
            denied = self._under_no(tok)  # "no signals on resuming a dialogue"
            if denied == NOT:
                return []
            state = denied or state
        if nominal and kind in _SYMMETRIC and self._only_prospect(tok):
            return []  # "a possible prisoner exchange", "potential talks": not held
        if nominal and kind == "CONSULT" and self._topic_of(tok):
            return []  # "lied about his conversations with the ambassador": the talk of them
        if nominal and kind == "CONSULT" and self._gathering(tok):
            return []  # "speaking at a meeting of his movement": a venue, not the pair's meeting
        if nominal and kind == "CONSULT" and self._called_off(tok):
            return []  # "suspended its participation in the talks": the refusal is the event
        if nominal and kind == "CONSULT" and state != REFUSED:
            pair = self._between(tok)  # "talks between Kerry and Lavrov": the pair is named
            if pair is not None and not self._only_possible(tok):
                return [Candidate(kind, mode, pair[0], pair[1], tok, 0.6)]
        if nominal and kind == "COOPERATE" and state != REFUSED:
            pair = self._pair_modifier(tok)  # "the U.S.-Russian prisoner swap"
            if pair is not None and not self._only_possible(tok):
                return [Candidate(kind, mode, pair[0], pair[1], tok, 0.55)]
        if nominal and kind == "AGREE" and mode == "sign" and state == FACT:
            pair = self._parties(tok)  # "the agreement between Russia and the United States"
            if pair is not None and not self._only_prospect(tok) and self._under_no(tok) is None:
                return [
                    Candidate(kind, mode, pair[0], pair[1], tok, 0.55),
                    Candidate(kind, mode, pair[1], pair[0], tok, 0.55),
                ]
        source, skip, confidence = self._source(tok, nominal, act_kind)
        if source is None or source.country not in self.sides:
            leader = self._followed_in(tok, nominal)
            if leader is not None:
                # "the EU followed the U.S. in imposing sanctions on Russia": the one followed
                # did the act first
                source, confidence = leader, 0.7
        if source is None and (kind == "COERCE" or mode == "diplomatic") and not nominal:
            # "an American was detained in Moscow", "..., the Justice Department said"
            source = implied_agent(self.ctx, tok, self.lex.speech_verbs, self.sides)
            confidence = 0.6
        if (
            (source is None or source.country in self.sides)
            and nominal
            and kind == "COOPERATE"
            and self._swap(tok)
        ):
            # "in exchange for a Russian pilot", "the swap took place in Ankara": both sides
            a, b = self.sides
            country = self.ctx.dictionary.countries
            first = ActorRef(country[a].name, a, "GOVERNMENT")
            second = ActorRef(country[b].name, b, "GOVERNMENT")
            if state == REFUSED:  # "there is no question of a swap": the speaker refuses
                speaker = reporter(self.ctx, tok, self.lex.speech_verbs)
                if speaker is not None and speaker.role != WEAK_ROLE and speaker.country == b:
                    first, second = second, first
                return [Candidate("REJECT", "offer", first, second, tok, 0.45)]
            return [Candidate(kind, mode, first, second, tok, 0.5)]
        if (
            kind == "COERCE"
            and not nominal
            and (source is None or source.country not in self.sides)
        ):
            source = receiving_side(self.ctx, tok, self.sides) or source  # "extradited to the US"
        if (
            source is None
            and not nominal
            and kind == "COOPERATE"
            and mode == "exchange"
            and self._swap(tok, verb=True)
        ):
            # "she was swapped on Thursday for the Russian arms dealer": the pair swapped
            first, second = self._pair_governments()
            return [Candidate(kind, mode, first, second, tok, 0.5)]
        if source is None and nominal and kind == "CONSULT" and state == FACT:
            pair = self._talks_taken_up(tok)  # "Talks ended after three hours."
            if pair is not None:
                return [Candidate(kind, mode, pair[0], pair[1], tok, 0.45)]
        if source is None and nominal and mode == "joint statement" and self._pair_in_sentence(tok):
            # "a joint statement was released: the two sides reaffirm ...": the pair's statement
            first, second = self._pair_governments()
            return [Candidate(kind, mode, first, second, tok, 0.5)]
        if source is None and nominal and kind == "AGREE":
            source = self._standing_offer(tok)  # "said the invitation to Obama stood"
        if source is not None and source.role == WEAK_ROLE and sense.needs == "subjnoun":
            # "a Russian frigate sailed into Havana": a side's warship is its armed forces
            navy = self.ctx.dictionary.countries[source.country]
            source = ActorRef(navy.name, navy.code, "MILITARY")
        if kind == "THREATEN" and not nominal and tok.lemma_.lower() in ("respond", "retaliate"):
            # "the White House said it would respond": the one who says "it" speaks of itself
            subj, _ = subject(tok)
            speaker = reporter(self.ctx, tok, self.lex.speech_verbs)
            if subj is not None and subj.pos_ == "PRON" and speaker is not None:
                source = speaker
        if source is None and nominal and kind == "COERCE" and state == FACT:
            charged = self._indicted_side(tok)
            if charged is not None:
                # "the indictment of 12 Russians on Friday", "indictments against 12 Russian
                # spies": charges brought against the other side's people accuse that side
                # (GUIDE); the state that brings them is the other watched side
                other = next(code for code in self.sides if code != charged.country)
                land = self.ctx.dictionary.countries[other]
                accuser = ActorRef(land.name, other, "GOVERNMENT")
                accused = ActorRef(
                    self.ctx.dictionary.countries[charged.country].name,
                    charged.country,
                    "GOVERNMENT",
                )
                return [Candidate("ACCUSE", "allege", accuser, accused, tok, 0.5)]
        if (
            source is None
            and nominal
            and kind == "CONSULT"
            and state == FACT
            and not self._only_possible(tok)
        ):
            pair = self._met_with(tok)  # "a scheduled meeting with Putin in Helsinki"
            if pair is not None:
                return [Candidate(kind, mode, pair[0], pair[1], tok, 0.5)]
        if source is None or source.role == WEAK_ROLE:
            return []
        if kind == "SANCTION" and obliged(tok):
            # "Putin said the United States would have to cut 755 staff": the speaker orders
            # the cut, which falls on the one obliged to make it
            speaker = reporter(self.ctx, tok, self.lex.speech_verbs)
            if speaker is not None and {speaker.country, source.country} == set(self.sides):
                return [Candidate(kind, mode, speaker, source, tok, 0.6)]
        dyad = source.role == _DYAD_ROLE
        if dyad and wished and kind == "AGREE":
            # "Ryabkov said the two sides might meet again": the speaker's side puts it forward
            speaker = reporter(self.ctx, tok, self.lex.speech_verbs)
            if speaker is not None and speaker.country in self.sides:
                source, dyad = speaker, False
        if (
            nominal
            and kind == "CONSULT"
            and any(c.dep_ in ("det", "amod") and c.lower_ == "such" for c in tok.children)
        ):
            return []  # "normal for Moscow to make such visits": a kind of visit, not one
        if kind == "CONSULT" and mode == "visit" and source.role == "MILITARY":
            return []  # "bombers flew to Venezuela": a deployment, not a visit
        if nominal and kind == "CONSULT" and self._only_possible(tok):
            return []  # "a summit remained possible": not held, not offered
        if (
            kind == "SUPPORT"
            and mode == "endorse"
            and tok.lemma_.lower() in _CREDITING
            and not (self._word_taken(tok) and self._person_believed(tok))
        ):
            return []  # "believes Russia has a responsibility": a view of it, not trust
        if kind == "SUPPORT" and self._backing_elsewhere(tok, nominal, source):
            return []  # "Russian support for Assad", "meddled to help Trump win": no backing
        if (
            kind == "CONCEDE"
            and mode == "return"
            and tok.lemma_.lower() == "turn"
            and state != REFUSED
        ):
            return []  # "turned over seven prisoners": told in passing; refusing it is news
        if state == REFUSED and kind == "COERCE" and tok.lemma_.lower() in _SURRENDERING:
            # "declined to extradite the hackers": handing over is what the other side asked
            kind = "CONCEDE"
        if state == REFUSED:
            if kind not in ("CONSULT", "AGREE", "COOPERATE", "CONCEDE") or any(
                c.dep_ == "xcomp" and c.lemma_.lower() in _NON_ACTS for c in tok.children
            ):
                return []
            mode = {"CONSULT": "meeting", "CONCEDE": "demand"}.get(kind, "offer")
            kind = "REJECT"
        if kind == "REJECT" and any(
            c.dep_ == "xcomp"
            and (
                c.lemma_.lower() in _NON_ACTS
                or (c.lemma_.lower() in self.lex.speech_verbs and c.lemma_.lower() not in _PLEDGES)
            )
            for c in tok.children
        ):
            return []  # "declined to comment" refuses nothing of the other side's
        if kind == "REJECT" and not nominal and self._own_endorsement(tok, source):
            return []  # "declined to endorse his own agencies' finding": no offer turned down
        if kind == "REJECT" and self._hostile_refused(tok):
            return []  # "declined to blame Russia", "his refusal to condemn Putin": no offer
        if kind == "REJECT" and not nominal and self._own_claim_disputed(tok, source):
            return []  # "Trump dismissed his agencies' assessment": a home quarrel
        target = None
        if dyad:
            code = self.sides[1]
            target = ActorRef(self.ctx.dictionary.countries[code].name, code, "GOVERNMENT")
            source = ActorRef(source.name, source.country, "GOVERNMENT")
        if target is None and kind == "AGREE" and mode == "offer" and self._pair_proposed(tok):
            # "Putin suggested that the two countries form a working group": what the pair
            # should do together is put to the other side
            other = next(code for code in self.sides if code != source.country)
            target = ActorRef(self.ctx.dictionary.countries[other].name, other, "GOVERNMENT")
        target = target or self._conj_partner(tok, source, kind, nominal)
        target = target or self._pick_target(tok, source, skip, kind)
        if kind == "MOBILIZE" and target is not None and not target.country:
            if self._faces_third_party(tok):
                return []  # forces massed "near Ukraine" are aimed at Ukraine
            # troops sent "to Poland" are aimed at whoever the sentence says they deter, or
            # failing that the other side of the story: an ally hosts them
            target = self._fallback(tok, source, "CONSULT", force=True) or self._other_side(
                source, tok
            )
        if kind == "ASSAULT" and not nominal and self._figurative_blow(tok):
            return []  # "attacked our democracy", "struck back at Moscow with penalties"
        if kind == "ASSAULT" and nominal and self._of_wrong_object(tok, kind):
            return []  # "its breach of international norms": a rule broken, no hack
        if kind == "ASSAULT" and not nominal and self._struck_elsewhere(tok, target):
            return []  # "Trump attacked the media and praised Putin": the media were attacked
        if target is None and kind == "ACCUSE" and self._culprit_elsewhere(tok):
            return []  # "blamed loose monetary policy for the slide": no side is blamed
        if kind == "ACCUSE" and not nominal and self._report_faulted(tok, source):
            # "slammed the document as bogus", "rebuked CNN for a report claiming the CIA
            # pulled a spy out of Russia": the criticism is of the report, which no one of the
            # other side wrote; the other side is what it tells of
            return []
        if kind == "REQUEST" and not nominal and self._mission_closed(tok):
            return []  # "told Moscow to shut down its consulate": an order that is the sanction
        if kind == "REQUEST" and not nominal and self._meeting_expected(tok):
            return []  # "officials expect Putin to meet Tillerson": a meeting foreseen
        if kind == "REQUEST" and self._relations_asked(tok):
            return []  # "urged better relations with Russia": a wish for ties, no act asked
        if kind == "REQUEST" and self._readmission_asked(tok):
            # "pushed for the G7 to readmit Russia", "his call for Russia's readmission": the
            # club is asked; the other side is the one taken back (SUPPORT, `_readmission`)
            return []
        content: frozenset[int] = frozenset()
        if kind == "REQUEST" and not nominal and self._asked_elsewhere(tok, source):
            return []  # "asked Comey to end the inquiry into Russia": asked of someone else
        if (
            kind == "REQUEST"
            and not nominal
            and (target is None or target.country)
            and source.country in self.sides
        ):
            other = next(code for code in self.sides if code != source.country)
            asked = self._asked_for_only(tok, other)
            if asked:
                # "called for a tougher line against Russia", "asked him to act against
                # Russia's hackers": the other side is in what is asked for, not the one asked
                target, content = None, asked
        if kind == "REQUEST" and not nominal and (target is None or target.name == "third party"):
            # "asked for guarantees that NATO would not expand": NATO is what the guarantee
            # is about; the request goes to the other side
            content = content or self._request_content(tok)
            if content and not self._addressed_outside(tok, content):
                target = None
        if target is None and kind == "MOBILIZE" and self._faces_third_party(tok):
            return []
        guessed = False
        if target is None and (kind != "ASSAULT" or mode == "cyber"):  # bombs hit third parties
            if kind == "REQUEST" and source.role == "LEGISLATURE":
                return []  # "Democrats demanded a briefing": lawmakers ask their own government
            if kind == "AGREE" and not nominal and self._partner_elsewhere(tok, source):
                return []  # "agreed to cooperate with Mueller's investigation": a home deal
            if kind == "AGREE" and source.role in ("LEGISLATURE", "JUDICIARY"):
                # "McCain agreed that the move was a fix", "the Justice Department agreed to
                # a public hearing": lawmakers and courts that aim their assent or promise at
                # no one named make no offer to the other side
                return []
            if kind == "THREATEN" and not nominal and self._thing_threatened(tok):
                # "the vision of a free Europe is threatened by Russia's aggression": what is
                # threatened is named, and it is no one of the other side
                return []
            target = self._fallback(tok, source, kind, kind in _FORCE, content)
            if kind == "ASSAULT" and target is not None and self._doer_named(tok, target):
                # "expelled diplomats because of Russian hacking", "alleging Russia was behind
                # the hacks": the other side the sentence names is the attack's doer, not the
                # one it hits
                return []
            if (
                kind == "AGREE"
                and target is not None
                and not self._in_sentence(tok, target)
                and not any(t.lemma_.lower() in _MEETING_WORDS for t in self._own_terms(tok))
            ):
                # "Trump promised", "Sessions offered to resign": an offer the sentence aims at
                # no one is the other side's only by guess; one to meet or talk needs two sides
                return []
            if (
                kind == "REQUEST"
                and target is not None
                and not content
                and not any(
                    c.dep_ == "ccomp" and any(g.dep_ == "nsubjpass" for g in c.children)
                    for c in tok.children
                )
                and not self._release_asked(tok, source)
                and not any(
                    named.country == target.country
                    for _, named in self.ctx.actors_in(tok.sent.start, tok.sent.end)
                )
            ):
                # "Democrats demanded answers": one asked only by guess from the sentence
                # before; what is asked for ("guarantees that NATO would not expand"), or asked
                # to be done by whoever holds it ("demanded that the compounds be returned",
                # "demanded his release"), is put to the other side the story names
                return []
            if target is None and kind == "REQUEST" and self._release_asked(tok, source):
                # "demanded her immediate release": asked of whoever holds her, the story's
                # other side when the one held is no one of it
                other = next(code for code in self.sides if code != source.country)
                land = self.ctx.dictionary.countries[other]
                target = ActorRef(land.name, other, "GOVERNMENT")
            # the other side named in the act's own sentence is a guess only when it is named
            # inside what is refused or denied; one named in the sentence before always is
            guessed = (
                kind != "REJECT"
                or target is None
                or not self._in_sentence(tok, target)
                or (mode != "meeting" and self._inside_denied(tok, target, mode == "accusation"))
                or (mode == "accusation" and self._only_partner(tok, target))
            )
            if target is None and kind == "MOBILIZE":
                target = self._other_side(source, tok)  # "deployments in Germany": a host
                if target is not None and not self._side_named_near(tok, target.country):
                    # "sent troops to quell the protests", "deployed warplanes to a base in
                    # Syria": forces moved where the text around never names the other side
                    # are aimed at it only by guess
                    return []
            confidence -= 0.2
        answers = False
        if target is None and kind == "THREATEN" and self._reprisal(tok):
            # "Russian officials vowed to retaliate", "warned of countermeasures": a reprisal
            # is aimed at the side whose act it answers, which `answered` looks for
            other = next(code for code in self.sides if code != source.country)
            land = self.ctx.dictionary.countries[other]
            target, guessed, answers = ActorRef(land.name, other, "GOVERNMENT"), True, True
        if kind == "REQUEST" and target is not None and target.country == source.country:
            # "demanded his immediate release": asked of whoever holds the national, which the
            # words themselves say is not the asker's side; the story names the holder
            target = self._fallback(tok, source, kind)
            guessed = False
        if target is None or target.country == source.country:
            return []
        if {source.country, target.country} != set(self.sides):
            return []
        if kind == "COOPERATE" and mode == "joint statement" and not self._joint_with(tok, target):
            # "the White House issued a joint statement with allies", "the agencies issued a
            # joint statement warning that Russia ...": the other side is what it is about
            return []
        if kind == "CONCEDE" and mode == "back down" and not self._yielded_to(tok, target):
            # "later backtracked, saying nobody really knows", "the administration relented
            # and allowed Deripaska to visit": giving way on one's own words or at home, with
            # the other side only named around it, is no concession to that side
            return []
        if kind == "COERCE" and not self._coerced_of(tok, nominal, target):
            # "Stone was arrested by FBI agents", "Russia seized Crimea", "confiscated the
            # interpreter's notes": the one held or the thing taken is no one and nothing of
            # the other side, which the sentence around only names
            return []
        if kind == "MOBILIZE" and not self._faced_in_sentence(tok, target):
            # "Russia moved troops into western Syria, two American officials said", "sent
            # 3,000 troops to train Iraqi forces": forces moved where the act's own sentence
            # names no one of the other side but as the witness are aimed at the war they join
            return []
        if kind == "REJECT" and not guessed and mode != "meeting":
            guessed = self._inside_denied(tok, target, partners=mode == "accusation")
            # "aides met Russian diplomats, which the White House denies": the other side is
            # named in the charge the clause hangs on, like one named inside what is denied
            guessed = guessed or self._relative_denial(tok)
        if (
            kind == "CONSULT"
            and mode == "call"
            and nominal
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("of", "about")
            and tok.head.head.pos_ in ("NOUN", "ADJ")
        ):
            # "transcripts of Flynn's calls with Kislyak", "aware of his conversations with the
            # ambassador": talks named as what a record or knowledge is of
            return []
        if kind == "CONSULT" and mode == "visit" and self._elsewhere_bound(tok, source, target):
            return []  # "Pence's trip to Eastern Europe", "visited the White House"
        if (
            kind == "AGREE"
            and mode == "accept"
            and (self._named_in_content(tok, target) or self._view_shared(tok))
            and not any(t.lemma_.lower() in _MEETING_WORDS for t in tok.subtree)
        ):
            # "accepted the intelligence agencies' conclusion that Russia interfered", "agreed
            # that the move was a Russian provocation": the other side is what is agreed on,
            # unless it is a joint act of both ("agreed that Russian and U.S. forces should
            # be fighting together")
            return []
        if kind == "AGREE" and mode == "accept" and not nominal and self._agreed_among(tok, target):
            # "the United States and its allies agreed to expel Russia": the agreement is
            # among the one side and its partners; the other side is what it acts on
            return []
        if kind == "AGREE" and mode == "offer" and not nominal:
            refused = self._vowed_refusal(tok)
            if refused is not None:
                if not refused:
                    return []  # "promised it would not send troops": no offer to the other side
                kind, mode = "REJECT", "demand"  # "vowed Moscow would not bow to pressure"
        if kind == "AGREE" and mode == "offer" and self._believed_by_other(tok, source):
            return []  # "Dmitriev said he believed Washington was ready": a belief, no offer
        if kind == "COERCE" and self._charges_organ(tok, target):
            # "indicted 12 Russian intelligence officers", "the indictments of GRU officers":
            # charges brought in absentia against the other side's state organs accuse it
            kind, mode = "ACCUSE", "allege"
        reported = reporter(self.ctx, tok, self.lex.speech_verbs)
        if reported is not None and reported == source:
            reported = None
        confidence -= 0.05 if reported is not None else 0.0
        out = [
            Candidate(
                kind,
                mode,
                source,
                target,
                tok,
                round(max(confidence, 0.3), 2),
                reported,
                guessed,
                answers,
            )
        ]
        if (
            kind == "REQUEST"
            and not nominal
            and not self._reciprocal(tok)
            and self._both_act(tok, source, target)
        ):
            # "both the US and Russia are pushing for a new resolution": the two sides ask
            # together, of someone else, and neither asks the other
            return []
        if kind in _HOSTILE and self._reciprocal(tok) and self._both_act(tok, source, target):
            # "the United States and Russia accused each other", "traded accusations"
            out.append(Candidate(kind, mode, target, source, tok, out[0].confidence, reported))
        if kind == "AGREE" and (
            dyad
            or (mode in _BOTH_WAYS_MODES and self._joint(tok))
            or (mode == "sign" and nominal and self._reached_with(tok, target))
        ):
            out.append(Candidate(kind, mode, target, source, tok, out[0].confidence, reported))
        if kind == "REJECT" and mode == "accusation" and tok.lemma_.lower() in _MOCKING:
            # "scoffed at the accusations": a charge turned down with scorn for its maker
            out += self._build(tok, Sense("ACCUSE", "insult"))
        if kind == "THREATEN" and not nominal and self._warned_to(tok, target):
            # "warning Moscow to stop its destabilizing activities": the warning asks an act
            out.append(Candidate("REQUEST", "demand", source, target, tok, 0.55, reported))
        if kind == "AGREE" and mode == "offer" and nominal and self._left_unanswered(tok):
            # "Moscow's offer went unanswered": the one it was made to turned it down
            out.append(Candidate("REJECT", "offer", target, source, tok, 0.5, reported))
        attack = self._attack_of(tok) if kind in ("ACCUSE", "COERCE") else None
        if attack is not None:
            # "accused Russia of cyberattacks", "charged GRU officers with hacking": the
            # attack the accuser attributes is itself coded, by the accused, on the accuser,
            # unless what it hit is a party or a campaign ("of hacking Democratic emails") and
            # the charge is not the story's news, told in its lead, but its background
            if not self.party_hacked(attack) or self.ctx.sentence_index(tok.i) < _LEAD:
                out.append(Candidate("ASSAULT", "cyber", target, source, tok, 0.5, reported))
            if kind == "COERCE":  # charging the other side's agents with hacking accuses it
                out.append(Candidate("ACCUSE", "allege", source, target, tok, 0.5, reported))
        if kind == "COERCE" and tok.lemma_.lower() in _CHARGING:
            served = charged_state(self.ctx, tok, target.country)
            if served is not None:
                # "charged with working as an agent of the Russian government": the charge
                # accuses the state the defendant is said to have served
                out.append(Candidate("ACCUSE", "allege", source, served, tok, 0.55, reported))
        return out

    def _pair_proposed(self, verb: Token) -> bool:
        """The proposal's clause makes the pair its subject: "suggested that the two countries
        form a group", "proposed that Russia and the United States hold talks"."""
        if verb.pos_ != "VERB":
            return False
        for clause in verb.children:
            if clause.dep_ != "ccomp" or _negated(clause):
                continue
            for subj in clause.children:
                if subj.dep_ != "nsubj":
                    continue
                if is_dyad(subj):
                    return True
                named = {self.ctx.actor_of(node) for node in (subj, *subj.conjuncts)}
                if {a.country for a in named if a is not None} >= set(self.sides):
                    return True
        return False

    def _followed_in(self, tok: Token, nominal: bool) -> ActorRef | None:
        """The one another followed or joined "in" doing the act: "the EU followed the U.S.
        in imposing sanctions", "Britain joined Washington in expelling diplomats"."""
        verb: Token | None = tok
        if nominal:
            anchor = measured(tok)
            verb = anchor.head if anchor.dep_ == "dobj" else None
        if verb is None or verb.dep_ != "pcomp" or verb.head.lower_ != "in":
            return None
        follower = verb.head.head
        if follower.lemma_.lower() not in _FOLLOWING or _negated(follower):
            return None
        for led in follower.children:
            if led.dep_ != "dobj":
                continue
            actor = self.ctx.actor_of(led)
            if actor is not None and actor.country in self.sides:
                if actor.role == WEAK_ROLE:
                    land = self.ctx.dictionary.countries[actor.country]
                    actor = ActorRef(land.name, land.code, "GOVERNMENT")
                return actor
        return None

    def _joint_plan(self, verb: Token) -> list[Candidate]:
        """ "The United States and Russia announced a plan for a ceasefire", "the two sides
        unveiled a framework", "a roadmap presented jointly by Kerry and Lavrov": a plan the
        pair puts out together is one both agreed to (AGREE, each way). A plan one side
        announces alone is its own offer, and is left to the lexicon."""
        plans = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _JOINT_PLANS
        ]
        if not plans or _negated(verb) or any(under_topic(p) for p in plans):
            return []
        if any(c.dep_ == "prt" and c.lower_ not in ("out", "up") for c in verb.children):
            return []
        subj, passive = self._subject_of(verb)
        if passive:
            subj = next(
                (o for a in verb.children if a.dep_ == "agent" for o in a.children
                 if o.dep_ == "pobj"),
                None,
            )  # fmt: skip
        if subj is None:
            return []
        pair = self._pair_of(subj)
        if pair is None or factuality(verb, False, "AGREE", self.lex) != FACT:
            return []
        first, second = pair
        return [
            Candidate("AGREE", "sign", first, second, verb, 0.55),
            Candidate("AGREE", "sign", second, first, verb, 0.55),
        ]

    def _pair_of(self, subj: Token) -> tuple[ActorRef, ActorRef] | None:
        """The subject names both watched sides: "Russia and the United States", "Kerry and
        Lavrov", or the pair taken up ("the two sides") where both were just named."""
        actor = self._actor_or_dyad(subj)
        if actor is not None and actor.role == _DYAD_ROLE:
            return self._pair_governments()
        found: dict[str, ActorRef] = {}
        for node in (subj, *subj.conjuncts):
            named = self.ctx.actor_of(node)
            if named is None or named.country not in self.sides:
                return None  # "Russia and Syria", "Kerry and Brahimi": a third party joins
            if named.role == WEAK_ROLE:
                land = self.ctx.dictionary.countries[named.country]
                named = ActorRef(land.name, land.code, "GOVERNMENT")
            found.setdefault(named.country, named)
        if set(found) != set(self.sides):
            return None
        return found[self.sides[0]], found[self.sides[1]]

    def _told_counterpart(self, verb: Token) -> list[Candidate]:
        """ "Lavrov told Pompeo on Wednesday that ...", "Putin assured Trump that ...": one
        person of a side, named, telling a named person of the other side something is a
        contact between them (CONSULT); telling a country, a post or the press is not."""
        if verb.lemma_.lower() not in _TELLING or _negated(verb):
            return []
        subj, passive = self._subject_of(verb)
        if subj is None or passive:
            return []
        speaker = self._named_person(subj)
        if speaker is None:
            return []
        for child in verb.children:
            if child.dep_ not in ("dobj", "dative"):
                continue
            hearer = self._named_person(child)
            if hearer is not None and hearer.country != speaker.country:
                if factuality(verb, False, "CONSULT", self.lex) != FACT:
                    return []
                return [Candidate("CONSULT", "talks", speaker, hearer, verb, 0.5)]
        return []

    def _visitor_hosted(self, tok: Token) -> list[Candidate]:
        """ "Putin would seek an explanation from visiting US adviser John Bolton", "Lavrov
        hosted the visiting American delegation": "visiting" said of an official of one side
        presupposes his visit; the subject of the clause he is in, of the other side, is his
        host (CONSULT)."""
        visitor_tok: Token | None = None
        if tok.dep_ == "amod":
            visitor_tok, clause = tok.head, governing_verb(tok.head)
        elif tok.dep_ == "pcomp" and tok.head.lower_ in ("from", "with", "to", "for"):
            # the parser reads "from visiting Bolton" as a gerund with an object
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return []
            visitor_tok = next((c for c in tok.children if c.dep_ == "dobj"), None)
            # "asked for answers from visiting ...": up through the phrases it hangs in
            clause = tok.head
            for _ in range(4):
                if clause.pos_ in ("VERB", "AUX") or clause.dep_ not in ("prep", "pobj", "dobj"):
                    break
                clause = clause.head
            if clause.pos_ not in ("VERB", "AUX"):
                return []
        else:
            return []
        if visitor_tok is None or clause is None:
            return []
        visitor = self.ctx.actor_of(visitor_tok)
        if visitor is None or visitor.country not in self.sides or visitor.role in _PRIVATE_ROLES:
            return []
        subj, passive = self._subject_of(clause)
        if subj is None or passive:
            return []
        host = self._official_side(subj, self._actor_or_dyad(subj))
        if host is None or host.country not in self.sides or host.country == visitor.country:
            return []
        if host.role in (WEAK_ROLE, _DYAD_ROLE):
            return []
        return [Candidate("CONSULT", "visit", visitor, host, tok, 0.55)]

    def _named_person(self, tok: Token) -> ActorRef | None:
        """A person of a watched side named by `tok` by name ("Lavrov", "Mike Pompeo")."""
        mention = self.ctx.mention_at(tok.i)
        if mention is None or mention.kind != "person":
            return None
        actor = self.ctx.actor_of(tok)
        if actor is None or actor.country not in self.sides or actor.role in (WEAK_ROLE, DYAD_ROLE):
            return None
        return actor

    def _reprisal_promised(self, noun: Token) -> list[Candidate]:
        """THREATEN of a reprisal named as a noun and promised: "the ministry said it would
        provide a harsh response to sanctions", "Moscow will take countermeasures", "a
        response will follow". Aimed at the side named after "to" or "against", else at the
        other side when the story reports an act of it for the reprisal to answer."""
        verb = noun.head
        if noun.dep_ not in ("dobj", "nsubj") or verb.pos_ not in ("VERB", "AUX"):
            return []
        if noun.lemma_.lower() == "response" and not any(
            (c.dep_ in ("amod", "compound") and c.head.i == noun.i)
            or (c.dep_ == "acomp" and noun.dep_ == "nsubj")  # "the response will be tough"
            for c in [*noun.children, *verb.children]
            if c.lemma_.lower() in _HOSTILE_RESPONSE
        ):
            return []
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids) or verb.sent.text.rstrip().endswith("?"):
            return []
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in kids):
            return []
        # the promise may sit on the verb or on what drives it: "would have no choice but to
        # take countermeasures", "will be forced to give a response"
        anchors = self._blow_anchors(verb) if noun.dep_ == "dobj" else [verb]
        if not any(
            c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for a in anchors for c in a.children
        ):
            return []
        if any(c.dep_ == "neg" for a in anchors[1:] for c in a.children):
            return []
        source = None
        if noun.dep_ == "dobj":
            subj, passive = subject(verb)
            if subj is not None and not passive and subj.pos_ != "PRON":
                source = self.ctx.actor_of(subj)
        source = source or self._voice(verb)
        if source is None or source.role == WEAK_ROLE or source.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != source.country)
        aimed = [
            a
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("to", "against", "on")
            for p in c.subtree
            if (a := self.ctx.actor_of(p)) is not None
        ]
        target = next((a for a in aimed if a.country == other), None)
        answers = target is None
        if answers and any(a.country not in self.sides for a in aimed if a.role != WEAK_ROLE):
            return []  # "a response to Ukraine's shelling": aimed at a third party
        if target is None or target.role == WEAK_ROLE:
            land = self.ctx.dictionary.countries[other]
            target = ActorRef(land.name, other, "GOVERNMENT")
        reported = reporter(self.ctx, noun, self.lex.speech_verbs)
        if reported is not None and reported == source:
            reported = None
        return [
            Candidate(
                "THREATEN", "retaliation", source, target, noun, 0.55, reported, answers, answers
            )
        ]

    def _backing_elsewhere(self, tok: Token, nominal: bool, source: ActorRef) -> bool:
        """Backing that is not of the other side: the noun "support" or "backing" whose
        complement ("for", "of", "to") names no one of the other side ("Russian support for
        Assad", "support for the alliance", "Russian support" alone), and help or support given
        in an election ("helped him win", "support for his candidacy"), which is interference
        in the other side's politics, not backing of its government."""
        lemma = tok.lemma_.lower()
        if nominal and lemma in _BACKING_NOUNS:
            backed = [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "to")
                for p in c.subtree
            ]
            if tok.dep_ == "dobj":  # "threw his support to Yeltsin": the phrase on the verb
                backed += [
                    p
                    for c in tok.head.children
                    if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to", "behind")
                    for p in c.subtree
                ]
            if not any(
                (a := self.ctx.actor_of(p)) is not None
                and a.country in self.sides
                and a.country != source.country
                for p in backed
            ):
                return True
        if lemma in _BACKING_NOUNS or lemma == "help":
            words = tok.subtree if not nominal else tok.sent
            return any(t.lemma_.lower() in _ELECTORAL for t in words)
        return False

    def _charges_organ(self, tok: Token, target: ActorRef) -> bool:
        """An indictment (verb or noun) whose target is an organ of the other side's state (its
        intelligence, military, officials), not a private national: an accusation of that
        state, with no one held."""
        if tok.lemma_.lower() not in _INDICTING:
            return False
        if target.role not in _PRIVATE_ROLES:
            return True
        # "indicted 13 Russians", "the indictment of 12 Russians": a counted group of the
        # other side's people charged at a distance, not anyone held
        charged = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        charged += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("of", "against")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return any(
            o.tag_ in ("NNS", "NNPS") and any(n.dep_ == "nummod" for n in o.children)
            for o in charged
        )

    def _branding(self, verb: Token) -> list[Candidate]:
        """ "Biden said he believed Putin was a killer": a speaker calls the other side names."""
        found = branded(self.ctx, verb, self.lex.insult_nouns)
        if found is None:
            return []
        speaker_tok, target_tok, attr = found
        source, target = self.ctx.actor_of(speaker_tok), self.ctx.actor_of(target_tok)
        if source is None or target is None or source.role == WEAK_ROLE:
            return []
        if {source.country, target.country} != set(self.sides):
            return []
        return [Candidate("ACCUSE", "insult", source, target, attr, 0.6)]

    def _struck_elsewhere(self, verb: Token, target: ActorRef | None) -> bool:
        """An attack whose direct object names no actor of a watched side, nor anything of
        one ("attacked the media", "attacked the postwar order", "authorization to attack
        Syria"), while the target came from elsewhere."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or target is None:
            return False
        for t in (t for o in objects for t in o.subtree):
            actor = self.ctx.actor_of(t)
            mention = self.ctx.mention_at(t.i)
            if actor is None and mention is not None:
                actor = mention.actor
                if actor is None:
                    return False  # a mention the story may tie to a side later
            if actor is not None and actor.country in self.sides:
                return False
        return True

    def _figurative_blow(self, verb: Token) -> bool:
        """An attack in words or measures, or on an idea or an institution of public life:
        struck "with penalties", attacked "our democracy" or "the American media"."""
        for child in verb.children:
            if child.dep_ == "dobj" and _ABSTRACT_TARGETS & {child.lemma_.lower(), child.lower_}:
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ == "with"
                and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in _PENALTIES | _VERBAL_BLOWS
                    for o in child.children
                )
            ):
                return True
        return False

    def _attack_named(self, tok: Token) -> bool:
        """An attack noun whose attacker is only its modifier ("Russian hacks", "Russia's
        attack on the election", "its hack") names an attack the reader knows of; the report
        of one says who carried it out ("Russia was behind the hack", "named the SVR as the
        perpetrator of the hack") or accuses someone of it, which the accusation codes."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "behind":
            return False
        return perpetrator(tok) is None and owner_token(tok) is not None

    def _faces_third_party(self, tok: Token) -> bool:
        """A deployment "near", "along" or "on the border with" a third party faces it."""
        heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
            if prep.lower_ not in ("near", "along", "toward", "towards", "against", "around"):
                continue
            for node in prep.subtree:
                actor = self.ctx.actor_of(node)
                if actor is not None and actor.country and actor.country not in self.sides:
                    return True
        return False

    def _other_side(self, source: ActorRef, tok: Token) -> ActorRef | None:
        """The watched side other than the source's, when the article names it as an actor and
        every third party of the sentence only hosts the deployment ("in Germany", "to
        Poland"), rather than taking part in it ("Russia and China held exercises")."""
        hosts = {
            p.i
            for verb in (tok, tok.head)
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "into", "at", "on")
            for p in prep.subtree
        }
        clause = tok.head if tok.pos_ in ("NOUN", "PROPN") else tok
        within = {t.i for t in clause.subtree}
        for start, actor in self.ctx.actors_in(tok.sent.start, tok.sent.end):
            if start not in within or start in hosts:
                continue
            if actor.country not in self.sides and actor.role != WEAK_ROLE:
                return None
        for code in self.sides:
            if code != source.country and code in self._article_sides:
                country = self.ctx.dictionary.countries[code]
                return ActorRef(country.name, code, "GOVERNMENT")
        return None

    def _voiced_by_other(self, tok: Token, speaker: ActorRef) -> bool:
        """The word is in what another actor of the sentence said."""
        node = tok
        for _ in range(8):
            head = node.head
            if head.i == node.i:
                return False
            if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in self.lex.speech_verbs:
                subj, passive = subject(head)
                if subj is not None and subj.lower_ in _FIRST_PERSON:
                    return False  # '"We have concluded that Putin is culpable," he said': his own
                other = self.ctx.actor_of(subj) if subj is not None and not passive else None
                return other is not None and other != speaker and other.name != speaker.name
            node = head
        return False

    def _pair_governments(self) -> tuple[ActorRef, ActorRef]:
        """The governments of the two watched sides, in the dyad's order."""
        a, b = (self.ctx.dictionary.countries[code] for code in self.sides)
        return ActorRef(a.name, a.code, "GOVERNMENT"), ActorRef(b.name, b.code, "GOVERNMENT")

    def _cue_form(self, tok: Token) -> str:
        """The lemma, or the word as written when only that is a cue ("disappointed" lemmatised
        "disappoint", "costs" lemmatised "cost")."""
        lemma = tok.lemma_.lower()
        if any(lemma in words for words in self.lex.cue_words.values()):
            return lemma
        return tok.lower_

    def _culprit_elsewhere(self, tok: Token) -> bool:
        """ "blamed X for Y", "accused X of Y": X, the one blamed, is no actor of a side."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("blame", "accuse", "fault"):
            return False
        return any(
            c.dep_ == "dobj"
            and c.pos_ == "NOUN"
            and not any(  # "blamed Western sanctions": the West is the culprit
                t.lower_ in ("west", "western") or self.ctx.actor_of(t) is not None
                for t in c.subtree
            )
            for c in tok.children
        )

    def _judges(self, verb: Token) -> bool:
        """A verb that judges or asks about an act rather than doing it ("condemned")."""
        return any(
            sense.type in ("ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "EVALUATE")
            for sense in self.senses(verb)
        )

    def _demand(self, verb: Token) -> list[Candidate]:
        """ "X told Y that Russia must act": a demand put in the words of obligation; one the
        speaker only should or could make ("leaders should insist that Russia ...") is not
        made."""
        if any(
            (c.dep_ == "aux" and c.lower_ in _UNMADE_MODALS) or c.dep_ == "neg"
            for c in verb.children
        ):
            return []
        for comp in verb.children:
            if comp.dep_ != "ccomp" or not (
                self._incumbent_on(comp) is not None
                or any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in comp.children)
                or self._mandated(comp)  # "insisted that Washington return the properties"
                or self._needs_act(comp)  # "told Lavrov that Russia needed to agree"
            ):
                continue
            if any(c.dep_ == "neg" for c in comp.children):
                continue
            speaker_tok, _ = subject(verb)
            bound = self._incumbent_on(comp)
            if bound is not None and speaker_tok is not None:
                # "told reporters it is incumbent upon Russia to fly safely": a demand
                source = self.ctx.actor_of(speaker_tok)
                if (
                    source is not None
                    and source.role != WEAK_ROLE
                    and {source.country, bound.country} == set(self.sides)
                ):
                    return [Candidate("REQUEST", "demand", source, bound, comp, 0.6)]
                continue
            subj, passive = subject(comp)
            if speaker_tok is None:
                continue
            target = self.ctx.actor_of(subj) if subj is not None and not passive else None
            if (
                comp.lemma_.lower() in _COGNITION
                and not self._needs_act(comp)
                and (comp.lemma_.lower() != "be" or target is not None)
            ):
                # "Moscow must understand that ...": a warning, not a demand to act; but
                # "told Putin that infrastructure should be off-limits" asks the one told
                continue
            if target is None:
                # "told Putin that critical infrastructure should be off-limits": the one told
                told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                target = next((a for a in map(self.ctx.actor_of, told) if a is not None), None)
            source = self._people_voice(verb, speaker_tok)
            if source is None or target is None or source.role == WEAK_ROLE:
                continue
            if {source.country, target.country} == set(self.sides):
                if self._braced_for_harm(comp):
                    return [Candidate("THREATEN", "force", source, target, comp, 0.6)]
                return [Candidate("REQUEST", "demand", source, target, comp, 0.6)]
        return []

    def _people_voice(self, verb: Token, speaker: Token) -> ActorRef | None:
        """The actor of a demand's speaker; "the Russians insisted", "the Russians, who are
        insisting": a side's people as a whole asking stand for its government, as they do
        for the acts of `_PEOPLE_SPEAK`."""
        actor = self.ctx.actor_of(speaker)
        if actor is not None and actor.role != WEAK_ROLE:
            return actor
        named = speaker
        if speaker.lower_ in ("who", "that") and verb.dep_ == "relcl":
            named = verb.head  # "the Russians, who are insisting that"
            actor = actor or self.ctx.actor_of(named)
        if actor is None or not self._people_as_side(named):
            return actor
        country = self.ctx.dictionary.countries[actor.country]
        return ActorRef(country.name, country.code, "GOVERNMENT")

    def _bound_to_act(self, verb: Token) -> tuple[Token, Token] | None:
        """The one an act is put on as a duty, in the words of obligation: "Russia has to
        leave", "it is (long past) time for Moscow to stop", "it is up to Russia to decide",
        "the onus is on Moscow to change", "put the onus on Russia to end", "Russia needs to
        act", "Russia must stop": the one bound and the word that binds it. None when the duty
        is denied ("does not have to"), a condition or a question, or looks back ("should
        have stopped")."""
        if self.ctx.sentence_of(verb.i).text.rstrip().endswith("?"):
            return None
        kids = list(verb.children)
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or verb.lemma_ == "be":
            return None  # "Russia should be held accountable": asked of whoever holds it
        if (
            verb.dep_ == "conj"
            and verb.head.i != verb.i
            and not any(c.dep_ == "nsubj" for c in kids)
        ):
            return self._bound_to_act(verb.head)  # "time for Russia to stop ... and to push"
        bound: Token | None = None
        frame = verb
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        head = verb.head
        if (
            verb.dep_ in ("ccomp", "advcl")
            and head.lemma_ == "be"
            and any(c.dep_ == "mark" and c.lower_ in ("that", "for") for c in kids)
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
            and any(
                c.dep_ == "acomp" and c.lemma_.lower() in _NECESSARY and not _negated(c)
                for c in head.children
            )
        ):
            # "it is essential that Russia withdraw", "it is vital for Moscow to stop"
            bound = next((c for c in kids if c.dep_ == "nsubj"), None)
            frame = head
        elif infinitive and head.i != verb.i:
            lemma = head.lemma_.lower()
            if (
                # the parser hangs "needed to stop" as a clause of purpose now and then
                (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and lemma == "need"))
                and lemma in ("have", "need")
                and not any(c.dep_ == "dobj" for c in head.children)  # "has had a month to"
                # "the U.S. had yet to inform Russia": what is not done yet, no duty put on it
                and not any(c.lower_ == "yet" for c in head.children)
            ):
                bound = next((c for c in head.children if c.dep_ == "nsubj"), None)
                frame = head
            elif verb.dep_ in ("xcomp", "advcl", "acl", "relcl"):
                frame = head
                if head.pos_ == "NOUN" and head.lemma_.lower() in _DUTY_NOUNS:
                    frame = head.head  # "time for Russia to stop" hangs on the noun
                holders = [frame, head]
                holders += [c for c in frame.children if c.dep_ in ("nsubj", "attr", "dobj")]
                preps = [c for h in (frame, head) for c in h.children if c.dep_ == "prep"]
                if any(h.lemma_.lower() in _DUTY_NOUNS for h in holders) or any(
                    p.lower_ == "up" for p in preps
                ):
                    # "up to Moscow", "the onus is on Russia", "put the onus on Russia"
                    for prep in preps:
                        inner = (
                            [prep]
                            if prep.lower_ in ("on", "upon")
                            else [p for p in prep.children if p.dep_ == "prep" and p.lower_ == "to"]
                            if prep.lower_ == "up"
                            else []
                        )
                        for p in inner:
                            bound = next((o for o in p.children if o.dep_ == "pobj"), bound)
                        if prep.lower_ == "up" and verb.lemma_.lower() in _CHOOSING:
                            return None  # "it is up to Washington to decide": its choice
                if (
                    bound is None
                    and any(c.dep_ == "mark" and c.lower_ == "for" for c in kids)
                    and any(h.lemma_.lower() in ("time", "moment") for h in holders)
                ):
                    # "it is (long past) time for Russia to stop"
                    bound = next((c for c in kids if c.dep_ == "nsubj"), None)
        elif any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in kids):
            if any(c.dep_ == "aux" and c.lower_ == "have" for c in kids):
                return None  # "should have stopped": blame for the past
            bound = next((c for c in kids if c.dep_ == "nsubj"), None)
        if bound is None or (bound.pos_ == "PRON" and bound.lower_ != "it"):
            return None  # "we should not", "they should read it": whom a pronoun means is a guess
        if any(sense.type in _HARM for sense in self.senses(verb)):
            return None  # "the U.S. would have to cut 755 staff": the speaker's own measure
        if verb.lemma_.lower() in _COGNITION:
            return None  # "Moscow must understand that ...": a warning, not a demand to act
        if frame is not verb and any(c.dep_ == "neg" for c in frame.children):
            return None  # "Russia does not have to", "it is not up to Moscow"
        node = frame
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in node.children):
                return None
            if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
                break
            node = node.head
        return bound, frame

    def _put_on_side(self, verb: Token) -> tuple[ActorRef, ActorRef] | None:
        """The side a speaker puts an act on as a duty (see `_bound_to_act`), and the speaker."""
        found = self._bound_to_act(verb)
        if found is None:
            return None
        bound, frame = found
        actor = self.ctx.actor_of(bound)
        if actor is None or actor.role == WEAK_ROLE or actor.country not in self.sides:
            return None
        speaker = self._duty_speaker(verb, frame)
        if speaker is None or {speaker.country, actor.country} != set(self.sides):
            return None
        if any(
            a.country == speaker.country
            for _, a in self.ctx.actors_in(bound.left_edge.i, bound.right_edge.i + 1)
        ):
            return None  # "Russian and U.S. forces should fight together": a duty both share
        return actor, speaker

    def _duty_speaker(self, verb: Token, frame: Token) -> ActorRef | None:
        """Who puts a duty into words: the one who "put the onus on" the other side, the
        speaker the clause is reported under, or the speaker of the quotation it stands in."""
        speaker = None
        if frame.lemma_.lower() in _PLACING:
            subj, passive = subject(frame)
            speaker = self.ctx.actor_of(subj) if subj is not None and not passive else None
        speaker = speaker or self._voice(verb)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return None
        return speaker

    def _person_believed(self, verb: Token) -> bool:
        """The one believed is a person ("believed Putin", "believed him"), not a country,
        which a believer's clause about it usually follows ("we believe Russia can help")."""
        for c in verb.children:
            if c.dep_ != "dobj":
                continue
            if c.lower_ in ("him", "her"):
                return True
            actor = self.ctx.actor_of(c)
            return actor is not None and actor.role not in _PRIVATE_ROLES
        return False

    @staticmethod
    def _word_taken(verb: Token) -> bool:
        """ "believed him", "trusts Putin", "believed the Russian leader when he denied it":
        the person believed is all the verb takes, with no clause of what is believed of him."""
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp", "oprd", "conj", "parataxis"):
                return False
            if c.dep_ == "advcl" and not any(
                m.dep_ == "advmod" and m.lower_ == "when" for m in c.children
            ):
                return False
            if c.dep_ == "dobj" and any(
                g.dep_ in ("acl", "relcl", "conj", "ccomp") or g.pos_ in ("VERB", "AUX")
                for g in c.children
            ):
                return False
        return True

    def _warned_to(self, verb: Token, target: ActorRef) -> bool:
        """A warning put to the other side to do something: "warned Moscow to stop"."""
        if verb.lemma_.lower() not in ("warn", "caution"):
            return False
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not any(self.ctx.actor_of(c) == target for c in told):
            return False
        return any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() not in _BRACING
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )

    def _readmission(self, tok: Token) -> list[Candidate]:
        """SUPPORT of the other side by one who pushes to take it back into a club: "called for
        Russia to be reinstated", "urged the G-7 to readmit Russia", "Trump's call for Russia's
        readmission", "raised allowing Russia back into the G-7"."""
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        backs = [c for c in kids if c.lower_ == "back"]
        backs += [
            g
            for c in kids
            if c.dep_ in ("ccomp", "xcomp")
            for g in c.children
            if g.lower_ == "back"
        ]
        backs += [c for c in kids if c.dep_ in ("ccomp", "xcomp") and c.lower_ == "back"]
        if lemma not in _BACK_INTO and not backs:
            return []  # "allowed Russia to ...", "invited Putin": no return to a club
        if any(t.lemma_.lower() in _NO_CLUB for t in tok.subtree):
            return []  # "bringing Moscow back into compliance": a demand, not a welcome
        taken = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "poss")]
        taken += [p for c in kids if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        taken += [g for b in backs for g in b.children if g.dep_ == "nsubj"]
        if tok.dep_ == "xcomp" or lemma in _BACK_INTO:
            taken += [c for c in tok.head.children if c.dep_ == "dobj"]  # "urged the G-7 to"
        node, source = tok, None
        for _ in range(6):
            if any(c.dep_ == "neg" for c in node.children):
                return []
            if node.i != tok.i:
                if node.pos_ in ("NOUN", "PROPN"):
                    owner = owner_token(node)
                    source = self.ctx.actor_of(owner) if owner is not None else None
                elif node.pos_ in ("VERB", "AUX"):
                    subj, passive = subject(node)
                    source = self.ctx.actor_of(subj) if subj is not None and not passive else None
                if source is not None and source.country in self.sides:
                    break
                source = None
            if node.head.i == node.i:
                break
            node = node.head
        source = source or reporter(self.ctx, tok, self.lex.speech_verbs)
        if source is None or source.role == WEAK_ROLE or source.country not in self.sides:
            return []
        target = next(
            (
                a
                for a in map(self.ctx.actor_of, taken)
                if a is not None and a.country in self.sides and a.role != WEAK_ROLE
            ),
            None,
        )
        if target is None and lemma in _BACK_INTO and tok.dep_ in ("advcl", "xcomp", "acl"):
            # "called for Russia, expelled over Crimea, to be reinstated": the parser loses the
            # subject; the other side named last before the word is the one taken back
            named = [
                a
                for start, a in self.ctx.actors_in(tok.sent.start, tok.i)
                if a.role != WEAK_ROLE and a.country in self.sides
            ]
            target = named[-1] if named else None
        if target is None or {source.country, target.country} != set(self.sides):
            return []
        if tok.sent.text.rstrip().endswith("?"):
            return []
        return [Candidate("SUPPORT", "endorse", source, target, tok, 0.55)]

    def _readmission_asked(self, tok: Token) -> bool:
        """What a request asks is the other side's return to a club ("urged the G-7 to let
        Russia back in"), which `_readmission` reads as backing of the other side."""
        return any(
            t.i != tok.i and t.lemma_.lower() in _READMITTING and self._readmission(t)
            for t in tok.subtree
        )

    def _ultimatum(self, mark: Token) -> list[Candidate]:
        """THREATEN of the side whose measure goes ahead "unless" the other side acts: "the
        withdrawal will be completed in six months unless Russia returns to compliance",
        "Pompeo's announcement starts a clock to withdraw unless Russia destroys the missiles"."""
        clause = mark.head
        main = clause.head
        if clause.dep_ != "advcl" or main.i == clause.i or clause.sent.text.rstrip().endswith("?"):
            return []
        subj, passive = subject(clause)
        target = self.ctx.actor_of(subj) if subj is not None and not passive else None
        if target is None or target.role == WEAK_ROLE or target.country not in self.sides:
            return []
        if any(c.dep_ == "neg" for c in main.children):
            # "sanctions should not be lifted unless Russia holds up its end": a condition on
            # easing, no threat; the act it waits for is asked of the other side (GUIDE: a
            # condition set on cooperating is a REQUEST)
            voiced = self._voiced_at(main, target)
            if voiced is None:
                return []
            return [Candidate("REQUEST", "demand", voiced[0], voiced[1], clause, 0.55)]
        head, passive = subject(main)
        source = self.ctx.actor_of(head) if head is not None and not passive else None
        if source is None and head is not None and head.pos_ == "NOUN":
            owner = owner_token(head)  # "Pompeo's announcement starts a 180-day clock"
            source = self.ctx.actor_of(owner) if owner is not None else None
        if source is None or source.country == target.country:
            source = self._voice(main)
        if source is None or source.role == WEAK_ROLE:
            return []
        if {source.country, target.country} != set(self.sides):
            return []
        return [Candidate("THREATEN", "ultimatum", source, target, mark, 0.5)]

    def _subject_warned(self, verb: Token) -> tuple[ActorRef, ActorRef] | None:
        """The speaker and the verb's subject, when the subject is a watched side that the
        words are said to ("Russia will face consequences", said Blinken)."""
        subj, passive = subject(verb)
        target = self.ctx.actor_of(subj) if subj is not None and not passive else None
        if target is None or target.country not in self.sides:
            return None
        return self._voiced_at(verb, target)

    def _voiced_at(self, tok: Token, target: ActorRef) -> tuple[ActorRef, ActorRef] | None:
        """The speaker of the words `tok` is in and the target, when they are the two watched
        sides (a side named only by its people stands for its government)."""
        speaker = self._voice(tok)
        if speaker is None or speaker.role == WEAK_ROLE:
            return None
        if {speaker.country, target.country} != set(self.sides):
            return None
        target = self._state_of(target)
        return speaker, target

    def _voice(self, tok: Token) -> ActorRef | None:
        """Who says the words `tok` is in: the reporting clause's speaker, else the speaker
        of the quotation around it."""
        return reporter(self.ctx, tok, self.lex.speech_verbs) or next(
            (who for start, end, who in self.ctx.quote_speakers if start <= tok.i < end), None
        )

    def _harm_intended(self, tok: Token, nominal: bool) -> bool:
        """A sanction put as what a side intends, plans or prepares to impose ("intends to
        impose additional sanctions", "is planning to expel diplomats"), the intention itself
        stated as fact (not negated, conditioned or asked)."""
        verb = tok.head if nominal else tok
        if nominal and (tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.light_verbs):
            return False
        head = verb.head
        if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in _INTENDING:
            return False
        if any(c.dep_ == "neg" for c in (*verb.children, *head.children)):
            return False
        return factuality(head, False, "THREATEN", self.lex) == FACT

    def _harm_agreed(self, tok: Token, nominal: bool) -> bool:
        """An economic sanction a side (with others) agrees to impose, with no day set for
        it: the infinitive under "agree", directly or through a "move swiftly to" between
        ("agreed to expel 60 Russians" is done as agreed)."""
        verb = tok.head if nominal else tok
        if nominal and (tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.light_verbs):
            return False
        if any(t.ent_type_ == "DATE" for t in verb.subtree):
            return False  # "agreed to impose sanctions from Monday": set to be done
        node = verb
        for _ in range(2):
            head = node.head
            if node.dep_ not in ("xcomp", "advcl") or head.i == node.i:
                return False
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return False
            if head.lemma_.lower() == "agree":
                return not any(c.dep_ == "neg" for c in head.children)
            node = head
        return False

    def _harm_faced(self, verb: Token) -> list[Candidate]:
        """THREATEN by a speaker of the harm they say the other side will or could face:
        "Pompeo said Russia could face new sanctions if it continued", "'Moscow will face
        consequences,' the White House said". A harm faced now, or denied, is no threat."""
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids) or verb.sent.text.rstrip().endswith("?"):
            return []
        future = any(c.dep_ == "aux" and c.lower_ in _PROSPECT_AUX for c in kids) or (
            verb.dep_ == "xcomp" and verb.head.lower_ == "going"
        )
        alternative = None if future else self._alternative_to(verb)
        if not future and alternative is None:
            return []
        harms = [c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in _HARMS]
        harms += [g for c in harms for g in c.conjuncts]
        if not harms:
            return []
        voiced = self._subject_warned(verb) if alternative is None else alternative
        if voiced is None:
            return []
        speaker, target = voiced
        mode = "sanctions" if any(h.lemma_.lower() in _PENALTIES for h in harms) else "retaliation"
        return [Candidate("THREATEN", mode, speaker, target, verb, 0.6)]

    def _alternative_to(self, verb: Token) -> tuple[ActorRef, ActorRef] | None:
        """ "called on Moscow to help defuse the crisis or face further sanctions", "Russia
        must withdraw or face consequences": a harm offered as the other choice to what a side
        is asked or bound to do is held over it. The asker (or the speaker) and the one asked."""
        asked = verb.head
        if verb.dep_ != "conj" or not any(
            c.dep_ == "cc" and c.lower_ == "or" for c in asked.children
        ):
            return None
        while asked.dep_ in ("xcomp", "conj") and asked.head.pos_ in ("VERB", "AUX"):
            if asked.head.lemma_.lower() in self.lex.speech_verbs | _ASKING:
                break
            asked = asked.head
        if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in asked.children):
            return self._subject_warned(asked)  # "Russia must withdraw or face ..."
        asker = asked.head
        if asked.dep_ not in ("xcomp", "advcl", "ccomp") or asker.lemma_.lower() not in _ASKING:
            return None
        subj, passive = self._subject_of(asker)
        if subj is None or passive:
            return None
        source = self._official_side(subj, self._actor_or_dyad(subj))
        if source is None or source.role == WEAK_ROLE or source.country not in self.sides:
            return None
        for tok in self._addressees(asker):
            target = self.ctx.actor_of(tok)
            if target is not None and {source.country, target.country} == set(self.sides):
                target = self._state_of(target)
                return source, target
        return None

    def _bill_advanced(self, bill: Token) -> list[Candidate]:
        """THREATEN by lawmakers of a sanctions bill they agree on or pass, not yet law:
        "Congress approved sanctions legislation against Russia", "leaders in Congress agreed
        on legislation that allows fresh sanctions on Russia", "reached a deal on the Russia
        sanctions bill". The bill must be about sanctions; the other side must be named."""
        if not any(t.lemma_.lower() in _PENALTIES for t in bill.subtree):
            return []
        node = bill
        if node.dep_ == "pobj" and node.head.lower_ in ("on", "for", "over"):
            node = node.head.head
            if node.pos_ == "NOUN" and node.lemma_.lower() in _DEAL_NOUNS:
                node = node.head if node.dep_ in ("dobj", "pobj", "nsubjpass") else node
                if node.dep_ == "prep":
                    node = node.head
        elif node.dep_ not in ("dobj", "nsubjpass"):
            return []
        else:
            node = node.head
        verb = node
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ADVANCING:
            return []
        if any(c.dep_ == "neg" for c in verb.children) or verb.sent.text.rstrip().endswith("?"):
            return []
        if any(c.dep_ == "aux" and c.lower_ in _UNREAL for c in verb.children):
            return []
        if self._bill_enacted_or_old(verb):
            return []
        subj, passive = subject(verb)
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is None:
            return []
        source = next(
            (
                a
                for t in subj.subtree
                if (a := self.ctx.actor_of(t)) is not None and a.role == "LEGISLATURE"
            ),
            None,
        )
        if source is None or source.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != source.country)
        target = next(
            (
                a
                for t in bill.subtree
                if (a := self.ctx.actor_of(t)) is not None and a.country == other
            ),
            None,
        )
        if target is None:
            target = next(
                (
                    a
                    for _, a in self.ctx.actors_in(bill.sent.start, bill.sent.end)
                    if a.country == other
                ),
                None,
            )
        if target is None:
            return []
        target = self._state_of(target)
        return [Candidate("THREATEN", "sanctions", source, target, bill, 0.6)]

    def _bill_enacted_or_old(self, verb: Token) -> bool:
        """The bill was since signed into law ("Trump signed it last week"), or its passing
        is recalled from long before ("in July", "more than a year ago")."""
        for t in verb.sent:
            if (
                t.lemma_.lower() == "sign"
                and t.tag_ in ("VBD", "VBN")
                and not any(c.dep_ in ("aux", "neg") and c.lower_ != "has" for c in t.children)
            ):
                return True
        for t in verb.doc:  # "signed the sanctions into law" anywhere in the story
            if (
                t.lower_ == "law"
                and t.head.lower_ == "into"
                and t.head.head.lemma_.lower() == "sign"
                and t.head.head.tag_ in ("VBD", "VBN", "VBG", "VBZ")
                and not any(
                    c.dep_ in ("aux", "neg") for c in t.head.head.children if c.lower_ != "has"
                )
            ):
                return True
        clause = [t for t in verb.subtree if t.dep_ not in _CLAUSAL or t.i == verb.i]
        if any(t.lower_ == "ago" for t in clause):
            return True
        day = self.ctx.day
        months = {m.lower() for m in _MONTH_NAMES}
        for t in clause:  # "in July": a month named bare, other than the story's own
            after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
            if (
                t.ent_type_ == "DATE"
                and t.lower_ in months
                and t.lower_ != _MONTH_NAMES[day.month - 1].lower()
                and not any(c.like_num for c in t.children)
                and not after.like_num
            ):
                return True
        said = find_date(" ".join(t.text for t in verb.children if t.ent_type_ == "DATE"), day)
        if said is None:
            said = find_date(
                "".join(t.text_with_ws for t in verb.subtree if t.ent_type_ == "DATE"), day
            )
        return said is not None and (day - said).days > 21

    def _harm_floated(self, noun: Token) -> list[Candidate]:
        """THREATEN of sanctions a side puts forward as a prospect: "discussed the possibility
        of putting in place further sanctions if Russia ...", "floated the possibility of new
        sanctions on the Russian military", "keeps the option of sanctions on the table"."""
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _FLOATING:
            return []
        verb = noun.head
        if _negated(verb) or verb.sent.text.rstrip().endswith("?"):
            return []
        if any(c.dep_ == "aux" and c.lower_ in _UNREAL for c in verb.children):
            return []
        harms = [
            t
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
            for t in prep.subtree
            if t.lemma_.lower() in _PENALTIES
        ]
        if not harms:
            return []
        subj, passive = subject(verb)
        source = None
        if subj is not None and not passive:
            source = next(
                (a for t in subj.subtree if (a := self.ctx.actor_of(t)) is not None), None
            )
        for said in verb.children:  # "The leaders, Obama added, discussed ..."
            if (
                source is None
                and said.dep_ == "parataxis"
                and said.lemma_.lower() in self.lex.speech_verbs
            ):
                teller, passive = subject(said)
                if teller is not None and not passive:
                    source = self.ctx.actor_of(teller)
        source = source or self._voice(verb)
        if source is None or source.role == WEAK_ROLE or source.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != source.country)
        named = [a for t in noun.subtree if (a := self.ctx.actor_of(t)) is not None]
        named += [a for _, a in self.ctx.actors_in(noun.sent.start, noun.sent.end)]
        target = next((a for a in named if a.country == other), None)
        if target is None:
            return []
        target = self._state_of(target)
        return [Candidate("THREATEN", "sanctions", source, target, noun, 0.55)]

    def _both_act(self, tok: Token, source: ActorRef, target: ActorRef) -> bool:
        """Both sides are the act's subject ("the United States and Russia accused"), or the
        pair stands for them ("the two sides")."""
        if source.role == _DYAD_ROLE or target.country == source.country:
            return source.role == _DYAD_ROLE
        verb = tok.head if tok.pos_ in ("NOUN", "PROPN") else tok
        subj, passive = subject(verb)
        if subj is None or passive:
            return False
        if subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "between the United States and Russia, which accused each other"
        named = {a.country for t in (subj, *subj.conjuncts) if (a := self.ctx.actor_of(t))}
        return named >= set(self.sides)

    def _indicted_side(self, noun: Token) -> ActorRef | None:
        """The watched side whose people an indictment named as a noun is brought against
        ("the indictment of 12 Russians", "indictments against Russian officers"), when
        no one owns it and the other watched side is named in the story."""
        if noun.lemma_.lower() not in _INDICTING:
            return None
        owner = owner_token(noun)
        if owner is not None and not self._owner_apart(owner, noun):
            return None
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "against"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.tag_ not in ("NNS", "NNPS"):
                    continue  # people charged ("12 Russians", "GRU officers"), not "Trump"
                actor = self.ctx.actor_of(pobj)
                if actor is None or actor.country not in self.sides:
                    continue
                other = next(code for code in self.sides if code != actor.country)
                if other in self._article_sides:
                    return actor
        return None

    def _owner_apart(self, owner: Token, noun: Token) -> bool:
        """Whether the word `owner_token` gives for an indictment leaves the charging state
        open: a plain quality ("new", "recent" indictments) or a home prosecutor the actor
        dictionary does not know ("Mueller's indictment against 13 Russians")."""
        if owner.dep_ == "amod" and owner.pos_ == "ADJ":
            return True
        if owner.dep_ != "poss" or owner.pos_ != "PROPN":
            return False
        return self.ctx.actor_of(owner) is None

    @staticmethod
    def _reciprocal(tok: Token) -> bool:
        """The act goes both ways: "accused each other", "blamed one another", "traded
        accusations", "exchanged threats"."""
        verb = tok.head if tok.pos_ in ("NOUN", "PROPN") else tok
        if verb.lemma_.lower() in ("trade", "exchange"):
            return True
        for t in verb.subtree:
            if t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one"):
                return True
            if t.lower_ == "another" and t.i > 0 and t.doc[t.i - 1].lower_ == "one":
                return True
        return False

    def _proposal_ruled_out(self, verb: Token) -> list[Candidate]:
        """REJECT by a side that says a proposal is unacceptable: "Russia said the draft was
        unacceptable", '"The US demands are a non-starter," Lavrov said'. The proposal's
        owner, or the other side the story answers (see `answered`), is the target."""
        kids = list(verb.children)
        if any(c.dep_ == "neg" or c.lower_ in _UNREAL for c in kids):
            return []
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in _PROPOSALS:
            return []
        said = [c for c in kids if c.dep_ in ("acomp", "attr")]
        if not any(c.lemma_.lower() in _RULED_OUT or c.lower_ in _RULED_OUT for c in said):
            return []
        speaker = self._voice(verb)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != speaker.country)
        owners = [a for t in subj.subtree if (a := self.ctx.actor_of(t)) is not None]
        if any(a.country != other for a in owners):
            return []  # "our plan", "Ukraine's proposal": not the other side's
        owner = next((a for a in owners if a.country == other), None)
        guessed = owner is None
        if owner is None or owner.role == WEAK_ROLE:
            land = self.ctx.dictionary.countries[other]
            owner = ActorRef(land.name, other, "GOVERNMENT")
        return [Candidate("REJECT", "offer", speaker, owner, verb, 0.5, guessed=guessed)]

    def _deadline_set(self, verb: Token) -> list[Candidate]:
        """THREATEN by a side that gives the other side a deadline to act (an ultimatum,
        GUIDE): "Pompeo said Russia had 60 days to return to compliance", "Moscow has until
        Friday to release them". Only "have", with a span or "until" and an infinitive."""
        if verb.lemma_ != "have" or _negated(verb) or verb.sent.text.rstrip().endswith("?"):
            return []
        kids = list(verb.children)
        spans = [c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in _SPANS]
        spans = [c for c in spans if any(g.dep_ == "nummod" for g in c.children)]
        until = [c for c in kids if c.dep_ == "prep" and c.lower_ == "until"]
        acts = [g for c in spans for g in c.children if g.dep_ in ("relcl", "acl")]
        acts += [c for c in kids if c.dep_ in ("advcl", "xcomp")] if until or spans else []
        acts = [a for a in acts if any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)]
        if not acts:
            return []
        voiced = self._subject_warned(verb)
        if voiced is None:
            return []
        speaker, target = voiced
        return [Candidate("THREATEN", "ultimatum", speaker, target, verb, 0.55)]

    def _condition_set(self, mark: Token) -> list[Candidate]:
        """REQUEST by a side that sets the other side's act as the condition of something:
        "the plan can only work if the US rules out force", "ties will not improve until
        Moscow changes its stance" (GUIDE: a condition set on cooperating is a REQUEST)."""
        clause = mark.head
        main = clause.head
        if clause.dep_ != "advcl" or main.i == clause.i:
            return []
        if mark.sent.text.rstrip().endswith("?"):
            return []
        before = mark.doc[mark.i - 1] if mark.i > 0 else mark
        if mark.lower_ == "until":
            if not any(c.dep_ == "neg" for c in main.children):
                return []  # "talks went on until Russia left": a time, not a condition
        elif before.lower_ != "only" and not any(
            c.dep_ == "advmod" and c.lower_ == "only" for c in main.children
        ):
            return []
        subj, passive = subject(clause)
        target = self.ctx.actor_of(subj) if subj is not None and not passive else None
        if target is None or subj is None:
            return []
        if target.role == WEAK_ROLE and self.ctx.mention_at(subj.i) is None:
            return []
        voiced = self._voiced_at(main, target)
        if voiced is None:
            return []
        speaker, target = voiced
        inside = {t.i for t in clause.subtree}
        if any(t.lemma_.lower() in _PENALTIES for t in main.subtree if t.i not in inside):
            # "sanctions could be adopted only if Russia interferes again": a harm held over
            # the other side on a condition threatens it
            return [Candidate("THREATEN", "sanctions", speaker, target, clause, 0.55)]
        return [Candidate("REQUEST", "demand", speaker, target, clause, 0.55)]

    def _blow_on_condition(self, mark: Token) -> list[Candidate]:
        """THREATEN by a side that says it will strike the other if the other acts: "Putin said
        Russia would target American cities if Washington deployed missiles", "we will respond
        if they impose sanctions" (a condition held over the other side, not a wish)."""
        clause, main = mark.head, mark.head.head
        if mark.lower_ != "if" or clause.dep_ != "advcl" or main.i == clause.i:
            return []
        if main.lemma_.lower() not in _HELD_BLOWS or mark.sent.text.rstrip().endswith("?"):
            return []
        kids = list(main.children)
        if any(c.dep_ == "neg" for c in kids) or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in kids
        ):
            return []
        subj, passive = subject(clause)
        target = self.ctx.actor_of(subj) if subj is not None and not passive else None
        doer_tok, doer_passive = subject(main)
        doer = self.ctx.actor_of(doer_tok) if doer_tok is not None and not doer_passive else None
        if target is None or doer is None:
            return []
        voiced = self._voiced_at(main, target)
        if voiced is None or voiced[0].country != doer.country:
            return []
        return [Candidate("THREATEN", "force", voiced[0], voiced[1], main, 0.55)]

    def _own_claim_disputed(self, tok: Token, source: ActorRef) -> bool:
        """What a side disputes or dismisses is a claim its own side, or someone of no side
        named by a pronoun or a name, put forward ("dismissed the intelligence community's
        assessment", "disputed his version of events"): not the other side's charge."""
        for obj in tok.children:
            if obj.dep_ != "dobj":
                continue
            if self.ctx.actor_of(obj) is not None:
                continue  # "denied his country had a hand": the side itself, no claim
            makers = [
                t
                for c in obj.children
                if c.dep_ in ("compound", "amod")
                or (c.dep_ == "prep" and c.lower_ in ("of", "by", "from"))
                for t in c.subtree
            ]
            if any(
                (a := self.ctx.actor_of(t)) is not None
                and a.country == source.country
                and a.role != WEAK_ROLE
                for t in makers
            ):
                return True  # "disputed the findings of US intelligence agencies"
            holder = next((c for c in obj.children if c.dep_ == "poss"), None)
            if holder is None:
                continue
            owner = self.ctx.actor_of(holder)
            if owner is not None and owner.country == source.country:
                return True
            if (
                owner is None
                and holder.pos_ in ("PRON", "PROPN")
                and holder.lower_
                not in (
                    "its",
                    "their",
                )
            ):
                return True
        return False

    def _blow_anchors(self, verb: Token) -> list[Token]:
        """The verb of a blow and the verbs that carry its promise: the head of a coordinated
        verb ("would build rockets and point them at"), of "forced to", "have to", "ready to",
        and of "have no choice but to"."""
        out = [verb]
        node = verb
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                break
            coordinated = node.dep_ == "conj" and head.pos_ in ("VERB", "AUX")
            driven = node.dep_ in ("xcomp", "acomp") and head.lemma_.lower() in _DRIVEN_TO | {"be"}
            if node.dep_ == "pcomp" and head.lower_ == "but" and head.head.lemma_ == "choice":
                head = head.head.head  # "have no choice but to": the promise is on "have"
            elif not (coordinated or driven):
                break
            out.append(head)
            node = head
        return out

    def _blow_held(self, verb: Token) -> list[Candidate]:
        """THREATEN by a side whose speaker says it will strike the other side, or will if
        the other side acts: "Putin said Russia would build rockets and point them at American
        cities", "Moscow would be forced to respond if Washington sends troops", "US drones
        would be shot down". The blow is promised ("will", "would"), not denied nor asked;
        the other side is the one in its condition or what the blow falls on."""
        lemma = verb.lemma_.lower()
        kids = list(verb.children)
        preps = _BLOW_PREPS.get(lemma)
        shot_down = lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in kids)
        aimed = preps is None or any(c.dep_ == "prep" and c.lower_ in preps for c in kids)
        if not (aimed or shot_down):
            return []
        if verb.sent.text.rstrip().endswith("?"):
            return []
        anchors = self._blow_anchors(verb)
        if any(
            c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS | {"when"})
            for a in anchors
            for c in a.children
        ):
            return []
        if not any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall")
            for a in anchors
            for c in a.children
        ):
            return []
        speaker = self._voice(verb)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != speaker.country)
        doer_tok, passive = None, False
        for anchor in anchors:
            doer_tok, passive = subject(anchor)
            if doer_tok is not None:
                break
        struck: list[Token] = []
        if passive and doer_tok is not None and anchors[-1].lemma_.lower() not in _DRIVEN_TO:
            struck.append(doer_tok)  # "drones would be shot down": what the blow falls on
        elif doer_tok is not None:
            doer = self.ctx.actor_of(doer_tok)
            if doer is not None and doer.country != speaker.country:
                return []  # the other side's blow, or a third party's
        struck += [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        struck += [
            o
            for c in kids
            if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "against", "to")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        target = None
        for tok in (t for s in struck for t in s.subtree):
            actor = self.ctx.actor_of(tok)
            if actor is not None and actor.country == other:
                target = actor
                break
        if target is None:
            for anchor in anchors:
                for clause in anchor.children:
                    if clause.dep_ != "advcl" or not any(
                        m.dep_ == "mark" and m.lower_ in _BLOW_CONDITIONS for m in clause.children
                    ):
                        continue
                    subj, cpassive = subject(clause)
                    actor = self.ctx.actor_of(subj) if subj is not None and not cpassive else None
                    if actor is not None and actor.country == other:
                        target = actor
        if target is None:
            return []
        target = self._state_of(target)
        return [Candidate("THREATEN", "force", speaker, target, verb, 0.55)]

    def _state_of(self, target: ActorRef) -> ActorRef:
        """A side's people named loosely ("the Russians", "Americans") stand for its state as
        the one a threat or sanction is aimed at; any other target is kept as it is."""
        if target.role != WEAK_ROLE:
            return target
        country = self.ctx.dictionary.countries[target.country]
        return ActorRef(country.name, country.code, "GOVERNMENT")

    def _consequences_warned(self, verb: Token) -> list[Candidate]:
        """THREATEN by a speaker who says an act would bring harm: "Lavrov told the secretary
        that further steps would have grave consequences", "said any decision by Washington to
        arm Kyiv would do colossal damage". The act's side, or the one told, is the target."""
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids) or verb.sent.text.rstrip().endswith("?"):
            return []
        if not any(c.dep_ == "aux" and c.lower_ in _PROSPECT_AUX for c in kids):
            return []
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _WARNED_HARMS for c in kids):
            return []
        subj, passive = subject(verb)
        if subj is None or passive or subj.pos_ not in ("NOUN", "PROPN"):
            return []
        if self.ctx.mention_at(subj.i) is not None:
            return []  # "Russia will have consequences": the side itself, no act of it
        speaker = self._voice(verb)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != speaker.country)
        told = verb.head if verb.dep_ == "ccomp" else None
        heard = [c for c in told.children if c.dep_ in ("dobj", "dative")] if told else []
        target = None
        for tok in [*heard, subj, *subj.subtree]:
            actor = self.ctx.actor_of(tok)
            if actor is not None and actor.country == other:
                target = actor
                break
        if target is None:
            return []
        target = self._state_of(target)
        return [Candidate("THREATEN", "retaliation", speaker, target, verb, 0.6)]

    def _obligation_request(self, verb: Token) -> list[Candidate]:
        """A REQUEST of the side a speaker puts an act on as a duty: "McMaster said Russia had
        to ask hard questions", '"It is long past time for Russia to stop," Haley said'."""
        found = self._put_on_side(verb)
        if found is None:
            return []
        target, speaker = found
        if self._braced_for_harm(verb):
            # "Russia should get ready for missiles", "Moscow must brace for sanctions": told
            # to expect a harm, the other side is threatened, not asked to act
            return [Candidate("THREATEN", "force", speaker, target, verb, 0.6)]
        return [Candidate("REQUEST", "demand", speaker, target, verb, 0.6)]

    def _harm_coming(self, noun: Token) -> list[Candidate]:
        """THREATEN by a side that says penalties on the other side are on their way: "Mnuchin
        announced that new sanctions on Russia were imminent", '"Russian sanctions will be
        coming down," Haley said'. The speaker is the source; the side the penalties are on
        (named in the noun's own phrase) the target."""
        if noun.dep_ != "nsubj" or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return []  # "no new sanctions were imminent": none are
        verb = noun.head
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids) or verb.sent.text.rstrip().endswith("?"):
            return []
        lemma = verb.lemma_.lower()
        coming = lemma in ("come", "follow") and (
            verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in kids)
        )
        due = lemma == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _IMMINENT for c in kids
        )
        # "if Russia continues on this path, the costs on Russia will grow": a harm promised
        # on the other side's act
        promised = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in kids)
        on_condition = [
            s
            for c in kids
            if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        if not (coming or due or (promised and on_condition)):
            return []
        if not (coming or due) and any(
            c.dep_ == "prep"
            and not any(
                (a := self.ctx.actor_of(t)) is not None and a.country in self.sides
                for t in c.subtree
            )
            for c in noun.children
        ):
            return []  # "the costs of gas will rise", "the costs for Ukraine": no harm to a side
        speaker = self._voice(verb)
        if speaker is None or speaker.role == WEAK_ROLE or speaker.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != speaker.country)
        target = next(
            (
                a
                for t in [*noun.subtree, *on_condition]
                if (a := self.ctx.actor_of(t)) is not None and a.country == other
            ),
            None,
        )
        if target is None:
            return []
        target = self._state_of(target)
        return [Candidate("THREATEN", "sanctions", speaker, target, noun, 0.55)]

    def _done_despite(self, prep: Token) -> list[Candidate]:
        """REJECT by a side that acts despite the other side's plea, request, demand or
        warning: "Russia was granting Snowden asylum despite a personal plea from Obama",
        "coalition missions continued despite a request from Russia to stay out". The plea's
        owner (its possessor, its "from" or "by" phrase) is the target; the acting clause's
        subject the source."""
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or verb.sent.text.rstrip().endswith("?"):
            return []
        asks = [c for c in prep.children if c.dep_ == "pobj"]
        asks += [g for a in asks for g in a.conjuncts]
        asks = [a for a in asks if a.lemma_.lower() in _PLEAS]
        if not asks:
            return []
        target = None
        for ask in asks:
            owners = [c for c in ask.children if c.dep_ in ("poss", "compound", "amod")]
            owners += [
                o
                for p in ask.children
                if p.dep_ == "prep" and p.lower_ in ("from", "by")
                for o in p.children
                if o.dep_ == "pobj"
            ]
            target = next((a for o in owners if (a := self.ctx.actor_of(o)) is not None), None)
            if target is not None:
                break
        if target is None or target.country not in self.sides:
            return []
        source, _, _ = self._source(verb, False, "REJECT")
        if source is None or source.role == WEAK_ROLE:
            return []
        if {source.country, target.country} != set(self.sides):
            return []
        target = self._state_of(target)
        return [Candidate("REJECT", "demand", source, target, prep, 0.55)]

    def _hoped_of(self, verb: Token) -> list[Candidate]:
        """REQUEST by a side that hopes the other side will act: "Lavrov said he hopes that
        the U.S. will follow the line", '"Let us hope the Kremlin will live by its promise,"
        Psaki posted', "we would prefer that Russia stop". The one hoped to act is the
        subject of the hoped-for clause; the speaker is the hoper or the one whose words
        these are."""
        if _negated(verb) or verb.sent.text.rstrip().endswith("?"):
            return []
        hoper, passive = subject(verb)
        if passive:
            return []
        source = None
        if hoper is not None and hoper.pos_ != "PRON":
            source = self.ctx.actor_of(hoper)
        source = source or self._voice(verb)
        if source is None or source.role == WEAK_ROLE or source.country not in self.sides:
            return []
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        clauses += [g for c in clauses for g in c.conjuncts if g.dep_ == "conj"]
        for clause in clauses:
            kids = list(clause.children)
            if clause.lemma_.lower() in _UNDERGONE or any(
                c.dep_ == "mark" and c.lower_ in _UNREAL for c in kids
            ):
                continue
            subj, passive = subject(clause)
            if subj is None or passive or subj.pos_ == "PRON":
                continue
            target = self.ctx.actor_of(subj)
            if target is None or target.role == WEAK_ROLE:
                continue
            if {source.country, target.country} != set(self.sides):
                continue
            wished = verb.lower_.startswith("prefer") or any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in kids
            )
            if wished:
                return [Candidate("REQUEST", "appeal", source, target, clause, 0.55)]
        return []

    @staticmethod
    def _braced_for_harm(verb: Token) -> bool:
        """The duty put on a side is to brace for a harm: "get ready for missiles", "brace
        for sanctions", "expect a tough response", "prepare for consequences"."""
        if verb.lemma_.lower() not in _BRACING:
            return False
        heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "oprd"))]
        things = [c for h in heads for c in h.children if c.dep_ == "dobj"]
        things += [
            p
            for h in heads
            for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        things += [  # "get ready for missiles to be fired": the harm heads a for-clause
            s
            for h in heads
            for clause in h.children
            if clause.dep_ in ("advcl", "ccomp", "xcomp")
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
            for s in clause.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
        return any(t.lemma_.lower() in _HARMS | _WEAPONS for t in things)

    def _requested(self, verb: Token) -> bool:
        """An act asked for or needed, not done: "appealed to Moscow to free him", "pushed
        Putin to accept the ceasefire", "Russia needed to agree"."""
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "advcl", "ccomp") or node.head.i == node.i:
                return False
            if node.dep_ == "advcl" and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children
            ):
                return False
            head = node.head
            if head.lemma_.lower() in _NEEDING and node.dep_ == "xcomp":
                return True
            if node.dep_ != "ccomp" and any(
                sense.type == "REQUEST" and self._fits(head, sense) for sense in self.senses(head)
            ):
                return True
            if node.dep_ == "ccomp":
                return False
            node = head
        return False

    def _incumbent_on(self, comp: Token) -> ActorRef | None:
        """ "It is incumbent upon Russia to ...": the side an obligation is put on."""
        for adj in comp.children:
            if adj.dep_ != "acomp" or adj.lemma_.lower() not in ("incumbent", "obliged"):
                continue
            for prep in adj.children:
                if prep.dep_ == "prep" and prep.lower_ in ("upon", "on"):
                    for pobj in prep.children:
                        actor = self.ctx.actor_of(pobj) if pobj.dep_ == "pobj" else None
                        if actor is not None:
                            return actor
        return None

    def _request_content(self, verb: Token) -> frozenset[int]:
        """Token positions of the clauses that say what is asked for ("guarantees that NATO
        would not expand"), under the request's object or its "for" phrase."""
        return frozenset(
            t.i
            for thing in _asked_things(verb)
            if self.ctx.actor_of(thing) is None
            for c in thing.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            for t in c.subtree
        )

    def _addressed_outside(self, verb: Token, content: frozenset[int]) -> bool:
        """A third party named outside the request's content: the one asked, perhaps."""
        return any(
            start not in content and actor.country not in self.sides and actor.role != WEAK_ROLE
            for start, actor in self.ctx.actors_in(verb.sent.start, verb.sent.end)
        )

    @staticmethod
    def _needs_act(verb: Token) -> bool:
        """ "Russia needs to agree": an obligation to act put in the words of need."""
        return (
            verb.lemma_.lower() in _NEEDING
            and not any(c.dep_ == "neg" for c in verb.children)
            and any(c.dep_ == "xcomp" for c in verb.children)
        )

    @staticmethod
    def _will_not(verb: Token) -> bool:
        kids = list(verb.children)
        return any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll", "can", "ca", "could")
            for c in kids
        )

    @staticmethod
    def _mandated(verb: Token) -> bool:
        """A bare-form clause under a verb of demanding: the subjunctive of "insisted that
        Washington return the properties", "demanded that Moscow free him"."""
        return (
            verb.dep_ == "ccomp"
            and verb.tag_ == "VB"
            and verb.head.lemma_.lower() in _MANDATIVE
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children)
        )

    def _pick_target(
        self, tok: Token, source: ActorRef, skip: set[int], kind: str
    ) -> ActorRef | None:
        if kind in _ADDRESSED and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ not in ("dobj", "dative") or child.i in skip:
                    continue
                addressee = self.ctx.actor_of(child)
                if child.lower_ in _OTHER_PEOPLE and self.ctx.mention_at(child.i) is None:
                    return ActorRef("third party", "", "COUNTRY")  # "thanked allies"
                if addressee == source and self.ctx.mention_at(child.i) is None:
                    continue  # "his first comment" is a thing said, not the one it is said to
                if (
                    addressee is not None
                    and addressee.country == source.country
                    and addressee.role != WEAK_ROLE  # "protested the detention of a Russian"
                    and self._objectish(child, strict=True)
                ):
                    # "Democrats urged Trump to cancel": a request at home, aimed at no one else
                    # ("demanded his release" names a thing asked for, not the one asked)
                    return ActorRef("own side", "", "COUNTRY")
        third_party = home = False
        for actor in targets(self.ctx, tok, skip, kind in _SPEECHLIKE):
            if kind == "ACCUSE" and actor == source and self._self_by_pronoun(tok, source):
                # "called the measures a regrettable act but said it is studying them": the
                # speaker speaking of itself is not the one it judges
                continue
            if actor.country == source.country:
                # "McCain called it the most disgraceful by an American president": criticism
                # of one's own leaders is aimed at no one abroad
                home = home or (kind == "ACCUSE" and actor.role != WEAK_ROLE)
                continue
            if actor.country in self.sides:
                return actor
            third_party = True
        if third_party:
            return ActorRef("third party", "", "COUNTRY")
        if home:
            return ActorRef("own side", "", "COUNTRY")
        return None

    def _self_by_pronoun(self, tok: Token, source: ActorRef) -> bool:
        """The source is taken up under the trigger only by a pronoun ("it", "its impact") in
        a verb coordinated with the trigger ("... but said it is studying its impact"): the
        speaker going on to speak of itself; never by name ("Trump accused Obama") nor in the
        trigger's own words ("accused the rebels of carrying it out")."""
        own = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        later = {
            t.i
            for c in tok.children
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            for t in c.subtree
        }
        pronoun = False
        for word in tok.subtree:
            if word.i in own or self.ctx.actor_of(word) != source:
                continue
            if word.i in later and (
                word.pos_ == "PRON"
                or any(c.pos_ == "PRON" and c.dep_ == "poss" for c in word.children)
            ):
                pronoun = True  # "it", "its impact"
                continue
            return False
        return pronoun

    def _conj_partner(
        self, tok: Token, source: ActorRef, kind: str, nominal: bool
    ) -> ActorRef | None:
        """ "Putin and Biden met": the coordinated subject is the other party."""
        if kind not in _SYMMETRIC and kind != "AGREE":
            return None
        verb = governing_verb(tok) if nominal else tok
        subj = self._subject_of(verb)[0] if verb is not None else None
        if subj is None:
            return None
        for conj in subj.conjuncts:
            actor = self.ctx.actor_of(conj) or self._office_of(conj)
            if actor is not None and actor.country != source.country:
                return actor
        for tok_in in subj.subtree:  # "American and Russian negotiators met"
            if tok_in.dep_ == "conj":
                actor = self.ctx.actor_of(tok_in)
                if actor is not None and actor.country != source.country:
                    return actor
        for tok_in in self._modifiers(subj):  # "senior U.S. and Russian officials agreed"
            actor = self.ctx.actor_of(tok_in)
            if (
                actor is not None
                and actor.country in self.sides
                and actor.country != source.country
            ):
                return actor
        return None

    def _fallback(
        self,
        tok: Token,
        source: ActorRef,
        kind: str,
        force: bool = False,
        ignore: frozenset[int] = frozenset(),
    ) -> ActorRef | None:
        """The other watched side named in the sentence, else in the sentence before.

        For force (`force`), the side that reports the act is not what it is aimed at:
        "Russia massed troops near Ukraine, according to U.S. intelligence". Mentions at
        `ignore` (what a request is about, not whom it asks) are passed over.
        """
        witness = reporter(self.ctx, tok, self.lex.speech_verbs) if force else None
        named = [
            (start, actor)
            for start, actor in self.ctx.actors_in(tok.sent.start, tok.sent.end)
            if start not in ignore and not under_topic(self._mention_head(start))
        ]
        others = [
            (abs(start - tok.i), actor)
            for start, actor in named
            if actor.country in self.sides and actor.country != source.country and actor != witness
        ]
        if others:
            return min(others, key=lambda pair: pair[0])[1]
        if any(actor.country not in self.sides and actor.role != WEAK_ROLE for _, actor in named):
            return None  # a third party is in the sentence: the act may be aimed at it
        if kind in _SYMMETRIC:
            return None  # a meeting needs its other party named in the sentence
        if kind == "CONCEDE":
            # "Flynn eventually had to back down", "the department dropped its charges": giving
            # way to the other side names it in the sentence; one named only before is a guess
            return None
        # The other side as an actor of the sentence before: "The Kremlin rejected the
        # allegation" after the sentence that made it. Farther than that, on long real
        # articles, the other side named anywhere is as often a third party's story.
        index = self.ctx.sentence_index(tok.sent.start)
        before = self.ctx.sentences[max(0, index - LOCAL_WINDOW)].start
        near = {
            a.country for _, a in self.ctx.actors_in(before, tok.sent.start) if a.role != WEAK_ROLE
        }
        if kind == "REJECT" and self._denies_charge(tok):
            # "The Kremlin denied any role": a denial answers the charge the story reports,
            # which the other side made when the story names it as an actor
            near = near | self._article_sides
        for code in self.sides:
            if code != source.country and code in near:
                country = self.ctx.dictionary.countries[code]
                return ActorRef(country.name, code, "GOVERNMENT")
        return None

    def _thing_threatened(self, verb: Token) -> bool:
        """A passive threat whose subject names no actor: "the vision of a free Europe is
        threatened by Russia's aggression" is a danger to a thing, aimed at no side."""
        if verb.tag_ != "VBN":
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.pos_ == "PRON":
            return False
        return not any(self.ctx.actor_of(t) is not None for t in subj.subtree)

    def _doer_named(self, tok: Token, target: ActorRef) -> bool:
        """The side an attack would hit is named as its doer: a modifier of the attack or of
        what it is listed under ("Russian hacking", "malign Russian cyber activity, including
        intrusions"), or the one behind it ("alleging Russia itself was behind the hacks")."""
        node = tok
        for _ in range(6):
            for child in node.children:
                if child.dep_ in _OWNER_DEPS and child.i != tok.i:
                    actor = self.ctx.actor_of(child)
                    if actor is not None and actor.country == target.country:
                        return True
            if node.dep_ == "pobj" and node.head.lower_ == "behind":
                # the nearest actor before the verb: its subject, or, where the parser lost
                # it ("alleging Russia itself was behind"), the one just before it
                holder = node.head.head
                for i in range(holder.i - 1, max(node.sent.start, holder.i - 4) - 1, -1):
                    actor = self.ctx.actor_of(self.ctx.doc[i])
                    if actor is not None:
                        return actor.country == target.country
                return False
            if node.dep_ in ("conj", "appos"):
                node = node.head
            elif node.dep_ == "pobj" and node.head.lower_ in _LISTING_PREPS:
                node = node.head.head
            else:
                return False
        return False

    def _report_faulted(self, verb: Token, source: ActorRef) -> bool:
        """What the criticism is of (its object, or what it is "for" or "over") is a report,
        a document or news, and names no one of the other side as its author."""
        faulted = [c for c in verb.children if c.dep_ == "dobj"]
        faulted += [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("for", "over")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not any(f.lemma_.lower() in _REPORTS for f in faulted):
            return False
        for f in faulted:
            if self.ctx.mention_at(f.i) is not None:
                return False  # "rebuked Moscow for its report"
            for child in f.children:
                if child.dep_ in _OWNER_DEPS:
                    actor = self.ctx.actor_of(child)
                    if actor is not None and actor.country != source.country:
                        return False  # "condemned the Russian report"
        return True

    def _menace(self, tok: Token) -> bool:
        """A "threat" that names no harm held over anyone is a danger someone poses ("Russia's
        threat to Euro-Atlantic security", "the Russian cyber threat", "briefed lawmakers about
        Russia's new threat"), not a threat made: one made names what it holds out ("the threat
        of sanctions", "its threat to retaliate", "threats that it would strike") or is made,
        carried out or dropped ("made good on his threat", "withdraw its threat")."""
        if tok.lemma_.lower() != "threat":
            return False
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return False
            if child.dep_ in ("acl", "relcl", "ccomp") and any(
                g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that") for g in child.children
            ):
                return False
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        return head.lemma_.lower() not in _THREAT_HANDLING

    def _release_asked(self, tok: Token, source: ActorRef) -> bool:
        """A demand whose object is a release ("demanded her release", "called for the
        release of the sailors") of someone who is not of the other side, in a story that
        names the other side as an actor."""
        if source.country not in self.sides or tok.pos_ != "VERB":
            return False
        other = next(code for code in self.sides if code != source.country)
        if other not in self._article_sides:
            return False
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        objects += [  # "called for the release of", not "hours after the release of the memo"
            p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
        ]
        for obj in objects:
            if obj.lemma_.lower() not in ("release", "freedom", "return"):
                continue
            held = [self.ctx.actor_of(t) for t in obj.subtree if t.i != obj.i]
            return not any(a is not None and a.country == other for a in held)
        return False

    def _side_named_near(self, tok: Token, country: str) -> bool:
        """Someone or something of the side is named in the word's sentence or in the one
        before or after it."""
        sentences = self.ctx.sentences
        at = self.ctx.sentence_index(tok.i)
        start = sentences[max(0, at - 1)].start
        end = sentences[min(len(sentences) - 1, at + 1)].end
        return any(named.country == country for _, named in self.ctx.actors_in(start, end))

    def _joint_with(self, tok: Token, target: ActorRef) -> bool:
        """The target's side is among those who make the joint statement: the subject of the
        verb that issues it ("Obama and Putin issued"), its owner ("their"), or its partner
        ("with Moscow")."""
        verb = governing_verb(tok)
        parties = [c for c in tok.children if c.dep_ in ("poss", "compound")]
        parties += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _PARTNERING]
        if verb is not None:
            parties += [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
            parties += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PARTNERING]
        return any(
            (actor := self.ctx.actor_of(t)) is not None and actor.country == target.country
            for node in parties
            for t in node.subtree
        )

    def _yielded_to(self, tok: Token, target: ActorRef) -> bool:
        """The one given way to, or what is given up, is of the target's side: named in the
        act's own words, not its subject ("bowed to Moscow's demands", "backed down on the
        plan to arm Ukraine against Russia", "dropped its demand that Russia leave")."""
        # not its subject, nor a clause of its own ("relented ... while it was resetting
        # relations with the Kremlin")
        subjects = {
            t.i
            for c in tok.children
            if c.dep_ in ("nsubj", "nsubjpass", "conj", "cc", "punct") or c.dep_ in _CLAUSAL
            for t in c.subtree
        }
        return any(
            t.i not in subjects
            and (actor := self.ctx.actor_of(t)) is not None
            and actor.country == target.country
            for t in tok.subtree
        )

    def _witness(self, word: Token) -> bool:
        """The word is in the name of one who reports something: the subject of a speech verb
        ("two American officials said") or the one it is "according to"."""
        for node in (word, *word.ancestors):
            if node.dep_ == "nsubj" and node.head.lemma_.lower() in self.lex.speech_verbs:
                return True
            if (
                node.dep_ == "pobj"
                and node.head.lower_ == "to"
                and node.head.i > 0
                and node.doc[node.head.i - 1].lower_ == "according"
            ):
                return True
        return False

    def _coerced_of(self, tok: Token, nominal: bool, target: ActorRef) -> bool:
        """What an arrest, a charge or a seizure falls on (the object, the passive's subject,
        the noun's "of" or owner) names someone or something of the target's side, or at least
        no one and nothing of another ("seized Crimea", "charged Flynn": of a third party, or
        of the source's own side)."""
        if nominal:
            held = [
                c
                for c in tok.children
                if c.dep_ in ("poss", "compound")
                or (c.dep_ == "prep" and c.lower_ in ("of", "against"))
            ]
            if tok.head.lemma_.lower() in self.lex.light_verbs:
                held += [c for c in tok.head.children if c.dep_ == "dative"]
        else:
            held = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                held.append(tok.head)  # "the Russian woman arrested last week"
        other = False
        for node in held:
            for t in node.subtree:
                actor = self.ctx.actor_of(t)
                if actor is not None and actor.country == target.country:
                    return True
                other = other or (actor is not None and bool(actor.country))
        return not other

    def _faced_in_sentence(self, tok: Token, target: ActorRef) -> bool:
        """Someone or something of the target's side is named in the act's own sentence, other
        than one who reports it ("according to U.S. officials"), or the act is the
        story's news, told in its lead."""
        if any(
            named.country == target.country and not self._witness(self.ctx.doc[start])
            for start, named in self.ctx.actors_in(tok.sent.start, tok.sent.end)
        ):
            return True
        # "the United States will begin deployments in Germany", said in the lead of a story
        # about the pair: the move is the story's news, which the story aims at the other side
        return self.ctx.sentence_index(tok.i) < _LEAD

    @staticmethod
    def _own_terms(tok: Token) -> list[Token]:
        """The words of the act and its own terms, without the adverbials that only set it
        in time or place ("in his third visit", "through their own talks")."""
        dropped = {
            t.i
            for c in tok.children
            if c.dep_ in ("advcl", "npadvmod") or (c.dep_ == "prep" and c.lower_ in _SETTING_PREPS)
            for t in c.subtree
        }
        return [t for t in tok.subtree if t.i not in dropped]

    def _of_wrong_object(self, tok: Token, kind: str) -> bool:
        """The noun's "of" object is none of the objects its verb reading of the kind needs
        ("a breach of norms", where "breached the systems" is a hack and "breached the
        treaty" is not)."""
        needed = [
            sense.objects
            for sense in self.lex.verbs.get(tok.lemma_.lower(), ())
            if sense.type == kind and sense.needs == "objnoun"
        ]
        if not needed:
            return False
        hit = [
            p.lemma_.lower()
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return bool(hit) and not any(word in objects for word in hit for objects in needed)

    def _in_sentence(self, tok: Token, actor: ActorRef | None) -> bool:
        return actor is not None and any(
            named == actor for _, named in self.ctx.actors_in(tok.sent.start, tok.sent.end)
        )

    def _only_partner(self, tok: Token, actor: ActorRef) -> bool:
        """Every mention of the actor in the sentence is a party to some act with someone
        ("colluded with the Russian government", "contacts with Moscow"), not one who acts or
        is acted on: no accuser for a denial to answer."""
        found = False
        for start, named in self.ctx.actors_in(tok.sent.start, tok.sent.end):
            if named != actor:
                continue
            node = self._mention_head(start)
            for _ in range(12):
                if node.dep_ == "pobj" and node.head.lower_ in _PARTNERING:
                    break
                if node.head.i == node.i:
                    return False  # reaches the root as a participant
                node = node.head
            found = True
        return found

    @staticmethod
    def _view_shared(tok: Token) -> bool:
        """ "both sides seemed to agree that hacking was not a good thing": a view agreed on
        (a that-clause, nothing agreed to), not an agreement reached."""
        if tok.lemma_.lower() != "agree":
            return False
        kids = list(tok.children)
        return any(c.dep_ == "ccomp" for c in kids) and not any(
            c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on"))
            for c in kids
        )

    def _elsewhere_bound(self, tok: Token, source: ActorRef, target: ActorRef) -> bool:
        """A visit or trip whose own destination ("to Eastern Europe", "the White House") names
        neither the other side nor its people: no call on the other side."""
        dests = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("to", "in")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if tok.pos_ == "VERB":
            dests += [c for c in tok.children if c.dep_ == "dobj"]
        if not dests:
            return False
        for dest in dests:
            for t in dest.subtree:
                actor = self.ctx.actor_of(t)
                if actor is not None and actor.country == target.country:
                    return False
        return True

    def _named_in_content(self, tok: Token, target: ActorRef) -> bool:
        """Every mention of the target under the act is inside a clause it takes or a clause on
        its object ("agreed that Russia ...", "accepted the finding that Russia ...")."""
        inside = False
        for start, actor in self.ctx.actors_in(tok.sent.start, tok.sent.end):
            if actor != target:
                continue
            node, nested = self._mention_head(start), False
            for _ in range(12):
                if node.i == tok.i or node.head.i == node.i:
                    break
                if node.dep_ in ("ccomp", "acl", "relcl"):
                    nested = True
                node = node.head
            if node.i != tok.i:
                continue
            if not nested:
                return False
            inside = True
        return inside

    def _inside_denied(self, tok: Token, target: ActorRef, partners: bool = True) -> bool:
        """The target of a refusal is named only inside what is refused or denied ("denied
        that he discussed sanctions with the Russian ambassador", "denied colluding with
        Russia"): a party to the denied act, not the one who made the charge or the offer,
        which the refusal's own object names ("rejected Moscow's claims", "a claim by Pompeo")."""
        inside = False
        for start, actor in self.ctx.actors_in(tok.sent.start, tok.sent.end):
            if actor != target:
                continue
            node, nested, charger = self._mention_head(start), False, False
            for _ in range(12):
                if node.i == tok.i or node.head.i == node.i:
                    break
                if node.dep_ in ("pobj", "agent") and node.head.lower_ in _CHARGED_BY:
                    charger = True
                if node.dep_ in _CLAUSAL or (
                    partners and node.dep_ == "pobj" and node.head.lower_ in _PARTNERING
                ):
                    nested = True
                node = node.head
            if charger:
                return False  # "calling the accusations a provocation by Washington"
            if node.i != tok.i:
                continue  # not under the refusal: another clause of the sentence
            if not nested:
                return False  # the refusal's own object or its owner
            inside = True
        return inside

    def _addressees(self, verb: Token) -> list[Token]:
        """The words of a request that can name the one asked: its object or indirect object
        and their owners ("demanded Russia's withdrawal"), "called on Moscow", "appealed to
        Russia", and the subject of the active clause under "for" ("called for Moscow to
        withdraw"; in "called for Russia to be readmitted" whoever readmits is asked)."""
        out: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                out.append(child)
                out += [c for c in child.children if c.dep_ in ("poss", "amod", "compound")]
                # "urged restraint to Kerry": the parser hangs the one asked on the thing asked
                out += [
                    p
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ == "to"
                    for p in prep.children
                    if p.dep_ == "pobj"
                ]
            elif child.dep_ == "prep" and child.lower_ in (*_ASKED_PREPS, "to", "of"):
                out += [p for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ in ("advcl", "ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ == "for"
            ):
                clause = [child, *(c for c in child.children if c.dep_ in ("pcomp", "pobj"))]
                for node in clause:
                    if any(c.dep_ == "auxpass" for c in node.children):
                        continue
                    out += [c for c in node.children if c.dep_ == "nsubj"]
        return out

    @staticmethod
    def _mission_closed(verb: Token) -> bool:
        """The other side is told to close its own mission ("told Moscow to shut down its
        consulate in Seattle", "told the Russians to vacate the compound"): the order is the
        diplomatic sanction, as "ordered Russia to close its consulate" is, not a request."""
        return verb.lemma_.lower() == "tell" and any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() in ("close", "shut", "vacate", "leave")
            and any(o.dep_ == "dobj" and o.lemma_.lower() in _MISSIONS for o in c.children)
            for c in verb.children
        )

    @staticmethod
    def _meeting_expected(verb: Token) -> bool:
        """What is expected of the other side is that it meets or comes ("are expecting Putin
        to meet Tillerson", "expect the minister to visit"): a meeting foreseen, not an act
        demanded of it ("expects Tillerson to explain" is)."""
        return verb.lemma_.lower() == "expect" and any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _FORESEEN_MEETING
            for c in verb.children
        )

    @staticmethod
    def _relations_asked(tok: Token) -> bool:
        """What a request asks for is ties themselves ("urged improved relations with Russia",
        "pressed for good relations", "his call for better ties"): a wish for the relationship
        that asks no one to do anything."""
        return any(t.lemma_.lower() in _TIES or t.lower_ in _TIES for t in _asked_things(tok))

    def _asked_for_only(self, verb: Token, other: str) -> frozenset[int]:
        """The positions of what a request asks for, when the other side is named there and
        not as the one asked; empty when it is named as the one asked or not at all."""
        asked = self._addressees(verb)
        spans: set[int] = set()
        for tok in asked:
            spans.update(t.i for t in (tok, *tok.conjuncts))
        for start, actor in self.ctx.actors_in(verb.sent.start, verb.sent.end):
            if actor.country != other:
                continue
            mention = self.ctx.mention_at(start)
            end = mention.end if mention is not None else start + 1
            if any(i in spans for i in range(start, end)):
                return frozenset()
        for tok in asked:
            named = self.ctx.actor_of(tok)
            if named is not None and named.country == other:
                return frozenset()
        subj, _ = subject(verb)
        own = {t.i for t in subj.subtree} if subj is not None else set()
        inside = frozenset(t.i for t in verb.subtree if t.i not in own and t.i != verb.i)
        present = any(
            actor.country == other and start in inside
            for start, actor in self.ctx.actors_in(verb.sent.start, verb.sent.end)
        )
        return inside if present else frozenset()

    def _asked_elsewhere(self, tok: Token, source: ActorRef) -> bool:
        """The request names whom it asks ("asked Comey to", "urged European leaders to",
        "called on Sessions to"), and that is not the other side: what the asked one is to do
        may name the other side ("to stand up to Russia"), but the request is not put to it."""
        asked = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        asked += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in _ASKED_PREPS
            for p in c.children
            if p.dep_ == "pobj"
        ]
        # "wanted Comey to state", "expects the president to act": the subject of an
        # infinitive the verb governs is the one it is put to
        asked += [
            s
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        # "asked X to deny ...": with an infinitive to follow, the object is the one asked
        controlling = any(c.dep_ == "xcomp" for c in tok.children)
        for person in asked:
            controlled = controlling or person.dep_ == "nsubj"
            if person.pos_ == "PRON":
                # "pressed him to": who "him" is rests on the resolver; one it takes up as a
                # person of no side, or as someone else of the asker's own side, is asked at
                # home ("him" is never the asker himself, who would be "himself")
                held = self.ctx.actor_of(person) if controlled else None
                if held is not None and (
                    held.role == WEAK_ROLE
                    or (held.country == source.country and held.name != source.name)
                ):
                    return True
                if (
                    controlled
                    and (held is None or held == source)
                    and not self._other_named(tok, source, person)
                ):
                    # "Trump had asked him to let go of the inquiry": a "him" the sentence
                    # names no one of the other side for, outside what he is asked to do
                    return True
                continue
            if (
                self.ctx.mention_at(person.i) is None
                and not self._someone(person)
                and not (controlled and person.dep_ in ("dobj", "dative"))
            ):
                continue  # "demanded his release": a thing asked for, not the one asked
            actor = self.ctx.actor_of(person)
            if actor is not None and actor.role == WEAK_ROLE:
                return True  # "asked Comey", "urged a Russian lawyer": someone holding no office
            if actor is not None:
                if actor.country != source.country:
                    return actor.country not in self.sides
                return True  # its own side's people: a request at home
            if self._someone(person) or (controlled and person.dep_ in ("dobj", "dative")):
                return True
        return False

    def _agreed_among(self, verb: Token, target: ActorRef) -> bool:
        """Those who agree are one side with partners of no watched side ("the United States
        and its allies agreed", "the U.S. and other nations said they have agreed"), and the
        other side is not among them."""
        subj, passive = subject(verb)
        if subj is not None and subj.pos_ == "PRON" and verb.dep_ == "ccomp":
            subj, passive = subject(verb.head)  # "..., they said they have agreed"
        if subj is None or passive:
            return False
        partners = [subj, *subj.conjuncts]
        if len(partners) < 2:
            return False
        actors = [self.ctx.actor_of(p) for p in partners]
        if any(a is not None and a.country == target.country for a in actors):
            return False  # "Russia and the United States agreed"
        return any(
            a is None
            or (a.country not in self.sides and a.role != WEAK_ROLE)
            or p.lemma_.lower() in _OTHER_PEOPLE  # "its allies"
            for p, a in zip(partners, actors, strict=True)
        )

    def _partner_elsewhere(self, tok: Token, source: ActorRef) -> bool:
        """What is agreed to is done "with" someone the words name, and not the other side:
        "agreed to cooperate with the special counsel's inquiry", "agreed to work with
        Congress"."""
        other = {code for code in self.sides if code != source.country}
        steps = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
        for verb in steps:
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    named = [
                        a for _, a in self.ctx.actors_in(obj.left_edge.i, obj.right_edge.i + 1)
                    ]
                    if not any(a.country in other for a in named):
                        return True
        return False

    @staticmethod
    def _court_plea(tok: Token) -> bool:
        """A "plea" that asks no one anything: "his guilty plea", "withdrew his plea"; an
        appeal says what it is for, from whom or to whom ("pleas from Washington to hand
        him over")."""
        if tok.lemma_.lower() != "plea":
            return False
        if any(c.dep_ == "amod" and c.lower_ == "guilty" for c in tok.children):
            return True
        return not any(
            (c.dep_ == "prep" and c.lower_ in ("for", "from", "to", "by"))
            or (c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children))
            for c in tok.children
        )

    def _other_named(self, tok: Token, source: ActorRef, person: Token) -> bool:
        """The sentence of a request names the other side outside what is asked for (the
        verb's clausal complements): "called Putin, urging him to embrace a deal"."""
        asked = {t.i for c in tok.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
        return any(
            start not in asked
            and start != person.i
            and named.country in self.sides
            and named.country != source.country
            for start, named in self.ctx.actors_in(tok.sent.start, tok.sent.end)
        )

    def _someone(self, tok: Token) -> bool:
        """A person or group named without a side: "Comey", "the Western leaders", "them"."""
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in _OTHER_PEOPLE:
            return True
        roles = self.ctx.dictionary.role_nouns
        return tok.lemma_.lower() in roles or tok.lower_ in roles or tok.lemma_.lower() in _LEADERS

    def _thing_released(self, tok: Token, nominal: bool) -> bool:
        """What is released is a thing, not a person held: "released a list", "its release
        of the cables", "the release of a statement"."""
        if nominal:
            held = [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            # "a news release", "the press release": a compound names the thing put out
            held += [c for c in tok.children if c.dep_ == "compound"]
        else:
            held = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(not self._held_person(t) for t in held)

    def _held_person(self, tok: Token) -> bool:
        if tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "NORP"):
            return True
        if self.ctx.mention_at(tok.i) is not None or self._someone(tok):
            return True
        return tok.lemma_.lower() in _CAPTIVES or tok.lower_ in _CAPTIVES

    def _hostile_refused(self, tok: Token) -> bool:
        """What is refused is an act against the other side or a judgement of it ("declined
        to blame Russia", "refused to challenge Putin's denial", "his refusal to condemn"):
        holding back a blow turns down nothing the other side put forward."""
        for comp in tok.children:
            if comp.dep_ not in ("xcomp", "acl") or comp.pos_ not in ("VERB", "AUX"):
                continue
            if (
                tok.lemma_.lower() == "deny"
                and comp.tag_ == "VBG"
                and comp.lemma_.lower() not in _CONFRONTING
                and not any(c.dep_ == "dobj" for c in tok.children)
            ):
                continue  # "denied violating the treaty": the wrong charged is what is denied
            if comp.lemma_.lower() in _CONFRONTING or any(
                sense.type in _HOSTILE for sense in self.senses(comp)
            ):
                return True
        return False

    def answered(self, candidates: list[Candidate]) -> list[Candidate]:
        """Refusals and denials whose target was guessed stand only when the story reports
        an act of that side aimed at the refusing side for them to answer: a charge for a
        denial, a proposal, demand or warning for a refusal. "Trump denies wrongdoing" in a
        story that names Russia answers the investigation at home, not Moscow."""
        made = {
            (c.type, c.source.country, c.target.country) for c in candidates if c.type != "REJECT"
        }
        kept = []
        for cand in candidates:
            if cand.answers and not self._answered_act(cand, candidates):
                continue
            if cand.type == "REJECT" and cand.guessed and self._relative_denial(cand.trigger):
                # "an allegation he has denied", "a charge Moscow denies": the charge is the
                # one the sentence itself tells, by the other side or against the denier's state
                if (
                    not self.own_state_charged(cand)
                    and not self._charge_voiced(cand)
                    and not any(
                        c.type in _ANSWERED["accusation"]
                        and (c.source.country, c.target.country)
                        == (cand.target.country, cand.source.country)
                        and c.trigger.sent.start == cand.trigger.sent.start
                        for c in candidates
                    )
                ):
                    continue
            elif cand.type == "REJECT" and cand.guessed:
                kinds = _ANSWERED.get(cand.mode or "", _ANSWERED[""])
                pair = (cand.target.country, cand.source.country)
                if (
                    not (
                        any((kind, *pair) in made for kind in kinds)
                        and (cand.mode == "accusation" or self._put_before(cand, kinds, candidates))
                    )
                    and not self.charged_by(cand)
                    and not (cand.mode == "accusation" and self._wrong_reported(cand, candidates))
                    and not self.own_state_charged(cand)
                ):
                    continue
            kept.append(cand)
        return kept

    def _put_before(
        self, cand: Candidate, kinds: tuple[str, ...], candidates: list[Candidate]
    ) -> bool:
        """What a refusal turns down was put by the other side before it, at most
        `ACT_WINDOW` sentences back or in the story's lead."""
        index = self.ctx.sentence_index(cand.trigger.sent.start)
        near = self.ctx.sentences[max(0, index - ACT_WINDOW)].start
        lead_end = self.ctx.sentences[min(len(self.ctx.sentences) - 1, 1)].end
        return any(
            act.type in kinds
            and act.source.country == cand.target.country
            and act.target.country == cand.source.country
            and act.trigger.i < cand.trigger.sent.end
            and (act.trigger.i >= near or act.trigger.i < lead_end)
            for act in candidates
        )

    def _parties(self, tok: Token) -> tuple[ActorRef, ActorRef] | None:
        """The two watched sides named as the only parties of an agreement reached or signed:
        "an agreement reached between Russia and the United States" (a pact among many, the
        Iran deal, is no act of the pair's)."""
        found: dict[str, ActorRef] = {}
        done = [c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in _CONCLUDING]
        if not done and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CONCLUDING):
            return None
        # "an agreement reached on Thursday between ...": the phrase may hang on the date
        preps = [*tok.children, *(t for verb in done for t in verb.subtree)]
        for prep in preps:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in _AMONG:
                continue
            # "an agreement reached among Russian, Ukrainian, American and European
            # diplomats": both sides among its parties make it the pair's (GUIDE); a deal
            # "between Iran and" a list of powers is the third party's with them
            for _, actor in self.ctx.actors_in(prep.i, prep.right_edge.i + 1):
                third = actor.country not in self.sides and actor.role != WEAK_ROLE
                if third and prep.lower_ == "between":
                    return None
                if actor.country in self.sides:
                    found.setdefault(actor.country, actor)
        if set(found) >= set(self.sides):
            return found[self.sides[0]], found[self.sides[1]]
        return None

    def _reached_with(self, tok: Token, target: ActorRef | None) -> bool:
        """An agreement reached, signed or struck "with" the other side ("reached a deal with
        Lavrov", "Putin, with whom he reached an agreement"): both parties agreed."""
        if target is None or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _CONCLUDING:
            return False
        verb = tok.head
        if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "neg" for c in verb.children):
            return False
        for head in (tok, verb):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    node = pobj
                    if pobj.lower_ in ("whom", "which") and head.dep_ == "relcl":
                        node = head.head  # "Putin, with whom he reached": the one relativised
                    for part in (node, *node.conjuncts):
                        actor = self.ctx.actor_of(part)
                        if actor is not None and actor.country == target.country:
                            return True
        return False

    def _denial_backed(self, noun: Token) -> list[Candidate]:
        """SUPPORT for the other side's denial taken up by a side: "Trump accepted Putin's
        denials", "Trump's favoring of Putin's denial", and, said of its maker, "Putin was
        extremely strong and powerful in his denial" (GUIDE: endorsing a denial backs it)."""
        owner_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
        denier = self.ctx.actor_of(owner_tok) if owner_tok is not None else None
        if denier is None or denier.role == WEAK_ROLE or denier.country not in self.sides:
            return []
        head = noun.head
        backer: ActorRef | None = None
        if noun.dep_ == "dobj" and head.lemma_.lower() in _BACKING:
            subj, passive = subject(head)  # "accepted Putin's denials"
            backer = self.ctx.actor_of(subj) if subj is not None and not passive else None
            if any(c.dep_ == "neg" for c in head.children):
                return []
        elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _BACKING:
            owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
            backer = self.ctx.actor_of(owner) if owner is not None else None  # "Trump's favoring"
        elif noun.dep_ == "pobj" and head.lower_ == "in" and self._forceful(head.head):
            # "Putin was extremely strong and powerful in his denial today," Trump said
            backer = self._voice(noun)
        if backer is None or backer.role == WEAK_ROLE:
            return []
        if {backer.country, denier.country} != set(self.sides):
            return []
        return [Candidate("SUPPORT", "praise", backer, denier, noun, 0.55)]

    @staticmethod
    def _forceful(word: Token) -> bool:
        """ "strong in his denial", "was strong and powerful in his denial" (the phrase hung on
        the copula), not negated."""
        adjectives = [word]
        if word.lemma_ == "be":
            if any(c.dep_ == "neg" for c in word.children):
                return False
            adjectives = [c for c in word.children if c.dep_ == "acomp"]
        return any(
            a.lemma_.lower() in _FORCEFUL and not _negated(a)
            for adj in adjectives
            for a in (adj, *adj.conjuncts)
        )

    def _reprisal(self, tok: Token) -> bool:
        """The threat is of a reprisal: its own word ("retaliate", "respond") or one it takes
        ("vowed to retaliate", "warned of countermeasures", "threatened measures in
        retaliation")."""
        if tok.lemma_.lower() in _REPRISAL:
            return True
        return any(
            child.dep_ in ("xcomp", "dobj", "prep", "advcl")
            and any(t.lemma_.lower() in _REPRISAL for t in child.subtree)
            for child in tok.children
        )

    def _answered_act(self, cand: Candidate, candidates: list[Candidate]) -> bool:
        """An act of the threat's target aimed at the threatening side, reported before the
        threat and at most `ACT_WINDOW` sentences back, or in the story's lead."""
        index = self.ctx.sentence_index(cand.trigger.sent.start)
        near = self.ctx.sentences[max(0, index - ACT_WINDOW)].start
        lead_end = self.ctx.sentences[min(len(self.ctx.sentences) - 1, 1)].end
        for act in candidates:
            if (
                act.type not in _ANSWERABLE
                or act.answers
                or act.source.country != cand.target.country
                or act.target.country != cand.source.country
            ):
                continue
            at = act.trigger.i
            if at < cand.trigger.sent.end and (at >= near or at < lead_end):
                return True
        return False

    def _wrong_reported(self, cand: Candidate, candidates: list[Candidate]) -> bool:
        """A denial answers the wrong the story reports before it, in its sentence or the one
        before, as an attack by the denier's side on the other ("officers paid militants to
        attack American soldiers. Peskov denied ..."), whoever made the charge."""
        index = self.ctx.sentence_index(cand.trigger.sent.start)
        start = self.ctx.sentences[max(0, index - LOCAL_WINDOW)].start
        return any(
            act.type == "ASSAULT"  # arrests and seizures are owned, attacks denied
            and act.source.country == cand.source.country
            and act.target.country == cand.target.country
            and start <= act.trigger.i < cand.trigger.i
            for act in candidates
        )

    def _relative_denial(self, tok: Token) -> bool:
        """ "a charge Moscow denies", "..., which the Kremlin denies" after what is charged; not
        a charge taken up by a relative pronoun ("the accusations, which Putin denied")."""
        if tok.dep_ != "relcl" or tok.lemma_.lower() != "deny":
            return False
        if not any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in tok.children):
            return False  # "the Russian leader, who denies it": the one it hangs on denies
        return not (
            tok.head.lemma_.lower() in self.lex.accusation_nouns
            and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in tok.children)
        )

    def _charge_voiced(self, cand: Candidate) -> bool:
        """The charge a relative clause denies is told as said or charged by the other side
        ("Pompeo said Moscow had helped them, which the Kremlin has denied")."""
        for verb in cand.trigger.ancestors:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or (
                lemma not in self.lex.speech_verbs and lemma not in _CHARGING_VERBS
            ):
                continue
            subj, passive = subject(verb)
            actor = self.ctx.actor_of(subj) if subj is not None and not passive else None
            if actor is not None and actor.country == cand.target.country:
                return True
        return False

    def own_state_charged(self, cand: Candidate) -> bool:
        """A denial answers a wrong the story tells, in its sentence or the one before, as done
        by the denier's own state to the other side ("officials said Russian spies paid the
        gunmen to shoot at American ships. The Kremlin denied it"), whoever tells it: a charge
        against the state the denier speaks for. Not one against the denier ("denied he had
        met Russian diplomats"), a campaign or a party, nor a dealing with the other side
        ("Moscow's officials talked with Washington")."""
        source = cand.source
        if cand.mode != "accusation" or source.role not in _STATE_ROLES:
            return False
        index = self.ctx.sentence_index(cand.trigger.sent.start)
        start = self.ctx.sentences[max(0, index - LOCAL_WINDOW)].start
        end = cand.trigger.sent.end
        lead_end = self.ctx.sentences[min(len(self.ctx.sentences) - 1, 1)].end
        spans = [(0, end)] if start <= lead_end else [(0, lead_end), (start, end)]
        for begin, actor in (pair for span in spans for pair in self.ctx.actors_in(*span)):
            if actor.country != source.country or actor.role not in _STATE_ROLES:
                continue
            if actor == source:
                continue  # the denier's own doings: "denied he had met the ambassador"
            head = self._mention_head(begin)
            while head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN":
                head = head.head  # "Russian intelligence officers had paid them"
            if head.dep_ != "nsubj" or head.head.pos_ != "VERB":
                continue
            verb = head.head
            kids = list(verb.children)
            if (
                verb.i == cand.trigger.i
                or any(c.dep_ in ("neg", "ccomp") for c in kids)  # "Moscow said that ..."
                or (
                    verb.lemma_.lower() in self.lex.speech_verbs
                    and not any(c.dep_ == "dobj" for c in kids)  # "paid gunmen to shoot"
                )
            ):
                continue
            denied = any(
                c.dep_ in _DENIED_DEPS and (c.i == verb.i or c.is_ancestor(verb))
                for c in cand.trigger.children
            ) or (
                cand.trigger.dep_ == "relcl" and verb.is_ancestor(cand.trigger)
            )  # "denied that its spies paid them", "its spies paid them, which Moscow denies"
            if verb.sent.start == cand.trigger.sent.start and not denied:
                continue  # in the denial's own sentence, only what it denies
            if self._harms_other(verb, head, cand.target.country):
                return True
        return False

    def _harms_other(self, verb: Token, subj: Token, country: str) -> bool:
        """The clause of `verb` names someone or something of `country` outside its subject,
        not as a partner ("talked with Moscow")."""
        for begin, actor in self.ctx.actors_in(verb.left_edge.i, verb.right_edge.i + 1):
            if actor.country != country:
                continue
            node = self._mention_head(begin)
            if subj.is_ancestor(node) or node.i == subj.i or not verb.is_ancestor(node):
                continue
            if under_topic(node):
                continue  # "fired Comey to block the Russia investigation": what it is about
            if actor.role == WEAK_ROLE and node.dep_ in ("amod", "compound", "nmod", "poss"):
                continue  # "parroted Russian policies": a thing of the side, not the side
            partner, governed = False, False
            while node.i != verb.i:
                if node.dep_ == "pobj" and node.head.lower_ in _PARTNERING:
                    partner = True
                node = node.head
                if node.i != verb.i and any(c.dep_ == "nsubj" for c in node.children):
                    partner = True  # a clause with its own doer: "the day Obama slapped ..."
                if node.pos_ == "VERB" and not governed:
                    # "aides met Russian diplomats", "spoke to the ambassador": a dealing with
                    # the other side, no wrong
                    governed = True
                    partner = (
                        partner
                        or node.lemma_.lower() in self.lex.speech_verbs
                        or any(s.type in _DEALINGS for s in self.senses(node))
                    )
            if not partner:
                return True
        return False

    def charged_by(self, cand: Candidate) -> bool:
        """The sentence before a denial, or its own, has the target side charge someone
        ("Moscow charged the reporter with spying. The U.S. government rejects the charge"),
        whether or not the one charged is known to be of a side."""
        index = self.ctx.sentence_index(cand.trigger.sent.start)
        start = self.ctx.sentences[max(0, index - 1)].start
        for verb in self.ctx.doc[start : cand.trigger.sent.end]:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CHARGING_VERBS:
                continue
            subj, passive = subject(verb)
            if subj is None or passive:
                continue
            # "Kiev and its patrons, the United States, are trying to blame Russia": any of
            # the coordinated accusers
            for doer in (subj, *(t for t in self._modifiers(subj) if t.dep_ in ("conj", "appos"))):
                actor = self.ctx.actor_of(doer)
                if actor is not None and actor.country == cand.target.country:
                    return True
        return False

    def _mention_head(self, start: int) -> Token:
        """The syntactic head of the actor mention starting at `start`."""
        mention = self.ctx.mention_at(start)
        end = mention.end if mention is not None else start + 1
        return self.ctx.doc[start:end].root

    def _denies_charge(self, tok: Token) -> bool:
        """The refusal's object is a charge ("denied any role", "rejected the allegations"),
        or a denial has no object ("Moscow denies")."""
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "pobj")]
        if not objects:
            return tok.lemma_.lower() == "deny"
        nouns = self.lex.accusation_nouns | {"role", "hand", "part", "link", "connection"}
        return any(o.lemma_.lower() in nouns for o in objects)

    def statement_events(
        self,
        statements: list[tuple[ActorRef, list[Token], str]],
        acts: list[Candidate] = (),  # type: ignore[assignment]
    ) -> Iterator[Candidate]:
        """ACCUSE or THREATEN from what a statement says about the other side: the words must
        name someone of the other side, or an act of it that the story has just reported
        ("the State Department said it regretted the decision" after Moscow's decision)."""
        for speaker, tokens, text in statements:
            if not tokens or speaker.role == WEAK_ROLE:
                continue
            # "X said ..., after Biden warned that Putin would pay a price": the words of a
            # speaker reported inside the statement are that speaker's
            own = [t for t in tokens if not self._voiced_by_other(t, speaker)]
            if len(own) < len(tokens):
                tokens, text = own, _text_of(own)
            if not tokens:
                continue
            # "There was no hostility", "they pose no threat": a cue denied says the opposite
            lemmas = [self._cue_form(t) for t in tokens if not _negated(t)]
            counts = cue_counts(self.lex, lemmas, text)
            # a charge is read only off the words that commit to one
            charged = [t for t in tokens if not uncommitted(t, self.lex.accusation_nouns)]
            blame = cue_counts(
                self.lex, [self._cue_form(t) for t in charged if not _negated(t)], _text_of(charged)
            )
            other = next(c for c in self.sides if c != speaker.country)
            country = self.ctx.dictionary.countries[other]
            target = ActorRef(country.name, other, "GOVERNMENT")
            named = [a for _, a in self.ctx.actors_in(tokens[0].i, tokens[-1].i + 1)]
            named += [
                a
                for t in tokens
                if t.lower_ in _THIRD_PERSON and (a := self.ctx.actor_of(t)) is not None
            ]
            named += self._spoken_of(tokens[0])
            aimed = next((a for a in named if a.country == other), None)
            if aimed is None and self._answers_act(tokens, other, acts):
                aimed = target
            kinds = []
            # "new sanctions will be announced on Monday", "Obama will sign a bill imposing
            # sanctions": penalties already decided are the sanction itself, not a threat
            scheduled = self._penalty_scheduled(tokens)
            # Words that name no one of the other side are not aimed at it ("the investigation
            # is a witch hunt" is home politics, whatever the article is about); a command to
            # act ("Let him go", "Release them now") is put to whoever holds the power to.
            if aimed is not None:
                target = aimed
                # Praise is coded from what the speaker does ("hailed", "praised"), not from
                # warm words, which are as often polite as they are support.
                if blame.get("negative", 0) > blame.get("positive", 0) or self._wrong_done(
                    charged, other
                ):
                    kinds.append(("ACCUSE", "criticize"))
                if counts.get("refusal", 0):
                    kinds.append(("REJECT", "offer"))  # "the proposals are non-starters"
                if counts.get("threat", 0) and _FUTURE.search(text) and not scheduled:
                    kinds.append(("THREATEN", "retaliation"))
                if self._cooperation_hoped(tokens, other):
                    kinds.append(("AGREE", "offer"))  # "we hope for better relations with Russia"
            elif (
                counts.get("threat", 0)
                and _FUTURE.search(text)
                and not scheduled
                and any(a.source.country == other and a.trigger.i < tokens[0].i for a in acts)
            ):
                # "Putin will approve retaliation": a reprisal answers what the other side did
                kinds.append(("THREATEN", "retaliation"))
            if (
                aimed is None
                and any(is_dyad(t) or self._pair_phrase(t) for t in tokens)
                and self._cooperation_hoped(tokens, other)
            ):
                kinds.append(("AGREE", "offer"))  # "hoped for more cooperation between the two"
            parts = _sentences_of(tokens)
            if self._imperative(tokens) or any(
                # '"Yes, I will. Don't meddle in the election," Trump said': a command opens a
                # later sentence of the quote; not a question ("Stop the arms race?") nor the
                # words of someone quoted inside it ("told Assad, 'Don't screw it up'")
                self._imperative(part)
                and not any(t.text == "?" for t in part)
                and not any(t.is_quote for t in part)
                and not (part[0].i > 0 and part[0].nbor(-1).is_quote)
                for part in parts[1:]
            ):
                kinds.append(("REQUEST", "demand"))
            praised = self._praised(tokens, other)
            if praised is not None:
                target = praised  # "Putin is a very smart man," Trump said
                kinds.append(("SUPPORT", "praise"))
            for kind, mode in kinds:
                yield Candidate(kind, mode, speaker, target, tokens[0], 0.55)
            if not any(kind == "REJECT" for kind, _ in kinds) and self._denial(tokens, speaker):
                # "Russia has never interfered", "the claims were a heap of lies": a denial
                # answers the charge the story reports the other side making (see `answered`)
                other_side = ActorRef(country.name, other, "GOVERNMENT")
                yield Candidate(
                    "REJECT", "accusation", speaker, other_side, tokens[0], 0.5, guessed=True
                )

    @staticmethod
    def _penalty_scheduled(tokens: list[Token]) -> bool:
        """The words announce penalties as decided, with no condition: "new sanctions will be
        announced on Monday" (the penalties the subject of an act of issuing them still to
        come), "the president will sign a bill imposing further sanctions" (the bill that
        imposes them to be signed), "the law will enhance sanctions" (the law that does)."""
        if any(t.lower_ in ("if", "unless", "otherwise") for t in tokens):
            return False

        def future(verb: Token) -> bool:
            return any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll")
                for c in verb.children
            )

        for tok in tokens:
            if tok.dep_ == "nsubj" and tok.lower_ == "law" and future(tok.head):
                return True  # "the law will punish them and enhance sanctions": one enacted
            if tok.lemma_.lower() not in _PENALTIES and tok.lower_ not in _PENALTIES:
                continue
            head = tok.head
            if tok.dep_ == "nsubjpass" and head.lemma_.lower() in _ISSUING and future(head):
                return True  # "new sanctions will be announced on Monday"
            if (
                tok.dep_ == "dobj"
                and head.lemma_.lower() == "impose"
                and head.dep_ in ("acl", "relcl")
                and head.head.lemma_.lower() in _LAWS
                and head.head.dep_ == "dobj"
                and head.head.head.lemma_.lower() in ("sign", "enact")
                and future(head.head.head)
            ):
                return True  # "will sign a bill imposing further sanctions"
        return False

    def _wrong_done(self, tokens: list[Token], other: str) -> bool:
        """The words say the other side did a hostile act ("Russia hacked the Democrats",
        "the documents had been hacked by the Russian government") or tie it to one ("Putin
        was connected to the cyberattacks"): its doer, the subject or the passive's agent, is
        of the other side, and the act is not denied."""
        for tok in tokens:
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
                doer = self._tied_to(tok)  # "Putin was connected to the cyberattacks"
            elif tok.pos_ == "VERB" and not _negated(tok):
                doer = subject(tok)[0]
            else:
                continue
            if not any(s.type in _WRONGS for s in self.senses(tok)):
                continue
            if doer is None:
                continue
            actor = self.ctx.actor_of(doer)
            if actor is not None and actor.country == other and actor.role != WEAK_ROLE:
                return True
        return False

    def _charge_made(self, noun: Token) -> list[Candidate]:
        """A side's claim, conclusion or belief that the other side did something ("the US
        claim that Russia is in breach of the pact", "a conclusion by the CIA that Russia
        intervened", "the CIA's belief that Russia tried to swing the election") accuses it:
        the maker is the noun's owner, its name on it or its 'by' phrase; the one charged the
        subject of the noun's own that-clause."""
        makers = [c for c in noun.children if c.dep_ in ("poss", "compound")]
        makers += [
            p
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        source = next(
            (a for m in makers if (a := self.ctx.actor_of(m)) is not None and a.role != WEAK_ROLE),
            None,
        )
        if source is None:
            # "American claims that Russia hacked": a side's adjective names the side's claim
            source = next(
                (
                    self._state_of(a)
                    for m in noun.children
                    if m.dep_ == "amod" and (a := self.ctx.actor_of(m)) is not None
                ),
                None,
            )
        if source is None or source.country not in self.sides:
            return []
        other = next(code for code in self.sides if code != source.country)
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
        if noun.dep_ == "dobj":
            # "dismissed a conclusion by the CIA, reported by the Post, that Russia
            # intervened": the parser hangs the noun's that-clause on the verb that takes it
            clauses += [
                c
                for c in noun.head.children
                if c.dep_ in ("ccomp", "advcl")
                and c.i > noun.i
                and (first := next(t for t in c.subtree if not t.is_punct)).lower_ == "that"
                and c.doc[first.i - 1].lower_ not in _THAT_JOINERS
            ]
        for clause in clauses:
            if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                continue
            if _negated(clause):
                continue
            charged, _ = subject(clause)
            actor = self.ctx.actor_of(charged) if charged is not None else None
            if actor is not None and actor.country == other and actor.role != WEAK_ROLE:
                return [Candidate("ACCUSE", "allege", source, actor, noun, 0.55)]
        return []

    @staticmethod
    def _tied_to(noun: Token) -> Token | None:
        """Who the clause ties to an act named by a noun ("Putin was connected to his
        country's cyberattacks", "Moscow is behind the attacks"): the subject of the verb or
        adjective the noun's preposition hangs on, unless that is denied."""
        head = noun.head.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd"):
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or _negated(head):
            return None
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def _cooperation_hoped(self, tokens: list[Token], other: str) -> bool:
        """The words hope for, commit to or call for working with the other side ("we hope for
        better relations with Russia", "it would be a good thing to get along with Russia",
        "we must work together"): an offer of cooperation (the GUIDE's AGREE). A partner
        named must be the other side ("must stop cooperating with Iran" is no offer)."""
        inside = {t.i for t in tokens}
        for tok in tokens:
            lemma = tok.lemma_.lower()
            kids = list(tok.children)
            together = (
                lemma in _COOPERATING
                or (
                    lemma == "work"
                    and (
                        any(t.lower_ == "together" for t in tok.subtree)
                        or any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)
                    )
                )
                or (lemma == "get" and any(c.lower_ in ("along", "on") for c in kids))
                or (
                    lemma in _TIES
                    and any(c.dep_ == "amod" and c.lemma_.lower() in _BETTER for c in kids)
                )
                or (
                    lemma in _MENDING
                    and any(c.dep_ == "dobj" and c.lemma_.lower() in _TIES for c in kids)
                )
            )
            if not together or _negated(tok):
                continue
            pobjs = [
                p
                for c in kids
                if c.dep_ == "prep" and c.lower_ in ("with", "between")
                for p in c.children
                if p.dep_ == "pobj"
            ]
            # "cooperation between the two nations": the pair's own
            paired = any(is_dyad(p) or self._pair_phrase(p) for p in (*pobjs, *tok.head.subtree))
            partners = [] if paired else [self.ctx.actor_of(p) for p in pobjs]
            if any(a is not None and a.country not in (other, *self.sides) for a in partners):
                continue  # cooperation with a third party
            implied = lemma in ("work", "get")  # "we must work together", "get along"
            if not (
                paired
                or implied
                or any(a is not None and a.country == other for a in partners)
                or any(t.i in inside and self._names_side(t, other) for t in tok.subtree)
            ):
                continue  # "cooperation" of whom with whom: the other side is not in it
            node = tok
            for _ in range(4):  # the hope, duty or readiness it sits under, in the same words
                if node.lemma_.lower() in _ENDING:
                    break
                if (
                    any(c.dep_ == "aux" and c.lower_ in _HOPEFUL_MODALS for c in node.children)
                    or (node is not tok and {node.lemma_.lower(), node.lower_} & _HOPING)
                    or any(c.dep_ == "amod" and c.lemma_.lower() in _HOPING for c in node.children)
                ):
                    return True
                if node.head.i == node.i or node.head.i not in inside:
                    break
                node = node.head
        return False

    def _names_side(self, tok: Token, side: str) -> bool:
        actor = self.ctx.actor_of(tok)
        return actor is not None and actor.country == side

    def _denial(self, tokens: list[Token], speaker: ActorRef) -> bool:
        """The words deny a wrong of the speaker's side ("Russia has never interfered", "we
        did not meddle") or dismiss a charge as false ("the claims were a heap of lies", "the
        reports are baseless")."""
        negative = self.lex.cue_words.get("negative", frozenset())
        inside = {t.i for t in tokens}
        for tok in tokens:
            if tok.pos_ == "VERB" and self._cue_form(tok) in negative:
                if not any(c.dep_ == "neg" for c in tok.children):
                    continue
                subj, passive = subject(tok)
                if subj is None or passive:
                    continue
                actor = self.ctx.actor_of(subj)
                own = actor is not None and actor.country == speaker.country
                if own or subj.lower_ == "we":
                    return True  # "Russia had never interfered", "we did not meddle"
            elif tok.lemma_ == "be" and not any(
                c.dep_ in ("neg", "mark") or c.lower_ in _UNREAL for c in tok.children
            ):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.i not in inside or subj.lemma_.lower() not in _CLAIMS:
                    continue
                said = [
                    t
                    for c in tok.children
                    if c.dep_ in ("acomp", "attr")
                    for t in c.subtree
                    if not _negated(t)
                ]
                lemmas = [self._cue_form(t) for t in said]
                counts = cue_counts(self.lex, lemmas, _text_of(said)) if said else {}
                if counts.get("negative", 0) > counts.get("positive", 0):
                    return True  # "the claims were a heap of conspiracy schemes"
        return False

    def _spoken_of(self, tok: Token) -> list[ActorRef]:
        """Actors named in what words are said of: '"A hostile step," Peskov said of the U.S.
        decision'."""
        out = []
        for verb in tok.sent:
            if verb.lemma_.lower() not in self.lex.speech_verbs:
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "about"):
                    out += [a for _, a in self.ctx.actors_in(prep.i, prep.right_edge.i + 1)]
        return out

    def _answers_act(self, tokens: list[Token], other: str, acts: list[Candidate]) -> bool:
        """The words answer an act of the other side that the story reported: one in the
        same sentence or the one before ("Moscow expelled two diplomats. The ministry said it
        was disappointed"), one a few sentences back that the words take up with a noun ("the
        decision", "such steps"), or one named again by its own word ("the sanctions")."""
        index = self.ctx.sentence_index(tokens[0].i)
        sentences = self.ctx.sentences
        before = sentences[max(0, index - 1)].start
        near = sentences[max(0, index - ACT_WINDOW)].start
        nouns = {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"}
        taken = any(
            t.lower_ in ("it", "this")
            and t.dep_ in ("dobj", "nsubj")
            and t.head.lemma_ in ("call", "be")
            for t in tokens
        )
        end = max(tokens[-1].i, tokens[0].sent.end - 1)  # '"...," he said of the expulsion'
        for act in acts:
            at = act.trigger.i
            if act.source.country != other or at > end:
                continue
            if at >= before or act.trigger.lemma_.lower() in nouns:
                return True
            if at >= near and nouns & (_ACT_NOUNS | set(self.lex.nouns)):
                return True
            # "the envoy called it 'a hostile step'": a word that takes up an act
            # answers the other side's hostile act the story is about, however far back
            if act.type in _TAKEN_UP and (nouns & _ACT_NOUNS or taken):
                return True
        return False

    def _praised(self, tokens: list[Token], other: str) -> ActorRef | None:
        """The other side's actor a statement says is good in so many words: "Putin is a
        very smart man", "the Americans were great partners" (no negation, no condition)."""
        inside = {t.i for t in tokens}
        for verb in tokens:
            if verb.lemma_ != "be" or any(
                c.dep_ in ("neg", "mark") or c.lower_ in _UNREAL for c in verb.children
            ):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in inside), None)
            actor = self.ctx.actor_of(subj) if subj is not None else None
            if subj is not None and subj.lower_ in ("he", "she", "they"):
                actor = self._said_of(subj) or actor  # '"He is smart," Trump said of Putin'
            if actor is None and subj is not None and subj.pos_ == "NOUN":
                actor = self._doer_of(subj, other)  # "sanctions placed by Russia were helpful"
            if actor is None or actor.country != other or actor.role == WEAK_ROLE:
                continue
            for pred in verb.children:
                if pred.dep_ not in ("attr", "acomp"):
                    continue
                words = [t for t in pred.subtree if not _negated(t)]
                if any(t.lemma_.lower() in _PRAISING for t in words) and not any(
                    t.lemma_.lower() in self.lex.insult_nouns for t in words
                ):
                    return actor
        return None

    def _doer_of(self, noun: Token, other: str) -> ActorRef | None:
        """The other side as the one whose doing a noun names: its possessor ("Russia's
        help") or the agent of a participle on it ("sanctions placed by China and Russia")."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        owners += [
            o
            for acl in noun.children
            if acl.dep_ == "acl"
            for agent in acl.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
            for o in (pobj, *pobj.conjuncts)
        ]
        for owner in owners:
            actor = self.ctx.actor_of(owner)
            if actor is not None and actor.country == other and actor.role != WEAK_ROLE:
                return actor
        return None

    def _tense_break(self, verb: Token) -> Token | None:
        """The verb of saying whose reported clause, in the pluperfect or with a modal, a
        simple past joins by ", and" ("said Moscow had been wrong, and praised ..."): there
        the narrative resumes, and the act is the speaker's."""
        head = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD":
            return None
        if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
            return None
        # "said the US was undermining stability and warned it against ...": a past verb of
        # speech joined to a reported clause in another tense resumes the narrative too
        shifted = head.tag_ in ("VBG", "VBZ", "VBP") and verb.lemma_.lower() in (
            self.lex.speech_verbs
        )
        if not shifted and not any(
            c.dep_ == "aux" and c.lower_ in ("had", "would", "could", "might")
            for c in head.children
        ):
            return None
        cc = next((c for c in head.children if c.dep_ == "cc" and c.i < verb.i), None)
        if cc is None or (not shifted and (cc.i == 0 or verb.doc[cc.i - 1].text != ",")):
            return None
        node = head
        for _ in range(4):  # "had been right that ... had he been president": up the clauses
            if node.dep_ not in ("ccomp", "advcl") or node.head.i == node.i:
                return None
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.lex.speech_verbs:
                return node.head
            node = node.head
        return None

    @staticmethod
    def _only_prospect(tok: Token) -> bool:
        """ "a possible swap", "potential talks": a meeting or swap only in prospect."""
        return any(c.dep_ == "amod" and c.lemma_.lower() in _PROSPECTIVE for c in tok.children)

    def _topic_of(self, tok: Token) -> bool:
        """A meeting named as what is told, hidden or known ("lied about his conversations
        with the ambassador", "the content of his calls", "misrepresented his talks"): what is
        said of an earlier meeting, which the story reports elsewhere if it is news."""
        node = tok
        if node.dep_ == "conj":
            node = node.head
        head = node.head
        if node.dep_ == "pobj" and head.lower_ in _ABOUT:
            return True
        if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _CONTENTS:
            return True
        return node.dep_ == "dobj" and head.lemma_.lower() in _CONCEALING

    def _gathering(self, tok: Token) -> bool:
        """ "at a meeting of his People's Front", "at a session of the OSCE": a gathering of
        a body, where something else is said or done, is no meeting of the pair."""
        venue = tok.dep_ == "pobj" and tok.head.lower_ in ("at", "to")
        addressed = tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ADDRESSING
        if not (venue or addressed) or self._between(tok):
            return False
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for body in prep.children:
                if body.dep_ == "pobj" and not (is_dyad(body) or self._pair_phrase(body)):
                    return True
        return False

    def _said_of(self, tok: Token) -> ActorRef | None:
        """'"He is a smart man," Trump said of Putin': the one the words are said of."""
        for verb in tok.sent:
            if verb.lemma_.lower() not in self.lex.speech_verbs:
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and self.ctx.actor_of(obj) is not None:
                            return self.ctx.actor_of(obj)
        return None

    @staticmethod
    def _imperative(tokens: list[Token]) -> bool:
        """A quote that opens with a command to act: "Let him go", "Free our citizens"."""
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        vocative = None
        if len(words) > 2 and words[0].pos_ == "PROPN" and words[0].nbor(1).text == ",":
            # "Russia, stop this conflict": the one addressed, then the command
            vocative, words = words[0], words[1:]
        if not words:
            return False
        if (
            len(words) > 2
            and words[0].lower_ == "do"
            and words[1].lower_ in ("n't", "not")
            and words[2].tag_ == "VB"
            and words[2].lemma_.lower() not in ("worry", "think", "know", "forget", "be")
        ):
            return True  # "Don't meddle in the election": a negative command
        verb = words[0]
        if verb.tag_ != "VB" or any(
            c.dep_ in ("nsubj", "aux", "nsubjpass") and c != vocative for c in verb.children
        ):
            return False
        lemma = verb.lemma_.lower()
        if lemma == "let":
            # "let him go", not "let me be clear", "let us hope"
            return any(
                c.dep_ in ("ccomp", "xcomp")
                and any(
                    g.dep_ in ("nsubj", "dobj") and g.lower_ not in ("me", "us", "'s")
                    for g in c.children
                )
                and c.lemma_.lower() in _LET_ACTS
                for c in verb.children
            )
        return lemma in _COMMANDED_ACTS


__all__ = ["Candidate", "EventFinder", "WEAK_ROLE"]
