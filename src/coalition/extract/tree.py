"""Reading the dependency tree: who does what a verb says, which verb a noun hangs on, and
which words are on a trigger's object side (not its subject nor another clause)."""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.stance import SUBJECT_DEPS, has_subject

# Clauses below a trigger that are not its object: their words are never its target.
FOREIGN_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "relcl", "parataxis",
                          "expl", "mark", "punct"})


NOUN_TAGS = ("NOUN", "PROPN", "PRON")


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The token that does what ``verb`` says, and whether it is only the passive patient.

    A passive verb's doer is its ``by`` agent; without one, the patient is returned (so that
    "Syrian volunteers being sent" can still name its state through the adjective). Verbs
    without a subject of their own inherit it: conjuncts and complements from their head,
    participle and gerund clauses ("Refusing to send troops, Tokayev ...") from the main verb.
    """
    patient = None
    # "Berlin ( – ..., and Germany and France announced": of two subjects the nearer acts
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, False
        if subjects:
            return min(subjects, key=lambda c: abs(verb.i - c.i)), False
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
    noun_clause = _noun_clause_doer(verb)
    if noun_clause is not None:
        return noun_clause
    if verb.dep_ == "xcomp":  # "Tehran is said to have shipped": the raised subject acts
        doer, _ = subject(verb.head)
        return doer, False
    above = verb.head
    while above.i != verb.i and above.pos_ not in ("VERB", "AUX") and above.head.i != above.i:
        above = above.head
    if above.i == verb.i or above.pos_ not in ("VERB", "AUX"):
        return None, False
    return subject(above)


def _noun_clause_doer(verb: Token) -> tuple[Token | None, bool] | None:
    """The doer of a verb that hangs on a noun: the noun a participle describes, whoever takes
    the measures a gerund is listed in, the noun or the accused a gerund of reasons names, the
    possessor of a noun an infinitive completes; ``None`` for a verb that hangs on no noun."""
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in NOUN_TAGS:
        return verb.head, verb.tag_ == "VBN"
    measures = listed_under(verb)
    if measures is not None:  # "announced measures, including *suspending* aid": who announced
        above = governor(measures)
        return subject(above) if above is not None else (None, False)
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in NOUN_TAGS:
        # "accuses *companies* of supplying": the noun does it; "*its* campaign of
        # derecognizing X", "*Iran's* role in arming Y": the owner of the noun does it
        noun = verb.head.head
        return next((c for c in noun.children if c.dep_ == "poss"), noun), False
    charged = charged_object(verb)
    if charged is not None:
        return charged, False  # "accused *Iran* of supplying drones": the accused did it
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        if owner is not None:  # "Germany's refusal to send": the possessor acts
            return owner, False
    return None


def listed_under(verb: Token) -> Token | None:
    """The noun a gerund is listed as one of: "several measures, *including suspending* aid"
    (the measures); ``None`` for any other gerund."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.head.pos_ not in NOUN_TAGS or not (
            prep.lower_ in ("including", "like") or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
        return None
    return prep.head


def governor(noun: Token) -> Token | None:
    """The verb a noun trigger depends on, if it is that verb's object or complement.

    A noun that is the verb's subject ("the support he envisioned has gone") has no governor:
    it names the support without saying who gave it; unless the verb is passive with a doer
    ("sanctions on Iran *were announced by* France": France announced them).
    """
    current = noun
    while current.head.i != current.i:
        if current.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in current.head.children):
            return current.head
        if current.dep_ in SUBJECT_DEPS or current.dep_ in ("relcl", "advcl"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


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


def _infinitive(verb: Token) -> bool:
    return not has_subject(verb) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def equips(verb: Token) -> bool:
    """ "provided *the Sudanese army* with drones": with the thing given in a "with" phrase,
    the direct object is the receiver."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and
               any(g.dep_ == "pobj" for g in c.children) for c in verb.children) and \
        any(c.dep_ == "dobj" for c in verb.children)


def accompanied(noun: Token) -> Token | None:
    """What a "with" phrase holding ``noun`` goes with: "*American jets*, with support from
    Britain", "*struck* the base with the help of X"; ``None`` outside such a phrase."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    prep = noun.head
    while prep.dep_ == "conj" and prep.head.lower_ == "with":
        prep = prep.head  # "together with the UK *and with* support from Australia"
    return prep.head


def accompanied_act(noun: Token) -> Token | None:
    """The verb of the act a "with" phrase goes with: the word it hangs on, or the verb whose
    subject that word is ("American jets, with support from X, *struck*")."""
    partner = accompanied(noun)
    if partner is None:
        return None
    if partner.pos_ in ("VERB", "AUX"):
        return partner
    return partner.head if partner.dep_ in SUBJECT_DEPS else None


# Object pronouns that cannot stand for the subject of their own verb (that would be "itself").
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})


def co_subjects(pronoun: Token, *, described: bool = False) -> set[int]:
    """The subjects an object pronoun cannot stand for: those of its own verb (through the
    nouns and prepositions above it, "imposed sanctions on *it*") and of the verbs whose
    infinitive that verb is ("Belgrade refuses to recognise *it*"); ``described``: the
    word is a description ("the UK accused *the country*"), which is never its verb's subject
    either."""
    if not (described or pronoun.lower_ in OBJECT_PRONOUNS) or \
            pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return set()
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("prep", "pobj", "dobj") and \
            verb.head.i != verb.i:
        verb = verb.head  # "imposed sanctions *on* the regime": the verb above the noun
    found: set[int] = set()
    while verb.pos_ in ("VERB", "AUX"):
        doer, _ = subject(verb)
        if doer is not None:
            found.add(doer.i)
        if verb.dep_ != "xcomp":
            break
        verb = verb.head
    return found


def charged_object(verb: Token) -> Token | None:
    """Who a gerund of reasons says did it: the object of the verb that charges, blames,
    criticises or punishes ("accused *Iran* of supplying drones", "criticised *the CSTO* for
    not siding with Armenia", "sanctioned *Iran* for supplying drones")."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for", "with"):
        return None
    charging = verb.head.head
    if charging.pos_ != "VERB":
        return None
    return next((c for c in charging.children if c.dep_ == "dobj"), None)


def reciprocal_object(verb: Token) -> bool:
    """Whether a verb's object is "each other" or "one another" (directly or in a phrase:
    "blamed each other", "imposed sanctions on one another")."""
    return any(t.lower_ in ("other", "another") and t.i > 0
               and t.doc[t.i - 1].lower_ in ("each", "one")
               for t in object_side(verb) if t.dep_ in ("dobj", "pobj"))


def relative_word(token: Token) -> Token | None:
    """The relative pronoun a word stands for: the pronoun itself, or the one a quantifier
    counts ("China and Turkey, *both of which* had backed X", "*some of whom*")."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return token
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
        return None  # (the parser may hang the clause as a complement, not "relcl")
    return next((o for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for o in prep.children if o.dep_ == "pobj" and o.tag_ in ("WP", "WDT")),
                None)


def antecedent_of(relative: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause describes, or, when that noun
    only classifies a subject ("Syria and North Korea are *the only states that* ..."), that
    subject."""
    clause = next((a for a in relative.ancestors if a.dep_ == "relcl"), None)
    if clause is None:  # "China and Turkiye, *both of which* had": the noun before the comma
        noun = relative.head.head.doc[max(relative.head.head.i - 1, 0)]
        while noun.is_punct and noun.i > 0:
            noun = noun.doc[noun.i - 1]
        while noun.dep_ == "conj":
            noun = noun.head
        return noun
    noun = clause.head
    copula = noun.head if noun.dep_ == "attr" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        copula = noun.head.head
    if copula is not None and copula.lemma_ == "be":
        subject_word = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject_word is not None:
            return subject_word
    return noun


def permitter(token: Token, lent: frozenset[str], permitting: frozenset[str]) -> Token | None:
    """Who lends what a possessive names under a permission: "Cairo allowed the UAE to use
    *its* bases" (Cairo's bases, `lent_verbs` under `permission_verbs`), not the one allowed."""
    if token.dep_ != "poss" or token.head.dep_ != "dobj":
        return None
    verb = token.head.head
    lender = verb.head
    if verb.dep_ not in ("ccomp", "xcomp") or verb.lemma_.lower() not in lent or \
            lender.lemma_.lower() not in permitting:
        return None
    doer, passive = subject(lender)
    return None if passive else doer
