#!/usr/bin/env python3
"""Frame times of every step of every shipped lesson, as a learner sees them.

For each lesson step and each size, runs `loopscope shot LESSON --step N --end --bench FRAMES`
under its own Xvfb (xvfb-run) and reads back the median, p95 and first-frame times it prints.
Prints one line per step and size, then the worst step of each lesson, and how many steps meet
issue #18's targets (1280x800: median <= 12 ms and p95 <= 16 ms; 1920x1080: median <= 16 ms;
first frame <= 500 ms). A measurement, not a test: nothing fails; run it on a quiet machine.

  bench/frame_times.py [--exe build/loopscope] [--frames 120] [--sizes 1280x800,1920x1080]
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shipped_lessons():
    folder = os.path.join(ROOT, "lessons")
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json") and name != "lesson.schema.json":
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                lesson = json.load(f)
            out.append((lesson.get("order", 0), lesson["id"], len(lesson["steps"])))
    return [(i, n) for _, i, n in sorted(out)]


def measure(exe, lesson, step, size, frames):
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", exe, "shot", lesson, "--step", str(step), "--end",
           "--out", "/tmp/loopscope-frame-times.png", "--size", size, "--bench", str(frames)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300).stdout
    fields = dict(re.findall(r"(\w+)=([\d.]+)", out))
    if "median_ms" not in fields:
        raise RuntimeError(f"no measurement from {' '.join(cmd)}: {out!r}")
    return float(fields["median_ms"]), float(fields["p95_ms"]), float(fields["first_frame_ms"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "loopscope"))
    ap.add_argument("--frames", type=int, default=120)
    ap.add_argument("--sizes", default="1280x800,1920x1080")
    a = ap.parse_args()
    sizes = a.sizes.split(",")
    targets = {"1280x800": (12.0, 16.0), "1920x1080": (16.0, None)}
    worst = {}
    met = {s: 0 for s in sizes}
    total = 0
    first_worst = 0.0
    for lesson, steps in shipped_lessons():
        for step in range(1, steps + 1):
            total += 1
            for size in sizes:
                med, p95, first = measure(a.exe, lesson, step, size, a.frames)
                first_worst = max(first_worst, first)
                print(f"lesson={lesson} step={step} size={size} median_ms={med:.1f} p95_ms={p95:.1f} first_frame_ms={first:.0f}",
                      flush=True)
                w = worst.setdefault((lesson, size), (0.0, 0.0, 0))
                if med > w[0]:
                    worst[(lesson, size)] = (med, p95, step)
                m_target, p_target = targets.get(size, (None, None))
                if (m_target is None or med <= m_target) and (p_target is None or p95 <= p_target):
                    met[size] += 1
    print("\nworst step per lesson (by median):")
    for (lesson, size), (med, p95, step) in worst.items():
        print(f"  {lesson:24s} {size:10s} step {step}: median {med:.1f} ms, p95 {p95:.1f} ms")
    for size in sizes:
        print(f"steps meeting the target at {size}: {met[size]} of {total}")
    print(f"slowest first frame: {first_worst:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
