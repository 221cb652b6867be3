"""Where kalender keeps work it can redo: parsed hyphenation patterns, converted photos."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """$KALENDER_CACHE, else $XDG_CACHE_HOME/kalender, else ~/.cache/kalender."""
    if os.environ.get("KALENDER_CACHE"):
        return Path(os.environ["KALENDER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kalender"


def cached(name: str, make: Callable[[], Any]) -> Any:
    """Load `name` from the cache or make it and store it; a broken or unwritable cache only
    costs time, never correctness."""
    path = cache_dir() / name
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = make()
    store(name, value)
    return value


def store(name: str, value: Any) -> None:
    """Write `value` to the cache under `name` atomically; failing to write is not an error."""
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle_no, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle_no, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
