"""When a claim's act took place: a date read from its sentence, resolved against the article's.

``dateparser`` finds and parses the date expressions ("in 2018", "last June", "on Monday",
"since February 2022", "12 May 2023") relative to the publication date; this module only
decides which of them dates the act and which to distrust:

- a sentence with no date expression is dated by its article (``fallback``);
- an expression anchored to another event ("a year after it said ...", "three days later") is
  no date of its own, so the article's date stands;
- a date after the article's is a plan or a forecast, not an act, and is ignored;
- "may" and "march" in lower case are verbs;
- of several expressions, the one nearest the claim's trigger word wins.

Without a publication date only expressions that name their year are trusted.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from coalition.models import Article, Claim, Precision, When

# What a date expression needs: a month or weekday name, a year, a numeric date or a relative
# phrase. A sentence with none of them is not parsed, which spares dateparser (milliseconds a
# sentence) most evidence sentences, including those whose only numbers are counts.
_MONTHS = [m.lower() for m in calendar.month_name[1:]] + ["sept"]
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_MAYBE_DATED = re.compile(
    r"\b(?:" + "|".join(m[:3] for m in _MONTHS) + "|" + "|".join(_WEEKDAYS)
    + r"|yesterday|today|ago|(?:last|this|past|next)\s+(?:week|month|year|decade))"
    r"|\b(?:1[89]|2\d)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
# dateparser reads "mid 2022", "Sep 19" and "last month Armenia" but not "mid-2022", "Sept. 19"
# and "last month, Armenia" (a comma stuck to a relative date hides it). Each fix keeps the
# length, so offsets in the tidied sentence are offsets in the sentence.
_TIDY = [
    (re.compile(r",(?=\s)"), " "),
    (re.compile(r"\b(early|mid|late)-(?=\w)", re.IGNORECASE), r"\1 "),
    (re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", re.IGNORECASE), r"\1 "),
]
_ANCHORED = re.compile(r"\b(?:after|before|later|earlier)$", re.IGNORECASE)
_ANCHOR_NEXT = re.compile(r"\s*(?:after|before|later)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_PRECISION = {"year": Precision.YEAR, "month": Precision.MONTH}


class WhenReader:
    """Reads the date of each claim's act from its evidence sentence."""

    def __init__(self) -> None:
        # Imported here: dateparser loads its language data on import (about a second).
        from dateparser.search import search_dates

        self._search = search_dates

    def date_claims(self, article: Article, claims: Iterable[Claim]) -> list[Claim]:
        """The claims with ``when`` set from their sentences and the article's date.

        Args:
            article: the article the claims come from (its ``published`` is the reference).
            claims: claims whose ``start`` offsets point into ``article.text``.

        Returns:
            The same claims in the same order, each with ``when`` (``None`` only when neither
            the sentence nor the article gives a date).
        """
        found: dict[int, list[tuple[int, int, When]]] = {}
        dated = []
        for claim in claims:
            if claim.start not in found:
                found[claim.start] = self.read(claim.evidence, article.published)
            trigger = (claim.trigger_start or claim.start, claim.trigger_end or claim.start)
            span = (trigger[0] - claim.start, trigger[1] - claim.start)
            dated.append(replace(claim, when=pick(found[claim.start], span, article.published)))
        return dated

    def read(self, sentence: str, published: date | None) -> list[tuple[int, int, When]]:
        """Every trusted date expression of ``sentence``: (start, end, the date it names)."""
        if not _MAYBE_DATED.search(sentence):
            return []
        text = sentence
        for pattern, repl in _TIDY:
            text = pattern.sub(repl, text)
        base = datetime.combine(published or date.today(), datetime.min.time())
        settings: dict[str, Any] = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                    "RETURN_TIME_AS_PERIOD": True}
        hits = self._search(text, languages=["en"], settings=settings, add_period=True) or []
        found: list[tuple[int, int, When]] = []
        cursor = 0
        for words, moment, period in hits:
            at = text.find(words, cursor)
            cursor = max(cursor, at + len(words))
            when = _trusted(words, text[at + len(words):], moment.date(), period, published)
            if when is not None:
                found.append((at, at + len(words), when))
        return found


def pick(found: Sequence[tuple[int, int, When]], trigger: tuple[int, int],
         published: date | None) -> When | None:
    """The date nearest the trigger (a span of the sentence), else the article's date."""
    if found:
        return min(found, key=lambda hit: max(0, hit[0] - trigger[1], trigger[0] - hit[1]))[2]
    return When.of_article(published)


def _trusted(words: str, after: str, moment: date, period: str | None,
             published: date | None) -> When | None:
    bare = words.strip()
    if _ANCHORED.search(bare) or _ANCHOR_NEXT.match(after):
        return None
    if bare == bare.lower() and bare.split()[-1] in _MONTHS:
        return None
    if bare.isdigit() and not _YEAR.fullmatch(bare):
        return None
    if published is None and not _YEAR.search(bare):
        return None
    if published is not None and moment > published:
        return None
    precision = _PRECISION.get(period or "", Precision.DAY)
    if precision is Precision.YEAR:
        moment = moment.replace(month=1, day=1)
    elif precision is Precision.MONTH:
        moment = moment.replace(day=1)
    return When(moment, precision)
