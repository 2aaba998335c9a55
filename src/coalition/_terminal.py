"""Text from inputs made safe for a terminal: what the CLI prints of names and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition.models import Rejected

# Control characters in a file name would move the cursor or recolour the terminal; they are
# shown escaped, as are the bidirectional overrides that would reorder the line.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
_CONTROLS |= {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_CONTROLS |= {ord("\n"): "\\n", ord("\t"): "\\t", ord("\r"): "\\r"}


def plain(text: str) -> str:
    """Text from an input (a file name, a reason) safe to print: no markup, no control codes."""
    from rich.markup import escape

    shown = text.translate(_CONTROLS).encode("utf-8", "backslashreplace").decode("utf-8")
    return escape(shown)


def skipped_line(item: Rejected) -> str:
    """The line, in rich markup, that names a skipped input and its reason."""
    return f"[yellow]skipped[/yellow] {plain(item.source)}: {plain(item.reason)}"
