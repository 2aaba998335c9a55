"""The aggregate stage: pure functions from stance counts (or claims) to scorecards and graphs."""

from coalition.aggregate._lean import MIXED, Lean, leanings, net_stance, side_of
from coalition.aggregate._network import Edge, Network, Node, network
from coalition.aggregate._records import with_records
from coalition.aggregate._scorecard import Cell, Tally, scorecard
from coalition.aggregate._timeline import TimelinePoint, timeline

__all__ = [
    "Cell",
    "Edge",
    "Lean",
    "MIXED",
    "Network",
    "Node",
    "Tally",
    "TimelinePoint",
    "leanings",
    "net_stance",
    "network",
    "scorecard",
    "side_of",
    "timeline",
    "with_records",
]
