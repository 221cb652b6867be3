"""Walk every resource dictionary a page can draw from: page, forms, patterns, Type 3 fonts, annotations."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

from kalender.preflight.document import Document
from kalender.preflight.objects import lookup

NESTED = ("/XObject", "/Pattern", "/Font")


def page_resources(doc: Document, number: int) -> Iterator[pikepdf.Dictionary]:
    """Each resource dictionary reachable from page `number`, once; loops are cut."""
    seen: set[object] = set()
    todo: list[pikepdf.Object] = [doc.resources(number)]
    for annotation in lookup(doc.pages[number - 1], "/Annots") or []:
        appearance = lookup(annotation, "/AP", "/N")
        if isinstance(appearance, pikepdf.Stream):
            todo.append(appearance.get("/Resources", pikepdf.Dictionary()))
    while todo:
        resources = todo.pop()
        key = resources.objgen if resources.is_indirect else id(resources)
        if key in seen or not isinstance(resources, pikepdf.Dictionary):
            continue
        seen.add(key)
        yield resources
        for category in NESTED:
            entries = resources.get(category)
            if not isinstance(entries, pikepdf.Dictionary):
                continue
            for item in entries.values():
                inner = (
                    item.get("/Resources") if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)) else None
                )
                if isinstance(inner, pikepdf.Dictionary):
                    todo.append(inner)
