"""Who acts and who is acted on: a trigger's arguments read off the dependency parse.

The source is the subject, the `by` agent of a passive, the controller of an infinitive
("refused to meet"), the subject of the clause a participle hangs on ("..., saying"), or the
owner of a noun ("Putin's offer"). Targets are searched breadth-first among the trigger's
objects and prepositional objects, nearest first.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Token

from pipeline.detect.resolve import ArticleContext
from pipeline.models import ActorRef

LOGGER = logging.getLogger(__name__)

_TARGET_DEPS = {"dobj", "dative", "pobj", "prep", "nsubjpass", "acl", "xcomp", "conj", "pcomp"}
_TARGET_PREPS = {
    "with", "to", "on", "against", "at", "toward", "towards", "for", "over", "from", "of",
    "into", "upon", "between", "in", "near", "off", "about", "as",
}  # fmt: skip
_INSTRUMENTS = {"law", "bill", "decree", "order", "legislation", "measure", "act", "directive",
                "resolution", "ordinance"}  # fmt: skip
_CHARGE_NOUNS = {"charge", "accusation", "allegation", "suspicion", "count"}
_DYAD_HEADS = {"leaders", "men", "sides", "countries", "presidents", "ministers", "nations",
               "governments", "delegations", "diplomats", "powers", "officials", "envoys"}  # fmt: skip


_SPEAKING = {"say", "call", "describe", "add", "accuse", "warn", "brand", "label", "term",
             "insist", "argue", "note", "stress", "claim", "tell", "announce", "state"}  # fmt: skip
_ACCUSING = {"accuse", "charge", "indict", "blame", "suspect", "convict", "sanction", "punish",
             "fault", "condemn", "prosecute"}  # fmt: skip
_DEMANDING = {"demand", "urge", "ask", "insist", "request"}


def is_dyad(tok: Token) -> bool:
    """ "The two leaders", "both sides": a phrase naming the pair rather than one side."""
    if tok.lower_ not in _DYAD_HEADS:
        return False
    return any(c.lower_ in ("two", "both") for c in tok.children)


_QUANTITIES = {"one", "two", "three", "some", "several", "many", "most", "each", "both",
               "all", "none", "either", "neither", "dozens", "hundreds", "thousands"}  # fmt: skip
_PERPETRATORS = {"perpetrator", "perpetrators", "culprit", "culprits", "author", "authors",
                 "mastermind", "masterminds", "organizer", "organizers", "organiser"}  # fmt: skip


def partitive(tok: Token) -> Token | None:
    """The whole a part is taken from: "one of two Russian jets" -> jets."""
    if tok.lower_ not in _QUANTITIES:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


_PINNED = {"blame": ("on",), "pin": ("on",), "attribute": ("to",), "link": ("to",),
           "trace": ("to",), "tie": ("to",), "ascribe": ("to",)}  # fmt: skip
_CARRIED = {"carry", "conduct", "launch", "mount", "stage", "orchestrate", "perpetrate",
            "commit", "execute", "order", "direct", "sponsor", "impose", "announce", "levy",
            "unveil", "introduce", "approve", "slap"}  # fmt: skip
_ANSWERABLE = {"responsible", "culpable", "accountable"}


def perpetrator(tok: Token) -> Token | None:
    """Who an act is pinned on as its perpetrator: "named the SVR as the perpetrator of the
    hack" -> SVR; "Russia was the culprit of the attack" -> Russia."""
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "a hack blamed on Russia", "an attack attributed to the GRU", "a breach carried
        # out by Russian hackers": the one the act is pinned on or done by carried it out
        lemma = acl.lemma_.lower()
        marks = _PINNED.get(lemma, ("by",) if lemma in _CARRIED else ())
        for prep in acl.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in marks:
                return next((p for p in prep.children if p.dep_ == "pobj"), None)
    head = tok.head
    if tok.dep_ == "nsubjpass" and head.lemma_.lower() in _CARRIED:
        # "new penalties were announced by the Treasury": the agent of the act's passive
        for agent in (c for c in head.children if c.dep_ == "agent"):
            return next((p for p in agent.children if p.dep_ == "pobj"), None)
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in _ANSWERABLE:
        # "Russian hackers were responsible for the attack", "held Moscow responsible for it"
        adj = head.head
        if adj.dep_ in ("acomp", "attr"):
            return next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
        if adj.dep_ in ("oprd", "ccomp", "xcomp"):
            named = [c for c in adj.children if c.dep_ == "nsubj"]
            named += [c for c in adj.head.children if c.dep_ == "dobj"]
            return named[0] if named else None
    prep = head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in _PERPETRATORS:
        return None
    role = prep.head
    if role.dep_ == "pobj" and role.head.lower_ == "as":
        verb = role.head.head
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")), None)
    if role.dep_ == "attr":
        return next((c for c in role.head.children if c.dep_ == "nsubj"), None)
    return None


_SUBORDINATORS = {"after", "before", "since", "until", "as", "because"}


# words that are prepositions or conjunctions: "after the talks", "after Russia annexed"
_CLAUSE_PREPS = {"after", "before", "since", "until", "till"}


def _listed_first(verb: Token) -> Token | None:
    """ "Trump attacked the FBI, praised Putin and refused to ...": the parser may hang the
    first of a list of acts on the next one as a clause of its own, with the subject; the
    later verb then has none. The first act is a finite clause with a subject and no
    subordinator, right before the verb and a comma."""
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.i < verb.i
            and child.tag_ in ("VBD", "VBZ", "VBP")
            and child.right_edge.i + 2 == verb.i
            and verb.doc[verb.i - 1].text == ","
            and any(g.dep_ == "nsubj" for g in child.children)
            and not any(
                g.i < child.i and (g.dep_ == "mark" or g.tag_ == "WRB") for g in child.children
            )
        ):
            return child
    return None


# Verbs only a person or body does: their subject is never a thing like "the call"
_MINDFUL = {"hope", "want", "wish", "plan", "intend", "expect", "say", "add", "vow", "promise",
            "believe", "think", "insist", "urge"}  # fmt: skip


def subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The token that acts for a verb, and whether the verb is passive."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubj", "aux") for c in kids)
    ):
        passive = True  # a reduced passive: "when asked", "a deal signed by ..."
    for child in kids:
        if passive and child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, True
        if not passive and child.dep_ in ("nsubj", "csubj"):
            part = partitive(child)
            if part is not None:
                return part, False  # "one of two Russian jets clipped it": the jets act
            head = verb.head
            if (
                child.lower_ in ("that", "which")
                and verb.dep_ == "relcl"
                and head.lemma_.lower() in _INSTRUMENTS
                and head.dep_ in ("dobj", "nsubjpass")
                and depth < 3
            ):
                # "Putin signed a bill that bans adoptions": who enacts the law does what it does
                enactor, enacted_passive = subject(head.head, depth + 1)
                if enactor is not None and not enacted_passive:
                    return enactor, False
            return child, False
    head = verb.head
    shared = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if (
        not passive
        and verb.dep_ == "conj"
        and shared is not None
        and shared.pos_ == "NOUN"
        and head.lemma_ == "be"
        and head.dep_ == "ccomp"
        and verb.tag_ in ("VBZ", "VBD")
        # the tagger lemmatises "hopes" as "hop"
        and (verb.lemma_.lower() in _MINDFUL or verb.lower_[:-1] in _MINDFUL)
        and depth < 3
    ):
        # "Trump said his call with Putin was good and hopes to meet him": a call cannot
        # hope; the parser hung the speaker's second verb on the reported clause
        return subject(head.head, depth + 1)
    if not passive and verb.tag_ in ("VBD", "VBZ", "VBP") and depth < 3:
        listed = _listed_first(verb)
        if listed is not None:
            return subject(listed, depth + 1)
    if passive or depth >= 3 or verb.head.i == verb.i:
        return None, passive
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "worsened after the Trump administration imposed sanctions": the parser takes the
        # conjunction for a preposition and its clause's subject for the object
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _CLAUSE_PREPS or prep.i > verb.i:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.right_edge.i + 1 == verb.left_edge.i:
                    return pobj, False
    if verb.dep_ == "conj":
        # "X was notified ... and had requested": coordinated verbs share the subject itself,
        # not the agent of a passive first verb.
        shared = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            shared is not None
            and shared.dep_ == "nsubjpass"
            and verb.tag_ == "VBN"
            and not any(c.dep_ == "aux" for c in kids)
        ):
            return None, True  # "was detained and accused of theft": accused by someone unnamed
        if shared is not None:
            return shared, False
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in _SPEAKING
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in _SPEAKING | _DEMANDING
        and verb.i > 0
        and verb.doc[verb.i - 1].lower_ == ","
    ):
        # "Lavrov demanded that the US return the compounds, calling the seizure theft": the
        # parser hangs the speaker's participle on the reported clause
        return subject(head.head, depth + 1)[0], False
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "crashed after one of two Russian jets clipped its propeller": the parser takes the
        # subordinator for a preposition and the clause's subject for its object
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SUBORDINATORS or prep.i > verb.i:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.right_edge.i == verb.i - 1:
                    return partitive(pobj) or pobj, False
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "oprd"):
        return subject(head, depth + 1)[0], False
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        if head.lower_ in ("of", "for", "over", "with"):
            # "charged five officers with carrying out attacks": the officers carry them out;
            # "officers were charged by a grand jury for hacking": the officers, not the jury
            accused = next((c for c in head.head.children if c.dep_ == "dobj"), None)
            if accused is None and head.head.lemma_.lower() in _ACCUSING:
                accused = next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
            if accused is not None:
                return accused, False  # "accused Russia of directing attacks": Russia directs
        return subject(head.head, depth + 1)[0], False  # "after summoning the ambassador"
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_ in _CHARGE_NOUNS:
        # "indicted on charges of hacking", "accusations of meddling": the one charged did it
        charged = governing_verb(head.head)
        for child in charged.children if charged is not None else ():
            if child.dep_ in ("nsubjpass", "dobj"):
                return child, False
        return None, True
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner, False  # "Putin's offer to meet": Putin meets
        if verb.tag_ == "VBG":
            # "comments by Clinton accusing the Kremlin of ...": who made them speaks in them
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "by":
                    maker = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if maker is not None:
                        return maker, False
        if head.dep_ in ("dobj", "attr", "nsubj"):
            return subject(head.head, depth + 1)[0], False
    return None, passive


# Nouns whose named owner holds them rather than voices them: "willing to discuss Russian
# concerns", "it was Russia's fault" name no act of the owner's; a speaker's "our concerns"
# and "voiced concern" (a light verb) do.
_HELD_NOUNS = {"concern", "concerns"}


def owner_token(noun: Token) -> Token | None:
    """The token that owns a nominal trigger ("Putin's offer", "U.S. sanctions", "by Moscow")."""
    if noun.lower_ == "fault":
        return None  # "Russia's fault": the owner is the one blamed
    if noun.lower_ in _HELD_NOUNS:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return owner if owner is not None and owner.pos_ == "PRON" else None
    quality = None
    for deps in (("poss",), ("compound", "amod", "nmod")):
        for child in noun.children:
            if child.dep_ == "amod" and child.pos_ == "ADJ" and not child.ent_type_:
                quality = quality or child  # "fresh U.S. sanctions": the quality owns nothing
                continue
            if child.dep_ in deps:
                return child
    # "the decision drew sharp criticism from the Kremlin": the parser hangs "from" on the verb
    drawn = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _DRAWING
    if quality is not None and not drawn:
        return quality
    # "a warning and request from Russia": a phrase after the last of listed acts is all of
    # theirs, though the parser hangs it on the first
    shared = noun.dep_ == "conj" and noun.head.pos_ == "NOUN"
    listed = [c for c in noun.head.children if c.i > noun.i] if shared else []
    for child in (*noun.children, *(noun.head.children if drawn else ()), *listed):
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


_SETTING_PREPS = {"in", "during", "after", "at", "following", "before", "since", "on"}
# "after eight hours of talks", "a round of talks": the measure stands in for the act
_MEASURES = {"hour", "day", "week", "minute", "round", "series", "month", "year", "wave",
             "package", "raft", "slew", "tranche", "batch", "set", "barrage", "spate", "string",
             "volley", "flurry", "salvo"}  # fmt: skip


def measured(tok: Token) -> Token:
    """The measure a noun is counted in ("a wave of sanctions" -> wave), or the first of the
    nouns it is listed with ("announced the seizure of domains and sanctions on ten people"
    -> seizure), else the noun."""
    listed = False
    for _ in range(4):
        if tok.dep_ != "conj" or tok.head.pos_ not in ("NOUN", "PROPN"):
            break
        tok, listed = tok.head, True
    head = tok.head
    if listed and tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        # the parser lists the act with the other act's object: "announced the arrest of a
        # hacker and new sanctions" -> arrest
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MEASURES:
        return head.head
    return tok


_ANSWERING = {"retaliate", "respond", "react", "answer", "reply", "hit", "strike", "fire"}


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun sits in, through prepositions of setting ("after talks,
    X said", "in a phone call, X told Y"), but not of purpose ("recalled for consultations")."""
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return None
        measure = node.lower_ == "of" and node.head.lemma_.lower() in _MEASURES
        # "retaliated with a ban on", "responded by expelling": what one answers with is done
        answer = node.lower_ == "with" and node.head.lemma_.lower() in _ANSWERING
        if node.dep_ == "prep" and node.lower_ not in _SETTING_PREPS and not (measure or answer):
            return None
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass", "attr", "appos", "npadvmod",
                             "conj", "compound"):  # fmt: skip
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


# Nouns of what is looked into or talked about: an actor named under one is its topic, not a
# party to the act ("attacked the Russia probe", "denied contacts with Russian officials",
# "the investigation into Russian interference")
TOPIC_NOUNS = {"investigation", "probe", "inquiry", "hearing", "testimony", "dossier",
               "scandal", "collusion", "contact", "contacts", "case", "trial", "lawsuit", "story",
               "stories", "question", "questions", "matter", "coverage", "memo", "report",
               "reports", "documents", "inquiries"}  # fmt: skip
# A charge's owner is who makes it ("the American allegations"); what it is of is its topic
# ("allegations of collusion with Russian officials")
_CHARGES = {"allegation", "accusation", "claim", "charge", "suspicion"}
_PHRASE_DEPS = {"amod", "compound", "poss", "nmod", "pobj", "prep", "appos", "conj", "acl",
                "pcomp", "npadvmod"}  # fmt: skip


def under_topic(tok: Token) -> bool:
    """The token names what a topic noun over it is about: "Russian" in "the investigation
    into Russian interference", "Russia" in "the Russia probe", "contacts with Moscow"."""
    node = tok
    for _ in range(6):
        if node.dep_ not in _PHRASE_DEPS or node.head.i == node.i:
            return False
        came, node = node.dep_, node.head
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = node.lemma_.lower()
        if lemma in TOPIC_NOUNS or (lemma in _CHARGES and came in ("prep", "acl")):
            return True
    return False


_DRAWING = {"draw", "prompt", "provoke", "spark", "trigger", "earn", "attract", "elicit"}
_OWNERS = ("poss", "compound", "amod", "nmod")


def targets(
    ctx: ArticleContext, tok: Token, skip: set[int], speechlike: bool
) -> Iterator[ActorRef]:
    """Actors the trigger acts on, nearest first (breadth-first over its dependents)."""
    frontier = [tok]
    seen = set(skip)
    for _ in range(4):
        nxt: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.i in seen:
                    continue
                seen.add(child.i)
                dep = child.dep_
                if dep == "prep" and child.lower_ not in _TARGET_PREPS:
                    continue
                if dep in ("nsubj", "nsubjpass") and node.i != tok.i:
                    if not (speechlike and node.dep_ in ("ccomp", "xcomp")):
                        continue
                elif dep not in _TARGET_DEPS | {"poss", "oprd", "ccomp", "nsubj", "compound"}:
                    continue
                if dep == "ccomp" and not speechlike:
                    continue
                if child.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() in TOPIC_NOUNS:
                    continue  # "attacked the Russia probe": the probe is acted on, not Russia
                if dep in ("compound", "poss") and node.i == tok.i:
                    continue
                # a clause is not an actor: "decision to recuse himself from the Russia
                # investigation" does not act on Russia
                clause = dep in ("prep", "ccomp") or child.pos_ in ("VERB", "AUX")
                actor = None if clause else ctx.actor_of(child)
                if actor is not None:
                    yield actor
                    seen.update(s.i for s in child.subtree)
                    continue
                nxt.append(child)
        frontier = nxt
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DRAWING:
        # "the U.S. decision drew condemnation from Moscow": the reaction is aimed at the one
        # whose act drew it
        for subj in (c for c in tok.head.children if c.dep_ == "nsubj" and c.i not in skip):
            for node in (subj, *(g for g in subj.children if g.dep_ in _OWNERS)):
                actor = ctx.actor_of(node)
                if actor is not None:
                    yield actor
                    return


_REMOVALS = {"expel", "kick", "oust", "evict", "deport", "bar", "ban", "throw", "order"}


def implied_agent(
    ctx: ArticleContext, tok: Token, speech_verbs: frozenset[str], sides: tuple[str, str]
) -> ActorRef | None:
    """Who did an agentless passive act to the other side's national: the side that reports
    it ("..., the Justice Department said"), else the side whose soil it happened on ("was
    detained in Moscow")."""
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if patient is None and tok.dep_ == "conj":
        patient = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        # "a federal grand jury has indicted 12 Russian officers, the Justice Department
        # announced": a doer who is no actor leaves the act to the side that reports it
        doer, passive = subject(tok)
        if not passive and (doer is None or ctx.actor_of(doer) is None):
            patient = next((c for c in tok.children if c.dep_ == "dobj"), None)
    victim = ctx.actor_of(patient) if patient is not None else None
    if victim is None or victim.country not in sides:
        return None
    teller = reporter(ctx, tok, speech_verbs)
    if teller is not None and teller.country in sides and teller.country != victim.country:
        country = ctx.dictionary.countries[teller.country]
        return ActorRef(country.name, country.code, "GOVERNMENT")
    verbs = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    # "were expelled from Moscow", "were kicked out of the United States": a removal is done
    # by the side of the place the removed are sent away from
    removal = tok.lemma_.lower() in _REMOVALS
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "out"):
                continue
            if prep.lower_ != "in" and not removal:
                continue
            holders = [prep, *(g for g in prep.children if g.dep_ == "prep" and g.lower_ == "of")]
            places = [p for h in holders for p in h.children]
            for place in places:
                actor = ctx.actor_of(place) if place.dep_ == "pobj" else None
                if actor is not None and actor.country in sides and actor.country != victim.country:
                    country = ctx.dictionary.countries[actor.country]
                    return ActorRef(country.name, country.code, "GOVERNMENT")
    if tok.lemma_.lower() in ("indict", "charge"):
        # "were indicted on charges of hacking the networks of Clinton's campaign": the side
        # the charged act harmed brings the charge
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in _CHARGE_PREPS:
                continue
            for node in prep.subtree:
                actor = ctx.actor_of(node) if node.pos_ in ("NOUN", "PROPN") else None
                if actor is not None and actor.country in sides and actor.country != victim.country:
                    country = ctx.dictionary.countries[actor.country]
                    return ActorRef(country.name, country.code, "GOVERNMENT")
    return None


_THINKING = {"believe", "think", "consider", "feel", "know"}


def branded(
    ctx: ArticleContext, verb: Token, insults: frozenset[str]
) -> tuple[Token, Token, Token] | None:
    """(speaker, named, name) of "X said (he believed) Y was a killer", else None."""
    speaker, _ = subject(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in list(clauses):
        # "said he believed ...": still the speaker's words, unless the thought is denied
        if clause.lemma_.lower() in _THINKING and not any(c.dep_ == "neg" for c in clause.children):
            clauses += [c for c in clause.children if c.dep_ == "ccomp"]
    if speaker is None:
        return None
    for clause in clauses:
        if clause.lemma_ != "be" or any(c.dep_ == "neg" for c in clause.children):
            continue
        named = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        for attr in (c for c in clause.children if c.dep_ == "attr"):
            words = {attr.lemma_.lower(), attr.lower_}
            words |= {f"{c.lower_} {attr.lower_}" for c in attr.children if c.dep_ == "compound"}
            if named is not None and words & insults and ctx.actor_of(named) is not None:
                return speaker, named, attr
    return None


def insulted(ctx: ArticleContext, tokens: list[Token], insults: frozenset[str]) -> list[ActorRef]:
    """Actors the words call names ("Trump was a liar")."""
    out = []
    for tok in tokens:
        if tok.dep_ != "attr" or tok.lemma_.lower() not in insults or tok.head.lemma_ != "be":
            continue
        for subj in (c for c in tok.head.children if c.dep_ == "nsubj"):
            actor = ctx.actor_of(subj)
            if actor is not None:
                out.append(actor)
    return out


def charged_state(ctx: ArticleContext, tok: Token, side: str) -> ActorRef | None:
    """The state organ of `side` a charge names ("with spying for Russian intelligence")."""
    for child in tok.children:
        if child.dep_ not in ("prep", "xcomp", "advcl") or child.lower_ not in _CHARGE_PREPS:
            continue
        for node in child.subtree:
            actor = ctx.actor_of(node) if node.pos_ in ("NOUN", "PROPN") else None
            if actor is not None and actor.country == side and actor.role not in _PRIVATE:
                return actor
    return None


_CHARGE_PREPS = {"with", "of", "for", "on"}
_PRIVATE = {"COUNTRY", "_DYAD"}


def obliged(verb: Token) -> bool:
    """ "would have to cut", "must leave": the act is put on its subject by someone else."""
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "have"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)


def receiving_side(ctx: ArticleContext, verb: Token, sides: tuple[str, str]) -> ActorRef | None:
    """The watched side a third country extradites someone to ("extradited Bout to the United
    States"): the trial is that side's act."""
    if verb.lemma_.lower() not in ("extradite", "deport", "transfer"):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for pobj in prep.children:
                actor = ctx.actor_of(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.country in sides:
                    country = ctx.dictionary.countries[actor.country]
                    return ActorRef(country.name, country.code, "GOVERNMENT")
    return None


def _denied(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def reporter(ctx: ArticleContext, tok: Token, speech_verbs: frozenset[str]) -> ActorRef | None:
    """The speaker of the speech verb the trigger's clause is reported under."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            break
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in speech_verbs:
            subj, passive = subject(node.head)
            return ctx.actor_of(subj) if subj is not None and not passive else None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() == "agree" and not _denied(node.head):
            # "Trump agreed with May that Russia must answer": the view agreed to is his own;
            # not one two agreed on together ("the president and I agreed that ...")
            subj, passive = subject(node.head)
            if subj is None or passive or subj.conjuncts:
                return None
            return ctx.actor_of(subj)
        node = node.head
    for t in tok.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for child in t.doc[t.i + 1].children:
                return ctx.actor_of(child)
    return None


__all__ = [
    "branded",
    "charged_state",
    "governing_verb",
    "implied_agent",
    "insulted",
    "is_dyad",
    "measured",
    "obliged",
    "owner_token",
    "partitive",
    "perpetrator",
    "receiving_side",
    "reporter",
    "subject",
    "targets",
    "under_topic",
]
