"""The transport controls, the speed slider and the scrubber, by mouse and by keyboard."""
import unittest

from harness import AppTestCase


class Transport(AppTestCase):
    def test_play_button_and_space_start_and_stop_playback(self):
        app = self.open_lesson("sync-vs-async")
        self.assertFalse(app.read()["playing"])
        app.click("play")
        app.wait(lambda s: s["playing"], "playing after ▶")
        app.wait(lambda s: s["time"] > 0, "the playhead moving")
        app.click("play")
        s = app.wait(lambda s: not s["playing"], "paused after ⏸")
        t = s["time"]
        self.assertEqual(app.frames(5)["time"], t)  # paused: the playhead stays
        app.key("space")
        app.wait(lambda s: s["playing"], "playing after Space")
        app.key("space")
        app.wait(lambda s: not s["playing"], "paused after Space")

    def test_step_button_and_right_arrow_advance_one_iteration_and_back_returns(self):
        app = self.open_lesson("event-loop")
        c0 = app.read()["cursor"]
        app.click("step")
        c1 = app.wait(lambda s: s["cursor"] > c0, "the playhead after one step")["cursor"]
        app.key("Right")
        c2 = app.wait(lambda s: s["cursor"] > c1, "the playhead after Right")["cursor"]
        app.click("back")
        app.wait(lambda s: s["cursor"] < c2, "the playhead back one iteration")
        app.key("Left")
        app.wait(lambda s: s["cursor"] < c1, "the playhead back after Left")

    def test_resume_button_and_shift_right_step_to_the_next_task_resume(self):
        app = self.open_lesson("tasks")
        c0 = app.read()["cursor"]
        app.click("resume")
        c1 = app.wait(lambda s: s["cursor"] > c0, "a task resumed")["cursor"]
        app.key("shift+Right")
        app.wait(lambda s: s["cursor"] > c1, "another task resumed")

    def test_end_button_runs_to_the_end_and_home_returns_to_the_start(self):
        app = self.open_lesson("sync-vs-async")
        app.click("end")
        s = app.wait(lambda s: s["finished"] and s["time"] == s["end_time"] and s["time"] >= 6.0, "the end (6 s)")
        app.key("Home")
        app.wait(lambda s: s["cursor"] == 0 and s["time"] == 0, "the start after Home")
        app.key("End")
        app.wait(lambda s: s["time"] == s["end_time"] and s["finished"], "the end after End")

    def test_restart_button_and_r_start_a_fresh_run(self):
        app = self.open_lesson("sync-vs-async")
        app.click("end")
        first = app.wait(lambda s: s["finished"], "the end")["session_id"]
        app.click("restart")
        s = app.wait(lambda s: s["session_id"] != first, "a new run")
        second = s["session_id"]
        app.key("r")
        app.wait(lambda s: s["session_id"] != second, "another run after R")

    def test_dragging_the_speed_slider_changes_the_speed_both_ways(self):
        app = self.open_lesson("sync-vs-async")
        x0, y0, x1, y1 = app.rect("speed")
        y = (y0 + y1) / 2
        app.drag(x0 + 3, y, x1 - 2, y)
        app.wait(lambda s: s["speed"] > 9.0, "the speed at 10x")
        app.drag(x1 - 3, y, x0 + 1, y)
        app.wait(lambda s: s["speed"] < 0.2, "the speed at 0.1x")

    def test_dragging_the_scrubber_moves_the_playhead_in_time(self):
        app = self.open_lesson("sync-vs-async")
        app.click("end")
        end = app.wait(lambda s: s["finished"], "the end")["end_time"]
        x0, y0, x1, y1 = app.rect("scrub")
        y = (y0 + y1) / 2
        app.drag(x1 - 2, y, x0 + (x1 - x0) * 0.5, y)
        s = app.wait(lambda s: 0.3 * end < s["time"] < 0.7 * end, "the playhead near the middle")
        self.assertFalse(s["playing"])
        app.drag(x0 + (x1 - x0) * 0.5, y, x0 + 1, y)
        app.wait(lambda s: s["time"] < 0.1 * end, "the playhead at the start")

    def test_no_text_is_cut_while_a_run_plays_at_1024x640_and_1280x800(self):
        # The layout test (tests/ui/test_layout_lessons.cpp) sees still frames; here the frames
        # are those of a run in progress, drawn in a real window, read from the probe.
        for size in ((1024, 640), (1280, 800)):
            with self.subTest(size=size):
                app = self.open_lesson("sync-vs-async", step=2, size=size)
                app.click("play")
                app.wait(lambda s: s["playing"] and s["time"] > 0.3, "the playhead moving")
                for _ in range(3):
                    s = app.frames(2)
                    cut = s["clipped_text"]
                    self.assertEqual(cut["defects"], 0, f"at {size}, t = {s['time']}: {cut}")
                app.close()
                self.apps.remove(app)  # closed here: tearDown closes the others


if __name__ == "__main__":
    unittest.main()
