"""Acts taken up again: "the decision", "the move", "the sanctions", "the attack".

An article tells of an act with its parties ("Lithuania closed its border with Belarus"), then
refers back to it by a definite noun without naming them again ("Minsk condemned *the
decision*"). Each sentence's claims are remembered as :class:`Act` records (who did what to
whom); a definite act noun with no doer of its own takes up the latest earlier act it can
name: a generic act noun (`recall_nouns`: "decision", "move", "step") any act of the last
sentences, a trigger noun ("the sanctions", "the invasion") the latest act of its own kind
(stance, and dimension when the trigger fixes one; troops, arms and military are one kind),
words said (`rebutted_nouns`: "the claims", "the accusations") a diplomatic opposition.
A state the noun names itself ("the sanctions *on Russia*") must be among the act's targets.
Only claims are remembered, and claims do not depend on the prefilter, so neither does this.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from coalition.extract.acts import ARMED, ARMED_REACH, Act, sole_doers
from coalition.extract.parties import Party, Resolver
from coalition.extract.sentence import Sentence
from coalition.models import Dimension, Stance
from coalition.resolve import Lexicon

# Determiners that make a noun point back: "*the* decision", "*this* move", "*those* sanctions".
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# How many sentences back a generic act noun ("the decision") may reach, and a trigger noun.
GENERIC_REACH = 2
KIND_REACH = ARMED_REACH
# How many words may stand between the determiner and the act noun ("the *recent* decision").
DET_GAP = 3
# Modifiers that give a noun its own doer or owner ("*Russia's* decision", "the *US* move").
OWN_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions by which a noun names its victim or object ("sanctions *on* X", "the attack
# *against* X", "the invasion *of* X").
OBJECT_PREPS = frozenset({"on", "against", "of", "in", "into", "to", "with", "toward",
                          "towards"})


def points_back(words: Span, hits: Sequence[Span], lexicon: Lexicon,
                generic: frozenset[str]) -> bool:
    """Whether a sentence (its words and hits, unparsed) may take up an earlier act: a
    definite determiner shortly before a noun trigger, a generic act noun or words said
    (``generic``: `recall_nouns` and `rebutted_nouns`; "the *new* sanctions", "the
    decision", "the claims"). The prefilter then lets it reach every state named before."""
    doc = words.doc
    ends = [h.end - 1 for h in hits if lexicon.triggers[int(h.label_)].kind == "noun"]
    ends += [t.i for t in words if t.lower_ in generic]
    return any(t.lower_ in DEFINITE for i in ends
               for t in doc[max(i - DET_GAP, words.start):i])


def recalled_doers(noun: Token, resolver: Resolver) -> list[Party]:
    """Who did the earlier act a judged object takes up: "Minsk condemned *the decision*"
    after "Lithuania closed its border" aims at Lithuania. Only for the object of a verb
    that judges an act; as a subject ("*the deal* was sealed") an act noun does nothing."""
    context = resolver.context
    doers = recalled(noun, resolver.sentence, resolver.lexicon, context.acts, context.sentence)
    start, end = resolver.sentence.chars(noun)
    return [Party(code, start, end, carried=True) for code in doers]


def recalled_victims(noun: Token, verb: Token | None, resolver: Resolver) -> list[Party]:
    """Whom the armed act a definite event noun takes up hit, when a verb that does it names
    a doer: "The Khurais field was struck. Riyadh says Iran carried out *the attacks*" (the
    field's state). Only acts whose claims named their victims, and only one set of them."""
    lexicon, context = resolver.lexicon, resolver.context
    if verb is None or verb.lemma_.lower() not in lexicon.cue("event_doing_verbs") or \
            noun.lemma_.lower() not in lexicon.cue("event_heads") or noun.dep_ != "dobj" or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or \
            _owned(noun, resolver.sentence):
        return []
    hit = [act for act in context.acts if context.sentence - act.sentence <= ARMED_REACH
           and act.stance is Stance.OPPOSE and act.dimension in ARMED and act.targets]
    if not hit or any(set(act.targets) != set(hit[-1].targets) for act in hit):
        return []
    start, end = resolver.sentence.chars(noun)
    return [Party(code, start, end, carried=True) for code in hit[-1].targets]


def recalled(noun: Token, sentence: Sentence, lexicon: Lexicon, acts: Sequence[Act],
             now: int) -> tuple[str, ...]:
    """Who did the earlier act a definite act noun takes up, or ``()``.

    Args:
        noun: the noun ("decision" in "condemned the decision").
        sentence: its parsed sentence.
        lexicon: the rule data.
        acts: the article's acts so far, in text order.
        now: the number of the noun's sentence.
    """
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE
                                      and noun.i - DET_GAP <= c.i for c in noun.children) \
            or _owned(noun, sentence):  # (the gap: what the prefilter looked for)
        return ()
    generic = noun.lemma_.lower() in lexicon.cue("recall_nouns")
    kind = None if generic else _kind(noun, sentence) or _said(noun, lexicon)
    if not generic and kind is None:
        return ()
    named = _named_objects(noun, sentence)
    return sole_doers(acts, now, GENERIC_REACH if generic else KIND_REACH, lambda act: (
        kind is None or _same_kind(act, *kind)) and named <= set(act.targets))


def _owned(noun: Token, sentence: Sentence) -> bool:
    """Whether the noun names its own doer or owner ("*Russia's* move", "the *Israeli*
    attack", "the sanctions *imposed by the EU*", "the decision *by Minsk*")."""
    if any(c.dep_ in OWN_DEPS and sentence.mention_at(c.i) is not None for c in noun.children):
        return True
    return any(t.dep_ == "pobj" and t.head.lower_ in ("by", "from")
               and sentence.mention_at(t.i) is not None for t in noun.subtree)


def _kind(noun: Token, sentence: Sentence) -> tuple[Stance, Dimension | None] | None:
    """The stance and fixed dimension of the trigger the noun is the head of, if any."""
    for hit in sentence.hits:
        if hit.trigger.kind == "noun" and hit.head(sentence.doc).i == noun.i:
            return hit.trigger.stance, hit.trigger.dimension
    return None


def _said(noun: Token, lexicon: Lexicon) -> tuple[Stance, Dimension | None] | None:
    """What "the claims", "the accusations" take up: what someone said against another
    (`rebutted_nouns`), a diplomatic opposition ("Ethiopia accused Eritrea ... Eritrea
    rejected *the claims*")."""
    said = lexicon.cue("rebutted_nouns")
    if noun.lower_ in said or noun.lemma_.lower() in said:
        return Stance.OPPOSE, Dimension.DIPLOMATIC
    return None


def _same_kind(act: Act, stance: Stance, dimension: Dimension | None) -> bool:
    if act.stance is not stance:
        return False
    return dimension is None or act.dimension is dimension or (
        act.dimension in ARMED and dimension in ARMED)


def _named_objects(noun: Token, sentence: Sentence) -> set[str]:
    """The states the noun's own object phrases name ("the sanctions *on Russia*")."""
    return {m.code for prep in noun.children if prep.dep_ == "prep"
            and prep.lower_ in OBJECT_PREPS
            for o in prep.children if o.dep_ == "pobj"
            for m in [sentence.mention_at(o.i)] if m is not None and m.code
            and not m.carrier}
