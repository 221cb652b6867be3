"""Lay out one month page: picture and portrait text, month title, grid with dots, holiday list."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from kalender.content import MonthContent
from kalender.errors import LayoutError
from kalender.german import MONTHS, WEEKDAYS_SHORT, short_span
from kalender.layout.blocks import (
    MARK_COLOUR,
    PLUS_MINUS,
    Cursor,
    cover_crop,
    crescent,
    line_height,
    marks,
    marks_width,
)
from kalender.layout.items import Box, Circle, Item, Line, Page, Rect, Text
from kalender.model import Group, Occurrence
from kalender.render.text import PT_TO_MM, Typesetter
from kalender.template import Template


@dataclass(frozen=True)
class MonthData:
    year: int
    month: int
    content: MonthContent
    occurrences: tuple[Occurrence, ...]  # those that touch this month, in calendar order
    groups: dict[str, Group]
    motto: str
    pixels: tuple[int, int]


@dataclass(frozen=True)
class _Grid:
    left: float
    top: float
    kw: float
    col: float
    head: float
    row: float
    weeks: list[list[date]]

    def cell(self, week: int, weekday: int) -> Box:
        return Box(
            self.left + self.kw + weekday * self.col,
            self.top + self.head + week * self.row,
            self.col,
            self.row,
        )


def layout_month(data: MonthData, t: Template, ts: Typesetter) -> Page:
    """The page for one month; raises LayoutError when text or entries do not fit."""
    items: list[Item] = []
    items += _picture(data, t, ts)
    title_top = t.portrait.photo_height + t.gutter
    items += _title(data, t, ts, title_top)
    grid_top = title_top + t.grid.title_height
    items += _grid(data, t, ts, grid_top)
    items += _listing(data, t, ts, grid_top + t.grid.height + t.gutter)
    return Page("month", MONTHS[data.month - 1], t.width, t.height, t.bleed, tuple(items))


def is_public(occurrence: Occurrence, groups: dict[str, Group]) -> bool:
    return groups[occurrence.holiday.group].public


# -- picture and portrait text ------------------------------------------------------------


def _picture(data: MonthData, t: Template, ts: Typesetter) -> list[Item]:
    content, b = data.content, t.bleed
    if content.kind == "photos":
        frame = Box(-b, -b, t.width + 2 * b, t.portrait.photo_height + b)
        return [cover_crop(content.photo_path, data.pixels, frame, content.focus)]
    frame = Box(-b, -b, t.portrait.photo_width + b, t.portrait.photo_height + b)
    return [cover_crop(content.photo_path, data.pixels, frame, content.focus), *_portrait_text(data, t, ts)]


def _portrait_text(data: MonthData, t: Template, ts: Typesetter) -> list[Item]:
    content, p, c = data.content, t.portrait, t.colours
    x = p.photo_width + t.gutter
    top, bottom = t.binding + t.margin.top, p.photo_height
    cursor = Cursor(ts, x, top, t.width - t.margin.right - x)
    items = cursor.paragraph(content.name or "", "bold", p.name_size, c.text, "name", 1.15)
    cursor.y += line_height(p.meta_size, 0.35)
    items += cursor.paragraph(content.town or "", "bold", p.meta_size, c.accent, "town")
    origin = f"Herkunft: {content.origin}" + (
        f" · in Deutschland seit {content.arrived}" if content.arrived else ""
    )
    items += cursor.paragraph(origin, "regular", p.meta_size, c.text, "origin")
    cursor.y += line_height(p.body_size, 0.6)
    lines = ts.wrap(content.text or "", "regular", p.body_size, cursor.width)
    credit_height = line_height(p.meta_size * 0.75) + line_height(p.body_size, 0.4)
    room = int((bottom - credit_height - cursor.y) // line_height(p.body_size, p.leading))
    if len(lines) > room:
        _text_too_long(data, t, lines, room)
    items += cursor.lines(lines, "regular", p.body_size, c.text, "body", p.leading)
    credit = Cursor(ts, x, bottom - line_height(p.meta_size * 0.75), cursor.width)
    items += credit.lines([content.credit], "regular", p.meta_size * 0.75, c.muted, "credit")
    return items


def _text_too_long(data: MonthData, t: Template, lines: list[str], room: int) -> None:
    content = data.content
    per_line = len(content.text or "") / max(1, len(lines))
    excess = max(1, round((len(lines) - max(room, 0)) * per_line))
    raise LayoutError([content.at("text").problem(
        f"der Text von '{content.label}' ist für das Textfeld der Vorlage '{t.name}' um "
        f"{len(lines) - room} Zeilen zu lang (etwa {excess} Zeichen); bitte um mindestens {excess} "
        f"Zeichen kürzen (jetzt {len(content.text or '')} Zeichen)"
    )])  # fmt: skip


# -- title band ---------------------------------------------------------------------------


def _title(data: MonthData, t: Template, ts: Typesetter, top: float) -> list[Item]:
    g, c = t.grid, t.colours
    baseline = top + t.grid.title_height * 0.7
    name = MONTHS[data.month - 1]
    name_w = ts.width(name, "bold", g.month_size)
    year = str(data.year)
    items: list[Item] = [
        Text(t.margin.left, baseline, name, "bold", g.month_size, c.text, name_w, role="month"),
        Text(t.margin.left + name_w + g.month_size * PT_TO_MM * 0.3, baseline, year, "regular", g.month_size,
             c.accent, ts.width(year, "regular", g.month_size), role="year"),
    ]  # fmt: skip
    right = t.width - t.margin.right
    if data.content.kind == "photos":
        items += _caption(data, t, ts, baseline, right)
    else:
        size = t.list.size * 1.25
        items.append(Text(right, baseline, data.motto, "italic", size, c.muted,
                          ts.width(data.motto, "italic", size), "right", "motto"))  # fmt: skip
    return items


def _caption(data: MonthData, t: Template, ts: Typesetter, baseline: float, right: float) -> list[Item]:
    content, size, c = data.content, t.portrait.caption_size, t.colours
    caption = content.caption or ""
    credit = content.credit
    return [
        Text(right, baseline - line_height(size), caption, "italic", size, c.text,
             ts.width(caption, "italic", size), "right", "caption"),
        Text(right, baseline, credit, "regular", size * 0.8, c.muted, ts.width(credit, "regular", size * 0.8),
             "right", "credit"),
    ]  # fmt: skip


# -- grid ---------------------------------------------------------------------------------


def _grid(data: MonthData, t: Template, ts: Typesetter, top: float) -> list[Item]:
    g = t.grid
    left, right = t.margin.left, t.width - t.margin.right
    kw = max(7.0, 0.035 * (right - left)) if g.week_numbers else 0.0
    head = g.head_size * PT_TO_MM * 2.4
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(data.year, data.month)
    grid = _Grid(left, top, kw, (right - left - kw) / 7, head, (g.height - head) / len(weeks), weeks)
    items = _grid_frame(grid, t, ts, right)
    lanes = _lanes(data, grid)
    for w, week in enumerate(weeks):
        for d, day in enumerate(week):
            items += _cell(data, t, ts, grid.cell(w, d), day, lanes)
    items += _span_bars(data, t, grid, lanes)
    return items


def _grid_frame(grid: _Grid, t: Template, ts: Typesetter, right: float) -> list[Item]:
    g, c = t.grid, t.colours
    baseline = grid.top + grid.head * 0.62
    items: list[Item] = []
    if grid.kw:
        items.append(Text(grid.left + 1, baseline, "KW", "regular", g.head_size, c.muted,
                          ts.width("KW", "regular", g.head_size), role="head"))  # fmt: skip
    for d, name in enumerate(WEEKDAYS_SHORT):
        colour = c.accent if d == 6 else c.text
        x = grid.left + grid.kw + d * grid.col + 1.2
        items.append(Text(x, baseline, name, "bold", g.head_size, colour, ts.width(name, "bold", g.head_size),
                          role="head"))  # fmt: skip
    items.append(Line(grid.left, grid.top + grid.head, right, grid.top + grid.head, c.text, 0.5))
    for w, week in enumerate(grid.weeks):
        y = grid.top + grid.head + (w + 1) * grid.row
        items.append(Line(grid.left, y, right, y, c.rule, 0.25))
        if grid.kw:
            label = str(week[0].isocalendar()[1])
            items.append(Text(grid.left + 1, y - grid.row + 1.2 + g.day_size * PT_TO_MM * 0.75 * 0.55, label,
                              "regular", g.head_size, c.muted, ts.width(label, "regular", g.head_size),
                              role="week"))  # fmt: skip
    return items


def _cell(
    data: MonthData, t: Template, ts: Typesetter, box: Box, day: date, lanes: dict[str, int]
) -> list[Item]:
    g, c = t.grid, t.colours
    pad = max(1.0, box.w * 0.04)
    number = str(day.day)
    baseline = box.y + pad + g.day_size * PT_TO_MM * 0.75
    if day.month != data.month:
        return [Text(box.x + pad, baseline, number, "regular", g.day_size, c.muted,
                     ts.width(number, "regular", g.day_size), role="other-day")]  # fmt: skip
    public = [o for o in data.occurrences if is_public(o, data.groups) and o.start <= day <= o.end]
    items: list[Item] = []
    if public:
        items.append(Rect(Box(box.x + 0.2, box.y + 0.2, box.w - 0.4, box.h - 0.4), fill=c.public_tint))
    colour = c.accent if public or day.weekday() == 6 else c.text
    items.append(Text(box.x + pad, baseline, number, "bold", g.day_size, colour,
                      ts.width(number, "bold", g.day_size), role="day"))  # fmt: skip
    cursor = Cursor(ts, box.x + pad, baseline + g.day_size * PT_TO_MM * 0.3, box.w - 2 * pad)
    for occurrence in public[:2]:
        lines = ts.wrap(occurrence.holiday.name, "regular", g.note_size, cursor.width)[:2]
        items += cursor.lines(lines, "regular", g.note_size, c.accent, "public", 1.1)
    starting = [o for o in data.occurrences if o.start == day and not is_public(o, data.groups)]
    lane_room = (max(lanes.values()) + 1) * _bar_step(t) + _bar_floor(t) if lanes else pad
    items += _dots(data, t, ts, box, pad, starting, box.bottom - lane_room - t.grid.dot * 0.25, cursor.y)
    return items


def _dots(
    data: MonthData, t: Template, ts: Typesetter, box: Box, pad: float, starting: list[Occurrence],
    bottom: float, top_limit: float,
) -> list[Item]:  # fmt: skip
    r = t.grid.dot / 2
    x, y = box.x + pad + r, bottom - r
    items: list[Item] = []
    for occurrence in starting:
        width = _dot_width(occurrence, t, ts)
        if x - r + width > box.right - pad:
            x, y = box.x + pad + r, y - 2.6 * r
        if y - r < top_limit:
            raise LayoutError(
                f"{MONTHS[data.month - 1]} {data.year}: am {occurrence.start:%d.%m.} sind zu viele "
                "Feiertage für eine Kalenderzelle dieser Vorlage"
            )
        items += _dot(occurrence, data, t, ts, x, y)
        x += width
    return items


def _dot_width(occurrence: Occurrence, t: Template, ts: Typesetter) -> float:
    r = t.grid.dot / 2
    width = 2.7 * r
    if occurrence.holiday.evening_before:
        width += 1.5 * r
    if occurrence.holiday.may_differ:
        width += ts.width(PLUS_MINUS, "regular", t.grid.note_size * 1.1) + 0.3 * r
    return width


def _dot(
    occurrence: Occurrence, data: MonthData, t: Template, ts: Typesetter, x: float, y: float
) -> list[Item]:
    r = t.grid.dot / 2
    colour = data.groups[occurrence.holiday.group].colour
    items: list[Item] = [Circle(x, y, r, colour)]
    x += 1.3 * r
    if occurrence.holiday.evening_before:
        items.append(crescent(x + 0.55 * r, y - 0.2 * r, 0.55 * r, MARK_COLOUR))
        x += 1.5 * r
    if occurrence.holiday.may_differ:
        size = t.grid.note_size * 1.1
        items.append(Text(x, y + size * PT_TO_MM * 0.3, PLUS_MINUS, "regular", size, MARK_COLOUR,
                          ts.width(PLUS_MINUS, "regular", size), role="mark"))  # fmt: skip
    return items


# -- multi-day spans ------------------------------------------------------------------------


def _bar_step(t: Template) -> float:
    return t.grid.dot * 0.5


def _bar_floor(t: Template) -> float:
    """Free space between the lowest bar and the line under the week, so bars read as this week's."""
    return t.grid.dot * 0.95


def _multi_day(data: MonthData) -> list[Occurrence]:
    return [o for o in data.occurrences if o.end > o.start and not is_public(o, data.groups)]


def _lanes(data: MonthData, grid: _Grid) -> dict[str, int]:
    """A lane (row of bars) per multi-day holiday, shared by all weeks so bars line up."""
    lanes: dict[str, int] = {}
    ends: list[date] = []
    for occurrence in sorted(_multi_day(data), key=lambda o: (o.start, o.end)):
        free = next((i for i, end in enumerate(ends) if end < occurrence.start), None)
        if free is None:
            free = len(ends)
            ends.append(occurrence.end)
        ends[free] = occurrence.end
        lanes[f"{occurrence.id}@{occurrence.start}"] = free
    return lanes


def _span_bars(data: MonthData, t: Template, grid: _Grid, lanes: dict[str, int]) -> list[Item]:
    items: list[Item] = []
    height = t.grid.dot * 0.3
    for occurrence in _multi_day(data):
        lane = lanes[f"{occurrence.id}@{occurrence.start}"]
        colour = data.groups[occurrence.holiday.group].colour
        for w, week in enumerate(grid.weeks):
            days = [d for d, day in enumerate(week)
                    if day.month == data.month and occurrence.start <= day <= occurrence.end]  # fmt: skip
            if not days:
                continue
            first, last = grid.cell(w, days[0]), grid.cell(w, days[-1])
            y = first.bottom - _bar_floor(t) - (lane + 1) * _bar_step(t) + (_bar_step(t) - height) / 2
            items.append(Rect(Box(first.x + 0.8, y, last.right - first.x - 1.6, height), fill=colour))
    return items


# -- list under the grid ------------------------------------------------------------------


def _listing(data: MonthData, t: Template, ts: Typesetter, top: float) -> list[Item]:
    size = t.list.size
    left, right = t.margin.left, t.width - t.margin.right
    bottom = t.height - t.margin.bottom - line_height(size) * 1.4
    columns = t.list.columns
    col_w = (right - left - (columns - 1) * t.gutter) / columns
    date_w = max((ts.width(short_span(o.start, o.end), "bold", size) for o in data.occurrences), default=0)
    entries = [_entry(o, data, t, ts, col_w, date_w) for o in data.occurrences]
    per_column = _balance([e[0] for e in entries], columns)
    if per_column * line_height(size) > bottom - top:
        raise LayoutError(f"{MONTHS[data.month - 1]} {data.year}: die Liste der Feiertage braucht "
                          f"{per_column * line_height(size) - (bottom - top):.0f} mm mehr, als die Vorlage "
                          f"'{t.name}' unter dem Kalendarium hat; mehr Spalten (list: columns) oder Feiertage "
                          "mit omit: auslassen")  # fmt: skip
    items: list[Item] = []
    column, row = 0, 0
    for lines, make in entries:
        if row + lines > per_column:
            column, row = column + 1, 0
        items += make(left + column * (col_w + t.gutter), top + row * line_height(size))
        row += lines
    items += _footer(t, ts, bottom + line_height(size) * 0.4)
    return items


def _balance(heights: list[int], columns: int) -> int:
    """The smallest column height (in lines) that holds all entries in order."""
    total = sum(heights)
    for capacity in range(max(heights, default=0), total + 1):
        used, column = 0, 1
        for h in heights:
            if used + h > capacity:
                column, used = column + 1, 0
            used += h
        if column <= columns:
            return capacity
    return total


def _entry(o: Occurrence, data: MonthData, t: Template, ts: Typesetter, col_w: float, date_w: float):  # type: ignore[no-untyped-def]
    size, c = t.list.size, t.colours
    r = min(t.grid.dot / 2, size * PT_TO_MM * 0.33)
    evening, differ = o.holiday.evening_before, o.holiday.may_differ
    text_x = 2.6 * r + date_w + 1.5
    lines = ts.wrap(o.holiday.name, "regular", size, col_w - text_x - marks_width(evening, differ, size, ts))
    public = is_public(o, data.groups)

    def make(x: float, y: float) -> list[Item]:
        colour = c.accent if public else c.text
        centre_y = y + line_height(size) / 2
        marker: Item = (Rect(Box(x, centre_y - r, 2 * r, 2 * r), fill=c.accent) if public
                        else Circle(x + r, centre_y, r, data.groups[o.holiday.group].colour))  # fmt: skip
        span = short_span(o.start, o.end)
        cursor = Cursor(ts, x + 2.6 * r, y, date_w)
        items: list[Item] = [marker, *cursor.lines([span], "bold", size, colour, "list-date")]
        cursor = Cursor(ts, x + text_x, y, col_w - text_x)
        items += cursor.lines(lines, "regular", size, colour, "list")
        last = items[-1]
        assert isinstance(last, Text)
        return items + marks(evening, differ, last.x + last.width, last.y, size, ts)

    return len(lines), make


def _footer(t: Template, ts: Typesetter, top: float) -> list[Item]:
    size, c = t.list.size * 0.85, t.colours
    baseline = top + line_height(size) * 0.75
    x = t.margin.left
    items: list[Item] = []
    for evening, differ, text in (
        (True, False, "beginnt am Vorabend"),
        (False, True, "Datum kann um einen Tag abweichen"),
    ):
        items += marks(evening, differ, x - (ts.width(" ", "regular", size) if differ else size * PT_TO_MM * 0.2),
                       baseline, size, ts)  # fmt: skip
        x += marks_width(evening, differ, size, ts) + 0.8
        items += Cursor(ts, x, top, 200).lines([text], "regular", size, c.muted, "footer")
        x += ts.width(text, "regular", size) + 6
    r = size * PT_TO_MM * 0.3
    items.append(Rect(Box(x, baseline - size * PT_TO_MM * 0.36 - r, 2 * r, 2 * r), fill=c.accent))
    items += Cursor(ts, x + 3 * r, top, 200).lines(["gesetzlicher Feiertag in Hessen"], "regular", size, c.muted,
                                                    "footer")  # fmt: skip
    return items
