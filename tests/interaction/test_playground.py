"""The playground and opening a file from the lesson browser, with real X input: the
playground card opens a starter program that runs, the learner's program replaces it and is
kept across a restart of the app; a path typed in the browser opens that file, a wrong one says
why and stays in the browser."""
import os
import shutil
import tempfile
import unittest

from harness import AppTestCase
from test_editor import press


class Playground(AppTestCase):
    def open_playground(self, home=None):
        app = self.open(home=home)
        app.wait(lambda s: s["screen"] == "browser", "the browser")
        app.click("playground_open")
        return app.wait(lambda s: s["screen"] == "lesson" and s["lesson"] == "playground" and s.get("editor"),
                        "the playground") and app

    def test_the_playground_card_opens_a_starter_that_runs_and_the_learners_program_is_kept(self):
        home = tempfile.mkdtemp(prefix="loopscope-playground-")
        self.addCleanup(shutil.rmtree, home, True)
        app = self.open_playground(home)
        press(app, "End")
        s = app.wait(lambda s: s["finished"], "the starter's run")
        self.assertEqual(s["output"][-1], "['a', 'b']")
        # Replace the whole program with one of our own and run it.
        x0, y0, x1, y1 = app.rect("editor_text")
        app.click_at(x0 + 120, y0 + 8)
        app.wait(lambda s: s["editor"]["focused"], "the editor focused")
        press(app, "ctrl+a", "Delete")
        app.wait(lambda s: s["editor"]["bytes"] == 0, "an empty editor")
        # One line each (after a ':' at a line's end the editor indents the next line).
        program = ["import asyncio", "async def main(): await asyncio.sleep(3); print('mine')", "asyncio.run(main())"]
        for line in program:
            app.xdo("type", "--delay", "15", line)
            press(app, "Return")
        press(app, "ctrl+Return", "Escape", "End")
        s = app.wait(lambda s: s["run_edited"] and s["finished"], "the learner's run")
        self.assertEqual(s["output"], ["mine"], (s["run_error"], s["editor"]["text"]))
        self.assertAlmostEqual(s["end_time"], 3.0)
        text = s["editor"]["text"]
        app.wait(lambda s: not s["edits_pending"], "the edits written")
        app.close()
        self.apps.remove(app)
        # The app reopens on the playground (the last lesson) with the learner's program.
        again = self.open(home=home)
        s = again.wait(lambda s: s["lesson"] == "playground" and s.get("editor") and s["editor"]["text"] == text,
                       "the program after a restart")
        self.assertTrue(s["editor"]["changed"])

    def replace_program(self, app, lines):
        """Selects all of the editor's text and types `lines`, one statement per line."""
        x0, y0, x1, y1 = app.rect("editor_text")
        app.click_at(x0 + 120, y0 + 8)
        app.wait(lambda s: s["editor"]["focused"], "the editor focused")
        press(app, "ctrl+a", "Delete")
        app.wait(lambda s: s["editor"]["bytes"] == 0, "an empty editor")
        for line in lines:
            if line.startswith("<dedent>"):  # back to the left margin (the editor keeps the indent)
                press(app, "shift+Tab")
                line = line[len("<dedent>"):]
            app.xdo("type", "--delay", "15", line)
            press(app, "Return")
        press(app, "ctrl+Return", "Escape", "End")

    def test_a_program_that_loops_forever_is_stopped_by_the_limits_and_the_app_stays_usable(self):
        app = self.open_playground()
        self.replace_program(app, ["import asyncio", "async def main():", "while True: pass",
                                   "<dedent>asyncio.run(main())"])
        s = app.wait(lambda s: s["run_edited"] and s["finished"] and s["run_error"], "the limit")
        self.assertIn("limit exceeded", s["run_error"])
        # The limit's error sits on the loop's line in the editor.
        s = app.wait(lambda s: s["editor"]["diagnostics"] == 1, "the error in the editor")
        self.assertTrue(s["editor"]["diagnostic_messages"][0].startswith("3:"), s["editor"]["diagnostic_messages"])
        # Still usable: the lessons button takes the learner back to the browser.
        app.click("lessons_back")
        app.wait(lambda s: s["screen"] == "browser", "the browser")

    def test_a_program_that_deadlocks_ends_with_a_deadlock_error(self):
        app = self.open_playground()
        self.replace_program(app, ["import asyncio", "async def main(): await asyncio.Event().wait()",
                                   "asyncio.run(main())"])
        s = app.wait(lambda s: s["run_edited"] and s["finished"] and s["run_error"], "the deadlock")
        self.assertIn("deadlock", s["run_error"])
        press(app, "Home")
        app.wait(lambda s: s["cursor"] == 0, "the playhead back at the start")

    def test_a_path_typed_in_the_browser_opens_that_lesson_and_a_wrong_one_says_why(self):
        app = self.open()
        app.wait(lambda s: s["screen"] == "browser", "the browser")
        app.click("open_path")
        app.xdo("type", "--delay", "10", "/nowhere/missing.json")
        press(app, "Return")
        s = app.wait(lambda s: s["open_error"] != "", "the reason")
        self.assertIn("missing.json", s["open_error"])
        self.assertEqual(s["screen"], "browser")
        lessons = os.path.join(os.path.dirname(__file__), "../../lessons/tasks.json")
        app.click("open_path")
        press(app, "ctrl+a", "BackSpace")
        app.xdo("type", "--delay", "10", os.path.abspath(lessons))
        app.click("open_path_button")
        s = app.wait(lambda s: s["screen"] == "lesson" and s["lesson"] == "tasks", "the typed lesson")
        self.assertEqual(s["open_error"], "")

    def test_save_and_ctrl_s_write_the_edited_program_back_to_its_py_file(self):
        folder = tempfile.mkdtemp(prefix="loopscope-save-")
        self.addCleanup(shutil.rmtree, folder, True)
        path = os.path.join(folder, "prog.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write("import asyncio\n\nasync def main():\n    print('first')\n\nasyncio.run(main())\n")
        app = self.open("open", path)
        s = app.wait(lambda s: s["screen"] == "lesson" and s.get("editor"), "the program open")
        self.assertIn("editor_save", s["rects"])
        saves = s["saves"]
        # Save is disabled until the code changes: a click writes nothing.
        app.click("editor_save")
        self.assertEqual(app.frames(3)["saves"], saves)
        self.replace_program(app, ["import asyncio", "async def main(): print('second')", "asyncio.run(main())"])
        app.wait(lambda s: s["editor"]["changed"], "the edit")
        sid = app.read()["session_id"]
        app.click("editor_save")
        app.wait(lambda s: s["saves"] == saves + 1, "the Save button's write")
        with open(path, encoding="utf-8") as f:
            self.assertIn("print('second')", f.read())
        # Hot reload sees the new file: the saved program is now the lesson's code, so nothing
        # is "changed" any more, and it is what runs.
        app.wait(lambda s: s["session_id"] > sid and not s["editor"]["changed"], "the saved program reloaded")
        press(app, "Escape", "End")
        s = app.wait(lambda s: s["finished"], "the saved program's run")
        self.assertEqual(s["output"], ["second"])
        # Ctrl+S in the focused editor writes again.
        x0, y0, x1, y1 = app.rect("editor_text")
        app.click_at(x0 + 120, y0 + 8)
        app.wait(lambda s: s["editor"]["focused"], "the editor focused")
        press(app, "ctrl+End")
        app.xdo("type", "--delay", "15", "# kept")
        app.wait(lambda s: s["editor"]["text"].endswith("# kept"), "the second edit")
        press(app, "ctrl+s")
        app.wait(lambda s: s["saves"] == saves + 2, "Ctrl+S's write")
        with open(path, encoding="utf-8") as f:
            self.assertTrue(f.read().rstrip("\n").endswith("# kept"))


if __name__ == "__main__":
    unittest.main()
