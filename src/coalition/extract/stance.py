"""Whether a trigger is asserted, refused, hedged, or no claim at all (asked of, hypothetical).

All checks look at the trigger's *chain*: the words it is a complement of, up to its clause
("refused to *recognize*", "wary of *intervening*", "reports of volunteers being *sent* fell
flat"). Negation is checked on the trigger and the verb that governs it only, so "has not
provided X, but rather has taken Y" negates the first verb, not the second.
"""

from __future__ import annotations

from spacy.tokens import Token

from coalition.models import Stance
from coalition.resolve import Lexicon

# Dependencies that start a clause of their own: the chain stops there.
CLAUSE_DEPS = frozenset({"advcl", "relcl", "parataxis", "ROOT", "csubj", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
CONTRAST = frozenset({"but", "yet", "while", "whereas"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def has_subject(token: Token) -> bool:
    """Whether a verb has its own subject (a conjunct clause, not a shared-subject conjunct)."""
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


def own_clause(verb: Token) -> bool:
    """Whether a conjoined verb is a clause of its own though it shares the subject.

    "declined to join sanctions *but has supplied* drones": a finite auxiliary or a contrasting
    conjunction starts a new assertion, so the first verb's refusal does not reach it; "refused
    to send troops *or to supply* weapons" (only the infinitive "to") stays under the refusal.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    # "closed its airspace *and halted* all trade": a past or present tense form is a verb
    # of its own, never the bare complement of a refusal (that is an infinitive)
    finite = verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
    contrast = any(c.dep_ == "cc" and c.lower_ in CONTRAST for c in verb.head.children
                   if verb.head.i < c.i < verb.i)
    return finite or contrast


def _complement(verb: Token, lexicon: Lexicon) -> bool:
    """ "allow weapons *for Ukraine to transit*", "allow weapons for Ukraine *to cross*": an
    infinitive the parser hangs as a clause is the complement of a permission verb."""
    if verb.dep_ != "advcl" or has_subject(verb):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return marked or (infinitive and verb.head.lemma_.lower() in lexicon.cue("permission_verbs"))


def chain(token: Token, lexicon: Lexicon) -> list[Token]:
    """The words ``token`` is a complement of, climbing until its clause ends."""
    governors: list[Token] = []
    current = token
    while current.head.i != current.i:
        dep = current.dep_
        if dep in CLAUSE_DEPS and dep != "ccomp" and not _complement(current, lexicon):
            break
        if dep == "conj" and (has_subject(current) or own_clause(current)):
            break
        if dep == "appos":
            break  # "Poland, *a staunch ally of Kyiv*, banned ...": it describes, it is no object
        current = current.head
        governors.append(current)
        if dep == "ccomp" and current.lemma_.lower() not in lexicon.cue("permission_verbs"):
            break  # "refused to let ships *dock*": a bare infinitive under "let" goes on up
    return governors


def governing_verb(token: Token, governors: list[Token]) -> Token | None:
    """The first verb above a noun trigger (the trigger itself when it is a verb)."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    return next((t for t in governors if t.pos_ in ("VERB", "AUX")), None)


def blocked(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Others asking for it, a condition, or a circumstance: "urged X to send troops", "if X
    joins the war", "despite sanctions"."""
    conditional = lexicon.cue("conditional_markers")
    if _obliged(token, governors, lexicon) or _reacts_by(token, lexicon) or (
            token.lemma_.lower() in lexicon.cue("memory_verbs")
            and any(c.dep_ == "ccomp" for c in token.children)):
        # "X should negotiate"; "responded by withdrawing" (that is the act); "he recalled
        # *that* the League had ..." (remembering, no envoy recalled)
        return True
    for word in [token, *governors]:
        if any(c.dep_ == "mark" and c.lower_ in conditional for c in word.children):
            return True
        if word.lemma_.lower() in lexicon.cue("threatening_verbs"):
            continue  # "threatened an offensive *unless* Baghdad gave in": the threat is made
        for clause in (c for c in word.children if c.dep_ == "advcl"):
            if any(c.dep_ == "mark" and c.lower_ in conditional for c in clause.children):
                return True  # "if Belarus joins the war, it could send troops"
    if token.lemma_.lower() in lexicon.cue("pact_nouns") and not (
            (verb := governing_verb(token, governors)) is not None
            and verb.lemma_.lower() in lexicon.cue("signing_verbs")):
        return True  # "brokered the agreement", "the deal collapsed": nobody signs here
    if token.dep_ == "advcl" and _asked(token.head, lexicon) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # "calls on the world *to intervene*", parsed as a purpose: still a request
    if _intended_attack(token, lexicon) or (
            token.dep_ == "acl" and token.head.lemma_.lower() in lexicon.cue("resolution_nouns")
            and token.lemma_.lower() in lexicon.cue("request_verbs")):
        return True  # "a resolution *demanding* that X ...": a request, not the voters' act
    for below, word in zip([token, *governors], governors, strict=False):
        if word.pos_ in ("VERB", "AUX") and word.lemma_.lower() in lexicon.cue("request_verbs"):
            return True
        if word.pos_ in ("NOUN", "PROPN") and word.lemma_.lower() in lexicon.cue("topic_nouns"):
            return True  # "talks *on grain exports*": what is talked about is not done
        if word.dep_ == "prep" and word.lower_ in lexicon.cue("concession_preps") and (
                below.dep_ == "pobj" or below.i != token.i):
            # "kept buying crude *despite sanctions*", "despite using pretexts *to invade*";
            # "despite recognising X" is itself the claim and stays
            return True
        if word.pos_ in ("NOUN", "PROPN") and (
                word.lower_ in lexicon.cue("request_nouns")
                or word.lemma_.lower() in lexicon.cue("request_nouns")) and not _vouched(below):
            return True
    # "opened talks with X *on grain exports*": the talks are the act, their topic is not
    topics = lexicon.cue("topic_nouns")
    return any(c.dep_ == "dobj" and c.i != token.i and c.lemma_.lower() in topics
               for word in [token, *governors] if word.pos_ == "VERB" for c in word.children)


def _vouched(participle: Token) -> bool:
    """A participle with its own doer that says what others did to a request or plan: "X's
    plan, *backed by* Spain", "a proposal *endorsed by* ten states" (the backing is done)."""
    return participle.dep_ == "acl" and participle.tag_ == "VBN" and any(
        c.dep_ == "agent" for c in participle.children)


def _asked(word: Token, lexicon: Lexicon) -> bool:
    """A request verb, or a request noun the parser made of one ("and *calls* on X to ...")."""
    if word.pos_ == "VERB":
        return word.lemma_.lower() in lexicon.cue("request_verbs")
    return word.pos_ == "NOUN" and word.lower_ in lexicon.cue("request_nouns")


def _obliged(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A modal of obligation on the trigger or the verb it hangs on: "Egypt *should* negotiate",
    "Sudan *must* return the helicopter" say what is owed, not what was done."""
    verb = governing_verb(token, governors)
    modals = lexicon.cue("obligation_modals")
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _reacts_by(verb: Token, lexicon: Lexicon) -> bool:
    """ "responded *by withdrawing*": a reaction whose manner is the act (`reacting_verbs`)."""
    return verb.lemma_.lower() in lexicon.cue("reacting_verbs") and any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children)


def _intended_attack(token: Token, lexicon: Lexicon) -> bool:
    """ "allowed troops to use its land *to attack* X": an attack in a to-infinitive is what
    someone means to do, not what was done."""
    return token.lemma_.lower() in lexicon.cue("attack_verbs") and \
        token.dep_ in ("advcl", "xcomp") and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def negated(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A negation on the trigger, on the verb governing a noun trigger, on a permission verb
    above it ("will not *allow* Azerbaijan to use its airspace"), or "without" above it."""
    words = [token]
    verb = governing_verb(token, governors)
    if verb is not None and verb.i != token.i:
        words.append(verb)
    words += [w for w in governors if w.lemma_.lower() in lexicon.cue("permission_verbs")]
    cues = lexicon.cue("negation")
    for word in words:
        for child in word.children:
            if child.dep_ in ("neg", "advmod", "det", "preconj") and child.lower_ in cues:
                return True
            if child.dep_ == "advmod" and _negated_adverb(child, cues, lexicon):
                return True  # "did *not openly* back X": the parser hangs "not" on the adverb
    return any(w.lower_ == "without" for w in governors)


def _negated_adverb(adverb: Token, cues: frozenset[str], lexicon: Lexicon) -> bool:
    return adverb.lower_ not in lexicon.cue("unnegated_adverbs") and any(
        c.dep_ == "neg" and c.lower_ in cues for c in adverb.children)


def refuser(token: Token, governors: list[Token], lexicon: Lexicon) -> Token | None:
    """The refusing word a trigger is governed by, if any.

    "refused to", "backed away from", "held up", "wary of", "in no position to", "a ban on",
    "fell flat",
    "denied *overflight rights*" (a withholding verb whose object is a thing, not an act).
    """
    phrasal = lexicon.cue("phrasal_refusals")
    for below, word in zip([token, *governors], governors, strict=False):
        lemma = word.lemma_.lower()
        particles = {c.lower_ for c in word.children if c.dep_ in ("prt", "advmod", "acomp")}
        preps = {c.lower_ for c in word.children if c.dep_ == "prep"}  # "voted *against*"
        if word.pos_ == "VERB" and (lemma in lexicon.cue("refusal_verbs") or any(
                f"{lemma} {p}" in phrasal for p in particles | preps)):
            return word
        if withholds(word, below, lexicon):
            return word
        if word.pos_ == "ADJ" and lemma in lexicon.cue("refusal_adjectives"):
            return word
        if word.pos_ == "NOUN" and lemma in lexicon.cue("refusal_nouns") and \
                any(c.lower_ == "no" for c in word.children):
            return word
        if word.pos_ == "NOUN" and lemma in lexicon.cue("blocking_nouns"):
            # "kept their *bans* on Ukrainian grain imports"; "*lifted* the ban": nobody refuses
            return None if _lifted(word, governors, lexicon) else word
        if below.dep_ == "prep" and below.lower_ in ("on", "against"):
            banned = next((c for c in word.children if c.dep_ == "dobj"
                           and c.lemma_.lower() in lexicon.cue("blocking_nouns")), None)
            if banned is not None:  # the same, with "on X" hung on the verb by the parser
                return None if word.lemma_.lower() in lexicon.cue("lifting_verbs") else banned
        if lemma in lexicon.cue("failure_verbs") and particles & lexicon.cue("failure_particles"):
            return word
    return None


def _lifted(blocking: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Whether a ban or embargo is lifted: the first verb above it lifts, ends or eases it."""
    verb = next((w for w in above(blocking, governors) if w.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in lexicon.cue("lifting_verbs")


def above(word: Token, governors: list[Token]) -> list[Token]:
    """The chain above a word of the chain; for a refusing noun the parser hung off a verb of
    the chain ("imposed a *ban* on X imports"), that verb and what is above it."""
    if word in governors:
        return governors[governors.index(word) + 1:]
    if word.head in governors:
        return governors[governors.index(word.head):]
    return []


def withholds(word: Token, below: Token, lexicon: Lexicon) -> bool:
    """Whether ``word`` withholds the thing ``below`` names: "denied *overflight rights*";
    "denied *supplying* drones" and "denied *reports*" deny a report instead (a hedge)."""
    hedges = lexicon.cue("hedge_words")
    return word.pos_ == "VERB" and word.lemma_.lower() in lexicon.cue("withholding_verbs") and \
        below.pos_ in ("NOUN", "PROPN") and below.lower_ not in hedges and \
        below.lemma_.lower() not in hedges


def shields(refusing: Token | None, governors: list[Token], base: Stance,
            lexicon: Lexicon) -> bool:
    """Whether a blocked opposition protects its target: "vetoed sanctions against Russia".

    Verbs between the opposition and the refusal must only take part in it ("refused to *join*
    sanctions"); "refused to *lift* sanctions" keeps them and shields nobody.
    """
    if refusing is None or base is not Stance.OPPOSE or \
            refusing.lemma_.lower() not in lexicon.cue("shield_verbs"):
        return False
    between = governors[:governors.index(refusing)]
    return all(w.lemma_.lower() in lexicon.cue("joining_verbs") for w in between
               if w.pos_ in ("VERB", "AUX"))


def complies(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Whether the first verb above an opposition only obeys it: "complied with sanctions".

    Obeying someone else's sanctions withholds ties from their target (refuse); imposing them
    ("announced new sanctions") stays an opposition.
    """
    verb = governing_verb(token, governors)
    return verb is not None and verb is not token and \
        verb.lemma_.lower() in lexicon.cue("compliance_verbs")


def hedged(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Reported, alleged, speculated or denied: a hedge word on the trigger or its chain.

    A verb that withholds the thing below it ("denied them *use* of its base") is no hedge.
    """
    cues = lexicon.cue("hedge_words")
    chain = [token, *governors]
    withholding = {w.i for b, w in zip(chain, chain[1:], strict=False) if withholds(w, b, lexicon)}
    if token.lemma_.lower() in lexicon.cue("accusing_words"):
        withholding.add(token.i)  # "exchanged *accusations*": the accusing itself is a fact
    for word in chain:
        if word.i not in withholding and (word.lower_ in cues or word.lemma_.lower() in cues):
            return True
        if word.i != token.i and word.lemma_.lower() in lexicon.cue("accusing_words"):
            return True  # "accused X *of supplying* drones": the accuser's claim
        if word.lemma_.lower() in lexicon.cue("hedge_passives") and any(
                c.dep_ == "auxpass" for c in word.children):
            return True
        if any(c.dep_ in ("aux", "advmod") and c.lower_ in cues for c in word.children):
            return True
        if _according_to_report(word, lexicon):
            return True
        if word.lemma_.lower() in lexicon.cue("reporting_verbs") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.cue("speculating_sources")
                for c in word.children):
            return True  # "analysts say": an assessment, not the actor's own word
    return False


def reporter(governors: list[Token], lexicon: Lexicon) -> Token | None:
    """Who reports the claim: the subject of the reporting verb it is the complement of ("*the
    Pentagon* said North Korea had sent troops"), or ``None``. The claim rests on the reporter's
    word, so it is hedged unless the reporter speaks for the actor."""
    for word in governors:
        if word.pos_ == "VERB" and word.lemma_.lower() in lexicon.cue("reporting_verbs"):
            return next((c for c in word.children if c.dep_ == "nsubj"), None)
    return None


def _according_to_report(word: Token, lexicon: Lexicon) -> bool:
    """"..., according to a report / to analysts / to officials / to the Times": the claim is
    the source's; only "according to a statement" (the actor's own word) stays asserted."""
    own = lexicon.cue("own_statements")
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "according"):
        for to in prep.children:
            if any(p.dep_ == "pobj" and p.lemma_.lower() not in own for p in to.children):
                return True
    return False


def final_stance(base: Stance, negative: bool) -> Stance | None:
    """The stance after negation/refusal; a negated refusal or opposition is no claim."""
    if not negative:
        return base
    return Stance.REFUSE if base is Stance.SUPPORT else None
