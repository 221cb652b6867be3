"""Measure `kalender build 2018` against issue 3's targets and print the figures.

Targets: a repeated build of the sample <= 0.6 s wall (2 cores); the PDF no larger than
1.1 x the embedded image data plus fonts. Run from the project root:
    python benchmarks/bench_build.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
TARGET_S, TARGET_RATIO = 0.6, 1.1


def _build(output: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kalender", "build", "2018", "-o", str(output)], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def _embedded_bytes(path: Path) -> tuple[int, int]:
    with pikepdf.open(path) as pdf:
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        images = sum(len(s.read_raw_bytes()) for s in streams if s.get("/Subtype") == "/Image")
        fonts = sum(len(s.read_raw_bytes()) for s in streams if "/Length1" in s)
    return images, fonts


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "kalender-2018.pdf"
        first = _build(output)
        repeated = [_build(output) for _ in range(5)]
        images, fonts = _embedded_bytes(output)
        size = output.stat().st_size
    wall = statistics.median(repeated)
    ratio = size / (images + fonts)
    print(f"erster Build:                  {first:6.2f} s")
    print(f"wiederholter Build (Median 5): {wall:6.2f} s   Ziel <= {TARGET_S} s")
    print(f"PDF {size / 1e6:.1f} MB = {ratio:.3f} x (Bilder {images / 1e6:.1f} MB + Schriften {fonts / 1e6:.2f} MB)"
          f"   Ziel <= {TARGET_RATIO}")  # fmt: skip
    ok = wall <= TARGET_S and ratio <= TARGET_RATIO
    print("Ergebnis:", "Ziele erreicht" if ok else "Ziel VERFEHLT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
