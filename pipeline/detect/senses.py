"""Reading a trigger's senses off the parse: which lexicon sense a word has here.

A word of the lexicon ("call", "offer", "talks") has senses tried in order, each with the
conditions the parse must meet (a particle, a preposition, an object of a kind, an object
predicate). `SenseReader` holds those checks and the judgement an object predicate carries
("called the talks useful", "called him a killer"); `EventFinder` builds events on it.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.detect.arguments import is_dyad, partitive, subject
from pipeline.detect.lexicon import Lexicon, Sense, cue_counts
from pipeline.detect.resolve import ArticleContext

# "a range of options": the object a quantity of what it names
_ASSORTMENTS = {"range", "set", "number", "series", "menu", "variety", "list", "host"}
_NAME_ENTS = {"ORG", "FAC", "GPE", "LAW", "WORK_OF_ART", "PRODUCT", "LOC"}
_TIME_ENTS = {"DATE", "TIME"}
_DURATIONS = {"hour", "minute", "second", "day", "week", "while", "time", "half", "moment"}
_JUDGING_PREPS = {"without", "beyond", "against", "contrary"}
# What makes a judged meeting praise of the other side ("called the summit a great success"),
# as against the diplomatic register of its tone ("constructive", "businesslike", "frank")
_WARM = {"good", "great", "excellent", "wonderful", "fantastic", "terrific", "tremendous",
         "success", "successful", "productive", "fruitful", "warm", "friendly", "breakthrough",
         "best", "historic", "brilliant", "incredible", "amazing", "outstanding", "friend",
         "partner"}  # fmt: skip


# Machines of war: what they do to one another is force, never words
_HARDWARE = {"jet", "fighter", "bomber", "drone", "warship", "submarine", "missile", "aircraft",
             "destroyer", "plane", "helicopter", "ship", "vessel", "frigate", "tank"}  # fmt: skip
# Roles of people who can be struck by force (see `_office_holder_object`)
_STRUCK_ROLES = {"COUNTRY", "MILITARY", "DIPLOMAT"}
# Words of readiness whose infinitive can be an offer ("ready to talk") or resolve ("ready
# to impose sanctions"), and the acts that make it resolve
_READINESS = {"ready", "willing", "prepared", "readiness", "willingness", "eager", "keen"}
_ACCOUNTABLE = {"responsible", "accountable", "liable", "culpable", "guilty", "answerable"}
_HOSTILE_ACTS = {"SANCTION", "THREATEN", "ACCUSE", "REJECT", "COERCE", "ASSAULT", "MOBILIZE"}


# A deal or agreement of a kind no government makes with another: a defendant's with
# prosecutors, a businessman's for a building
_DEALS = {
    "deal",
    "agreement",
    "talks",
    "negotiation",
    "negotiations",
    "discussion",
    "meeting",
    "conversation",
    "trip",
    "visit",
}
_PRIVATE = {"plea", "estate", "hotel", "tower", "business", "divestiture", "licensing",
            "property", "lending", "construction", "franchise", "settlement", "project"}  # fmt: skip


# What "ready to use ..." threatens with: force and the means of it ("ready to use the
# potential of our space industry in developing cooperation" threatens nothing)
_MEANS_OF_FORCE = {"force", "forces", "weapon", "weapons", "arm", "arms", "military", "army",
                   "missile", "missiles", "nuclear", "means", "tool", "tools", "instrument",
                   "instruments", "leverage", "measure", "measures", "option", "options",
                   "power", "everything", "all", "veto", "sanction", "sanctions", "it", "them",
                   "this", "that"}  # fmt: skip


def _peaceful_use(verb: Token) -> bool:
    """ "ready to use" with an object that is no means of force."""
    if verb.lemma_.lower() not in ("use", "employ"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        t.lemma_.lower() in _MEANS_OF_FORCE or t.lower_ in _MEANS_OF_FORCE
        for o in objects
        for t in (o, *o.children)
    )


class SenseReader:
    """The sense checks of the event finder; subclasses set `ctx`, `lex` and `sides`."""

    ctx: ArticleContext
    lex: Lexicon
    sides: tuple[str, str]

    def senses(self, tok: Token) -> tuple[Sense, ...]:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.pos_ != "NOUN"):
            return self.lex.verbs.get(lemma, ())
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                return ()  # "the sanctions list", "a talks format": a modifier, not an act
            if tok.ent_type_ in _NAME_ENTS:
                return ()  # "the Moscow Exchange", "the Defense Cooperation Agency": names
            if lemma in _DEALS and any(
                m.i < tok.i
                and m.dep_ in ("compound", "amod", "nmod")
                and m.lemma_.lower() in _PRIVATE
                for m in tok.subtree
            ):
                return ()  # "his plea deal", "a Moscow real estate deal": no pact between sides
            if tok.i > 0:
                pair = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
                if pair in self.lex.nouns:
                    return (self.lex.nouns[pair],)
            for key in (tok.lower_, lemma):
                if key in self.lex.nouns:
                    if lemma == "call" and "appeal" in self.lex.nouns and self._call_for(tok):
                        return (self.lex.nouns["appeal"],)  # "its call for Moscow to free him"
                    return (self.lex.nouns[key],)
            return ()
        if tok.pos_ == "ADJ":
            return self.lex.adjectives.get(lemma, ())
        return ()

    def _call_for(self, tok: Token) -> bool:
        """ "renewed its call for a ceasefire", "calls on Moscow to withdraw": a call asks for
        something; "a call for an hour", "a call on Tuesday" is a phone call."""
        if any(
            c.dep_ in ("advcl", "acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            for c in tok.children
        ):
            return True  # "its call for Moscow to free them"
        # "call for Russia to be readmitted", where the parser hangs that clause elsewhere
        following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if following is not None and following.lower_ == "for" and following.dep_ == "mark":
            return True
        # the parser hangs the infinitive on the noun or on the verb that takes it as object
        holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
        infinitive = any(
            c.dep_ in ("acl", "xcomp", "advcl")
            and c.i > tok.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for h in holders
            for c in h.children
        )
        for prep in tok.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "to"
                and infinitive
                and any(self.ctx.actor_of(p) is not None for p in prep.children)
            ):
                return True  # "issued calls to Russia to stop the deliveries": put to the one named
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "on", "upon"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in _TIME_ENTS:
                    continue
                if obj.lemma_.lower() in _DURATIONS:
                    continue
                if prep.lower_ == "for" or self.ctx.actor_of(obj) is not None:
                    return True
        return False

    @staticmethod
    def _held_to_account(tok: Token) -> bool:
        """A verb whose object is given an adjective of blame ("held Moscow responsible",
        "is holding past administrations responsible", "kept them accountable"), which the
        parser hangs on the verb or on the object."""
        holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))]
        return any(
            c.pos_ == "ADJ" and c.lemma_.lower() in _ACCOUNTABLE
            for h in holders
            for c in h.children
            if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "amod", "advcl") and c.i > tok.i
        )

    def _hostile_complement(self, tok: Token) -> bool:
        """A readiness word whose infinitive is a hostile act ("ready to issue new sanctions",
        "readiness to defy Washington", "willing to risk a clash"): resolve shown, no offer.
        The act is the infinitive's own hostile sense, or for a verb with no sense of its own
        or a light one, its object's."""
        for comp in tok.children:
            if comp.dep_ not in ("xcomp", "acl") or comp.pos_ not in ("VERB", "AUX"):
                continue
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in comp.children):
                continue
            own = self.senses(comp)
            if any(s.type in _HOSTILE_ACTS and self._fits(comp, s) for s in own):
                return True
            if own and comp.lemma_.lower() not in self.lex.light_verbs:
                continue
            objects = [c for c in comp.children if c.dep_ == "dobj"]
            objects += [
                p
                for c in comp.children
                if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "against")
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if any(
                s.type in _HOSTILE_ACTS and (o.pos_ == "NOUN" or self._fits(o, s))
                for o in objects
                for s in self.senses(o)
            ):
                return True
        return False

    def _pair_subject(self, tok: Token) -> bool:
        """A subject that names the pair ("the two leaders"); the event finder also reads
        the pair taken up from the sentences before ("the two")."""
        return is_dyad(tok)

    def _fits(self, tok: Token, sense: Sense) -> bool:
        kids = list(tok.children)
        if (
            sense.type == "AGREE"
            and sense.mode == "offer"
            and tok.lemma_.lower() in _READINESS
            and self._hostile_complement(tok)
        ):
            return False  # "ready to issue new sanctions", "readiness to defy Washington"
        if sense.type == "COERCE" and self._held_to_account(tok):
            return False  # "held both countries responsible": a judgement, no one detained
        if sense.type == "ASSAULT" and tok.pos_ == "VERB" and self._office_holder_object(tok):
            return False  # "fired the FBI director", "attacked the president on Twitter"
        if (
            sense.mode == "criticize"
            and tok.pos_ == "VERB"
            and any(c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in _HARDWARE for c in kids)
        ):
            return False  # "a jet attacked the U.S. drone over Syria": a machine says nothing
        if sense.prt and not any(
            c.lower_ in sense.prt and c.dep_ in ("prt", "advmod", "prep") for c in kids
        ):
            return False
        # "pinned the attack on Moscow": the parser often hangs the verb's preposition on its
        # object, so a preposition under the direct object counts as the verb's
        prep_holders = kids + [g for c in kids if c.dep_ == "dobj" for g in c.children]
        if (
            sense.prep
            and not any(
                c.lower_ in sense.prep
                and c.dep_ in ("prep", "prt", "dative", "agent")
                and not self._temporal(c)
                and not (sense.type == "REQUEST" and self._naming_for(tok, c))
                for c in prep_holders
            )
            and not any(
                # "called for Washington to withdraw": the parser marks the clause with "for"
                c.dep_ in ("advcl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ in sense.prep for m in c.children)
                for c in kids
            )
        ):
            return False
        # "ordered the troops to withdraw": the verb said of the object counts as an object
        said_of = [g for c in kids for g in (c, *c.children) if g.dep_ in ("xcomp", "acl")]
        if sense.unless and any(
            o.lemma_.lower() in sense.unless or o.lower_ in sense.unless
            for o in self._objects(tok) + said_of
        ):
            return False
        needs = sense.needs
        if needs == "pair":
            # "Obama and Putin spoke", "the two leaders talked": no "with" needed
            subj, passive = subject(tok)
            return (
                subj is not None
                and not passive
                and (self._pair_subject(subj) or bool(subj.conjuncts))
            )
        if needs == "subjnoun":
            # "Russian bombers flew near Alaska": motion is a deployment when forces move
            subj, passive = subject(tok)
            heads = [] if subj is None or passive else [subj, *subj.conjuncts]
            return any(
                h.lemma_.lower() in sense.objects or h.lower_ in sense.objects for h in heads
            )
        if needs == "oprd":
            if sense.type == "EVALUATE":  # a neutral "called his counterpart" is a phone call
                return bool(self._predicate(tok)) and self._evaluate(tok) is not None
            return bool(self._predicate(tok))
        if needs == "object":
            if sense.type == "CONSULT" and self._small_clause(tok):
                return False  # "calling his counterpart a friend" judges; it rings no one
            return any(
                c.dep_ in ("dobj", "dative", "nsubjpass")
                and self._objectish(c, strict=sense.type == "CONSULT")
                for c in kids
            )
        if needs == "objnoun":
            if sense.type == "REJECT" and self._charge_relativised(tok, sense):
                return True
            return any(
                o.lemma_.lower() in sense.objects or o.lower_ in sense.objects
                for o in self._objects(tok)
            )
        if needs == "owned_claim":
            # "disputed the US Navy's characterization", "dismissed the American findings":
            # a word for what someone put forward, whose maker is named as an actor
            return any(
                (o.lemma_.lower() in sense.objects or o.lower_ in sense.objects)
                and any(
                    self.ctx.actor_of(t) is not None
                    for c in o.children
                    if c.dep_ in ("poss", "compound", "amod")
                    or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
                    for t in c.subtree
                )
                for o in self._objects(tok)
            )
        if needs == "dobj":  # a thing acted on directly, not a phrasal "seize on"
            return any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in kids) or (
                tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN"
            )
        if needs == "xcomp":
            return any(
                c.dep_ == "xcomp" and c.lemma_.lower() in sense.xcomp and not _peaceful_use(c)
                for c in kids
            )
        if needs == "objclause":
            # "weighing options to punish Russia": the object is a means to the act named
            things = [o for o in kids if o.dep_ in ("dobj", "nsubjpass")]
            things += [  # "a range of options to respond"
                p
                for o in things
                if o.lemma_.lower() in _ASSORTMENTS
                for g in o.children
                if g.dep_ == "prep" and g.lower_ == "of"
                for p in g.children
                if p.dep_ == "pobj"
            ]
            # the parser hangs the infinitive on the object or on the verb itself
            means = [c for c in kids if c.dep_ in ("xcomp", "advcl")]
            return any(
                o.lemma_.lower() in sense.objects
                and any(
                    c.lemma_.lower() in sense.xcomp
                    for c in [*(c for c in o.children if c.dep_ in ("acl", "relcl")), *means]
                    if c.i > o.i
                )
                for o in things
            )
        if needs == "ccomp":
            return any(c.dep_ == "ccomp" for c in kids) or self._clause_taken_up(tok)
        if needs == "reprisal_clause":
            # "pledged the United States would develop military response options": a promise
            # whose clause names a reprisal
            return any(
                c.dep_ in ("ccomp", "xcomp")
                and any(t.lemma_.lower() in sense.objects for t in c.subtree)
                for c in kids
            )
        if needs == "xcomp_any":
            return any(c.dep_ == "xcomp" for c in kids)
        if needs == "gerund":
            # "denied violating the treaty", not "denies reality by minimizing it"
            return not any(c.dep_ == "dobj" for c in kids) and any(
                c.dep_ == "xcomp" and c.tag_ == "VBG" for c in kids
            )
        if needs == "meeting_clause":
            # "suggested that the two presidents hold a call": a meeting put forward
            return any(
                c.dep_ in ("ccomp", "xcomp")
                and any(
                    t.i != tok.i
                    and any(
                        sense.type == "CONSULT" and (t.pos_ == "NOUN" or self._fits(t, sense))
                        for sense in self.senses(t)
                    )
                    for t in c.subtree
                )
                for c in kids
            ) or any(
                # "suggested that the two countries form a working group": a joint step of
                # the pair put forward, in the subjunctive
                c.dep_ == "ccomp"
                and c.tag_ in ("VB", "VBP")
                and not any(a.dep_ in ("aux", "neg") for a in c.children)
                and any(s.dep_ == "nsubj" and is_dyad(s) for s in c.children)
                for c in kids
            )
        if needs == "actor_clause":
            # "we expect Russia to free him": an actor put under an infinitive it is to carry out
            # ("help Russia join": a bare infinitive; "expect Russia will" is a forecast)
            return any(
                c.dep_ in ("ccomp", "xcomp")
                and c.tag_ in ("VB", "VBP")
                and c.lemma_.lower() not in sense.unless
                and all(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
                and any(
                    self.ctx.actor_of(s) is not None
                    for s in [
                        *(g for g in c.children if g.dep_ == "nsubj"),
                        *(k for k in kids if k.dep_ == "dobj"),
                    ]
                    if s.i < c.i
                )
                for c in kids
            )
        if sense.prep_actor:
            return any(
                self.ctx.actor_of(p) is not None
                for c in prep_holders
                if c.dep_ == "prep" and c.lower_ in sense.prep
                for p in c.children
                if p.dep_ == "pobj"
            )
        return True

    @staticmethod
    def _clause_taken_up(tok: Token) -> bool:
        """ "Russia convinced him to stay, which the Kremlin has denied": a comma and "which"
        take up the whole clause before as the verb's object, as a clause would be."""
        if tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
            return False
        return any(
            c.dep_ == "dobj" and c.lower_ == "which" and c.i > 0 and c.doc[c.i - 1].text == ","
            for c in tok.children
        )

    @staticmethod
    def _charge_relativised(tok: Token, sense: Sense) -> bool:
        """A denial told in a clause on what it denies: "a charge Moscow denies" (the charge
        is the verb's object), and ", which Russia denies" after the charge itself, which the
        relative pronoun stands for."""
        if tok.dep_ != "relcl" or tok.lemma_.lower() != "deny":
            return False
        objects = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
        if not objects:
            return tok.head.lemma_.lower() in sense.objects
        pronoun = objects[0]
        return (
            len(objects) == 1
            and pronoun.lower_ == "which"
            and pronoun.i == tok.head.i + 2
            and tok.doc[tok.head.i + 1].lower_ == ","
        )

    @staticmethod
    def _objects(tok: Token) -> list[Token]:
        """The trigger's objects and the nouns beside them, as the objnoun condition reads."""
        kids = list(tok.children)
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr")]
        # "a flotilla that Moscow sent": the relative pronoun stands for its noun
        objects += [
            tok.head for c in objects if c.lower_ in ("that", "which") and tok.dep_ == "relcl"
        ]
        objects += [g for c in objects for g in c.children if g.dep_ in ("compound", "conj")]
        # "deployed dozens of warplanes", "sent thousands of troops": the whole of a quantity
        objects += [w for c in objects if (w := partitive(c)) is not None]
        objects += [p for c in kids if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        # "pulled out of the talks", "walked away from the deal": a preposition in a preposition
        objects += [
            p
            for c in kids
            if c.dep_ in ("prep", "prt") and c.lower_ in ("out", "away")
            for g in c.children
            if g.dep_ == "prep"
            for p in g.children
            if p.dep_ == "pobj"
        ]
        # "removed a supplier from its sanctions list": the parser hangs "from" on the object
        objects += [
            p
            for c in kids
            if c.dep_ == "dobj"
            for g in c.children
            if g.dep_ == "prep" and g.lower_ == "from"
            for p in g.children
            if p.dep_ == "pobj"
        ]
        return objects

    @staticmethod
    def _small_clause(tok: Token) -> bool:
        """An object predicate proper: "called him a friend", "called the allegations false"."""
        return any(
            (
                c.dep_ in ("oprd", "attr")
                # "called his counterpart concerning Snowden": a participle with an object of
                # its own is a phrase of topic the parser took for a predicate
                and not (c.tag_ == "VBG" and any(g.dep_ in ("pobj", "dobj") for g in c.children))
            )
            or (c.dep_ in ("ccomp", "xcomp") and c.tag_ in ("VBN", "JJ", "NN", "NNS"))
            for c in tok.children
        )

    @staticmethod
    def _naming_for(tok: Token, prep: Token) -> bool:
        """ "Called Putin 'smart' for not retaliating", "for his part, called the summit
        productive": "call" with an object of its own names or judges it, and its "for" gives
        a reason or a stance, not what is called for."""
        if prep.lower_ != "for" or tok.lemma_.lower() != "call":
            return False
        return any(c.dep_ in ("dobj", "oprd") for c in tok.children) or any(
            o.dep_ == "pobj" and o.lemma_.lower() == "part" for o in prep.children
        )

    @staticmethod
    def _temporal(prep: Token) -> bool:
        """ "called Lavrov on Sunday": a preposition of time is no "call on"."""
        return any(p.dep_ == "pobj" and p.ent_type_ in _TIME_ENTS for p in prep.children)

    def _predicate(self, tok: Token) -> list[Token]:
        """The object predicate of "called him a killer", "described the talks as good"."""
        out = [c for c in tok.children if c.dep_ in ("oprd", "attr")]
        if not out and tok.lemma_.lower() in ("call", "describe", "brand", "label"):
            # the parser often folds "called the talks useful" into the object phrase
            out += [
                c
                for c in tok.children
                if c.dep_ == "dobj"
                and any(
                    g.dep_ in ("acl", "amod", "prep", "compound", "poss", "appos")
                    for g in c.children
                )
            ]
        if tok.lemma_.lower() in ("call", "brand", "label"):
            # "called the allegations fabricated": a small clause the parser makes a ccomp
            out += [
                c
                for c in tok.children
                if c.dep_ in ("ccomp", "xcomp") and c.tag_ in ("VBN", "JJ", "NN")
            ]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                out += [p for p in c.children if p.dep_ == "pobj"]
        if tok.lemma_.lower() in ("call", "brand", "label"):
            # "called the allegations without merit": the parser hangs the judgement on the verb
            out += [
                c
                for c in tok.children
                if c.dep_ == "prep"
                and c.lower_ in _JUDGING_PREPS
                and any(d.dep_ == "dobj" and d.i < c.i for d in tok.children)
            ]
        return out

    def _evaluate(self, tok: Token) -> str | None:
        """ACCUSE or SUPPORT for "call X Y" by what Y says of X; None when Y is neutral."""
        words = [t for p in self._predicate(tok) for t in p.subtree]
        lemmas = [t.lemma_.lower() for t in words]
        if any(lemma in self.lex.insult_nouns for lemma in lemmas):
            return "ACCUSE"
        text = " ".join(
            self.ctx.doc[p.left_edge.i : p.right_edge.i + 1].text for p in self._predicate(tok)
        )
        counts = cue_counts(self.lex, lemmas, text)
        judged = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if counts.get("negative", 0) > counts.get("positive", 0):
            named = judged + self._predicate(tok)
            # "called the report nonsense", parsed as one noun phrase: the claim is its compound
            named += [c for p in named for c in p.children if c.dep_ == "compound"]
            if any(c.lemma_.lower() in self.lex.accusation_nouns for c in named):
                return "REJECT"  # "called the allegations fabricated": a claim turned down
            return "ACCUSE"
        warm = any(lemma in _WARM for lemma in lemmas)
        if counts.get("positive", 0) or warm:
            if any(self._is_meeting(c) for c in judged) and not warm:
                # "called the talks constructive" judges the tone of a meeting both held;
                # "called the summit a great success" praises it, and the other side with it
                return None
            return "SUPPORT"
        verdict = self._predicate(tok)
        if (
            verdict
            and any(self._owned_thing(c) for c in judged)
            and all(self._scare_quoted(p) for p in verdict)
        ):
            # 'called the U.S. rhetoric "clumsy and boorish"': the speaker's own words, set
            # off in quotes, passed on a thing a side owns, with no warm word among them
            return "ACCUSE"
        return None

    def _owned_thing(self, noun: Token) -> bool:
        """A thing, not a person, that an actor owns ("the U.S. rhetoric", "Moscow's move")."""
        if noun.pos_ != "NOUN" or noun.ent_type_ or noun.head.lemma_ != "call":
            return False
        if not any(p.pos_ == "ADJ" for p in self._predicate(noun.head)):
            return False  # 'called the U.S. envoy "a good man"': a verdict on a person
        return any(
            c.dep_ in ("poss", "compound", "amod") and self.ctx.actor_of(c) is not None
            for c in noun.children
        )

    def _scare_quoted(self, pred: Token) -> bool:
        """The predicate is set off in quotation marks ('called it "boorish"')."""
        doc = self.ctx.doc
        left, right = pred.left_edge.i, pred.right_edge.i
        opened = doc[left].is_quote or (left > 0 and doc[left - 1].is_quote)
        closed = doc[right].is_quote or any(
            t.is_quote for t in doc[right + 1 : min(len(doc), right + 3)]
        )
        return opened and closed

    def _office_holder_object(self, tok: Token) -> bool:
        """The verb's direct object is one holder of an office (a leader, a minister, a named
        official, a person the dictionary does not know): such a person is fired from a post
        or attacked in words, not struck by force. Diplomats, soldiers and citizens can be."""
        for obj in tok.children:
            if obj.dep_ != "dobj" or obj.tag_ in ("NNS", "NNPS"):
                continue
            actor = self.ctx.actor_of(obj)
            mention = self.ctx.mention_at(obj.i)
            if actor is None:
                if obj.ent_type_ == "PERSON":
                    return True
            elif mention is not None and (
                (mention.kind in ("person", "title") and actor.role not in _STRUCK_ROLES)
                or (mention.person is not None and bool(mention.person.terms))
            ):
                return True  # one who held an office, in it that day or not
        return False

    def _is_meeting(self, tok: Token) -> bool:
        sense = self.lex.nouns.get(tok.lower_) or self.lex.nouns.get(tok.lemma_.lower())
        return sense is not None and sense.type == "CONSULT"

    def _objectish(self, tok: Token, strict: bool = False) -> bool:
        roles = self.ctx.dictionary.role_nouns
        if (
            tok.pos_ == "NOUN"
            and self.ctx.mention_at(tok.i) is None
            and tok.lemma_.lower() not in roles
            and tok.lower_ not in roles
            and (strict or any(c.dep_ == "poss" for c in tok.children))
        ):
            # "received the ministry's note", "called the Russian claims": a thing an actor
            # owns or makes is no one to meet or ring
            return False
        if self.ctx.actor_of(tok) is not None:
            return True
        return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in self.ctx.dictionary.role_nouns


__all__ = ["SenseReader"]
