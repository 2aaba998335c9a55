"""People who stand for a state because of how the article introduces them.

Words of office join a state to a person's name, though the person is in no leaders list:
after a demonym or a state's possessive ("*Iraqi President* Saddam Hussein", "*Niger's
ambassador* Brah Mohamane"), after a state's name used as a modifier ("*U.S. Secretary of
State* Warren Christopher"), before "of" and the state ("*King* Hassan *of Morocco*", "*the
Emir of Qatar*"), or in apposition after the name ("Ali Karti, *Sudan's foreign minister*,").
Officials, the government or the regime "in" a capital are its state ("officials *in
Tehran*"). A person so introduced, and a leader of ``leaders.csv`` named in full, is then
known by surname for the rest of the text ("Moon said", "Gallant said"), case-sensitively,
unless another first name stands before it or more of another name after it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from coalition.extract.sentence import (
    CARRIER_ANY,
    CARRIER_PERSON,
    CARRIER_PLURAL,
    CARRIER_STATE,
)
from coalition.resolve.gazetteer import ADJECTIVE, CAPITAL, LEADER, STATE

CARRIERS = (CARRIER_PERSON, CARRIER_STATE, CARRIER_ANY, CARRIER_PLURAL)
# A person's name after an office: at most this many capitalised words.
MAX_NAME_WORDS = 4
# Heads that stand for the government of the capital their "in" phrase names.
SEATED_HEADS = frozenset({"officials", "government", "authorities", "regime", "leadership",
                          "junta", "administration", "leaders", "diplomats", "military",
                          "ministry", "lawmakers", "parliament", "sources"})
# A surname this short is too often a word or an initial ("Li", "Al") to carry the person.
MIN_SURNAME = 3
APOSTROPHES = ("'s", "’s")


# Lower-case words inside a name ("Mohammed *bin* Salman"), and words before a surname that
# are no first name ("*Mr* Moon").
PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "van", "von", "da", "di", "ben"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir"})
PLACE_PREPS = frozenset({"in", "at", "from", "to", "near", "outside", "inside", "into", "on",
                         "across", "of", "for"})
# Capitalised words before a comma that are no name ("On *Monday*, Sudan's foreign minister");
# not "May", which is also a surname.
CALENDAR = frozenset(
    {day.lower() for day in calendar.day_name}
    | {month.lower() for month in calendar.month_name[1:] if month != "May"}
    | {"meanwhile", "however", "earlier", "later", "separately", "today", "yesterday"})
# Words that make capitalised words after an office a body, not a person ("Ukraine Defence
# *Contact Group*", "Russian Defence *Council*").
BODIES = frozenset({"group", "council", "committee", "forces", "force", "command", "agency",
                    "department", "service", "party", "army", "navy", "guard", "union",
                    "bank", "fund", "company", "corporation", "university", "institute",
                    "commission", "association", "league", "front", "movement", "coalition",
                    "alliance", "organization", "organisation", "assembly", "court", "news",
                    "agreement", "treaty", "summit", "talks", "day", "forum", "board",
                    "police", "guards", "authority", "bureau", "directorate", "staff",
                    "commonwealth"})


@dataclass(frozen=True, slots=True)
class _Person:
    """A person's mention, widened over the office, and the units of the name in it."""

    span: Span
    name: tuple[str, ...]


def widen(doc: Doc, spans: list[Span], offices: frozenset[str]) -> list[Span]:
    """The names widened by the offices around them, and the later surnames of the people
    they introduce."""
    by_start = {span.start: span for span in spans}
    by_full = {(span.start, span.end) for span in spans}
    taken = {i for span in spans for i in range(span.start, span.end)}
    people = [p for span in spans for p in (_person(doc, span, offices, by_start),
                                            _office_of(doc, span, offices, by_start),
                                            _appositive(doc, span, offices, taken))
              if p is not None]
    widened = [p.span for p in people]
    # looked for from the capitals back, not over every token of the article
    for start in sorted(by_start):
        named, i = by_start[start], start - 2
        if i >= 0 and named.kb_id_ == CAPITAL and doc[i].lower_ in SEATED_HEADS \
                and doc[i + 1].lower_ == "in":
            widened.append(Span(doc, i, named.end, label=named.label_, kb_id=STATE))
    found = filter_spans([*widened, *spans])
    kept = {(s.start, s.end) for s in found}
    introduced = [p for p in people if (p.span.start, p.span.end) in kept]
    # leaders of leaders.csv named in full are known by surname too ("Yoav Gallant": "Gallant"),
    # case-sensitively, where the list would match "gallant" everywhere
    introduced += [_Person(s, tuple(t.text for t in s)) for s in found
                   if s.kb_id_ == LEADER and len(s) > 1 and (s.start, s.end) in by_full]
    return sorted(filter_spans([*found, *_surnames(doc, found, introduced, offices)]),
                  key=lambda s: s.start)


def _person(doc: Doc, span: Span, offices: frozenset[str],
            by_start: dict[int, Span]) -> _Person | None:
    """ "Iraqi President Saddam Hussein", "Niger's ambassador Brah Mohamane", "US Secretary of
    State Warren Christopher", "the Guyanese President, David Granger": a state's demonym,
    possessive or name, words of office, then a capitalised name."""
    i = span.end
    if span.kb_id_ in (STATE, CAPITAL) and i < len(doc) and doc[i].lower_ in APOSTROPHES:
        i += 1
    elif not (span.kb_id_ == ADJECTIVE or (span.kb_id_ == STATE and i < len(doc)
                                           and doc[i].is_title and doc[i].lower_ in offices)):
        return None
    j = i
    while j < len(doc) and doc[j].lower_ in offices and j not in by_start:
        j += 1
    if j == i or doc[j - 1].lower_ == "of":
        return None
    comma = j + 1 < len(doc) and doc[j].text == ","
    if comma:  # "Qatar's emir, Sheikh Hamad al-Thani,"
        j += 1
        while j < len(doc) and doc[j].is_title and doc[j].lower_ in offices:
            j += 1
    end, name = _name(doc, j, offices, by_start)
    if len(name) < (2 if comma else 1) or any(unit.lower() in BODIES for unit in name):
        return None  # after a comma only a full name: "the UK's Foreign, *Commonwealth* ..."
    return _Person(Span(doc, span.start, end, label=span.label_, kb_id=LEADER), name)


def _name(doc: Doc, k: int, offices: frozenset[str],
          by_start: dict[int, Span]) -> tuple[int, tuple[str, ...]]:
    """Where the capitalised name from token ``k`` ends, and its units ("Jae-in" is one)."""
    units: list[str] = []
    last = closed = len(doc)
    while k < last and len(units) < MAX_NAME_WORDS and (
            _name_word(doc[k], offices) or (units and doc[k].lower_ in PARTICLES)):
        if k in by_start:  # a known leader closes the name: "Russian President Vladimir Putin"
            last = closed = by_start[k].end
        end = k + 1
        while end + 1 < last and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha:
            end += 2
        units.append(doc[k:end].text)
        k = end
    return (k if closed == len(doc) else max(k, closed)), tuple(units)


def _office_of(doc: Doc, span: Span, offices: frozenset[str],
               by_start: dict[int, Span]) -> _Person | None:
    """ "the President of Kazakhstan", "King Hassan of Morocco", "the Emir of Qatar": an office
    (a carry-over word, or capitalised words of office and maybe a name) "of" a named state
    stands for that state."""
    if span.kb_id_ not in (STATE, CAPITAL) or span.start < 2 or \
            doc[span.start - 1].lower_ != "of":
        return None
    of = span.start - 1
    before = by_start.get(of - 1)
    if before is not None and before.kb_id_ in CARRIERS:  # "the president of"
        return _Person(Span(doc, before.start, span.end, label=span.label_, kb_id=STATE), ())
    i = of
    while i > 0 and of - i < MAX_NAME_WORDS and i - 1 not in by_start and (
            _name_word(doc[i - 1], offices) or (i < of and doc[i - 1].lower_ in PARTICLES)):
        i -= 1
    named = i
    while i > 0 and doc[i - 1].is_title and doc[i - 1].lower_ in offices and \
            doc[i - 1].lower_ != "of":
        i -= 1
    name = tuple(t.text for t in doc[named:of])
    if i == named or doc[named].lower_ in PARTICLES or any(u.lower() in BODIES for u in name):
        return None
    return _Person(Span(doc, i, span.end, label=span.label_,
                        kb_id=LEADER if name else STATE), name)


def _appositive(doc: Doc, span: Span, offices: frozenset[str],
                taken: set[int]) -> _Person | None:
    """ "Ali Karti, Sudan's foreign minister,", "Ali Karti, the Sudanese foreign minister,",
    "Ali Karti, the foreign minister of Sudan,": a name of two words or more, then its office
    in apposition between commas."""
    if span.kb_id_ not in (STATE, CAPITAL, ADJECTIVE):
        return None
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        first = _office_start(doc, span.start - 1, offices)
        end = span.end
    else:
        after = span.end
        if span.kb_id_ != ADJECTIVE:
            if after >= len(doc) or doc[after].lower_ not in APOSTROPHES:
                return None
            after += 1
        end = after
        while end < len(doc) and doc[end].lower_ in offices and doc[end].lower_ != "of":
            end += 1
        first = span.start if end > after else span.start + 1
    if first > span.start:
        return None  # no office
    if first > 0 and doc[first - 1].lower_ == "the":
        first -= 1
    if end >= len(doc) or doc[end].text != "," or first < 3 or doc[first - 1].text != ",":
        return None
    start = first - 1
    while start > 0 and first - 1 - start < MAX_NAME_WORDS and start - 1 not in taken and \
            _name_word(doc[start - 1], offices):
        start -= 1
    while start < first - 1 and (doc[start].is_stop or doc[start].lower_ in CALENDAR):
        start += 1  # "On Monday, ...": no name
    if first - 1 - start < 2 or (start > 0 and doc[start - 1].lower_ in PLACE_PREPS):
        return None  # "Speaking in *New York*, Sudan's foreign minister": a place
    name = tuple(t.text for t in doc[start:first - 1])
    return _Person(Span(doc, start, end, label=span.label_, kb_id=LEADER), name)


def _office_start(doc: Doc, of: int, offices: frozenset[str]) -> int:
    """Where the words of office before "of" begin ("the *foreign minister* of Sudan"); ``of``
    + 1 when there are none."""
    i = of
    while i > 0 and doc[i - 1].lower_ in offices and doc[i - 1].lower_ != "of":
        i -= 1
    return i if i < of else of + 1


def _name_word(token: Token, offices: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.lower_ not in offices and \
        token.lower_ not in CALENDAR


def _surnames(doc: Doc, spans: list[Span], people: list[_Person],
              offices: frozenset[str]) -> list[Span]:
    """Later mentions of the people introduced with an office, by the name they are called
    by alone ("Moon said")."""
    known: dict[str, tuple[int, str, frozenset[str]]] = {}
    clashes: set[str] = set()
    for person in people:
        for word in _calling_names(person.name):
            if word in known and known[word][1] != person.span.label_:
                clashes.add(word)
            known.setdefault(word, (person.span.end, person.span.label_,
                                    frozenset(" ".join(person.name).split())))
    if not known:
        return []
    taken = {i for span in spans for i in range(span.start, span.end)}
    found = []
    # the words are looked up in one array, not token by token
    wanted = {doc.vocab.strings[word] for word in known if word not in clashes}
    for i in [i for i, word in enumerate(doc.to_array(ORTH).tolist()) if word in wanted]:
        token = doc[i]
        hit = known[token.text]
        if token.i < hit[0] or token.i in taken:
            continue
        own = hit[2]
        before = doc[token.i - 1] if token.i else None
        if before is not None and _name_word(before, offices) and \
                before.lower_ not in HONORIFICS and before.text not in own:
            continue  # another first name before it: someone else of that family
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and _name_word(after, offices) and after.text not in own:
            continue  # a name goes on after it: someone else ("Shah Mahmood Qureshi")
        found.append(Span(doc, token.i, token.i + 1, label=hit[1], kb_id=LEADER))
    return found


def _calling_names(name: tuple[str, ...]) -> list[str]:
    """The words a person may later be called by alone: the surname, the family name of a
    name like "Moon Jae-in", the one name of "King Hassan"."""
    if len(name) == 2 and "-" in name[1]:
        called = name[0]
    else:
        called = name[-1] if name else ""
    return [called] if len(called) >= MIN_SURNAME and called.isalpha() and \
        called.lower() not in PARTICLES else []
