"""Trigger words, theme words and cue lists: the rules of extraction, kept as data.

``triggers.csv`` says which words carry a claim (its dimension, default stance, and whether
its object is the target or the thing given), ``themes.csv`` which words narrow a generic
trigger to a dimension ("sent *shells*" -> arms), ``cues.yaml`` the negation, refusal,
request, hedge, carry-over and page-furniture cues. Columns are documented in data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition.errors import ConfigError
from coalition.models import Dimension, Stance
from coalition.resolve._files import data_path, read_csv, read_yaml, split_list

KINDS = ("verb", "noun", "agent", "territory", "goods")
OBJECT_ROLES = ("target", "theme")
CUE_LISTS = (
    "negation", "unnegated_adverbs", "refusal_verbs", "phrasal_refusals", "refusal_adjectives",
    "refusal_nouns",
    "failure_verbs", "failure_particles", "request_verbs", "request_nouns", "conditional_markers",
    "hedge_words", "hedge_passives", "helping_verbs", "dependence_verbs", "carriers_person",
    "carriers_state", "carriers_any", "speaker_pronouns", "reporting_verbs", "state_heads",
    "furniture_lines", "furniture_headings", "purchase_verbs", "gratitude_verbs", "shield_verbs",
    "reciprocal_nouns", "membership_nouns", "firing_verbs", "named_target_only", "joining_verbs",
    "carriers_group", "permission_verbs", "speculating_sources",
    "enemy_object_verbs", "group_heads", "attack_verbs", "compliance_verbs", "linked_heads",
    "quantity_nouns", "withholding_verbs", "seizure_verbs", "resolution_nouns",
    "granting_verbs", "concession_preps", "companion_verbs",
    "event_heads", "blocking_nouns", "hosted_people", "intrusion_verbs", "topic_nouns",
    "accusing_words", "own_statements", "switching_verbs", "pact_nouns", "signing_verbs",
    "lifting_verbs", "threatening_verbs",
    "protest_withdrawals", "coercive_blocks", "event_doing_verbs",
    "ousting_verbs", "right_nouns",
    "show_of_force_nouns", "encircling_preps", "reaction_nouns", "reaction_preps",
    "rebutted_nouns", "sealed_land",
    "defence_alliances", "accession_words", "struck_objects",
    "mutual_objects", "demanding_verbs", "labelling_verbs", "charge_words",
    "obligation_modals", "reacting_verbs", "reaction_verbs", "memory_verbs", "invasion_nouns",
    "led_bodies", "relational_nouns", "accepting_verbs",
    "drawing_verbs", "sponsoring_verbs", "convened_nouns", "contested_states", "tie_words",
    "land_status_nouns", "recall_nouns",
    "refused_only", "desist_requests", "desisting_verbs", "money_signs", "cancelling_verbs",
    "threat_words", "reason_preps", "alliance_nouns", "warning_words",
    "accession_only", "act_refusing_verbs", "tie_only", "tie_objects", "force_moving_verbs",
    "objectless_verbs",
    "border_words",
    "voicing_nouns", "inviting_verbs", "judging_nouns", "lent_verbs",
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that can carry a claim.

    ``dimension`` is fixed when set; otherwise it comes from theme words near the trigger, and
    ``fallback`` (when set) is used if none is found. ``object_role`` says whether a direct
    object is the target ("condemned Russia") or the thing given ("sent shells").
    """

    term: str
    kind: str
    dimension: Dimension | None
    stance: Stance
    fallback: Dimension | None
    object_role: str
    forms: tuple[str, ...]

    @property
    def words(self) -> list[str]:
        """The words of the term, lower case."""
        return self.term.lower().split()

    def inflected(self) -> list[list[str]]:
        """Token sequences that match this trigger, one per inflected form."""
        words = self.words
        at = len(words) - 1 if self.kind != "verb" else 0
        forms = set(_inflect(words[at], self.kind)) | set(self.forms)
        return [words[:at] + [form] + words[at + 1:] for form in sorted(forms)]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All extraction rules read from the data files."""

    triggers: tuple[Trigger, ...]
    themes: dict[str, Dimension]
    cues: dict[str, frozenset[str]]

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        """Read ``triggers.csv``, ``themes.csv`` and ``cues.yaml`` (default: package data)."""
        def path(name: str) -> Path:
            return folder / name if folder else data_path(name)

        triggers = tuple(_trigger(row, path("triggers.csv")) for row in read_csv(
            path("triggers.csv"),
            ("term", "kind", "dimension", "stance", "fallback", "object", "forms")))
        themes_path = path("themes.csv")
        themes = {r["word"].lower(): _dimension(r["dimension"], themes_path)
                  for r in read_csv(themes_path, ("word", "dimension"))}
        cues_path = path("cues.yaml")
        raw = read_yaml(cues_path)
        cues: dict[str, frozenset[str]] = {}
        for name in CUE_LISTS:
            values = raw.get(name)
            if not isinstance(values, list):
                raise ConfigError(f"{cues_path}: {name} must be a list of words")
            cues[name] = frozenset(str(v).lower() for v in values)
        return cls(triggers, themes, cues)

    def cue(self, name: str) -> frozenset[str]:
        """One cue list by name."""
        return self.cues[name]

    def verb_forms(self, name: str) -> frozenset[str]:
        """The regular inflections of a cue list of verbs (irregular ones are listed in it)."""
        return frozenset(form for verb in self.cues[name] for form in _inflect(verb, "verb"))

    def recognition(self, word: str) -> bool:
        """Whether a lower-case word or lemma is about recognition: a recognition theme
        ("republics") or a form of a recognition trigger ("recognised", "recognition")."""
        if self.themes.get(word) is Dimension.RECOGNITION:
            return True
        return any(t.dimension is Dimension.RECOGNITION and [word] in t.inflected()
                   for t in self.triggers)


def _trigger(row: dict[str, str], path: Path) -> Trigger:
    if row["kind"] not in KINDS:
        raise ConfigError(f"{path}: kind {row['kind']!r} of {row['term']!r} not in {KINDS}")
    if row["object"] not in OBJECT_ROLES:
        raise ConfigError(f"{path}: object {row['object']!r} of {row['term']!r} not in "
                          f"{OBJECT_ROLES}")
    try:
        stance = Stance(row["stance"])
    except ValueError as exc:
        raise ConfigError(f"{path}: stance {row['stance']!r} of {row['term']!r} is unknown") \
            from exc
    return Trigger(
        term=row["term"], kind=row["kind"],
        dimension=_dimension(row["dimension"], path) if row["dimension"] else None,
        stance=stance,
        fallback=_dimension(row["fallback"], path) if row["fallback"] else None,
        object_role=row["object"],
        forms=tuple(f.lower() for f in split_list(row["forms"])),
    )


def _dimension(value: str, path: Path) -> Dimension:
    try:
        return Dimension(value.strip().lower())
    except ValueError as exc:
        raise ConfigError(f"{path}: {value!r} is not a dimension") from exc


def _inflect(word: str, kind: str) -> list[str]:
    """Regular English inflections; irregular ones are listed in the ``forms`` column."""
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        plural = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        plural = word + "es"
    else:
        plural = word + "s"
    if kind != "verb":
        return [word, plural]
    stem = word[:-1] if word.endswith("e") else word
    past = word[:-1] + "ied" if plural.endswith("ies") else stem + "ed"
    return [word, plural, past, stem + "ing"]
