"""Replace an output file in one step, so readers see the old or the complete new file."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from kalender.errors import KalenderError


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


def write_atomically(path: Path, text: str) -> None:
    """Write `text` so that `path` holds either the old or the complete new content."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        replace_file(Path(temporary), path)
    except OSError as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        code = exc.errno or 0
        reason = _OS_REASONS.get(code, f"Systemfehler {errno.errorcode.get(code, code)}")
        raise KalenderError(
            f"{path}: kann nicht schreiben ({reason}); bitte Pfad und Rechte prüfen"
        ) from None


_OS_REASONS = {
    errno.EEXIST: "ein Teil des Pfads ist eine Datei, kein Ordner",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
    errno.EISDIR: "der Pfad ist ein Ordner",
    errno.EACCES: "keine Schreibrechte",
    errno.EPERM: "keine Schreibrechte",
    errno.EROFS: "das Laufwerk ist schreibgeschützt",
    errno.ENOSPC: "der Datenträger ist voll",
}
