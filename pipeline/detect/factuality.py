"""Did the act happen? Negation, modality, conditions, denials and refusals around a trigger.

`factuality` walks from the trigger up its clause chain. A negation, a modal ("would",
"could"), a condition ("if", "whether") or a governing verb or noun that holds the act
unrealised ("deny", "consider", "readiness to") makes it 'not' an event. A governing
refusal ("refused to meet", "has no plans to meet", "will not meet") makes it 'refused',
which the caller turns into a REJECT when the act was a meeting or an offer. Speech verbs
are transparent: "the ministry said the US rejected the offer" reports a fact.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from pipeline.detect.lexicon import Lexicon

LOGGER = logging.getLogger(__name__)

FACT, REFUSED, NOT = "fact", "refused", "not"

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca", "shall"}
_ANNOUNCING = {"say", "announce", "tell", "add", "state", "declare", "confirm", "report", "note"}
_CONDITIONAL = {"if", "whether", "unless", "lest"}
_INVERTING = {"should", "were", "had"}
_REFUSAL_VERBS = {"refuse", "decline", "reject", "rule", "resist", "balk", "oppose", "refrain"}
_REFUSAL_NOUNS = {
    "plan",
    "intention",
    "interest",
    "desire",
    "reason",
    "need",
    "appetite",
    "question",
}
_NOT_YET = {"before", "without", "instead", "until"}
_READY = {"ready", "willing", "prepared"}
# Verbs that end or break an agreement: the one they take was made before, not now
_ENDING = {"suspend", "cancel", "terminate", "scrap", "abandon", "quit", "exit", "renounce",
           "violate", "breach", "break", "scuttle", "torpedo", "revoke", "tear", "end", "freeze",
           "ditch", "dump", "annul", "nullify"}  # fmt: skip
_ENDED = {"AGREE", "COOPERATE"}  # what an ending verb's object was before it ended
_WANT_VERBS = {"plan", "intend", "want", "will", "expect", "wish", "seek", "have"}
_COMPLEMENTS = {"xcomp", "ccomp", "acl", "pcomp", "csubj"}
_CLIMB = _COMPLEMENTS | {"dobj", "pobj", "prep", "relcl", "advcl", "conj", "acomp", "attr"}
_NOMINAL_UP = {"dobj", "pobj", "prep", "compound", "conj", "appos", "attr", "nsubjpass",
               "npadvmod", "nsubj"}  # fmt: skip
# Words whose act is conditional by nature: "threatened tariffs if Moscow balks" is a threat
# made, "offered talks if ..." an offer made; only the condition's own clause is unreal.
_CONDITIONAL_BY_NATURE = {"THREATEN", "REQUEST", "AGREE"}
_ACTED_THREATS = {"retaliate", "respond"}
_PROMISING = {"vow", "promise", "pledge", "threaten", "warn", "intend", "plan", "go", "ready",
              "prepared", "prepare", "decide", "want", "reserve"}  # fmt: skip
ACT_NOUN_TYPES = {"CONSULT", "COOPERATE", "CONCEDE", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}


_SUFFERING = {"face", "pay", "suffer", "bear", "incur", "risk", "lose", "regret", "feel", "see"}
_FORECASTING = _MODALS | {"will", "wo", "'ll", "'d"}
# Dangers a warning can foretell as the outcome of what it reports
_PERIL = {"threat", "danger", "risk", "clash", "war", "conflict", "confrontation", "escalation",
          "consequence", "retaliation", "response", "price", "cost"}  # fmt: skip


def _forecast(warn: Token) -> bool:
    """ "warned that Russia could put troops on the border": what the warned-of party may do,
    not what it would suffer ("warned that Russia could face sanctions" is a threat); "warned
    that Russia is already meddling", "warned that the delay gave Moscow an edge": what it
    does or did, told as a fact with no modal, is an alarm raised, not a threat."""
    for clause in (c for c in warn.children if c.dep_ == "ccomp"):
        if clause.lemma_.lower() in _SUFFERING:
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in clause.children):
            return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in clause.children)
        if _told_as_fact(clause) and (
            clause.tag_ == "VBD"
            or any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in clause.children)
        ):
            return True
    return False


def _advised(warn: Token) -> bool:
    """ "warned against overreacting", "warned against using the issue for partisan gain":
    a warning against doing something, put to no one named, is advice."""
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in warn.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "against"
        and any(g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" for g in c.children)
        for c in warn.children
    )


def _warned_against(act: Token) -> bool:
    """The act is what a warning or a caution is against ("warned the United States against
    deploying new missiles", "cautioned Moscow against any attack"): one still to be kept
    from happening."""
    prep = act.head
    return (
        act.dep_ in ("pcomp", "pobj")
        and prep.dep_ == "prep"
        and prep.lower_ == "against"
        and prep.head.lemma_.lower() in ("warn", "caution", "warning")
    )


def _told_as_fact(clause: Token) -> bool:
    """A finite clause with no modal, no future and no readiness ("is already targeting the
    elections", "did not stop"; not "will respond", "is ready to act", "are going to pay")."""
    done = any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in clause.children)
    if clause.pos_ not in ("VERB", "AUX") or (
        clause.tag_ not in ("VBD", "VBZ", "VBP", "VBG") and not done
    ):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FORECASTING for c in clause.children):
        return False
    if any(
        t.lemma_.lower() in _READY | _PERIL or t.lower_ in ("table", "coming", "going")
        for t in clause.subtree
    ):
        return False  # "warned that the move raised the threat of a clash": a danger foretold
    return clause.lemma_.lower() not in ("be", "have") or clause.tag_ == "VBD"


def _named(verb: Token) -> bool:
    """ "called the talks a breakthrough", "called the summit useful": what "call" takes as its
    object is named or judged, not called for ("called off the talks" ends them)."""
    return verb.lemma_.lower() == "call" and not any(c.dep_ == "prt" for c in verb.children)


def _has_no(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def inverted_condition(clause: Token) -> bool:
    """A condition put by inversion, before the clause it conditions: "Should Moscow move its
    troops, ...", "Were Russia to invade, ...", "Had Washington known, ..." (the parser hangs
    it on the main verb as an adverbial or a complement, with no "if")."""
    if clause.dep_ not in ("advcl", "ccomp") or clause.i > clause.head.i:
        return False
    first = clause.left_edge
    if first.lower_ not in _INVERTING or first.dep_ not in ("aux", "advcl", "ccomp"):
        return False
    if first.i > first.sent.start and not first.nbor(-1).is_punct:
        return False  # "..., but should Moscow ...": only at the head of its sentence
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children)


def _conditioned(tok: Token) -> bool:
    """Has a condition clause ("... if Moscow showed it wanted the same", "should Moscow
    balk, ...")."""
    for child in tok.children:
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in child.children
        ):
            return True
        if inverted_condition(child):
            return True
    return False


def _neither(tok: Token) -> bool:
    """ "Neither Washington nor Moscow has discussed ...", "none of the diplomats have
    raised it": a subject that denies the act."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in ("none", "nobody", "neither")
            or any(g.lower_ == "neither" for g in c.children)
        )
        for c in tok.children
    )


def _summoned_to(verb: Token) -> bool:
    """ "called in the U.S. attache to say that ...": a summons, whose purpose is the summoning
    side's own act, not a call on someone else to act."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ in ("prt", "prep") and c.lower_ == "in" and c.i == verb.i + 1 for c in verb.children
    )


def _charge_apposed(clause: Token, verb: Token, lex: Lexicon) -> bool:
    """ "Washington has accused Moscow of arming the rebels, a charge Russia denies": the
    parser makes the reported clause the complement of the denial that follows it, whose
    object, the word for a charge, stands after a comma in apposition to the clause."""
    if clause.i > verb.i:
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and clause.right_edge.i < c.i < verb.i
        and c.lemma_.lower() in lex.accusation_nouns
        and c.doc[c.left_edge.i - 1].lower_ in (",", "-", "--", "—")
        for c in verb.children
    )


def _reduced_passive(node: Token) -> bool:
    """ "A move rejected by the State Department", "a plan backed by Moscow": a past
    participle on a noun with its agent tells what was done to the thing, not a plan for it."""
    kids = list(node.children)
    return (
        node.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in kids)
        and not any(c.dep_ in ("aux", "auxpass", "mark", "nsubjpass") for c in kids)
    )


def _unwilling(node: Token, kids: list[Token]) -> bool:
    """ "Is not ready to cooperate", "was not willing to meet", "has not agreed to talk": a
    side's own readiness or consent denied is its refusal of the act."""
    kids = kids or list(node.children)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in kids):
        return False  # "if Putin did not agree to stop": a condition, no refusal
    if node.lemma_.lower() == "agree":
        return any(c.dep_ == "xcomp" for c in kids)
    return (
        node.lemma_ == "be"
        and any(c.dep_ == "neg" for c in kids)
        and any(
            c.dep_ == "acomp"
            and c.lemma_.lower() in _READY
            and any(g.dep_ in ("xcomp", "prep") for g in c.children)
            for c in kids
        )
    )


def factuality(tok: Token, nominal: bool, kind: str, lex: Lexicon) -> str:
    """FACT, REFUSED or NOT for the act a trigger names."""
    node = tok
    if (
        kind == "SANCTION"
        and tok.lemma_.lower() == "designate"
        and any(t.lemma_.lower() in ("detain", "hostage") for c in tok.children for t in c.subtree)
    ):
        return NOT  # "designated Gershkovich as wrongfully detained": a status, no sanction
    if kind == "THREATEN" and not nominal and tok.lemma_.lower() == "warn" and _forecast(tok):
        return NOT  # "intelligence warned that Russia could mass 175,000 troops": a forecast
    if kind == "THREATEN" and not nominal and tok.lemma_.lower() == "warn" and _advised(tok):
        return NOT  # "warned against overreacting to the attacks": advice, no one threatened
    if kind in ("MOBILIZE", "ASSAULT") and _warned_against(tok):
        return NOT  # "warned Moscow against sending troops": the act warned of is not done
    if kind == "THREATEN" and not nominal and tok.lemma_.lower() in _ACTED_THREATS:
        # "banned adoptions, retaliating against the law", "meant to respond to the attack":
        # a retaliation carried out or intended by an act is that act, not a threat; "will
        # retaliate", "vowed to respond" are threats
        future = any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo")
            for c in tok.children
        ) or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _PROMISING)
        if tok.tag_ in ("VBD", "VBN", "VBG") or not future:
            return NOT
    if nominal and kind in _ENDED and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ENDING:
        return NOT  # "suspended its agreement with the Pentagon": ended, not reached now
    if nominal:
        if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children):
            return NOT if kind not in ACT_NOUN_TYPES else REFUSED
        if kind not in ACT_NOUN_TYPES:
            head = tok.head
            if kind == "AGREE" and tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs:
                # "were unable to reach an agreement": the light verb carries the modality
                state = factuality(head, False, kind, lex)
                return FACT if state == REFUSED else state
            return FACT  # "rejected Putin's offer": the offer itself was made
        while node.dep_ in _NOMINAL_UP and node.head.i != node.i:
            rel, node = node.dep_, node.head
            if node.pos_ in ("VERB", "AUX"):
                if (
                    rel == "dobj"
                    and node.lemma_.lower() in lex.hypothetical_heads
                    and not _named(node)
                ):
                    return NOT  # "helped prevent attacks", "denied the hack"
                break
            if node.lemma_.lower() in lex.hypothetical_nouns and node.i != tok.i:
                return REFUSED if _has_no(node) and node.lemma_.lower() in _REFUSAL_NOUNS else NOT
    if tok.sent.text.rstrip().endswith("?"):
        return NOT
    # a coordinated clause with its own subject has its own modality: in "that Russia must
    # act and that Washington reserved the right", the "must" is not the reserving's
    own_clause = False
    for _ in range(8):
        kids = [] if own_clause else list(node.children)
        own_clause = False
        if any(c.dep_ == "neg" for c in kids):
            if (
                node.lemma_.lower() in _WANT_VERBS
                or any(c.dep_ == "aux" and c.lemma_.lower() == "will" for c in kids)
                or _unwilling(node, kids)
            ):
                return REFUSED
            return NOT
        if node.lemma_.lower() in _REFUSAL_NOUNS and _has_no(node):
            return REFUSED
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids) and not (
            # "Russia said it would expel ...": an announced act, reported in the past tense.
            any(c.dep_ == "aux" and c.lower_ == "would" for c in kids)
            and node.dep_ == "ccomp"
            and node.head.lemma_.lower() in _ANNOUNCING
        ):
            return NOT
        if kids and _neither(node):
            return NOT
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in kids):
            return NOT
        if kids and _conditioned(node) and not (node.i == tok.i and kind in _CONDITIONAL_BY_NATURE):
            return NOT
        if node.head.i == node.i:
            return FACT
        head, rel = node.head, node.dep_
        if rel not in _CLIMB:
            return FACT
        if rel == "conj" and (
            node.tag_ in ("VBD", "VBZ", "VBP")
            # "has demanded that ... be returned and has threatened": a finite auxiliary of
            # its own makes the conjunct a clause of its own, wherever the parser hung it
            # ("denied that ... and that Moscow had proposed": one marked is still the
            # complement it is coordinated with)
            or (
                any(c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP") for c in kids)
                and not any(c.dep_ == "mark" for c in kids)
            )
        ):
            # "we do not seek confrontation and are open to dialogue": a finite conjunct is a
            # clause of its own; the first conjunct's negation is not its
            return FACT
        lemma = head.lemma_.lower()
        if head.lemma_.lower() in _REFUSAL_NOUNS and _has_no(head):
            return REFUSED
        if kind in _ENDED and rel == "dobj" and lemma in _ENDING:
            return NOT  # "suspended the agreement to share data": the sharing has ended
        complement = (
            rel in _COMPLEMENTS
            or (rel == "dobj" and node.tag_ == "VBG")
            # "balked at criticizing him", "refrained from imposing sanctions": the refused
            # act hangs on the refusal verb's preposition
            or (rel == "prep" and lemma in _REFUSAL_VERBS and node.lower_ in ("at", "from"))
        )
        if rel == "ccomp" and _charge_apposed(node, head, lex):
            return FACT  # "Washington accused Moscow of arming them, a charge Russia denies"
        if complement:
            if lemma in _REFUSAL_VERBS:
                return REFUSED
            if lemma in _READY and head.dep_ == "acomp" and _unwilling(head.head, []):
                return REFUSED  # "was not ready to cooperate": readiness denied refuses
            if lemma in lex.hypothetical_heads and not _summoned_to(head):
                return NOT
            if rel == "acl" and lemma in lex.hypothetical_nouns and not _reduced_passive(node):
                return NOT
        if rel == "pcomp" and head.lower_ in _NOT_YET:
            return NOT  # "before congratulating the winner": not done (yet)
        if rel in ("relcl", "advcl") and head.pos_ in ("VERB", "AUX"):
            return FACT  # the main clause's modality is its own business
        own_clause = rel == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        node = head
    return FACT


_DISOWNABLE = {"think", "believe", "say", "consider", "feel", "suggest", "claim", "mean"}
_JUDGING_VERBS = {"call", "describe", "dismiss", "brand", "label", "reject", "term", "dub"}
_PREDICATE_UP = {"dobj", "attr", "acomp", "oprd", "pobj", "prep", "amod", "compound", "conj",
                 "advmod", "npadvmod", "xcomp", "ccomp", "appos", "det"}  # fmt: skip


def uncommitted(tok: Token, claim_nouns: frozenset[str]) -> bool:
    """A word of a statement that charges the other side with nothing: in an if-clause ("if
    the detention was inappropriate"), in what a conditional would bring ("it would mean
    escalation"), or judging a claim rather than a side ("called the allegations
    fabricated", "these claims are lies": a denial)."""
    node, came, below = tok, "", False
    for _ in range(8):
        kids = list(node.children)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in kids):
            return True
        if node.i != tok.i and node.dep_ in ("acl", "pcomp") and node.tag_ in ("VBG", "VBN"):
            pass  # "concerned about these ships posing any threat": a participle, climb on
        elif node.i != tok.i and node.pos_ in ("VERB", "AUX"):
            if came == "acomp" and below and any(c.dep_ == "neg" for c in kids):
                return True  # "we're not concerned about these ships posing any threat"
            if came != "prep" and any(
                c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in kids
            ):  # "it would mean escalation"; not "would respond to Russia's unacceptable act"
                return True
            judged = [c for c in kids if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            judging = node.lemma_.lower() in _JUDGING_VERBS or node.lemma_ == "be"
            if judging and any(c.lemma_.lower() in claim_nouns for c in judged):
                return True
            # "did not think Putin was a killer": a thought disowned
            head = node.head
            return (
                node.dep_ == "ccomp"
                and head.lemma_.lower() in _DISOWNABLE
                and any(c.dep_ == "neg" for c in head.children)
            )
        if node.i != tok.i and node.pos_ == "ADJ" and any(c.dep_ == "neg" for c in kids):
            return True  # "not concerned about ... any threat": the worry is denied
        if node.dep_ not in _PREDICATE_UP | {"acl", "pcomp"} or node.head.i == node.i:
            return False
        below = node.i != tok.i  # the word hangs under the predicate, not is it
        came, node = node.dep_, node.head
    return False


__all__ = [
    "ACT_NOUN_TYPES",
    "FACT",
    "NOT",
    "REFUSED",
    "factuality",
    "inverted_condition",
    "uncommitted",
]
