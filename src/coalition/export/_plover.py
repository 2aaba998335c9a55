"""Claims as PLOVER-style events (the Political Language Ontology for Verifiable Event Records
of the Open Event Data Alliance), one JSON object a line.

The event type and mode come from the claim's dimension and stance by this table, the inverse
of the PLOVER-to-claims mapping the project measures against (``docs/export.md``):

=============  ======================  ==================  ========================
dimension      support                 refuse              oppose
=============  ======================  ==================  ========================
troops         AID (military)          REJECT (military)   FIGHT
arms           AID (military)          REJECT (military)   SANCTION (military)
military       AID (military)          REJECT (military)   FIGHT
territory      COOPERATE (military)    REJECT              COERCE
economic       AID (economic)          REJECT (economic)   SANCTION (economic)
recognition    SUPPORT                 REJECT              DISAPPROVE
diplomatic     SUPPORT                 REJECT              DISAPPROVE
humanitarian   AID (humanitarian)      REJECT (aid)        COERCE
security       COOPERATE (security)    REJECT (security)   THREATEN
=============  ======================  ==================  ========================

The context is the dimension's PLOVER context (military, economic, political, humanitarian).
Each event keeps the claim's own fields under ``coalition``, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from coalition.models import Dimension, Stance, StoredClaim

_M, _E, _H = "military", "economic", "humanitarian"
EVENTS: dict[tuple[Dimension, Stance], tuple[str, str | None]] = {
    (Dimension.TROOPS, Stance.SUPPORT): ("AID", _M),
    (Dimension.TROOPS, Stance.REFUSE): ("REJECT", _M),
    (Dimension.TROOPS, Stance.OPPOSE): ("FIGHT", None),
    (Dimension.ARMS, Stance.SUPPORT): ("AID", _M),
    (Dimension.ARMS, Stance.REFUSE): ("REJECT", _M),
    (Dimension.ARMS, Stance.OPPOSE): ("SANCTION", _M),
    (Dimension.MILITARY, Stance.SUPPORT): ("AID", _M),
    (Dimension.MILITARY, Stance.REFUSE): ("REJECT", _M),
    (Dimension.MILITARY, Stance.OPPOSE): ("FIGHT", None),
    (Dimension.TERRITORY, Stance.SUPPORT): ("COOPERATE", _M),
    (Dimension.TERRITORY, Stance.REFUSE): ("REJECT", None),
    (Dimension.TERRITORY, Stance.OPPOSE): ("COERCE", None),
    (Dimension.ECONOMIC, Stance.SUPPORT): ("AID", _E),
    (Dimension.ECONOMIC, Stance.REFUSE): ("REJECT", _E),
    (Dimension.ECONOMIC, Stance.OPPOSE): ("SANCTION", _E),
    (Dimension.RECOGNITION, Stance.SUPPORT): ("SUPPORT", None),
    (Dimension.RECOGNITION, Stance.REFUSE): ("REJECT", None),
    (Dimension.RECOGNITION, Stance.OPPOSE): ("DISAPPROVE", None),
    (Dimension.DIPLOMATIC, Stance.SUPPORT): ("SUPPORT", None),
    (Dimension.DIPLOMATIC, Stance.REFUSE): ("REJECT", None),
    (Dimension.DIPLOMATIC, Stance.OPPOSE): ("DISAPPROVE", None),
    (Dimension.HUMANITARIAN, Stance.SUPPORT): ("AID", _H),
    (Dimension.HUMANITARIAN, Stance.REFUSE): ("REJECT", "aid"),
    (Dimension.HUMANITARIAN, Stance.OPPOSE): ("COERCE", None),
    (Dimension.SECURITY, Stance.SUPPORT): ("COOPERATE", "security"),
    (Dimension.SECURITY, Stance.REFUSE): ("REJECT", "security"),
    (Dimension.SECURITY, Stance.OPPOSE): ("THREATEN", None),
}
CONTEXTS = {
    Dimension.TROOPS: _M, Dimension.ARMS: _M, Dimension.MILITARY: _M,
    Dimension.TERRITORY: _M, Dimension.ECONOMIC: _E, Dimension.RECOGNITION: "political",
    Dimension.DIPLOMATIC: "political", Dimension.HUMANITARIAN: _H, Dimension.SECURITY: _M,
}


def plover_events(rows: Iterable[StoredClaim]) -> Iterator[dict[str, Any]]:
    """One PLOVER-style event per claim: type, mode, context, actors, date, the sentence and
    a link back to the article (or the record's source)."""
    from coalition.resolve import actor_name

    for row in rows:
        c = row.claim
        event, mode = EVENTS[(c.dimension, c.stance)]
        yield {
            "id": f"coalition-{c.certainty.value}-{row.id}",
            "event_date": row.published,
            "event_type": event,
            "mode": mode,
            "contexts": [CONTEXTS[c.dimension]],
            "actor": {"code": c.actor, "name": actor_name(c.actor)},
            "recipient": {"code": c.target, "name": actor_name(c.target)},
            "text": c.evidence,
            "source": {"url": row.url, "article": row.article_id, "title": row.title,
                       "path": row.source},
            "coalition": {"dimension": c.dimension.value, "stance": c.stance.value,
                          "certainty": c.certainty.value, "start": c.start, "end": c.end,
                          "confidence": c.confidence, "extractor": c.extractor},
        }
