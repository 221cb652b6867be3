"""Small readers for PDF objects: safe nested lookups, rectangles, inherited page attributes."""

from __future__ import annotations

from typing import Any

import pikepdf

MM = 72 / 25.4  # points per millimetre
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points, normalised


def box(value: Any) -> Box | None:
    """A PDF rectangle as (x0, y0, x1, y1) with x0 ≤ x1 and y0 ≤ y1, or None if it is not one."""
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def lookup(obj: Any, *keys: str) -> Any:
    """obj[key1][key2]…, or None where a key is missing or a step is no dictionary or stream."""
    for key in keys:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) or key not in obj:
            return None
        obj = obj[key]
    return obj


def inherited(page: pikepdf.Dictionary, key: str) -> Any:
    """A page attribute that may sit on a parent node of the page tree (MediaBox, Resources, Rotate)."""
    node: Any = page
    for _ in range(64):  # a page tree deeper than this is a loop
        if key in node:
            return node[key]
        if "/Parent" not in node:
            return None
        node = node.Parent
    return None
