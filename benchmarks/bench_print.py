"""Measure the print build with twelve 24-megapixel camera photos and print the figures.

Targets (2 cores): cold build (empty photo cache) <= 6 s, repeated build <= 0.6 s, peak memory
<= 600 MB, PDF <= 40 MB. Besides the build it times prepare_photos() alone on the same twelve
photos, cold and warm, so the photo pipeline is measurable whether or not the build uses it.
Run from the project root:
    python benchmarks/bench_print.py
The generated photos (not timed) are kept in the kalender cache under bench/ for the next run.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kalender import demo  # noqa: E402
from kalender.cache import cache_dir  # noqa: E402
from kalender.images import PhotoJob, prepare_photos  # noqa: E402

SIZE = (4000, 6000)  # 24 megapixels, upright like the portraits they replace
TARGET_COLD, TARGET_WARM, TARGET_MB, TARGET_PDF_MB = 6.0, 0.6, 600, 40
PROFILE = ROOT / "templates" / "icc" / "FOGRA39L_coated.icc"
if not PROFILE.exists():
    PROFILE = Path("/work/shared/icc/FOGRA39L_coated.icc")


# --- the photos --------------------------------------------------------------------------------


def camera_photo(month: int, path: Path) -> None:
    """A sample portrait painted small, enlarged to 24 MP, with sensor noise: JPEG q92, sRGB."""
    s = demo.SITTERS_2018[month - 1]
    small = demo.paint_portrait(s.seed, 1000, 1500, skin=s.skin, hair_style=s.hair_style,
                                hair_colour=s.hair_colour, clothing=s.clothing, background=s.background,
                                beard=s.beard)  # fmt: skip
    image = demo.finish(small.resize(SIZE, Image.Resampling.BICUBIC), SIZE, random.Random(month))
    rng = random.Random(-month)  # fine, unblurred sensor noise per channel, ±6 levels around zero
    bands = [Image.frombytes("L", SIZE, rng.randbytes(SIZE[0] * SIZE[1])) for _ in "RGB"]
    noise = Image.merge("RGB", [band.point(lambda v: 128 + (v - 128) // 20) for band in bands])
    demo.save_jpeg(ImageChops.add(image, noise, 1.0, -128), path, quality=92)  # ~6 MB; cameras: 8-12


def camera_photos() -> list[Path]:
    folder = cache_dir() / "bench" / "portraits-24mp-v2"
    paths = [folder / f"{name}.jpg" for name in demo.MONTH_FILES]
    missing = [(m, p) for m, p in enumerate(paths, start=1) if not p.exists()]
    if missing:
        print(f"erzeuge {len(missing)} Fotos mit {SIZE[0]}×{SIZE[1]} Pixeln (einmalig, ohne Zeitmessung) …")
        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor() as pool:
            list(pool.map(camera_photo, *zip(*missing, strict=True)))
    return paths


def data_copy(photos: list[Path], target: Path) -> Path:
    """data/ with the 2018 portraits replaced by the big photos under the same names."""
    shutil.copytree(ROOT / "data", target)
    for photo in photos:
        shutil.copyfile(photo, target / "portraits" / "2018" / photo.name)
    return target


# --- measuring ---------------------------------------------------------------------------------


class PeakMemory:
    """Samples the proportional set size (PSS) of a process and all its descendants together."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.05):  # 50 ms: a worker holds a decoded photo for ~400 ms
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc/PID/task/TID/children (cheap: no scan of /proc)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.scandir(f"/proc/{pid}/task"):
                todo += [int(c) for c in Path(task.path, "children").read_text().split()]
        except OSError:
            pass  # the process has just ended
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its ended children so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system, the build and its photo workers
    peak_mb: float  # PSS of the whole process tree, sampled
    largest_mb: float  # highest RSS of any single process of the tree (kernel's count)
    err: str


def build(data: Path, output: Path, cache: Path) -> Run | None:
    """One `kalender build 2018`; None (and the error shown) when it fails."""
    env = {**os.environ, "KALENDER_CACHE": str(cache), "PYTHONPATH": str(ROOT),
           "PYTHONPYCACHEPREFIX": str(cache_dir() / "bench" / "pycache")}  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiling every module anew is not what users wait for
    command = [sys.executable, "-m", "kalender", "build", "2018", "--data", str(data), "-o", str(output)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)
        with PeakMemory(child.pid) as memory:
            _, status, usage = os.wait4(child.pid, 0)  # the usage of this build alone
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        messages = err.read()
    if child.returncode:
        print(f"kalender build ist gescheitert ({child.returncode}):\n{messages[-2000:]}")
        return None
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, memory.peak_kb / 1024, usage.ru_maxrss / 1024, messages)


def jobs(photos: list[Path]) -> list[PhotoJob]:
    """The portrait frames of the A3 template, cropped around the focus as the layout does."""
    from kalender.layout.blocks import cover_crop
    from kalender.layout.items import Box

    frame = Box(-3.0, -3.0, 178 + 3.0, 200 + 3.0)  # templates/a3.yaml: portrait photo, bleed 3 mm
    result = []
    for path in photos:
        picture = cover_crop(path, SIZE, frame, (0.5, 0.38))
        placed = picture.placed
        crop = ((frame.x - placed.x) / placed.w * SIZE[0], (frame.y - placed.y) / placed.h * SIZE[1],
                (frame.right - placed.x) / placed.w * SIZE[0], (frame.bottom - placed.y) / placed.h * SIZE[1])  # fmt: skip
        result.append(PhotoJob(path, crop, (frame.w, frame.h), "print", profile=PROFILE))
    return result


def web_jobs(photo_jobs: list[PhotoJob]) -> list[PhotoJob]:
    """The same crops for the screen edition: sRGB at 150 ppi (JPEG decoded at half size)."""
    return [PhotoJob(j.source, j.crop, j.size_mm, "web", ppi=150, quality=80) for j in photo_jobs]


def timed_prepare(
    photo_jobs: list[PhotoJob], cache: Path, workers: int | None = None
) -> tuple[float, float, float]:
    """Wall and CPU seconds (the pool's workers included) and peak MB of prepare_photos()."""
    os.environ["KALENDER_CACHE"] = str(cache)
    started, cpu = time.perf_counter(), cpu_seconds()
    with PeakMemory(os.getpid()) as memory:
        _, failures = prepare_photos(photo_jobs, workers=workers)
    if failures:
        sys.exit(f"prepare_photos: {failures}")
    return time.perf_counter() - started, cpu_seconds() - cpu, memory.peak_kb / 1024


def check(value: float, target: float) -> str:
    return f"Ziel <= {target:g}  {'ok' if value <= target else 'VERFEHLT'}"


def report_build(data: Path, tmp: Path) -> bool:
    """Time a cold and three repeated builds; True when the targets are met."""
    pdf, cache = tmp / "kalender-2018.pdf", tmp / "cache-build"
    cold = build(data, pdf, cache)
    repeated = [r for r in (build(data, pdf, cache) for _ in range(3)) if r] if cold else []
    if cold is None or len(repeated) < 3:
        return False
    warm = statistics.median(r.wall for r in repeated)
    warm_cpu = statistics.median(r.cpu for r in repeated)
    peak = max(r.peak_mb for r in (cold, *repeated))
    largest = max(r.largest_mb for r in (cold, *repeated))
    pdf_mb = pdf.stat().st_size / 1e6
    wired = (cache / "photos").is_dir()
    print("\nkalender build 2018" + ("" if wired else "  (der Build bettet noch die Originale ein)"))
    print(
        f"  kalt (leerer Cache):         {cold.wall:6.2f} s   {check(cold.wall, TARGET_COLD)}   CPU {cold.cpu:.2f} s"
    )
    print(f"  wiederholt (Median 3):       {warm:6.2f} s   {check(warm, TARGET_WARM)}   CPU {warm_cpu:.2f} s")
    print(f"  Spitze Speicher (PSS, Baum): {peak:6.0f} MB  {check(peak, TARGET_MB)}")
    print(f"  größter Einzelprozess (RSS): {largest:6.0f} MB")
    print(f"  PDF:                         {pdf_mb:6.1f} MB  {check(pdf_mb, TARGET_PDF_MB)}")
    for line in sorted(set(cold.err.splitlines())):
        print("   ", line)
    return cold.wall <= TARGET_COLD and warm <= TARGET_WARM and peak <= TARGET_MB and pdf_mb <= TARGET_PDF_MB


def report_prepare(photos: list[Path], tmp: Path) -> None:
    """Time prepare_photos() alone: one photo at a time, then all twelve cold and warm."""
    photo_jobs = jobs(photos)
    serial, serial_cpu, _ = timed_prepare(photo_jobs[:3], tmp / "cache-serial", workers=1)
    cold, cold_cpu, peak = timed_prepare(photo_jobs, tmp / "cache-direct")
    warm, warm_cpu, _ = timed_prepare(photo_jobs, tmp / "cache-direct")
    web, web_cpu, _ = timed_prepare(web_jobs(photo_jobs), tmp / "cache-web")
    made = list((tmp / "cache-direct" / "photos").glob("*.jpg"))
    with Image.open(made[0]) as sample:
        shape = f"{sample.size[0]}×{sample.size[1]} px {sample.mode}"
    print(f"\nprepare_photos() allein, 12 Porträts A3 ({shape}, 300 ppi)")
    print(f"  je Foto, seriell (Mittel 3): {serial / 3:6.2f} s   CPU {serial_cpu / 3:.2f} s")
    print(
        f"  12 Fotos kalt, parallel:     {cold:6.2f} s   CPU {cold_cpu:.2f} s, Spitze {peak:.0f} MB (PSS, Baum)"
    )
    print(f"  12 Fotos warm (Cache):       {warm:6.3f} s   CPU {warm_cpu:.3f} s")
    print(f"  erzeugte JPEGs:              {sum(p.stat().st_size for p in made) / 1e6:6.1f} MB")
    print(f"  12 Fotos kalt, web 150 ppi:  {web:6.2f} s   CPU {web_cpu:.2f} s")


def main() -> int:
    photos = camera_photos()
    source_mb = sum(p.stat().st_size for p in photos) / 1e6
    load = os.getloadavg()[0]
    print(f"{len(photos)} Fotos {SIZE[0]}×{SIZE[1]}, zusammen {source_mb:.0f} MB, {os.cpu_count()} Kerne, "
          f"Last {load:.1f}" + ("  (Rechner nicht ruhig: Zeiten zu hoch)" if load > 1.0 else ""))  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ok = report_build(data_copy(photos, tmp / "data"), tmp)
        report_prepare(photos, tmp)
    print("\nErgebnis:", "Ziele erreicht" if ok else "Ziel VERFEHLT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
