#!/usr/bin/python3
"""The lessons queues, synchronization and structured-concurrency, in the new lesson format.

These three lessons have no `program` tree: a step's `code.python` *is* the program (the Python
front end runs it on the engine). Until that front end lands, `loopscope check` cannot load them,
so this file proves what it can without the app:

  * shape: id/order/prerequisites, every step has a title, narration ending with a "Look at:"
    paragraph, a complete listing ending in `asyncio.run(main())`, a C++ example in examples/,
    params bound to module-level constants of the listing, an expect with output and duration;
    at least one quiz and one exercise per lesson, quizzes well formed;
  * CPython: every step's listing, run by /usr/bin/python3 through run_listing.py in virtual
    time, prints exactly expect.output and lasts expect.duration, with no two timers due at the
    same instant unless armed at the same instant (an order CPython's real clock would not fix); at every param's min and max it
    still runs and does what the narration says (the per-step claims in CLAIMS below);
  * exercises: the solution meets the check and the starting code does not. The check is judged
    by `check_goal` below, a small Python re-implementation of app/lesson/exercise.cpp's rules
    (output lines exactly, duration <= max_duration, tasks alive at once <= max_tasks_alive,
    no blocking call, `uses` found among the program's dotted names) on facts measured by
    run_listing.py --facts. When the app can run these lessons, its own check replaces this one;
  * C++: every `// py:` anchor of a step's example quotes a line of its listing (the rules of
    app/lesson/cpp_anchors.cpp), and the compiled example (build/examples/example_<name>, or
    $LOOPSCOPE_EXAMPLES_DIR) prints exactly expect.output; skipped when it is not built.

Run: /usr/bin/python3 tests/lessons/test_new_lessons.py  (or with -k to pick tests)
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN_LISTING = ROOT / "tests" / "lessons" / "run_listing.py"
EXAMPLES_DIR = Path(os.environ.get("LOOPSCOPE_EXAMPLES_DIR", ROOT / "build" / "examples"))
LESSONS = {"queues": 6, "synchronization": 7, "structured-concurrency": 8}


def load(lesson_id):
    with open(ROOT / "lessons" / f"{lesson_id}.json", encoding="utf-8") as f:
        return json.load(f)


def lines(v):
    return v if isinstance(v, list) else v.split("\n")


def run(lesson_id, n, sets=(), source=None):
    """Runs step n's listing (or `source`) under CPython; returns (output lines, facts)."""
    with tempfile.TemporaryDirectory() as tmp:
        facts_file = os.path.join(tmp, "facts.json")
        args = ["/usr/bin/python3", str(RUN_LISTING), str(ROOT / "lessons" / f"{lesson_id}.json"), str(n),
                "--facts", facts_file]
        for name, value in sets:
            args += ["--set", f"{name}={value}"]
        if source is not None:
            src = os.path.join(tmp, "program.py")
            with open(src, "w", encoding="utf-8") as f:
                f.write("\n".join(source) + "\n")
            args += ["--source", src]
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
        with open(facts_file, encoding="utf-8") as f:
            facts = json.load(f)
    facts["stderr"] = p.stderr
    return p.stdout.splitlines(), facts


# ---- the exercise check, re-implemented from app/lesson/exercise.cpp ---------------------------

def dotted_names(source):
    """The program's names with dotted names joined, comments and string literals skipped."""
    out = []
    for line in source:
        joining = False
        i = 0
        while i < len(line):
            c = line[i]
            if c == "#":
                break
            if c in "\"'":
                i += 1
                while i < len(line) and line[i] != c:
                    if line[i] == "\\":
                        i += 1
                    i += 1
                i += 1
                joining = False
            elif c.isalnum() or c == "_" or ord(c) >= 0x80:
                j = i
                while j < len(line) and (line[j].isalnum() or line[j] == "_" or ord(line[j]) >= 0x80):
                    j += 1
                if joining and out:
                    out[-1] += "." + line[i:j]
                else:
                    out.append(line[i:j])
                joining = False
                i = j
            else:
                if c not in " \t":
                    joining = c == "." and bool(out)
                i += 1
    return out


def source_uses(source, name):
    words = dotted_names(source)
    module, _, last = name.rpartition(".")
    imported = False
    for i, w in enumerate(words):
        if w == name or w.startswith(name + "."):
            return True
        if w == "from" and i + 2 < len(words) and words[i + 1] == module and words[i + 2] == "import":
            j = i + 3
            while j < len(words) and words[j] not in ("from", "import"):
                if words[j] == last:
                    imported = True
                j += 1
        elif imported and w == last and not (i > 0 and words[i - 1] == "import"):
            return True
    return False


def check_goal(check, output, facts, source):
    """The parts of the goal that the run misses (empty: the goal is met)."""
    missed = []
    if facts.get("error"):
        missed.append(f"the run failed: {facts['error']}")
    if "output" in check and lines(check["output"]) != output:
        missed.append(f"output differs: {output}")
    if "max_duration" in check and facts["duration"] > check["max_duration"] + 1e-9:
        missed.append(f"took {facts['duration']} s")
    if "max_tasks_alive" in check and facts["max_tasks_alive"] > check["max_tasks_alive"]:
        missed.append(f"{facts['max_tasks_alive']} tasks alive at once")
    if check.get("no_blocking") and facts["blocking_sections"] > 0:
        missed.append(f"{facts['blocking_sections']} blocking call(s)")
    for name in check.get("uses", []):
        if not source_uses(source, name):
            missed.append(f"{name} does not appear in the program")
    return missed


# ---- C++ anchors, as app/lesson/cpp_anchors.cpp maps them -------------------------------------

def anchor_text(line):
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#":
            line = line[:i]
            break
        i += 1
    return line.strip(" \t\r")


def anchor_problems(python, cpp):
    by_text = {}
    for i, l in enumerate(python):
        t = anchor_text(l)
        if t:
            by_text.setdefault(t, []).append(i + 1)
    used = {}
    problems = []
    for i, l in enumerate(cpp):
        at = l.rfind("// py:")
        if at < 0:
            continue
        text = l[at + len("// py:"):].strip(" \t\r")
        if not l[:at].strip(" \t\r"):
            problems.append(f"{i + 1}: anchor on a line with no code")
        elif text not in by_text:
            problems.append(f"{i + 1}: '{text}' is no line of the listing")
        else:
            used[text] = used.get(text, 0) + 1
            if used[text] > len(by_text[text]):
                problems.append(f"{i + 1}: '{text}' quoted more often than the listing has it")
    return problems


# ---- what the narration claims at the params' extremes ----------------------------------------
# (lesson, step) -> function(params, output, duration) that raises AssertionError when the run
# contradicts the narration. Called at every param's min and max (the others at their default).

def _claims():
    def t(line):  # the time printed at the start of a line: "2.0s ..." -> 2.0
        return float(line.split("s ", 1)[0])

    def handoff(p, out, d):
        n = p["ITEMS"]
        assert d == n and len(out) == 2 * n + 1 and out[-1] == f"{n}.0s all items handed over", out
        assert [l for l in out if "put" in l][0] == "1.0s put item 1", out

    def maxsize(p, out, d):
        m = p["MAXSIZE"]
        puts = [l for l in out if " put " in l]
        assert d == 5 and len(puts) == 5, out
        # the consumer takes item j at j-1 s, which lets item j+m in: item k goes in at max(0, k-m-1) s
        assert all(t(l) == max(0, k - m - 1) for k, l in enumerate(puts, 1)), puts
        assert all(int(l.rsplit(", ", 1)[1].split()[0]) <= m for l in puts), puts

    def consumers(p, out, d):
        w = p["WORKERS"]
        assert d == -(-6 // w) and out[-1] == f"{float(d):.1f}s all workers stopped", (d, out)
        assert sum("stops" in l for l in out) == w, out

    def join(p, out, d):
        j = p["JOBS"]
        assert d == -(-j // 3) and f"{float(d):.1f}s all jobs done" in out, (d, out)
        assert sum("finished job" in l for l in out) == j and sum("cancelled while idle" in l for l in out) == 3

    def lost_update(p, out, d):
        n = p["DEPOSITS"]
        assert out[-1] == f"balance 100, expected {n * 100}" and d == 0.5, out

    def lock(p, out, d):
        n = p["DEPOSITS"]
        assert out[-1] == f"balance {n * 100}, expected {n * 100}" and abs(d - 0.5 * n) < 1e-9, out

    def semaphore(p, out, d):
        lim = p["LIMIT"]
        assert d == -(-5 // lim), (d, out)
        running = peak = 0
        for l in out:
            running += ("starts" in l) - ("done" in l and "all" not in l)
            peak = max(peak, running)
        assert peak == lim, out

    def event(p, out, d):
        n = p["RUNNERS"]
        assert d == 1 + n and sum(l.startswith("1.0s runner") and "off" in l for l in out) == n, out

    def barrier(p, out, d):
        n = p["HIKERS"]
        assert d == n and sum(l.startswith(f"{n}.0s") and "leaves" in l for l in out) == n, out

    def timeout(p, out, d):
        s = p["TIMEOUT"]
        if s < 3:
            assert d == 2 * s and sum("CancelledError inside" in l for l in out) == 2, out
        else:
            assert out == ["3.0s report finished", "6.0s report finished"] and d == 6, out

    def cancel(p, out, d):
        c = p["CANCEL_AT"]
        assert d == c and out[-3:] == [f"{c:.1f}s main: cancel() requested", f"{c:.1f}s download: file closed",
                                       f"{c:.1f}s main: download cancelled = True"], out
        assert sum("written" in l for l in out) == int(c) + 1, out

    return {("queues", 1): handoff, ("queues", 2): maxsize, ("queues", 3): consumers, ("queues", 4): join,
            ("synchronization", 1): lost_update, ("synchronization", 2): lock,
            ("synchronization", 3): semaphore, ("synchronization", 4): event, ("synchronization", 5): barrier,
            ("structured-concurrency", 1): timeout, ("structured-concurrency", 2): cancel}


CLAIMS = _claims()


def fmt(v):
    return str(int(v)) if float(v).is_integer() and not isinstance(v, float) else repr(float(v))


class Shape(unittest.TestCase):
    def test_lessons(self):
        for lid, order in LESSONS.items():
            with self.subTest(lesson=lid):
                l = load(lid)
                self.assertEqual(l["id"], lid)
                self.assertEqual(l["order"], order)
                self.assertEqual(l["prerequisites"], ["tasks"])
                self.assertEqual(l["$schema"], "./lesson.schema.json")
                self.assertGreaterEqual(len(l["steps"]), 5)
                self.assertTrue(any("quiz" in s for s in l["steps"]), "no quiz")
                self.assertTrue(any("exercise" in s for s in l["steps"]), "no exercise")

    def test_steps(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                with self.subTest(lesson=lid, step=n):
                    self.assertNotIn("program", s)
                    text = lines(s["text"])
                    self.assertTrue(text[-1].startswith("**Look at:**"), text[-1])
                    py = lines(s["code"]["python"])
                    self.assertEqual(py[-1], "asyncio.run(main())")
                    cpp = s["code"]["cpp"]["file"]
                    self.assertTrue((ROOT / cpp).is_file(), cpp)
                    slug = lid.replace("-", "_")
                    self.assertTrue(re.fullmatch(rf"examples/{slug}_{n}_[a-z_]+\.cpp", cpp), cpp)
                    for p in s.get("params", []):
                        self.assertIn(f"{p['name']} = {fmt(p['default'])}", py, p)
                        self.assertLessEqual(p["min"], p["default"])
                        self.assertLessEqual(p["default"], p["max"])
                    self.assertIn("output", s["expect"])
                    self.assertIn("duration", s["expect"])
                    q = s.get("quiz")
                    if q:
                        if q.get("kind") == "order":
                            self.assertEqual(sorted(q["answer"]), list(range(len(q["options"]))))
                        else:
                            self.assertIn(q["answer"], range(len(q["options"])))


class CPython(unittest.TestCase):
    def test_every_step_prints_its_expected_output_in_its_duration(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                with self.subTest(lesson=lid, step=n):
                    out, facts = run(lid, n)
                    self.assertIsNone(facts["error"], facts["stderr"])
                    self.assertEqual(facts["timer_ties"], [], "timers whose order CPython does not fix")
                    self.assertEqual(out, lines(s["expect"]["output"]))
                    self.assertAlmostEqual(facts["duration"], s["expect"]["duration"], places=6)

    def test_params_at_their_extremes(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                params = s.get("params", [])
                for p in params:
                    for value in (p["min"], p["max"]):
                        with self.subTest(lesson=lid, step=n, param=p["name"], value=value):
                            out, facts = run(lid, n, [(p["name"], fmt(value))])
                            self.assertIsNone(facts["error"], facts["stderr"])
                            self.assertEqual(facts["timer_ties"], [])
                            self.assertTrue(out)
                            env = {q["name"]: q["default"] for q in params}
                            env[p["name"]] = value
                            claim = CLAIMS.get((lid, n))
                            self.assertIsNotNone(claim, "a step with params needs a claim in CLAIMS")
                            claim(env, out, facts["duration"])


class Exercises(unittest.TestCase):
    def test_solution_meets_the_check_and_the_starting_code_does_not(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                if "exercise" not in s:
                    continue
                with self.subTest(lesson=lid, step=n):
                    ex = s["exercise"]
                    check = ex["check"]
                    self.assertTrue(set(check) & {"output", "max_duration", "max_tasks_alive", "no_blocking", "uses"})
                    self.assertTrue(ex["hints"])
                    solution = lines(ex["solution"])
                    out, facts = run(lid, n, source=solution)
                    self.assertEqual(facts["timer_ties"], [])
                    self.assertEqual(check_goal(check, out, facts, solution), [])
                    start = lines(s["code"]["python"])
                    out, facts = run(lid, n)
                    self.assertNotEqual(check_goal(check, out, facts, start), [])

    def test_check_rules(self):
        src = ["import asyncio", "from asyncio import TaskGroup as X", "# asyncio.TaskGroup", "s = 'asyncio.TaskGroup'"]
        self.assertFalse(source_uses(src[2:], "asyncio.TaskGroup"))
        self.assertTrue(source_uses(["async with asyncio . TaskGroup() as tg:"], "asyncio.TaskGroup"))
        self.assertTrue(source_uses(["from asyncio import TaskGroup", "async with TaskGroup() as tg:"],
                                    "asyncio.TaskGroup"))
        facts = {"error": None, "duration": 2.0, "max_tasks_alive": 3, "blocking_sections": 1}
        self.assertEqual(len(check_goal({"output": ["a"], "max_duration": 1, "max_tasks_alive": 2,
                                         "no_blocking": True}, ["b"], facts, [])), 4)
        self.assertEqual(check_goal({"max_duration": 2, "max_tasks_alive": 3}, [], facts, []), [])


class Cpp(unittest.TestCase):
    def test_anchors_quote_listing_lines(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                with self.subTest(lesson=lid, step=n):
                    cpp = (ROOT / s["code"]["cpp"]["file"]).read_text(encoding="utf-8").split("\n")
                    self.assertEqual(anchor_problems(lines(s["code"]["python"]), cpp), [])
                    self.assertGreater(sum("// py:" in l for l in cpp), 5)

    def test_examples_print_the_expected_output(self):
        for lid in LESSONS:
            for n, s in enumerate(load(lid)["steps"], 1):
                name = Path(s["code"]["cpp"]["file"]).stem
                exe = EXAMPLES_DIR / f"example_{name}"
                with self.subTest(lesson=lid, step=n, example=name):
                    if not exe.exists():
                        self.skipTest(f"{exe} is not built")
                    p = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    self.assertEqual(p.stdout.splitlines(), lines(s["expect"]["output"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
