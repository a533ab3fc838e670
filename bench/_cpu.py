"""How much CPU did *other* processes use while we measured? (Linux ``/proc``.)

The load average counts the benchmark itself (gunicorn's workers, the load generator and PostgreSQL are
busy on purpose), so it cannot say whether someone else's test run was competing. This can:
machine-wide busy CPU time (``/proc/stat``) minus the CPU time of the benchmark's own processes — this
process, gunicorn's process group, and the PostgreSQL backends connected to the benchmark database —
divided by the wall time, in cores. On an otherwise idle 2-core machine it is close to 0.
"""

import os
import time
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")


def _busy_jiffies() -> int:
    velden = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in velden[:8])
    return user + nice + system + irq + softirq + steal


def _own_jiffies(pgid: int, database: str) -> dict[int, int]:
    """CPU jiffies per pid of the benchmark's own processes."""
    eigen = {}
    for pad in Path("/proc").iterdir():
        if not pad.name.isdigit():
            continue
        try:
            stat = (pad / "stat").read_text()
            na_naam = stat[stat.rindex(")") + 2 :].split()
            pid, pgrp = int(pad.name), int(na_naam[2])
            ours = pid == os.getpid() or pgrp == pgid
            if not ours:
                cmdline = (pad / "cmdline").read_bytes()
                ours = cmdline.startswith(b"postgres:") and f" {database} ".encode() in cmdline
        except (OSError, ValueError, IndexError):
            continue
        if ours:
            eigen[pid] = int(na_naam[11]) + int(na_naam[12])  # utime + stime
    return eigen


class CpuMeter:
    """``start()`` … ``stop()``: the cores other processes kept busy in between."""

    def __init__(self, pgid: int, database: str):
        self.pgid, self.database = pgid, database

    def start(self) -> None:
        self.begin = time.monotonic()
        self.busy = _busy_jiffies()
        self.eigen = _own_jiffies(self.pgid, self.database)

    def stop(self) -> dict:
        duur = time.monotonic() - self.begin
        busy = _busy_jiffies() - self.busy
        nu = _own_jiffies(self.pgid, self.database)
        eigen = sum(jiffies - self.eigen.get(pid, 0) for pid, jiffies in nu.items())
        return {
            "seconds": round(duur, 2),
            "cores_busy_total": round(busy / CLK_TCK / duur, 2),
            "cores_benchmark": round(eigen / CLK_TCK / duur, 2),
            "cores_others": round(max(0, busy - eigen) / CLK_TCK / duur, 2),
        }


def combine(metingen: list[dict]) -> dict:
    """Several ``stop()`` results as one, weighted by their duration."""
    duur = sum(m["seconds"] for m in metingen)
    if not duur:
        return {}
    uitkomst = {"seconds": round(duur, 2)}
    for sleutel in ("cores_busy_total", "cores_benchmark", "cores_others"):
        uitkomst[sleutel] = round(sum(m[sleutel] * m["seconds"] for m in metingen) / duur, 2)
    return uitkomst
