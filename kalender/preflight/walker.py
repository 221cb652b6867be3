"""Interpret a page's content streams (PDF 32000-1, 8–9): the graphics state, paths, text, images, forms."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pikepdf

from kalender.preflight.colourspace import DEVICE, UNKNOWN, Space, resolve
from kalender.preflight.content import Matrix, PageContent, Paint, Placement, SpaceUse, transform_box
from kalender.preflight.glyphs import FontMetrics, base_font, font_metrics
from kalender.preflight.objects import Box, lookup

MAX_DEPTH = 12  # nested Form XObjects; deeper is a loop or abuse


@dataclass
class _State:
    """The parts of the graphics state the checks need; copied on `q`."""

    ctm: Matrix
    fill: Space = DEVICE["/DeviceGray"]
    fill_values: tuple[float, ...] = (0.0,)
    stroke: Space = DEVICE["/DeviceGray"]
    stroke_values: tuple[float, ...] = (0.0,)
    fill_pattern: str = ""
    op_fill: bool = False
    op_stroke: bool = False
    opm: int = 0
    line_width: float = 1.0
    font: str = ""
    metrics: FontMetrics = field(default_factory=FontMetrics)
    font_size: float = 0.0
    render: int = 0  # text rendering mode
    leading: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    h_scale: float = 1.0
    rise: float = 0.0


@dataclass
class _Frame:
    """One content stream being interpreted: its resources, state stack and text matrices."""

    resources: pikepdf.Dictionary
    state: _State
    stack: list[_State] = field(default_factory=list)
    tm: Matrix = field(default_factory=Matrix)
    tlm: Matrix = field(default_factory=Matrix)
    path: list[tuple[float, float]] = field(default_factory=list)  # points of the current path, page space
    depth: int = 0  # nesting of Form XObjects and patterns


def walk_page(page: pikepdf.Dictionary, resources: pikepdf.Dictionary) -> PageContent:
    """Everything the page paints, Form XObjects and coloured patterns included."""
    walker = _Walker()
    walker.run(pikepdf.parse_content_stream(page), _Frame(resources, _State(Matrix())))
    return walker.out


def _floats(args: Any) -> tuple[float, ...]:
    return tuple(float(a) for a in args if isinstance(a, (int, float)) or hasattr(a, "as_integer_ratio"))


def _matrix(args: Any) -> Matrix:
    return Matrix(*(float(a) for a in args[:6]))


class _Walker:
    def __init__(self) -> None:
        self.out = PageContent()
        self._spaces_seen: set[tuple[str, str]] = set()
        self._active: set[object] = set()  # forms being walked: a form that draws itself is a loop
        self._patterns: set[object] = set()
        handlers: list[tuple[str, Callable[[_Frame, Any], None]]] = [
            ("q", self._q), ("Q", self._Q), ("cm", self._cm), ("gs", self._gs),
            ("g G", self._gray), ("rg RG", self._rgb), ("k K", self._cmyk), ("cs CS", self._cs),
            ("sc scn SC SCN", self._sc), ("f F f*", self._fill), ("S s", self._stroke),
            ("B B* b b*", self._both), ("sh", self._sh), ("BT", self._bt), ("Tf", self._tf),
            ("Tr", self._tr), ("TL", self._tl), ("Td TD", self._td), ("Tm", self._tm), ("T*", self._tstar),
            ("Tj TJ", self._show), ("' \"", self._quote), ("Do", self._do), ("w", self._w),
            ("m l", self._point), ("c", self._curve), ("v y", self._curve), ("re", self._re), ("n", self._n),
            ("Tc", self._tc), ("Tw", self._tw), ("Tz", self._tz), ("Ts", self._ts),
        ]  # fmt: skip
        self._metrics: dict[object, FontMetrics] = {}
        self.ops = {op: handler for names, handler in handlers for op in names.split()}

    def run(self, instructions: Any, frame: _Frame) -> None:
        for inst in instructions:
            if isinstance(inst, pikepdf.ContentStreamInlineImage):
                self._inline(frame, inst.iimage)
                continue
            self._op = str(inst.operator)
            handler = self.ops.get(self._op)
            if handler is not None:
                try:
                    handler(frame, inst.operands)
                except (IndexError, TypeError, ValueError, KeyError, AttributeError):
                    continue  # a malformed operation paints nothing; viewers skip it too

    def use(self, space: Space, where: str) -> None:
        if (space.label, where) not in self._spaces_seen:
            self._spaces_seen.add((space.label, where))
            self.out.spaces.append(SpaceUse(space, where))

    def paint(self, frame: _Frame, kind: str, stroke: bool, **text: Any) -> None:
        """Record painting in the current fill or stroke colour; `text` adds font, size, origin, bbox."""
        s = frame.state
        space, values = (s.stroke, s.stroke_values) if stroke else (s.fill, s.fill_values)
        if space.model == "Pattern" and not stroke:
            self._pattern(frame, s.fill_pattern)
            if space.base is None:
                return
            space = space.base
        self.use(space, kind)
        overprint = s.op_stroke if stroke else s.op_fill
        self.out.paints.append(Paint(kind, space, values, overprint, s.opm, **text, order=self.order))

    # graphics state
    def _q(self, f: _Frame, a: Any) -> None:
        f.stack.append(copy.copy(f.state))

    def _Q(self, f: _Frame, a: Any) -> None:
        if f.stack:
            f.state = f.stack.pop()

    def _cm(self, f: _Frame, a: Any) -> None:
        f.state.ctm = _matrix(a) @ f.state.ctm

    def _gs(self, f: _Frame, a: Any) -> None:
        ext = lookup(f.resources, "/ExtGState", str(a[0]))
        if not isinstance(ext, pikepdf.Dictionary):
            return
        if "/OP" in ext:
            f.state.op_stroke = bool(ext.OP)
            f.state.op_fill = bool(ext.get("/op", ext.OP))
        elif "/op" in ext:
            f.state.op_fill = bool(ext.op)
        if "/OPM" in ext:
            f.state.opm = int(ext.OPM)

    # colour
    def _set(self, f: _Frame, stroke: bool, space: Space, values: tuple[float, ...]) -> None:
        if stroke:
            f.state.stroke, f.state.stroke_values = space, values
        else:
            f.state.fill, f.state.fill_values = space, values

    def _gray(self, f: _Frame, a: Any) -> None:
        self._set(f, self._stroking, DEVICE["/DeviceGray"], _floats(a))

    def _rgb(self, f: _Frame, a: Any) -> None:
        self._set(f, self._stroking, DEVICE["/DeviceRGB"], _floats(a))

    def _cmyk(self, f: _Frame, a: Any) -> None:
        self._set(f, self._stroking, DEVICE["/DeviceCMYK"], _floats(a))

    def _cs(self, f: _Frame, a: Any) -> None:
        space = resolve(a[0], f.resources)
        self._set(f, self._stroking, space, space.initial())

    def _sc(self, f: _Frame, a: Any) -> None:
        stroke = self._stroking
        if not stroke and a and isinstance(a[-1], pikepdf.Name):
            f.state.fill_pattern = str(a[-1])
        space = f.state.stroke if stroke else f.state.fill
        self._set(f, stroke, space, _floats(a))

    # paths: only their extent matters here
    def _point(self, f: _Frame, a: Any) -> None:
        f.path.append(transform_box(f.state.ctm, [(float(a[0]), float(a[1]))])[:2])

    def _curve(self, f: _Frame, a: Any) -> None:  # control points included: a box around the curve
        values = _floats(a)
        for i in range(0, len(values) - 1, 2):
            f.path.append(transform_box(f.state.ctm, [(values[i], values[i + 1])])[:2])

    def _re(self, f: _Frame, a: Any) -> None:
        x, y, w, h = _floats(a)
        box = transform_box(f.state.ctm, [(x, y), (x + w, y + h), (x + w, y), (x, y + h)])
        f.path += [box[:2], box[2:]]

    def _n(self, f: _Frame, a: Any) -> None:
        f.path = []

    def _w(self, f: _Frame, a: Any) -> None:
        f.state.line_width = float(a[0])

    def _path_box(self, f: _Frame, stroke: bool) -> Box | None:
        if not f.path:
            return None
        xs, ys = [p[0] for p in f.path], [p[1] for p in f.path]
        m = f.state.ctm
        grow = f.state.line_width / 2 * max(math.hypot(m.a, m.b), math.hypot(m.c, m.d)) if stroke else 0.0
        return min(xs) - grow, min(ys) - grow, max(xs) + grow, max(ys) + grow

    # painting
    def _fill(self, f: _Frame, a: Any) -> None:
        self.paint(f, "Fläche", stroke=False, bbox=self._path_box(f, stroke=False))
        f.path = []

    def _stroke(self, f: _Frame, a: Any) -> None:
        self.paint(f, "Linie", stroke=True, bbox=self._path_box(f, stroke=True))
        f.path = []

    def _both(self, f: _Frame, a: Any) -> None:
        self.paint(f, "Fläche", stroke=False, bbox=self._path_box(f, stroke=False))
        self._stroke(f, a)

    def _sh(self, f: _Frame, a: Any) -> None:
        shading = lookup(f.resources, "/Shading", str(a[0]))
        self._shading(f, shading, f"Verlauf „{str(a[0]).lstrip('/')}“")

    def _shading(self, f: _Frame, shading: Any, where: str) -> None:
        if not isinstance(shading, pikepdf.Object) or "/ColorSpace" not in shading:
            return
        space = resolve(shading.ColorSpace, f.resources)
        self.use(space, where)
        # Axial and radial shadings with exponential functions: the ends are the extreme colours.
        function = lookup(shading, "/Function")
        functions = list(lookup(function, "/Functions") or [function]) if function is not None else []
        for function in functions:
            for end in ("/C0", "/C1"):
                values = _floats(function.get(end, [0.0] if end == "/C0" else [1.0]))
                paint = Paint("Verlauf", space, values, f.state.op_fill, f.state.opm, order=self.order)
                self.out.paints.append(paint)

    def _pattern(self, f: _Frame, name: str) -> None:
        pattern = lookup(f.resources, "/Pattern", name)
        if not isinstance(pattern, pikepdf.Object) or pattern.objgen in self._patterns:
            return
        self._patterns.add(pattern.objgen)
        if pattern.get("/PatternType") == 2:
            self._shading(f, pattern.get("/Shading"), f"Muster „{name.lstrip('/')}“")
        elif pattern.get("/PaintType") == 1 and isinstance(pattern, pikepdf.Stream):
            # A pattern cell is drawn in the page's default space, moved by the pattern matrix.
            ctm = _matrix(pattern.get("/Matrix", [1, 0, 0, 1, 0, 0]))
            self._form(f, pattern, ctm)

    # text
    def _bt(self, f: _Frame, a: Any) -> None:
        f.tm, f.tlm = Matrix(), Matrix()

    def _tf(self, f: _Frame, a: Any) -> None:
        font = lookup(f.resources, "/Font", str(a[0]))
        key = font.objgen if isinstance(font, pikepdf.Object) and font.is_indirect else id(font)
        if key not in self._metrics:
            self._metrics[key] = font_metrics(font)
        f.state.metrics = self._metrics[key]
        f.state.font, f.state.font_size = base_font(f.resources, a[0]), float(a[1])

    def _tc(self, f: _Frame, a: Any) -> None:
        f.state.char_spacing = float(a[0])

    def _tw(self, f: _Frame, a: Any) -> None:
        f.state.word_spacing = float(a[0])

    def _tz(self, f: _Frame, a: Any) -> None:
        f.state.h_scale = float(a[0]) / 100

    def _ts(self, f: _Frame, a: Any) -> None:
        f.state.rise = float(a[0])

    def _tr(self, f: _Frame, a: Any) -> None:
        f.state.render = int(a[0])

    def _tl(self, f: _Frame, a: Any) -> None:
        f.state.leading = float(a[0])

    def _td(self, f: _Frame, a: Any) -> None:
        tx, ty = float(a[0]), float(a[1])
        if self._op == "TD":
            f.state.leading = -ty
        f.tlm = Matrix(1, 0, 0, 1, tx, ty) @ f.tlm
        f.tm = f.tlm

    def _tm(self, f: _Frame, a: Any) -> None:
        f.tlm = f.tm = _matrix(a)

    def _tstar(self, f: _Frame, a: Any) -> None:
        f.tlm = Matrix(1, 0, 0, 1, 0, -f.state.leading) @ f.tlm
        f.tm = f.tlm

    def _quote(self, f: _Frame, a: Any) -> None:
        if self._op == '"':
            f.state.word_spacing, f.state.char_spacing = float(a[0]), float(a[1])
        self._tstar(f, a)
        self._show(f, a[-1:])

    def _show(self, f: _Frame, a: Any) -> None:
        s = f.state
        parts = list(a[0]) if isinstance(a[0], pikepdf.Array) else [a[0]]
        width = 0.0
        for part in parts:
            if isinstance(part, pikepdf.String):
                data: Any = part
                width += (
                    s.metrics.advance(bytes(data), s.font_size, s.char_spacing, s.word_spacing) * s.h_scale
                )
            else:  # a TJ adjustment in thousandths of an em, positive to the left
                width -= float(part) / 1000 * s.font_size * s.h_scale
        m = f.tm @ s.ctm
        low, high = s.metrics.descent * s.font_size + s.rise, s.metrics.ascent * s.font_size + s.rise
        text = {
            "font": s.font,
            "size": s.font_size * math.hypot(m.c, m.d),
            "origin": (m.e, m.f),
            "bbox": transform_box(m, [(0, low), (width, low), (0, high), (width, high)]),
        }
        if s.render in (0, 2, 4, 6):
            self.paint(f, "Text", stroke=False, **text)
        if s.render in (1, 2, 5, 6):
            self.paint(f, "Text", stroke=True, **text)
        f.tm = Matrix(1, 0, 0, 1, width, 0) @ f.tm

    # images and forms
    def _do(self, f: _Frame, a: Any) -> None:
        name = str(a[0])
        xobject = lookup(f.resources, "/XObject", name)
        if not isinstance(xobject, pikepdf.Stream):
            return
        if xobject.get("/Subtype") == "/Image":
            self._image(f, name.lstrip("/"), xobject, xobject.objgen, xobject)
        elif xobject.get("/Subtype") == "/Form":
            self._form(f, xobject, _matrix(xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])) @ f.state.ctm)

    def _form(self, f: _Frame, form: pikepdf.Stream, ctm: Matrix) -> None:
        if form.objgen in self._active or f.depth >= MAX_DEPTH:
            return
        resources = form.get("/Resources")
        state = copy.copy(f.state)
        state.ctm = ctm
        own = resources if isinstance(resources, pikepdf.Dictionary) else f.resources
        inner = _Frame(own, state, depth=f.depth + 1)
        self._active.add(form.objgen)
        op = self._op
        try:
            self.run(pikepdf.parse_content_stream(form), inner)
        except pikepdf.PdfError:
            pass  # an unparsable form draws nothing here; the viewer fails on it as well
        finally:
            self._active.discard(form.objgen)
            self._op = op

    def _inline(self, f: _Frame, image: Any) -> None:
        self._image(f, "Inline-Bild", image, ("inline", id(image)), image.obj)

    def _image(self, f: _Frame, name: str, image: Any, key: object, info: Any) -> None:
        ctm = f.state.ctm
        width, height = math.hypot(ctm.a, ctm.b), math.hypot(ctm.c, ctm.d)
        space = None
        placement_box = transform_box(ctm, [(0, 0), (1, 0), (0, 1), (1, 1)])
        if info.get("/ImageMask", False):
            self.paint(f, "Bildmaske", stroke=False, bbox=placement_box)
        else:
            space = resolve(info.ColorSpace, f.resources) if "/ColorSpace" in info else UNKNOWN
        placement = Placement(name, image, info, key, space, width, height, ctm, self.order)
        if space is not None:
            self.use(space, placement.label)
        self.out.placements.append(placement)

    # the operator being handled, for handlers shared by the fill and stroke variants
    _op: str = ""

    @property
    def order(self) -> int:
        return len(self.out.paints) + len(self.out.placements)

    @property
    def _stroking(self) -> bool:
        return self._op in ("G", "RG", "K", "CS", "SC", "SCN")
