"""Moving between steps and lessons with the mouse and the keyboard (real X input)."""
import os
import signal
import unittest

from harness import AppTestCase, lessons


class StepNavigation(AppTestCase):
    def test_clicking_step_pill_2_of_every_lesson_opens_step_2(self):
        # The crash this suite was written for: a pill replaced the session mid-frame.
        for lesson in lessons():
            with self.subTest(lesson=lesson["id"]):
                app = self.open_lesson(lesson["id"])
                before = app.read()["session_id"]
                app.click("step_pill_2")
                s = app.wait(lambda s: s["step"] == 2, "step 2")
                self.assertNotEqual(s["session_id"], before)
                self.assertEqual(s["step_title"], lesson["steps"][1]["title"])
                self.assertTrue(app.alive())

    def test_every_pill_of_a_lesson_opens_its_step(self):
        lesson = max(lessons(), key=lambda l: len(l["steps"]))
        app = self.open_lesson(lesson["id"])
        for n in list(range(2, len(lesson["steps"]) + 1)) + [1]:
            app.click(f"step_pill_{n}")
            app.wait(lambda s: s["step"] == n, f"step {n}")

    def test_the_arrows_step_forward_and_back_and_stop_at_the_ends(self):
        app = self.open_lesson("tasks")
        app.click("step_next")
        app.wait(lambda s: s["step"] == 2, "step 2 after ▶")
        app.click("step_next")
        app.wait(lambda s: s["step"] == 3, "step 3 after ▶")
        app.click("step_prev")
        app.wait(lambda s: s["step"] == 2, "step 2 after ◀")
        app.click("step_prev")
        app.wait(lambda s: s["step"] == 1, "step 1 after ◀")
        app.click("step_prev")  # disabled on the first step
        self.assertEqual(app.frames(3)["step"], 1)

    def test_a_key_tapped_while_the_app_is_busy_is_not_lost(self):
        # The app is stopped while the key goes down and up, so that both events wait for one
        # frame (as on a loaded machine, or during a slow frame): that frame must still see it.
        app = self.open_lesson("event-loop")
        os.kill(app.proc.pid, signal.SIGSTOP)
        try:
            app.xdo("key", "Next")
        finally:
            os.kill(app.proc.pid, signal.SIGCONT)
        app.wait(lambda s: s["step"] == 2, "step 2 after a Page Down tapped while the app was busy")
        self.assertEqual(app.frames(10)["step"], 2)  # one step, not a repeat of a key left down

    def test_page_down_page_up_and_brackets_change_the_step(self):
        app = self.open_lesson("event-loop")
        app.key("Next")
        app.wait(lambda s: s["step"] == 2, "step 2 after Page Down")
        app.key("bracketright")
        app.wait(lambda s: s["step"] == 3, "step 3 after ]")
        app.key("Prior")
        app.wait(lambda s: s["step"] == 2, "step 2 after Page Up")
        app.key("bracketleft")
        app.wait(lambda s: s["step"] == 1, "step 1 after [")
        app.key("bracketleft")
        self.assertEqual(app.frames(3)["step"], 1)
        last = app.read()["steps"]
        for _ in range(last + 2):
            app.key("Next")
        app.wait(lambda s: s["step"] == last, "the last step, not past it")


class LessonBrowser(AppTestCase):
    def test_lessons_button_goes_back_and_a_card_opens_a_lesson(self):
        app = self.open_lesson("coroutines")
        app.click("lessons_back")
        app.wait(lambda s: s["screen"] == "browser", "the browser")
        app.click("card_http")
        app.wait(lambda s: s["screen"] == "lesson" and s["lesson"] == "http", "the http lesson")

    def test_backspace_goes_back_to_the_browser(self):
        app = self.open_lesson("coroutines")
        app.key("BackSpace")
        app.wait(lambda s: s["screen"] == "browser", "the browser")

    def test_a_card_reopens_a_lesson_at_the_step_where_the_learner_left(self):
        app = self.open_lesson("tasks")
        app.click("step_pill_3")
        app.wait(lambda s: s["step"] == 3, "step 3")
        app.click("lessons_back")
        app.wait(lambda s: s["screen"] == "browser", "the browser")
        app.click("card_tasks")
        app.wait(lambda s: s["screen"] == "lesson" and s["lesson"] == "tasks" and s["step"] == 3, "tasks step 3")

    def test_the_browser_opens_with_no_lesson_and_every_lesson_has_a_card(self):
        app = self.open()
        s = app.wait(lambda s: s["screen"] == "browser", "the browser")
        drawn = set(s["rects"]) | set(s.get("hidden_rects", {}))  # cards below the fold are drawn, clipped
        for lesson in lessons():
            self.assertIn("card_" + lesson["id"], drawn)
        self.assertIn("playground_open", s["rects"])


class HelpOverlay(AppTestCase):
    def test_the_question_button_f1_and_escape_show_and_hide_the_shortcuts(self):
        app = self.open_lesson("coroutines")
        app.click("help_button")
        app.wait(lambda s: s["help_open"], "the overlay")
        app.click("help_close")
        app.wait(lambda s: not s["help_open"], "the overlay closed")
        app.key("F1")
        app.wait(lambda s: s["help_open"], "the overlay after F1")
        app.key("Escape")
        app.wait(lambda s: not s["help_open"], "the overlay closed by Esc")
        app.key("question")
        app.wait(lambda s: s["help_open"], "the overlay after ?")
        app.key("F1")
        app.wait(lambda s: not s["help_open"], "the overlay closed by F1")


if __name__ == "__main__":
    unittest.main()
