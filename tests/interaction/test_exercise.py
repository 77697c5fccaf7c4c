"""Exercise steps in the app: the verdict after a run, hints one by one, the solution, and
"solved" kept in the progress across a restart of the app."""
import json
import os
import shutil
import tempfile
import unittest

from harness import LESSONS, AppTestCase


def lesson_with_exercises(folder):
    """sync-vs-async with two exercises: step 1's (under 2.5 s) fails as written, step 3's passes."""
    with open(os.path.join(LESSONS, "sync-vs-async.json"), encoding="utf-8") as f:
        lesson = json.load(f)
    lesson["steps"][0]["exercise"] = {
        "goal": "Make the three jobs finish in under **2.5 s**.",
        "check": {"max_duration": 2.5, "uses": ["asyncio.gather"]},
        "hints": ["time.sleep blocks the whole loop.", "Use asyncio.gather."],
        "solution": lesson["steps"][2]["code"]["python"],
    }
    lesson["steps"][2]["exercise"] = {
        "goal": "Already done: the jobs overlap.",
        "check": {"max_duration": 2.5},
        "solution": lesson["steps"][2]["code"]["python"],
    }
    path = os.path.join(folder, "sync-vs-async.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(lesson, f)
    return path


class Exercises(AppTestCase):
    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="loopscope-exercise-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.path = lesson_with_exercises(self.folder)

    def test_a_run_that_misses_the_goal_says_so_and_hints_and_the_solution_reveal_one_by_one(self):
        app = self.open("open", self.path)
        app.wait(lambda s: s["screen"] == "lesson" and s.get("exercise"), "the exercise step")
        app.click("end")
        s = app.wait(lambda s: s["exercise"]["met"] is False, "the verdict: goal not met")
        self.assertFalse(s["exercise"]["solved"])
        app.reveal("exercise_hint", "panel_narration_text")
        app.click("exercise_hint")
        app.wait(lambda s: s["exercise"]["hints_shown"] == 1, "one hint")
        app.reveal("exercise_hint", "panel_narration_text")  # the hint's text pushed it down
        app.click("exercise_hint")
        app.wait(lambda s: s["exercise"]["hints_shown"] == 2, "two hints")
        self.assertNotIn("exercise_hint", app.frames(2)["rects"])  # no third hint to show
        app.reveal("exercise_solution", "panel_narration_text")
        app.click("exercise_solution")
        app.wait(lambda s: s["exercise"]["solution_shown"], "the solution")

    def test_a_run_that_meets_the_goal_marks_the_step_solved_and_it_stays_solved_after_a_restart(self):
        home = tempfile.mkdtemp(prefix="loopscope-home-")
        self.addCleanup(shutil.rmtree, home, True)
        app = self.open("open", self.path, "--step", "3", home=home)
        app.wait(lambda s: s["screen"] == "lesson" and s["step"] == 3, "step 3")
        app.click("end")
        app.wait(lambda s: s["exercise"]["met"] is True and s["exercise"]["solved"], "solved")
        app.close()
        self.apps.remove(app)
        again = self.open("open", self.path, "--step", "3", home=home)
        s = again.wait(lambda s: s["screen"] == "lesson" and s.get("exercise"), "step 3 again")
        self.assertTrue(s["exercise"]["solved"])
        self.assertIsNone(s["exercise"]["met"])  # this run has not finished yet


if __name__ == "__main__":
    unittest.main()
