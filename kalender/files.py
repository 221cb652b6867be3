"""Replace an output file in one step, so readers see the old or the complete new file."""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(temporary: Path, target: Path) -> None:
    """Move `temporary` over `target` with the permissions a new file would get (mkstemp makes
    its files private to the owner, which a shared office folder must not inherit)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)
    os.replace(temporary, target)


def file_exists(path: Path) -> bool:
    """Is there a file? A name the system refuses (too long, bad characters) counts as missing."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
