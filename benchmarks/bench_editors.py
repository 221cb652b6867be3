"""Measure the editors' commands on the sample data and print the figures.

Targets (issue 6): `kalender check` of a full year <= 1 s, `kalender proof` of all pages <= 5 s.
Each is run as the editors run it, in a new process (`python -m kalender …`), after one run that
fills the caches (photos, hyphenation, almanac), median of three.
Run from the project root:
    python benchmarks/bench_editors.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_CHECK, TARGET_PROOF = 1.0, 5.0


def timed(*argv: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kalender", *argv], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        proof = ("proof", "2018", "-o", str(Path(folder) / "probe"))
        timed("check", "2018")  # warm the caches, as after the first run of the season
        timed(*proof)
        check_s = statistics.median(timed("check", "2018") for _ in range(3))
        proof_s = statistics.median(timed(*proof) for _ in range(3))
    print(f"kalender check 2018 (Median 3):  {check_s:6.2f} s   Ziel <= {TARGET_CHECK:g} s")
    print(f"kalender proof 2018 (Median 3):  {proof_s:6.2f} s   Ziel <= {TARGET_PROOF:g} s (17 Seiten, Kontaktbogen, 12 Freigabeblätter)")
    ok = check_s <= TARGET_CHECK and proof_s <= TARGET_PROOF
    print("Ergebnis:", "Ziele erreicht" if ok else "Ziel VERFEHLT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
