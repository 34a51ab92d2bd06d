"""Run one job in this process and print its wall time and peak memory as JSON.

Usage: python measure.py report|baseline|udf INPUT... OUTPUT
Each measurement runs in a fresh process, so peak memory belongs to that job alone.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    kind, *paths = sys.argv[1:]
    started = time.perf_counter()
    if kind == "report":
        from klantpiramide.job import Settings, make_report

        make_report([Path(path) for path in paths[:-1]], Path(paths[-1]), Settings())
    elif kind == "baseline":
        sys.path.insert(0, str(Path(__file__).parent))
        from baseline import run

        run(Path(paths[0]), Path(paths[1]))
    else:
        raise SystemExit(f"unknown job: {kind}")
    seconds = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_mb": round(peak_mb)}))


if __name__ == "__main__":
    main()
