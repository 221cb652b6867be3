"""Flow rows of content into columns and pages, keeping headings with what follows them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kalender.layout.items import Box, Item

Draw = Callable[[float, float], list[Item]]


@dataclass(frozen=True)
class Row:
    """A unit that is never split: its height in mm and how to draw it at (x, y top)."""

    height: float
    draw: Draw
    keep_with_next: bool = False
    space_before: float = 0.0


def flow(rows: list[Row], first_columns: list[Box], next_columns: list[Box]) -> list[list[Item]]:
    """Place rows top to bottom, column after column; a new page uses `next_columns`.
    Returns the items of each page. A row taller than a column is placed anyway (at the top)."""
    pages: list[list[Item]] = [[]]
    columns, index, y = first_columns, 0, first_columns[0].y
    for i, row in enumerate(rows):
        need = row.height + _kept_height(rows, i)
        gap = row.space_before if y > columns[index].y else 0.0
        if y + gap + need > columns[index].bottom and y > columns[index].y:
            index += 1
            if index == len(columns):
                pages.append([])
                columns, index = next_columns, 0
            y, gap = columns[index].y, 0.0
        pages[-1] += row.draw(columns[index].x, y + gap)
        y += gap + row.height
    return pages


def _kept_height(rows: list[Row], i: int) -> float:
    """Height of the rows that must stay with row i (a heading and the first line after it)."""
    height, j = 0.0, i
    while j < len(rows) - 1 and rows[j].keep_with_next:
        j += 1
        height += rows[j].height
    return height
