"""Reported speech: which reporting verb's words a token is in, and who says them.

"Chile's president said *the country* would not send weapons": the act sits in the complement
of the reporting verb, and the carry-over words there ("the country", "it", "we", "he") stand
for the speaker's state before any name elsewhere in the sentence. The quote may also come first
('"We will not abandon Georgia," the minister said'), where the parser hangs the reporting verb
either above the quote or beside its root.
"""

from __future__ import annotations

from spacy.tokens import Token

# How a reported clause hangs on its reporting verb (or the verb on the quote's root).
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj"})


def reporting_verb(token: Token, verbs: frozenset[str]) -> Token | None:
    """The reporting verb ("said", "told") whose reported words hold ``token``, if any.

    The token must be inside the verb's complement, never its subject: in "the minister said
    it would", "the minister" is the speaker, not reported.
    """
    child = token
    for word in token.ancestors:
        if word.lemma_.lower() in verbs and word.pos_ == "VERB" and child.dep_ in COMPLEMENT_DEPS:
            return word
        child = word
    root = child  # the quote's own root: '"...," the minister said' may hang "said" beside it
    # (never the verb the token is the subject of: "fighters *it* said were ...")
    return next((c for c in root.children if c.dep_ in ("parataxis", "ccomp")
                 and c.lemma_.lower() in verbs and c.pos_ == "VERB" and c.i > token.i
                 and token.head.i != c.i), None)


def speaker_words(verb: Token) -> list[Token]:
    """The words that name who speaks: the reporting verb's subject first, then the words of
    its phrase ("the *Kremlin* spokesman", "*Iran's* foreign ministry spokesman Nasser Kanaani")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    return [subject, *(t for t in subject.subtree if t.i != subject.i)]


def quoted(token: Token) -> bool:
    """Whether ``token`` is inside quotation marks in its sentence."""
    before = [t.text for t in token.doc[:token.i]]
    curly = before.count("“") - before.count("”")
    return curly > 0 or before.count('"') % 2 == 1
