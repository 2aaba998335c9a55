"""Coordination: the states a list names where the parser hangs the list on something else.

"partners, *including Bolivia, Cuba and Nicaragua*", "countries *such as Hungary and Slovakia*",
"members of the alliance – *Armenia, Belarus and Kazakhstan*", "the governments of *Mali, Burkina
Faso and Niger*": each listed state is a party of its own, so a list of actors or targets gives
one claim per state.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Prepositions whose object acts beside the subject: "struck Yemen *alongside* the US".
COMPANION_PREPS = frozenset({"alongside"})
# Prepositions that introduce the members of a plural noun ("states *like* Mali").
LISTING_PREPS = frozenset({"including", "like"})
# Conjunctions that set one clause against another: "Russia sends most troops, *while* Belarus
# sends a few" says nothing of Russia and Belarus towards each other.
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst", "although", "though"})


def listed(token: Token, named: Callable[[Token], bool]) -> list[Token]:
    """The words that list the members of ``token`` (``named``: whether a word is a name), and
    those added to it ("Iran *as well as Syria*")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "cc" and child.lower_ == "as" and any(
                c.lower_ == "well" for c in child.children):
            found += [m for p in child.children if p.dep_ == "pobj" for m in (p, *p.conjuncts)]
        if child.dep_ == "prep" and _lists(child):
            found += [m for p in child.children if p.dep_ == "pobj" for m in (p, *p.conjuncts)]
        elif child.dep_ == "appos" and named(child):
            found += [child, *child.conjuncts]
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                found += [m for a in pobj.children if a.dep_ == "appos" and named(a)
                          for m in (a, *a.conjuncts)]  # "members of the bloc – *Armenia*"
                if named(pobj):
                    found += list(pobj.conjuncts)  # "the governments of Mali *and Niger*"
    return found or _after_colon(token, named)


def _after_colon(token: Token, named: Callable[[Token], bool]) -> list[Token]:
    """The names a colon lists for a plural noun before it, whatever the parser hung them on:
    "invited six *nations* to join: Argentina, Egypt and Iran". Only a list of names that
    runs to the end of the sentence counts, and only for a counted plural ("six nations")."""
    if token.tag_ != "NNS" or not any(c.dep_ == "nummod" for c in token.children):
        return []
    colon = next((t for t in token.doc[token.i + 1:] if t.text == ":"), None)
    if colon is None:
        return []
    rest = [t for t in token.doc[colon.i + 1:] if not t.is_punct and t.dep_ not in ("cc", "det")]
    names = [t for t in rest if named(t)]
    listed_words = {i for t in names for i in range(t.left_edge.i, t.i + 1)}
    return names if names and all(t.i in listed_words for t in rest) else []


def _lists(prep: Token) -> bool:
    """ "including", "like", "such as"."""
    return prep.lower_ in LISTING_PREPS or (
        prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def contrasted(clause: Token) -> bool:
    """Whether an adverbial clause is set against its main clause ("*while* Belarus sends")."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def companion_phrases(word: Token) -> list[Token]:
    """The prepositions under ``word`` that add companions to whoever acts: "*together with*
    Germany", "*along with* Italy", "*alongside* the United States"; their objects are never
    the target. (Taking them as actors too added false alarms: "forces, together with the UK
    and with support from X" would have X back the UK.)"""
    found: list[Token] = []
    for prep in (c for c in word.children if c.dep_ == "prep"):
        if prep.lower_ in COMPANION_PREPS:
            found.append(prep)
        elif prep.lower_ == "with" and any(c.lower_ in ("together", "along", "jointly")
                                           for c in prep.children):
            found.append(prep)
        elif prep.lower_ == "along":
            found += [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
    return found
