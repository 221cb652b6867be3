"""Measure the holiday engine against issue 2's targets and print the figures.

Targets: all holidays of one year <= 50 ms after import; of 2000-2040 <= 1 s.
Run: python benchmarks/bench_holidays.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kalender.catalogue import load_catalogue  # noqa: E402
from kalender.compute import compute_holidays  # noqa: E402

TARGET_YEAR_MS, TARGET_RANGE_S = 50.0, 1.0


def main() -> int:
    started = time.perf_counter()
    catalogue = load_catalogue(ROOT / "data")
    load_ms = (time.perf_counter() - started) * 1000

    year_runs = []
    for year in (2018, 2019, 2024, 2033, 2040):  # fresh years: no cache helps between them
        started = time.perf_counter()
        compute_holidays(catalogue, year)
        year_runs.append((time.perf_counter() - started) * 1000)

    range_runs = []
    for _ in range(3):
        started = time.perf_counter()
        count = sum(len(compute_holidays(catalogue, y).occurrences) for y in range(2000, 2041))
        range_runs.append(time.perf_counter() - started)

    year_ms, range_s = max(year_runs), statistics.median(range_runs)
    print(f"Daten laden (data/holidays):     {load_ms:8.1f} ms")
    print(f"ein Jahr, langsamstes von 5:     {year_ms:8.1f} ms   Ziel <= {TARGET_YEAR_MS:.0f} ms")
    print(f"2000–2040 ({count} Termine), Median: {range_s:8.3f} s    Ziel <= {TARGET_RANGE_S:.0f} s")
    ok = year_ms <= TARGET_YEAR_MS and range_s <= TARGET_RANGE_S
    print("Ergebnis:", "Ziele erreicht" if ok else "Ziel VERFEHLT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
