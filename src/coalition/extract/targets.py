"""Targets and sources: the parties a trigger is aimed at or comes from.

"to/for/with/against X", "help X", the owner in "Russia's annexation" name a target; "from X",
"by X" a source; adverbial clauses name who needed help or who attacked.
"""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.coordination import companion_phrases, contrasted
from coalition.extract.parties import Party, Resolver
from coalition.extract.stance import has_subject
from coalition.extract.tree import object_side, subject
from coalition.models import Dimension
from coalition.resolve import Lexicon

TARGET_PREPS = frozenset({"to", "for", "into", "with", "toward", "towards"})


# "sanctions on/against X" name the target; "backs Belgrade on Kosovo" and "defend it against X"
# do not.
OPPOSING_PREPS = frozenset({"on", "against"})


# Prepositions of the state an invasion is waged in, which is its target (`invasion_nouns`).
ATTACKED_PREPS = frozenset({"in", "inside", "into"})


# Prepositions of place: "transfer oil off *its* coast" names no receiver.
PLACE_PREPS = frozenset({"off", "in", "at", "near", "along", "across", "inside", "within",
                         "around", "outside", "beyond"})


def object_parties(root: Token, resolver: Resolver, *, from_is_target: bool,
                   object_is_target: bool, opposing: bool = False,
                   preps_only: bool = False) -> list[Party]:
    """The targets below ``root``, nearest first, with their conjuncts.

    A direct object is the target of "condemned Russia" (``object_is_target``); for verbs
    whose object is the thing given ("sent shells") only a state named outright counts
    ("supplied *Russia* with drones").
    """
    scored: list[tuple[int, int, Token]] = []
    reciprocal = resolver.lexicon.cue("reciprocal_nouns")
    relational = resolver.lexicon.cue("relational_nouns")
    side = object_side(root)
    # "condemned Russia *along with Germany*": a companion acts too, it is no target
    beside = {t.i for w in [root, *side] for p in companion_phrases(w) for t in p.subtree}
    beside |= _victims(root, side, resolver.lexicon) if opposing else set()
    beside |= _other_events(root, side, resolver)
    for token in side:
        if token.i in beside:
            continue
        if opposing and _in_reason(token, root) and _has_object(root):
            # "sanctioned X *over its sales to Taipei*": the reason names no target; with no
            # object, "protested *over Estonia's decision*" aims at the reason's owner
            continue
        if token.dep_ == "poss" and token.head.lemma_.lower() in relational:
            continue  # "*its* neighbour" is another state than the one "its" names
        mention = resolver.sentence.mention_at(token.i)
        named = mention is not None and not mention.adjective and not mention.carrier
        helped = _helped(token, root, resolver.lexicon.cue("helping_verbs"))
        rank = _target_rank(token, root, from_is_target, object_is_target or named, opposing,
                            helped, reciprocal)
        if rank is None and _extra_prep(token, root, resolver.lexicon, opposing):
            rank = 0
        if rank is not None and (rank == 0 or not preps_only):
            scored.append((rank, abs(token.i - root.i), token))
    for _, _, token in sorted(scored, key=lambda item: item[:2]):
        found = resolver.parties(token)
        if found:
            return found
    return []


def _other_events(root: Token, side: list[Token], resolver: Resolver) -> set[int]:
    """Words inside a clause describing the object that is another trigger's event ("supporting
    fighters *who are clashing with a Saudi-led coalition*"): its arguments are not this one's
    targets."""
    heads = {hit.head(resolver.sentence.doc).i for hit in resolver.sentence.hits}
    return {t.i for w in side if w.dep_ in ("acl", "relcl") and w.pos_ == "VERB"
            and w.i in heads and w.i != root.i for t in w.subtree}


def _victims(root: Token, side: list[Token], lexicon: Lexicon) -> set[int]:
    """Words naming whom someone else's armed event hit ("condemned the strikes *on Libya*"):
    the victim is not whom the condemnation opposes. A verb that does the event ("launched
    strikes on X") is left to aim at X."""
    if root.pos_ != "VERB" or root.lemma_.lower() in lexicon.cue("event_doing_verbs"):
        return set()
    events = lexicon.cue("event_heads")
    return {t.i for w in side if w.pos_ == "NOUN" and w.lemma_.lower() in events
            for t in w.subtree if t.i != w.i}


def _has_object(root: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in root.children)


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
        if child.dep_ == "advcl" and has_subject(child) and not contrasted(child) and \
                (child.lemma_.lower() in attacks) == hostile:
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "nsubjpass"):
                    found = resolver.parties(grandchild)
                    if found:
                        return found
    return []


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
    if prep in ATTACKED_PREPS and opposing and root.pos_ == "NOUN" and \
            lemma in lexicon.cue("invasion_nouns"):
        return True  # "Russia's aggression *in Ukraine*": the state an attack lands in
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


def _target_rank(token: Token, root: Token, from_is_target: bool, object_is_target: bool,
                 opposing: bool, helped: bool, reciprocal: frozenset[str]) -> int | None:
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
                opposing and head.lower_ in OPPOSING_PREPS) or (
                head.lower_ == "between" and not _mutual(head.head, reciprocal)):
            # "demanded that the US cancel sales *to Taiwan*": the demand is on the US
            return 4 if _in_reported_clause(token, root) else 0
        if head.lower_ == "of" and head.head.i == root.i and root.pos_ in ("NOUN", "PROPN"):
            return 0
        if head.lower_ == "of" and head.head.dep_ == "dobj" and head.head.head.i == root.i \
                and object_is_target and not opposing and \
                not any(c.dep_ == "poss" for c in head.head.children):
            return 2  # "support the rights *of Palestinians*" (but "Kosovo's membership *of*")
        return None
    if dep in ("dobj", "dative") and (object_is_target or head.i != root.i) and helped:
        return 1
    if dep == "npadvmod" and head.i == root.i and token.i > root.i and token.pos_ == "PROPN" \
            and object_is_target:
        return 1  # "Turkey backs *Azerbaijan*", the object misparsed as an adverbial
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


def _mutual(word: Token, reciprocal: frozenset[str]) -> bool:
    """ "talks *between* A and B" are A's and B's own, aimed at no third party; "a mediation
    effort between A and B" aims at both."""
    return word.lemma_.lower() in reciprocal or word.lower_ in reciprocal


def _in_reported_clause(token: Token, root: Token) -> bool:
    """Whether ``token`` is inside a clause of ``root`` with a subject of its own ("demanded
    *that the US cancel sales to Taiwan*"): the clause's subject is aimed at, not its words."""
    current = token
    while current.head.i != current.i and current.head.i != root.i:
        current = current.head
    return current.head.i == root.i and current.dep_ == "ccomp" and has_subject(current)


def owner_parties(word: Token, resolver: Resolver) -> list[Party]:
    """The states a word's possessive names ("*Russia's* offensive", "*its* bases")."""
    return [p for c in word.children if c.dep_ == "poss" for p in resolver.parties(c)]


def subject_parties(verb: Token | None, resolver: Resolver) -> list[Party]:
    if verb is None:
        return []
    doer, passive = subject(verb)
    return resolver.parties(doer, adjective_only=passive) if doer is not None else []


def relied_on(verb: Token, resolver: Resolver) -> list[Party]:
    """The supplier a dependence verb names in its "on"/"to" phrase: "relies *on Russia* for
    gas", "turned *to Pyongyang* for artillery shells", "relied on assistance *from the CCP*"."""
    if verb.lemma_.lower() not in resolver.lexicon.cue("dependence_verbs"):
        return []
    return [p for prep in verb.children if prep.dep_ in ("prep", "dative")
            and prep.lower_ in ("on", "upon", "to")
            for o in prep.children if o.dep_ == "pobj"
            for p in resolver.parties(o) or source_parties(o, resolver)]
