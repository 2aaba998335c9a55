"""The aggregate stage: pure functions from stance counts (or claims) to scorecards and graphs."""

from coalition.aggregate._network import Edge, Network, Node, network
from coalition.aggregate._records import with_records
from coalition.aggregate._scorecard import Cell, Tally, net_stance, scorecard
from coalition.aggregate._timeline import TimelinePoint, timeline

__all__ = [
    "Cell",
    "Edge",
    "Network",
    "Node",
    "Tally",
    "TimelinePoint",
    "net_stance",
    "network",
    "scorecard",
    "timeline",
    "with_records",
]
