"""Benchmark the whole report against a plain pandas baseline, and the worksheet functions.

Prints one table: size (customers a year), input kind, our time, the
baseline's time, the ratio, and the peak memory of each. Run it with
`make bench`; `--sizes 2000 100000` limits the sizes. Inputs are generated
once into benchmarks/.data/ and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs import ensure_inputs  # noqa: E402

SIZES = (2_000, 100_000, 1_048_575)


def measure(kind: str, *paths: Path) -> dict:
    """Run one job in a fresh Python process; return its seconds and peak memory.

    The output (the last path) is removed first: over an earlier report the job
    would also read that report's notes, which is a refresh, not a new report.
    """
    paths[-1].unlink(missing_ok=True)
    command = [sys.executable, str(HERE / "measure.py"), kind, *map(str, paths)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{kind} failed on {paths[0]}:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def processor_name() -> str:
    """Return the processor's model name (from /proc/cpuinfo on Linux), else what the platform module reports."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def udf_timings(size: int = 1_000_000) -> tuple[float, float]:
    """Time PYRAMID_CATEGORY over a column of ``size`` revenues, and PYRAMID_BOUNDS."""
    from klantpiramide.excel.udfs import PYRAMID_BOUNDS, PYRAMID_CATEGORY

    revenues = np.random.default_rng(1).lognormal(7.0, 1.4, size).round(2)
    column = [[value] for value in revenues.tolist()]
    started = time.perf_counter()
    PYRAMID_CATEGORY(column, column)
    category_seconds = time.perf_counter() - started
    started = time.perf_counter()
    PYRAMID_BOUNDS(column)
    return category_seconds, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES), help="customers a year (default: 2000 100000 1048575)")
    parser.add_argument("--zonder-basislijn", action="store_true", help="skip the baseline (it takes minutes at 1,048,575)")
    arguments = parser.parse_args()

    data = HERE / ".data"
    print(f"Machine: {processor_name()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'size':>9}  {'input':5}  {'ours s':>7}  {'peak MB':>7}  {'baseline s':>10}  {'peak MB':>7}  {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "rapport.xlsx"
        for size in arguments.sizes:
            workbook, csv_files = ensure_inputs(data, size)
            ours = measure("report", workbook, output)
            line = f"{size:>9,}  {'xlsx':5}  {ours['seconds']:>7.2f}  {ours['peak_mb']:>7}"
            if not arguments.zonder_basislijn:
                baseline = measure("baseline", workbook, Path(folder) / "basislijn.xlsx")
                ratio = baseline["seconds"] / ours["seconds"]
                line += f"  {baseline['seconds']:>10.2f}  {baseline['peak_mb']:>7}  {ratio:>5.1f}x"
            print(line, flush=True)

            ours_csv = measure("report", *csv_files, output)
            print(f"{size:>9,}  {'csv':5}  {ours_csv['seconds']:>7.2f}  {ours_csv['peak_mb']:>7}", flush=True)

    category_seconds, bounds_seconds = udf_timings()
    print(f"PYRAMID_CATEGORY over 1,000,000 revenues: {category_seconds:.2f} s; PYRAMID_BOUNDS: {bounds_seconds:.2f} s")


if __name__ == "__main__":
    main()
