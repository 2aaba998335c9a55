"""Parties: which state a word of a parsed sentence stands for.

Names resolve through the gazetteer spans; "he", "they", "the country" through the carry-over
:class:`~coalition.extract.context.Context`; a demonym ("Syrian dictator") only through a
governmental head noun, so "Serbian citizens" are not Serbia; group words ("the bloc") through
the group named before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from coalition.extract.acts import latest_armed
from coalition.extract.context import Context
from coalition.extract.coordination import listed
from coalition.extract.sentence import (
    CARRIER_ANY,
    CARRIER_PERSON,
    CARRIER_PLURAL,
    CARRIER_STATE,
    Mention,
    Sentence,
)
from coalition.extract.speech import quoted, reporting_verb, speaker_words
from coalition.extract.tree import antecedent_of, co_subjects, permitter, relative_word, subject
from coalition.resolve import Conflict, Lexicon
from coalition.resolve.gazetteer import DESCRIPTION, GROUP, LEADER, REGION

# Pronouns that may stand for several states named together.
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "theirs"})


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
    # carry-over words being resolved: one can be its own speaker's subject ("jets *it* said")
    _open: set[int] = field(default_factory=set)

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
                if mention.kind == CARRIER_PLURAL:
                    return None  # several states: see parties()
                if token.lower_ == "it" and token.head.lemma_ == "be":
                    return None  # "it is a hole in the sanctions": no actor
                if self._words(mention) in self.lexicon.cue("carriers_group"):
                    return self._group(token, mention.char_start, mention.char_end)
                return self._carried(token, mention)
            if not mention.adjective or token.pos_ in ("NOUN", "PROPN"):
                return Party(mention.code, mention.char_start, mention.char_end)
        if mention is None and token.lemma_.lower() in self.lexicon.cue("group_heads") and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self._group(token, *self.sentence.chars(token))  # "the Russian-led bloc"
        if token.lemma_.lower() in self.lexicon.cue("quantity_nouns"):
            return self._of_phrase(token)  # "dozens *of Chinese firms*"
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            return self.party(antecedent_of(token), adjective_only=adjective_only)
        if token.lower_ in self.lexicon.cue("state_heads") or token.lemma_.lower() in \
                self.lexicon.cue("state_heads"):
            return self._through_head(token)
        if token.lemma_.lower() in self.lexicon.cue("event_heads"):
            return self._through_head(token, of_phrase=False)  # "the *Iranian* attack"
        return self._leader(token)

    def _leader(self, noun: Token) -> Party | None:
        """The state a "*Saudi*-led coalition" or "the *US*-led operation" stands for: its
        leader, named before "-led" (only a joint body or operation, `led_bodies`)."""
        if noun.lemma_.lower() not in self.lexicon.cue("led_bodies"):
            return None
        for led in noun.children:
            if led.dep_ not in ("amod", "compound") or led.lower_ != "led":
                continue
            for i in (c.i for c in led.children if c.dep_ in ("npadvmod", "compound", "nmod")):
                mention = self.sentence.mention_at(i)
                if mention is not None and mention.code and not mention.carrier:
                    return Party(mention.code, mention.char_start, mention.char_end)
        return None

    def parties(self, token: Token, *, adjective_only: bool = False) -> list[Party]:
        """The parties a token and its conjuncts name ("Kazakhstan and Belarus")."""
        relative = relative_word(token)
        if relative is not None:
            token = antecedent_of(relative)  # "X and Y are among the states *that* ..."
        members = [token, *token.conjuncts]
        for extra in [c for c in token.children if c.dep_ == "npadvmod" and c.i > token.i
                      and self.sentence.mention_at(c.i) is not None]:
            members += [extra, *extra.conjuncts]  # "Belarus, *Eritrea*, Mali and Syria"
        members += [m for t in list(members) for m in listed(t, self._named)
                    if m not in members]
        found = [self.party(t, adjective_only=adjective_only) for t in members]
        # a plural word that stands for a list named before stands for it, not for one state
        plural = [self._plural(t, party) for t, party in zip(members, found, strict=True)]
        found = [None if many else party for party, many in zip(found, plural, strict=True)]
        recalled = [p for t, party in zip(members, found, strict=True) if party is None
                    for p in self._recalled_doers(t)]
        paired = [p for t, party in zip(members, found, strict=True) if party is not None
                  for p in self._conjoined_demonyms(t)]
        fellows = [p for t, party in zip(members, found, strict=True) if party is not None
                   and party.carried for p in self._fellow_antecedents(t, party)]
        return [p for p in found if p is not None] + recalled + paired + fellows + \
            [p for many in plural for p in many]

    def _plural(self, token: Token, party: Party | None) -> list[Party]:
        """The states a plural carry-over word stands for, from earlier sentences ("they"
        after "Mali, Burkina Faso and Niger ..."; "the two countries"), or ``[]``. A pronoun
        whose state is named earlier in its own sentence is left to that name."""
        mention = self.sentence.mention_at(token.i)
        if mention is None or not mention.carrier or (party is not None and not party.carried):
            return []
        if party is not None and any(m.code == party.code and not m.carrier
                                     and m.start < token.i for m in self.sentence.mentions):
            return []
        codes = self.context.plural(self._words(mention), party.code if party else None)
        return [Party(c, mention.char_start, mention.char_end, carried=True) for c in codes]

    def _conjoined_demonyms(self, head: Token) -> list[Party]:
        """The further states of "*French and Egyptian* warships", "*Hungarian and Romanian*
        officials": demonyms conjoined with the one that names the head's state."""
        return [Party(m.code, m.char_start, m.char_end)
                for a in head.children if a.dep_ in ("amod", "compound")
                and self.sentence.mention_at(a.i) is not None
                for c in a.conjuncts
                for m in [self.sentence.mention_at(c.i)] if m is not None and m.code
                and not m.carrier]

    def _fellow_antecedents(self, token: Token, party: Party) -> list[Party]:
        """The other states a plural pronoun stands for when its antecedent is a list:
        "Denmark and Finland said *they* would halt arms exports" (both halt them)."""
        if token.lower_ not in PLURAL_PRONOUNS:
            return []
        for i in range(token.i - 1, -1, -1):
            mention = self.sentence.mention_at(i)
            if mention is None or mention.code != party.code or mention.carrier:
                continue
            word = self.sentence.doc[mention.end - 1]
            fellows = [self.party(c) for c in word.conjuncts]
            return [replace(p, carried=True) for p in fellows
                    if p is not None and not p.carried and p.code != party.code]
        return []

    def _named(self, token: Token) -> bool:
        mention = self.sentence.mention_at(token.i)
        return mention is not None and not mention.carrier and not mention.adjective

    def _recalled_doers(self, token: Token) -> list[Party]:
        """Who did "*the* strikes", when an earlier sentence said who struck: the event a
        definite event noun without a doer of its own takes up; by its word, else the latest
        armed act ("the strikes" after "carried out attacks")."""
        if token.lemma_.lower() not in self.lexicon.cue("event_heads") or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
                c.dep_ in ("poss", "amod", "compound", "nmod") for c in token.children):
            return []
        start, end = self.sentence.chars(token)
        context = self.context
        return [Party(code, start, end, carried=True)
                for code in context.doers.get(event_key(token.lemma_.lower()), ())
                or latest_armed(context.acts, context.sentence)]

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

    def _carried(self, token: Token, mention: Mention) -> Party | None:
        """What a carry-over word stands for.

        Inside reported words, a name earlier in the same reported clause, else the speaker's
        state ("Chile's president said *the country* would not send weapons"); "we" and "our"
        only ever stand for the speaker. Elsewhere the nearest earlier subject name of the
        sentence, else the context.
        """
        if token.i in self._open:
            return None
        self._open.add(token.i)
        try:
            return self._carried_once(token, mention)
        finally:
            self._open.discard(token.i)

    def _carried_once(self, token: Token, mention: Mention) -> Party | None:
        named = self._of_phrase(token, named_only=True)
        if named is not None:
            return named  # "the government *of Mali*", "the president *of Armenia*"
        verbs = self.lexicon.cue("reporting_verbs")
        reporter = reporting_verb(token, verbs)
        if token.lower_ in self.lexicon.cue("speaker_pronouns"):
            return self._speaker(reporter) if reporter is not None else self._any_speaker()
        since = reporter.i if reporter is not None and reporter.i < token.i else -1
        lender = permitter(token, self.lexicon.cue("lent_verbs"),
                           self.lexicon.cue("permission_verbs"))  # "to use *its* bases"
        lent = self.party(lender) if lender is not None else None
        code = (lent.code if lent is not None else None) or \
            self._antecedent(token, mention.kind, since) or self._own(token)
        if code is None and reporter is not None:
            code = self._spoken_of(reporter)  # "'their support ...,' Blinken said *of China*"
        # an object is never its own clause's subject: "Japan said it would sanction *the
        # country*" is not Japan, though Japan speaks; the paragraph's state is left
        doers = self._clause_doers(token, mention)
        if code is None and reporter is not None and self._speaks_of_itself(token, mention):
            speaker = self._speaker(reporter)
            code = speaker.code if speaker is not None else None
        code = next((c for c in (code, self._antecedent(token, mention.kind),
                                 self.context.carry(mention.kind)) if c and c not in doers), None)
        return Party(code, mention.char_start, mention.char_end, carried=True) if code else None

    def _clause_doers(self, token: Token, mention: Mention) -> set[str]:
        """The states of the subjects of an object carry-over word's own verb (`co_subjects`)."""
        return {p.code for i in co_subjects(token, described=mention.kind == CARRIER_STATE)
                if i != token.i for p in [self.party(self.sentence.doc[i])] if p is not None}

    def _own(self, token: Token) -> str | None:
        """Whose "their"/"its" on an object is: the verb's subject ("*a group of Moroccan
        diplomats* held *their* first meeting")."""
        if token.dep_ != "poss" or token.head.dep_ not in ("dobj", "pobj"):
            return None
        verb = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
        if verb.pos_ not in ("VERB", "AUX") or \
                verb.lemma_.lower() in self.lexicon.cue("intrusion_verbs"):
            return None  # "Indian jets violated *its* airspace": never the intruder's own
        doer, passive = subject(verb)
        if doer is None or passive or doer.i == token.i:
            return None
        found = self.party(doer)
        return found.code if found is not None and not found.carried else None

    def _spoken_of(self, reporter: Token) -> str | None:
        """The state the reported words are about: "said *of China*", "told reporters *about
        Iran*"."""
        for prep in reporter.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "about"):
                found = [p for o in prep.children if o.dep_ == "pobj"
                         for p in self.parties(o) if not p.carried]
                if found:
                    return found[0].code
        return None

    def _speaks_of_itself(self, token: Token, mention: Mention) -> bool:
        """Whether a carry-over word in reported words can be the speaker's own state: in
        indirect speech "the country", "his government", "it" can ("the minister said *it*
        would"); "they" names others, and in a quote only "we" is the speaker ("*their*
        support for Russia goes against our interest," Blinken said)."""
        if quoted(token):
            return False
        return mention.kind != CARRIER_ANY or token.lower_ in ("it", "its")

    def _any_speaker(self) -> Party | None:
        """Who says the sentence: the speaker of its first reporting verb that names one."""
        verbs = self.lexicon.cue("reporting_verbs")
        for token in self.sentence.doc:
            if token.lemma_.lower() in verbs:
                speaker = self._speaker(token)
                if speaker is not None:
                    return speaker
        return None

    def _speaker(self, verb: Token) -> Party | None:
        """The state of who speaks through ``verb``: its subject ("Russia said", "the
        foreign minister", carried), else a name in the subject's phrase ("the *Kremlin*
        spokesman")."""
        words = speaker_words(verb)
        if not words:
            return None
        found = self.party(words[0])
        if found is not None:
            return found
        for word in words[1:]:
            mention = self.sentence.mention_at(word.i)
            if mention is not None and mention.code and not mention.carrier and \
                    mention.kind != REGION and not (  # "the *island* nation of Fiji said"
                        mention.kind == DESCRIPTION
                        and self.sentence.doc[mention.end - 1].dep_ == "compound"):
                return Party(mention.code, mention.char_start, mention.char_end)
        return None

    def _antecedent(self, token: Token, kind: str, since: int = -1) -> str | None:
        """The nearest earlier name in the same sentence (after ``since``) a carry-over word
        can stand for.

        "he"/"his" take a leader; "they"/"it"/"the country" take a name that is a subject
        ("Russia has weakened to where *they* have withdrawn ..."), never the subject of the
        pronoun's own verb ("Belgrade refuses to recognise *it*": "it" is not Belgrade).
        """
        barred = co_subjects(token, described=kind == CARRIER_STATE)
        for i in range(token.i - 1, since, -1):
            mention = self.sentence.mention_at(i)
            if mention is None or mention.carrier or not mention.code or mention.adjective \
                    or mention.kind == REGION or mention.end - 1 in barred:
                continue
            if mention.kind == GROUP and kind != CARRIER_ANY:
                continue  # "the government" is a state's; "its sanctions" may be the EU's
            if kind == CARRIER_PERSON and mention.kind == LEADER:
                return mention.code
            head = self.sentence.doc[mention.end - 1]
            while head.dep_ == "conj":  # "Neighbours and allies *Bahrain* and X said they"
                head = head.head
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
        if not of_phrase:
            return None
        # "the army and navy *of Belarus*": the last conjunct's owner is all of theirs
        return self._of_phrase(head, named_only=True) or next(
            (p for c in head.conjuncts if c.i > head.i
             for p in [self._of_phrase(c, named_only=True)] if p is not None), None)

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


def event_key(lemma: str) -> str:
    """The word an attack is recalled by: "the strikes" recall "airstrikes" and "struck"."""
    return lemma[3:] if lemma.startswith("air") and len(lemma) > 6 else lemma


