"""Who acts and who receives: the actor and target of a trigger, read off the dependency tree.

Verbs take their subject as actor (the ``by`` agent when passive) and find the target among
their objects: "to/for/with/against X", "help X", the owner in "Russia's annexation". Nouns
("assistance from the CCP", "the Kremlin's critics", "his bases for the Russian military")
take the actor from the possessor, a ``from``/``by`` phrase or the subject of the verb above
them. Names resolve through the gazetteer spans; "he", "they", "the country" through the
carry-over :class:`~coalition.extract.context.Context`; a demonym ("Syrian dictator") only
through a governmental head noun, so "Serbian citizens" are not Serbia.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from coalition.extract.context import Context
from coalition.extract.sentence import CARRIER_ANY, CARRIER_PERSON, Mention, Sentence
from coalition.extract.stance import SUBJECT_DEPS, has_subject
from coalition.models import Dimension
from coalition.resolve import Conflict, Lexicon
from coalition.resolve.gazetteer import GROUP, LEADER, REGION

TARGET_PREPS = frozenset({"to", "for", "into", "with", "toward", "towards"})
# "sanctions on/against X" name the target; "backs Belgrade on Kosovo" and "defend it against X"
# do not.
OPPOSING_PREPS = frozenset({"on", "against"})
# Prepositions of place: "transfer oil off *its* coast" names no receiver.
PLACE_PREPS = frozenset({"off", "in", "at", "near", "along", "across", "inside", "within",
                         "around", "outside", "beyond"})
# Clauses below a trigger that are not its object: their words are never its target.
FOREIGN_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "relcl", "parataxis",
                          "expl", "mark", "punct"})
NOUN_TAGS = ("NOUN", "PROPN", "PRON")


@dataclass(frozen=True, slots=True)
class Party:
    """A resolved actor or target: its code, the words that named it, if carried over, and if
    only linked to the state ("Chinese *companies*", `linked_heads`)."""

    code: str
    start: int
    end: int
    carried: bool = False
    linked: bool = False


@dataclass(slots=True)
class Resolver:
    """Resolves tokens of one sentence to parties."""

    sentence: Sentence
    context: Context
    lexicon: Lexicon
    conflicts: tuple[Conflict, ...] = ()

    def party(self, token: Token, *, adjective_only: bool = False,
              bare_adjective: bool = False) -> Party | None:
        """The party a token names, through names, carry-over words and state head nouns.

        ``adjective_only`` accepts only a state named through a head noun ("Syrian
        volunteers"); ``bare_adjective`` accepts a demonym on its own ("*Russian* oil").
        """
        mention = self.sentence.mention_at(token.i)
        if mention is not None and mention.kind == REGION and not self._recognised(token):
            return None  # "troops in Donetsk and Luhansk": a place, not the proxy republics
        if mention is not None and bare_adjective and mention.adjective:
            return Party(mention.code, mention.char_start, mention.char_end)
        if mention is not None and not adjective_only:
            if mention.carrier:
                if token.lower_ == "it" and token.head.lemma_ == "be":
                    return None  # "it is a hole in the sanctions": no actor
                if token.lower_ in self.lexicon.cue("speaker_pronouns"):
                    return self._speaker()
                if self._words(mention) in self.lexicon.cue("carriers_group"):
                    return self._group(token, mention.char_start, mention.char_end)
                code = self._antecedent(token, mention.kind) or self.context.carry(mention.kind)
                if code:
                    return Party(code, mention.char_start, mention.char_end, carried=True)
                return None
            if not mention.adjective or token.pos_ in ("NOUN", "PROPN"):
                return Party(mention.code, mention.char_start, mention.char_end)
        if mention is None and token.lemma_.lower() in self.lexicon.cue("group_heads") and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self._group(token, *self.sentence.chars(token))  # "the Russian-led bloc"
        if token.lemma_.lower() in self.lexicon.cue("quantity_nouns"):
            return self._of_phrase(token)  # "dozens *of Chinese firms*"
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            return self.party(_antecedent_of(token), adjective_only=adjective_only)
        if token.lower_ in self.lexicon.cue("state_heads") or token.lemma_.lower() in \
                self.lexicon.cue("state_heads"):
            return self._through_head(token)
        if token.lemma_.lower() in self.lexicon.cue("event_heads"):
            return self._through_head(token, of_phrase=False)  # "the *Iranian* attack"
        return None

    def parties(self, token: Token, *, adjective_only: bool = False) -> list[Party]:
        """The parties a token and its conjuncts name ("Kazakhstan and Belarus")."""
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            token = _antecedent_of(token)  # "X and Y are among the states *that* ..."
        members = [token, *token.conjuncts]
        for listed in [c for c in token.children if c.dep_ == "npadvmod" and c.i > token.i
                       and self.sentence.mention_at(c.i) is not None]:
            members += [listed, *listed.conjuncts]  # "Belarus, *Eritrea*, Mali and Syria"
        found = [self.party(t, adjective_only=adjective_only) for t in members]
        recalled = [p for t, party in zip(members, found, strict=True) if party is None
                    for p in self._recalled_doers(t)]
        return [p for p in found if p is not None] + recalled

    def _recalled_doers(self, token: Token) -> list[Party]:
        """Who did "*the* strikes", when an earlier sentence said who struck: the event a
        definite event noun without a doer of its own takes up."""
        if token.lemma_.lower() not in self.lexicon.cue("event_heads") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
                c.dep_ in ("poss", "amod", "compound", "nmod") for c in token.children):
            return []
        start, end = self.sentence.chars(token)
        return [Party(code, start, end, carried=True)
                for code in self.context.doers.get(token.lemma_.lower(), ())]

    def _recognised(self, token: Token) -> bool:
        """Whether a word is what is recognised: below a recognition trigger or theme ("the
        *republics* of", "*recognised* Donetsk and Luhansk") within its clause."""
        for word in [token, *token.ancestors]:
            if self.lexicon.recognition(word.lemma_.lower()) or \
                    self.lexicon.recognition(word.lower_):
                return True
            if word.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _words(self, mention: Mention) -> str:
        return " ".join(t.lower_ for t in self.sentence.doc[mention.start:mention.end])

    def _group(self, token: Token, start: int, end: int) -> Party | None:
        """The group a group word stands for: named earlier in the sentence, else carried."""
        code = self._group_before(token) or self.context.carry_group()
        return Party(code, start, end, carried=True) if code else None

    def _group_before(self, token: Token) -> str | None:
        """The nearest group named earlier in the same sentence ("the group" stands for it)."""
        for i in range(token.i - 1, -1, -1):
            mention = self.sentence.mention_at(i)
            if mention is not None and mention.kind == GROUP:
                return mention.code
        return None

    def _speaker(self) -> Party | None:
        """Who says the sentence: the named subject of "said", "told", "announced"."""
        for token in self.sentence.doc:
            if token.lemma_.lower() in self.lexicon.cue("reporting_verbs"):
                for child in token.children:
                    mention = self.sentence.mention_at(child.i)
                    if child.dep_ == "nsubj" and not (mention and mention.carrier):
                        return self.party(child)
        return None

    def _antecedent(self, token: Token, kind: str) -> str | None:
        """The nearest earlier name in the same sentence a carry-over word can stand for.

        "he"/"his" take a leader; "they"/"it"/"the country" take a name that is a subject
        ("Russia has weakened to where *they* have withdrawn ...").
        """
        for i in range(token.i - 1, -1, -1):
            mention = self.sentence.mention_at(i)
            if mention is None or mention.carrier or not mention.code or mention.adjective \
                    or mention.kind == REGION:
                continue
            if mention.kind == GROUP and kind != CARRIER_ANY:
                continue  # "the government" is a state's; "its sanctions" may be the EU's
            if kind == CARRIER_PERSON and mention.kind == LEADER:
                return mention.code
            head = self.sentence.doc[mention.end - 1]
            if kind != CARRIER_PERSON and head.dep_ in ("nsubj", "nsubjpass"):
                return mention.code
        return None

    def _through_head(self, head: Token, *, of_phrase: bool = True) -> Party | None:
        if self._organisation(head):
            return None  # "the Syrian *National* Army", "the *Free* Syrian Army": a name
        for child in head.children:
            mention = self.sentence.mention_at(child.i)
            if mention is None and child.dep_ == "amod" and child.i >= 2 and \
                    child.nbor(-1).text in ("-", "–"):
                mention = self.sentence.mention_at(child.i - 2)  # "*Israeli*-flagged vessels"
            if child.dep_ in ("amod", "compound", "poss", "nmod", "appos") and mention:
                linked = head.lemma_.lower() in self.lexicon.cue("linked_heads")
                word = self.sentence.doc[mention.start]
                party = self.party(word) if mention.carrier or not mention.adjective else \
                    Party(mention.code, mention.char_start, mention.char_end)
                return replace(party, linked=True) if party and linked else party
        return self._of_phrase(head, named_only=True) if of_phrase else None

    def _organisation(self, head: Token) -> bool:
        """Whether a head noun ends an organisation's name: a capitalised modifier that is
        neither a name nor a state head word ("Defence" in "the Russian Defence Ministry")."""
        heads = self.lexicon.cue("state_heads")
        return head.text[:1].isupper() and any(
            c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.is_alpha
            and self.sentence.mention_at(c.i) is None and c.lower_ not in heads
            for c in head.children)

    def _of_phrase(self, head: Token, *, named_only: bool = False) -> Party | None:
        """The party of an "of" phrase; ``named_only``: only a name, not a head noun's."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (self.sentence.mention_at(pobj.i)
                                                or not named_only):
                        return self.party(pobj)
        return None


def _antecedent_of(relative: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause describes, or, when that noun
    only classifies a subject ("Syria and North Korea are *the only states that* ..."), that
    subject."""
    noun = relative.head.head
    copula = noun.head if noun.dep_ == "attr" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        copula = noun.head.head
    if copula is not None and copula.lemma_ == "be":
        subject_word = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject_word is not None:
            return subject_word
    return noun


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The token that does what ``verb`` says, and whether it is only the passive patient.

    A passive verb's doer is its ``by`` agent; without one, the patient is returned (so that
    "Syrian volunteers being sent" can still name its state through the adjective). Verbs
    without a subject of their own inherit it: conjuncts and complements from their head,
    participle and gerund clauses ("Refusing to send troops, Tokayev ...") from the main verb.
    """
    patient = None
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
        if child.dep_ in ("nsubj", "csubj"):
            return child, False
        if child.dep_ == "nsubjpass":
            patient = child
    if patient is not None:
        return patient, True
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ == "for":  # "for *Ukraine* to transit"
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
        if child.dep_ in ("npadvmod", "advmod") and child.pos_ == "PROPN" and child.i < verb.i:
            return child, False  # "Azerbaijan, for its part, has bought": a misparsed subject
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in NOUN_TAGS:
        return verb.head, verb.tag_ == "VBN"
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in NOUN_TAGS:
        return verb.head.head, False  # "accuses *companies* of supplying": the noun does it
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if owner is not None:  # "Germany's refusal to send": the possessor acts
            return owner, False
    if verb.dep_ == "xcomp":  # "Tehran is said to have shipped": the raised subject acts
        doer, _ = subject(verb.head)
        return doer, False
    above = verb.head
    while above.i != verb.i and above.pos_ not in ("VERB", "AUX") and above.head.i != above.i:
        above = above.head
    if above.i == verb.i or above.pos_ not in ("VERB", "AUX"):
        return None, False
    return subject(above)


def governor(noun: Token) -> Token | None:
    """The verb a noun trigger depends on, if it is that verb's object or complement.

    A noun that is the verb's subject ("the support he envisioned has gone") has no governor:
    it names the support without saying who gave it.
    """
    current = noun
    while current.head.i != current.i:
        if current.dep_ in SUBJECT_DEPS or current.dep_ in ("relcl", "advcl"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def object_parties(root: Token, resolver: Resolver, *, from_is_target: bool,
                   object_is_target: bool, opposing: bool = False,
                   preps_only: bool = False) -> list[Party]:
    """The targets below ``root``, nearest first, with their conjuncts.

    A direct object is the target of "condemned Russia" (``object_is_target``); for verbs
    whose object is the thing given ("sent shells") only a state named outright counts
    ("supplied *Russia* with drones").
    """
    scored: list[tuple[int, int, Token]] = []
    for token in object_side(root):
        if opposing and _in_reason(token, root):
            continue  # "sanctioned X *over its sales to Taipei*": the reason names no target
        mention = resolver.sentence.mention_at(token.i)
        named = mention is not None and not mention.adjective and not mention.carrier
        helped = _helped(token, root, resolver.lexicon.cue("helping_verbs"))
        rank = _target_rank(token, root, from_is_target, object_is_target or named, opposing,
                            helped)
        if rank is None and _extra_prep(token, root, resolver.lexicon, opposing):
            rank = 0
        if rank is not None and (rank == 0 or not preps_only):
            scored.append((rank, abs(token.i - root.i), token))
    for _, _, token in sorted(scored, key=lambda item: item[:2]):
        found = resolver.parties(token)
        if found:
            return found
    return []


def _in_reason(token: Token, root: Token) -> bool:
    """Whether ``token`` is inside a "for"/"over" phrase of ``root``: an opposition's reason."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ == "prep" and current.head.i == root.i and \
                current.lower_ in ("for", "over"):
            return True
        current = current.head
    return False


def thanked_roles(noun: Token, resolver: Resolver) -> tuple[list[Party], list[Party]] | None:
    """"Aliyev thanked Turkey *for its support*": the thanked one gave it, the thanker got it.

    ``None`` when the noun is not the reason of a thanking verb.
    """
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or \
            verb.lemma_.lower() not in resolver.lexicon.cue("gratitude_verbs"):
        return None
    givers = [p for c in verb.children if c.dep_ == "dobj" for p in resolver.parties(c)]
    doer, passive = subject(verb)
    receivers = resolver.parties(doer) if doer is not None and not passive else []
    return givers, receivers


def source_parties(noun: Token, resolver: Resolver) -> list[Party]:
    """The parties of a "from X" / "by X" phrase on a word ("aid *from the CCP*")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in child.children:
                found = resolver.parties(pobj) if pobj.dep_ == "pobj" else []
                if found:
                    return found
    return []


def clause_subject_parties(verb: Token, resolver: Resolver, *, hostile: bool = False
                           ) -> list[Party]:
    """Parties named as subjects of adverbial clauses: "when *Armenia* needed it"; with
    ``hostile``, only those of an attack ("respond after *Iran* launched drones": the enemy),
    otherwise never those."""
    attacks = resolver.lexicon.cue("attack_verbs") | resolver.lexicon.cue("firing_verbs")
    for child in verb.children:
        if child.dep_ == "advcl" and has_subject(child) and \
                (child.lemma_.lower() in attacks) == hostile:
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "nsubjpass"):
                    found = resolver.parties(grandchild)
                    if found:
                        return found
    return []


def object_side(root: Token) -> list[Token]:
    """Tokens of ``root``'s subtree outside its subject, agent and other clauses.

    Kept: objects, prepositional phrases and infinitive purpose clauses ("sent shells *to help
    Russia*"); dropped: adverbial clauses with a subject, a conjunction or a participle
    ("*Signaling* its disappointment ..."), and conjoined verbs ("help X and *humiliate* Y").
    """
    out: list[Token] = []
    stack = [c for c in root.children if c.dep_ not in FOREIGN_DEPS]
    while stack:
        token = stack.pop()
        if token.dep_ == "advcl" and not _infinitive(token):
            continue
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            continue
        if token.dep_ == "pcomp":
            continue  # "sanctioned officials *for supplying drones to Russia*": another event
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "parataxis"))
    return out


def _extra_prep(token: Token, root: Token, lexicon: Lexicon, opposing: bool) -> bool:
    """Prepositions that name the target only after some triggers.

    "launched missiles *at* Israel" (an opposition whose object is the weapon) and
    "its participation *in* the CSTO" (a membership noun), "recognised the independence *of*
    Kosovo" (a recognition theme); elsewhere "at the UN" and "in Ukraine" are places.
    """
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return _recognised_of(token, root, lexicon)
    if token.dep_ != "pobj" or token.head.head.i != root.i:
        return False
    prep, lemma = token.head.lower_, root.lemma_.lower()
    if prep == "at":
        return opposing and root.pos_ == "VERB" and lemma in lexicon.cue("firing_verbs")
    return prep == "in" and lemma in lexicon.cue("membership_nouns")


def _recognised_of(token: Token, root: Token, lexicon: Lexicon) -> bool:
    """"recognised the independence *of Kosovo*": the owner of a recognition theme receives.

    Only recognition themes on the direct object: "condemned the invasion of Ukraine" names
    the victim of someone else's act, not the target.
    """
    thing = token.head.head
    return thing.dep_ == "dobj" and thing.head.i == root.i and \
        lexicon.themes.get(thing.lemma_.lower()) is Dimension.RECOGNITION


def _helped(token: Token, root: Token, helping: frozenset[str]) -> bool:
    """Whether the verb nearest above ``token`` is the trigger itself or a helping verb."""
    current = token.head
    while current.i != root.i and current.pos_ not in ("VERB", "AUX"):
        current = current.head
    return current.i == root.i or current.lemma_.lower() in helping


def _infinitive(verb: Token) -> bool:
    return not has_subject(verb) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _target_rank(token: Token, root: Token, from_is_target: bool,
                 object_is_target: bool, opposing: bool, helped: bool) -> int | None:
    """How good a slot is for the target (lower is better), or ``None`` when it is not one.

    "to/for/against X" beats a direct object, which beats "X's" on an object ("blocked the
    EU's aid package *for Ukraine*"); "of X" counts only after a noun trigger; "against X"
    only for opposition ("sanctions against X", but "defend it against X" names the enemy).
    """
    dep, head = token.dep_, token.head
    if dep == "pobj":
        if head.head.lower_ == "according":
            return None
        if head.lower_ in TARGET_PREPS or (from_is_target and head.lower_ == "from") or (
                opposing and head.lower_ in OPPOSING_PREPS):
            return 0
        if head.lower_ == "of" and head.head.i == root.i and root.pos_ in ("NOUN", "PROPN"):
            return 0
        return None
    if dep in ("dobj", "dative") and (object_is_target or head.i != root.i) and helped:
        return 1
    if dep == "compound" and token.i == root.i + 1 and object_is_target:
        while head.dep_ == "compound":
            head = head.head
        if head.dep_ == "dobj":
            return 1  # "sold Ukraine drones", parsed as a compound: the first object receives
    if dep == "appos" and head.dep_ in ("dobj", "pobj"):
        return 1
    if dep == "nsubj" and head.i != root.i and head.dep_ in ("xcomp", "ccomp"):
        return 2
    if dep == "poss" and head.i != root.i and head.dep_ in ("dobj", "pobj", "attr", "conj") \
            and helped and not (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS):
        # a noun trigger's own possessor acts ("*its* deliveries"); "off *its* coast" is a place
        return 3
    return None


def attack_doers(resolver: Resolver) -> dict[str, tuple[str, ...]]:
    """The states a sentence names as doing an attack, by the attack verb's lemma: "*American
    and Israeli jets* struck Tehran". Passive patients and negated attacks name no doer."""
    found: dict[str, tuple[str, ...]] = {}
    attacks = resolver.lexicon.cue("attack_verbs")
    negation = resolver.lexicon.cue("negation")
    for verb in resolver.sentence.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in attacks or \
                any(c.dep_ == "neg" or c.lower_ in negation for c in verb.children):
            continue
        doer, passive = subject(verb)
        if doer is None or passive:
            continue
        # "*American and Israeli* jets", "*Russian* missiles": every demonym on the doers
        named = [p for c in doer.children if c.dep_ in ("amod", "compound")
                 for a in (c, *c.conjuncts)
                 for p in [resolver.party(a, bare_adjective=True)] if p]
        codes = tuple(dict.fromkeys(p.code for p in resolver.parties(doer) + named
                                    if not p.carried))
        if codes:
            found[verb.lemma_.lower()] = codes
    return found
