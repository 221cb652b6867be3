"""Measure the holiday engine and print the figures.

Targets (issue 5, with the astronomical festivals): all holidays of one year <= 300 ms after
import with an empty cache (the ephemeris is loaded and the year's almanac computed), 2000-2040
<= 10 s. Issue 2's targets hold once the almanacs are in the disk cache: one year <= 50 ms,
2000-2040 <= 1 s.
Run: python benchmarks/bench_holidays.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["KALENDER_CACHE"] = tempfile.mkdtemp(prefix="kalender-bench-")  # cold: nothing remembered

from kalender.calendars import sky  # noqa: E402
from kalender.catalogue import load_catalogue  # noqa: E402
from kalender.compute import compute_holidays  # noqa: E402

TARGET_YEAR_MS, TARGET_RANGE_S = 300.0, 10.0  # cold cache
TARGET_WARM_YEAR_MS, TARGET_WARM_RANGE_S = 50.0, 1.0  # almanacs on disk


def timed(work) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> int:
    catalogue = load_catalogue(ROOT / "data")
    first_ms = timed(lambda: compute_holidays(catalogue, 2018)) * 1000  # loads skyfield and DE421
    year_runs = [timed(lambda y=y: compute_holidays(catalogue, y)) * 1000 for y in (2019, 2024, 2033, 2040)]
    count = 0

    def everything() -> None:
        nonlocal count
        count = sum(len(compute_holidays(catalogue, y).occurrences) for y in range(2000, 2041))

    os.environ["KALENDER_CACHE"] = tempfile.mkdtemp(prefix="kalender-bench-")  # cold again
    sky._remembered.cache_clear()
    cold_range_s = timed(everything)

    def from_disk() -> None:
        sky._remembered.cache_clear()  # the almanacs come from the disk cache, as in a new process
        everything()

    warm_year_ms = max(timed(lambda y=y: (sky._remembered.cache_clear(), compute_holidays(catalogue, y))) * 1000
                       for y in (2018, 2025, 2031))  # fmt: skip
    warm_range_s = statistics.median(timed(from_disk) for _ in range(3))

    year_ms = max(first_ms, *year_runs)
    print(f"ein Jahr, erstes (lädt DE421):    {first_ms:8.1f} ms")
    print(f"ein Jahr, langsamstes von 5:     {year_ms:8.1f} ms   Ziel <= {TARGET_YEAR_MS:.0f} ms (leerer Cache)")
    print(f"2000–2040 ({count} Termine):     {cold_range_s:8.3f} s    Ziel <= {TARGET_RANGE_S:.0f} s (leerer Cache)")
    print(f"ein Jahr aus dem Cache:          {warm_year_ms:8.1f} ms   Ziel <= {TARGET_WARM_YEAR_MS:.0f} ms")
    print(f"2000–2040 aus dem Cache, Median: {warm_range_s:8.3f} s    Ziel <= {TARGET_WARM_RANGE_S:.0f} s")
    ok = (year_ms <= TARGET_YEAR_MS and cold_range_s <= TARGET_RANGE_S
          and warm_year_ms <= TARGET_WARM_YEAR_MS and warm_range_s <= TARGET_WARM_RANGE_S)  # fmt: skip
    print("Ergebnis:", "Ziele erreicht" if ok else "Ziel VERFEHLT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
