"""The monkey: seeded random clicks, drags, wheel turns and keys over the whole window.

For every lesson, LOOPSCOPE_MONKEY_INPUTS (default 1000) inputs, sent in batches through
xdotool. After every batch the app must still be alive and must draw new frames within
LOOPSCOPE_MONKEY_FRAME_DEADLINE seconds, and no frame may have taken longer than 1 s
(max_frame_ms, measured by the app around build + render). On a failure the seed and the batch
are printed: replay with LOOPSCOPE_MONKEY_SEED=<seed> and the same lesson.
"""
import os
import random
import unittest

from harness import AppTestCase, lessons

INPUTS = int(os.environ.get("LOOPSCOPE_MONKEY_INPUTS", "1000"))
BASE_SEED = int(os.environ.get("LOOPSCOPE_MONKEY_SEED", "20261204"))
BATCH = 25
# A frame may take at most this long (ms); a longer one counts as a hang.
MAX_FRAME_MS = float(os.environ.get("LOOPSCOPE_MONKEY_MAX_FRAME_MS", "1000"))

KEYS = ["space", "Right", "Left", "shift+Right", "Home", "End", "r", "Next", "Prior", "bracketleft",
        "bracketright", "F1", "Escape", "question", "BackSpace", "Tab", "Return", "Up", "Down", "a", "1",
        "ctrl+a", "ctrl+z", "shift+Tab", "Delete"]


def script(rng, width, height, n):
    """n random inputs as one xdotool command line (with short pauses so frames interleave)."""
    out, log = [], []
    for _ in range(n):
        x, y = rng.randrange(width), rng.randrange(height)
        kind = rng.choices(["click", "right", "double", "drag", "wheel", "key"], [40, 4, 6, 20, 12, 18])[0]
        if kind == "click":
            out += ["mousemove", str(x), str(y), "click", "1"]
        elif kind == "right":
            out += ["mousemove", str(x), str(y), "click", "3"]
        elif kind == "double":
            out += ["mousemove", str(x), str(y), "click", "--repeat", "2", "--delay", "40", "1"]
        elif kind == "drag":
            x1, y1 = rng.randrange(width), rng.randrange(height)
            out += ["mousemove", str(x), str(y), "mousedown", "1", "sleep", "0.02",
                    "mousemove", str((x + x1) // 2), str((y + y1) // 2), "sleep", "0.02",
                    "mousemove", str(x1), str(y1), "sleep", "0.02", "mouseup", "1"]
        elif kind == "wheel":
            out += ["mousemove", str(x), str(y), "click", "--repeat", str(rng.randint(1, 4)),
                    rng.choice(["4", "5", "6", "7"])]
        else:
            out += ["key", rng.choice(KEYS)]
        log.append(f"{kind}@{x},{y}")
    return out, log


class Monkey(AppTestCase):
    def run_monkey(self, lesson_id, seed):
        rng = random.Random(seed)
        app = self.open_lesson(lesson_id)
        width, height = app.read()["window"]
        sent = 0
        while sent < INPUTS:
            n = min(BATCH, INPUTS - sent)
            cmd, log = script(rng, width, height, n)
            where = f"lesson {lesson_id}, seed {seed}, inputs {sent}..{sent + n - 1}: {' '.join(log)}"
            if not app.alive():
                self.fail(f"the app died (exit {app.proc.returncode}) before {where}\n{app.stderr_tail()}")
            app.xdo(*cmd)
            app.pointer = None  # moved by the script
            sent += n
            try:
                s = app.frames(2)
            except AssertionError as e:
                self.fail(f"{e}\nafter {where}")
            self.assertLess(s["max_frame_ms"], MAX_FRAME_MS, f"a frame took {s['max_frame_ms']:.0f} ms after {where}")
        self.assertTrue(app.alive())
        return sent


def add_lesson_tests():
    for index, lesson in enumerate(lessons()):
        def test(self, lesson_id=lesson["id"], seed=BASE_SEED + index):
            sent = self.run_monkey(lesson_id, seed)
            print(f"monkey: {lesson_id}: {sent} random inputs (seed {seed}), no crash, no hang")
        setattr(Monkey, f"test_{lesson['id'].replace('-', '_')}_survives_{INPUTS}_random_inputs", test)


add_lesson_tests()

if __name__ == "__main__":
    unittest.main()
