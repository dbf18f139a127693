"""HTML for Qt's rich-text widgets: escaping a value and the detail pane's record layout.

Its own module (not the pages' base) so that dialogs can escape text without importing the
page classes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def detail_html(
    title: str, rows: Sequence[tuple[str, object]], sections: Sequence[tuple[str, str]] = ()
) -> str:
    """A record as the detail pane shows it: a heading, a two-column table of facts and
    sections of longer text (kept with their line breaks)."""
    parts = [
        f"<h3 style='margin-bottom:6px'>{esc(title)}</h3>",
        "<table cellspacing='0' cellpadding='3'>",
    ]
    for name, value in rows:
        if value in (None, ""):
            continue
        parts.append(
            f"<tr><td style='color:#555;white-space:nowrap;padding-right:10px' valign='top'>"
            f"{esc(name)}</td><td>{esc(value)}</td></tr>"
        )
    parts.append("</table>")
    for heading, text in sections:
        if text:
            body = esc(text).replace("\n", "<br/>")
            parts.append(
                f"<h4 style='margin-top:12px;margin-bottom:4px'>{esc(heading)}</h4><p>{body}</p>"
            )
    return "".join(parts)
