"""The aggregate stage: pure functions from stance counts (or claims) to scorecards, graphs,
timelines, shifts and contradictions."""

from coalition.aggregate._contradictions import Contradiction, contradictions, disputed, outlet
from coalition.aggregate._network import Edge, Network, Node, network
from coalition.aggregate._records import with_records
from coalition.aggregate._scorecard import Cell, Tally, net_stance, scorecard
from coalition.aggregate._shifts import Shift, shifts
from coalition.aggregate._timeline import TimelinePoint, timeline

__all__ = [
    "Cell",
    "Contradiction",
    "Edge",
    "Network",
    "Node",
    "Shift",
    "Tally",
    "TimelinePoint",
    "contradictions",
    "disputed",
    "net_stance",
    "network",
    "outlet",
    "scorecard",
    "shifts",
    "timeline",
    "with_records",
]
