"""Parameter sliders, quizzes, window resizing and hot reload, driven by real input."""
import json
import os
import shutil
import tempfile
import unittest

from harness import LESSONS, AppTestCase, lessons


class ParamSliders(AppTestCase):
    def test_every_parameter_slider_of_every_lesson_goes_to_both_ends_and_restarts_the_run(self):
        for lesson in lessons():
            for index, step in enumerate(lesson["steps"]):
                if not step.get("params"):
                    continue
                app = self.open_lesson(lesson["id"], index + 1)
                for p in step["params"]:
                    with self.subTest(lesson=lesson["id"], step=index + 1, param=p["name"]):
                        x0, y0, x1, y1 = app.reveal("param_" + p["name"], "panel_narration_text")
                        y = (y0 + y1) / 2
                        run = app.read()["session_id"]
                        app.drag(x0 + (x1 - x0) * 0.5, y, x1 + 40, y)
                        s = app.wait(lambda s: s["params"][p["name"]] == p["max"] and s["session_id"] != run,
                                     f"{p['name']} at its max {p['max']} and a new run")
                        run = s["session_id"]
                        app.drag(x1 - 2, y, x0 - 40, y)
                        app.wait(lambda s: s["params"][p["name"]] == p["min"] and s["session_id"] != run,
                                 f"{p['name']} at its min {p['min']} and a new run")
                app.close()
                self.apps.remove(app)


class Quizzes(AppTestCase):
    def test_a_choice_quiz_takes_an_answer_and_checks_it(self):
        lesson = next(l for l in lessons() if l["id"] == "tasks")
        quiz = lesson["steps"][0]["quiz"]
        app = self.open_lesson("tasks", 1)
        right = quiz["answer"] if isinstance(quiz["answer"], int) else quiz["answer"][0]
        wrong = next(i for i in range(len(quiz["options"])) if i != right)
        app.reveal("quiz_check", "panel_narration")
        app.click(f"quiz_option_{wrong}")
        app.wait(lambda s: s["quiz"]["choice"] == wrong, "the wrong option picked")
        app.click("quiz_check")
        app.wait(lambda s: s["quiz"]["checked"] and not s["quiz"]["correct"], "checked: not right")
        app.click(f"quiz_option_{right}")
        app.wait(lambda s: s["quiz"]["choice"] == right and not s["quiz"]["checked"], "the right option picked")
        app.click("quiz_check")
        app.wait(lambda s: s["quiz"]["checked"] and s["quiz"]["correct"], "checked: right")

    def test_a_wrong_first_try_keeps_the_answer_hidden_and_a_second_reveals_it(self):
        lesson = next(l for l in lessons() if l["id"] == "tasks")
        quiz = lesson["steps"][0]["quiz"]
        app = self.open_lesson("tasks", 1)
        right = quiz["answer"] if isinstance(quiz["answer"], int) else quiz["answer"][0]
        wrong = next(i for i in range(len(quiz["options"])) if i != right)
        # At 1280x800 the options and the button are on screen without scrolling.
        app.rect("quiz_check")
        app.click(f"quiz_option_{wrong}")
        app.wait(lambda s: s["quiz"]["choice"] == wrong, "the wrong option picked")
        app.click("quiz_check")
        s = app.wait(lambda s: s["quiz"]["tries"] == 1, "one try")
        self.assertFalse(s["quiz"]["correct"])
        self.assertFalse(s["quiz"]["revealed"])
        app.click(f"quiz_option_{wrong}")
        app.wait(lambda s: not s["quiz"]["checked"], "the option picked again")
        app.click("quiz_check")
        s = app.wait(lambda s: s["quiz"]["tries"] == 2, "a second try")
        self.assertTrue(s["quiz"]["revealed"])
        self.assertFalse(s["quiz"]["correct"])

    def test_an_order_quiz_is_arranged_with_the_arrows_and_checked(self):
        lesson = next(l for l in lessons() if l["id"] == "sync-vs-async")
        quiz = lesson["steps"][3]["quiz"]
        app = self.open_lesson("sync-vs-async", 4)
        target = quiz["answer"]
        app.reveal("quiz_check", "panel_narration")
        # Selection sort with the ▲ buttons: bring each wanted option up to its place.
        for place, option in enumerate(target):
            order = app.wait(lambda s: s.get("quiz") and s["quiz"]["order"], "the quiz")["quiz"]["order"]
            at = order.index(option)
            while at > place:
                app.click(f"quiz_up_{at}")
                app.wait(lambda s, at=at: s["quiz"]["order"][at - 1] == option, "one place up")
                at -= 1
        app.click("quiz_check")
        app.wait(lambda s: s["quiz"]["checked"] and s["quiz"]["correct"], "the order checked right")


class Window(AppTestCase):
    def test_resizing_from_800x500_to_1920x1080_while_playing_keeps_every_panel_working(self):
        app = self.open_lesson("http", 2, size=(800, 500))
        app.click("play")
        app.wait(lambda s: s["playing"], "playing")
        for w, h in [(800, 500), (1024, 640), (1920, 1080), (1280, 800)]:
            s = app.resize(w, h)
            for name in ["play", "step_pill_1", "timeline_plot", "scrub"]:
                x0, y0, x1, y1 = s["rects"][name]
                self.assertTrue(0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, f"{name} inside {w}x{h}: {s['rects'][name]}")
        app.click("step_pill_3")
        app.wait(lambda s: s["step"] == 3, "step 3 after the resizes")


class HotReload(AppTestCase):
    def test_a_lesson_saved_while_it_plays_reloads_and_a_broken_save_keeps_the_last_good_one(self):
        folder = tempfile.mkdtemp(prefix="loopscope-reload-")
        self.addCleanup(shutil.rmtree, folder, True)
        path = os.path.join(folder, "coroutines.json")
        shutil.copy(os.path.join(LESSONS, "coroutines.json"), path)
        app = self.open("open", path)
        app.wait(lambda s: s["screen"] == "lesson", "the lesson")
        app.click("play")
        run = app.read()["session_id"]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lesson = json.loads(text)
        old_title = lesson["steps"][0]["title"]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(json.dumps(old_title), json.dumps("Edited while playing"), 1))
        s = app.wait(lambda s: s["step_title"] == "Edited while playing" and s["session_id"] != run, "the reloaded step")
        self.assertEqual(s["banner"], "")
        # A save that loads but whose run no longer matches its expect: it runs, and says so.
        run = s["session_id"]
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(json.dumps(old_title), json.dumps("Edited while playing"), 1)
                        .replace('"duration": 1.5', '"duration": 2.5', 1))
        s = app.wait(lambda s: s["session_id"] != run and "expect" in s["banner"], "a banner about the expect")
        self.assertIn("duration", s["banner"])
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[: len(text) // 2])
        s = app.wait(lambda s: s["banner"] != "", "a banner about the broken save")
        self.assertEqual(s["step_title"], "Edited while playing")
        self.assertTrue(app.alive())


if __name__ == "__main__":
    unittest.main()
