"""Actor codes from what a user types: a code (``ARM``) or a name (``Armenia``, ``North Korea``).

Wherever a command, page or API parameter takes an actor code it takes a name too, and an
unknown one is an error that says so rather than an empty result.
"""

from __future__ import annotations

from functools import cache

from coalition.errors import InputError
from coalition.resolve.gazetteer import ADJECTIVE, CAPITAL, GROUP, STATE, default_gazetteer

# Forms that name a state outright; capitals and adjectives too ("Moscow", "Russian"), as a
# user filtering by them means the state. Leaders are left out: they stand for a state only
# during their terms.
_NAMING = frozenset({STATE, GROUP, CAPITAL, ADJECTIVE})


@cache
def _codes() -> dict[str, str]:
    gazetteer = default_gazetteer()
    table = {e.form.casefold(): e.code for e in gazetteer.entries if e.kind in _NAMING and e.code}
    table.update({code.casefold(): code for code in gazetteer.names})
    table.update({name.casefold(): code for code, name in gazetteer.names.items()})
    return table


def actor_code(value: str) -> str:
    """The actor code that ``value`` (a code or a name, any case) stands for.

    Args:
        value: ``RUS``, ``rus``, ``Russia``, ``the Russian Federation`` is not known.

    Returns:
        The ISO 3166-1 alpha-3 or alliance code.

    Raises:
        InputError: no state, alliance or group is known by that code or name.
    """
    text = " ".join(value.split())
    found = _codes().get(text.casefold())
    if found is None:
        raise InputError(value, "no state or alliance has this code or name "
                                "(use an ISO alpha-3 code like ARM, or a name like Armenia)")
    return found
