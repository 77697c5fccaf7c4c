"""The timeline (zoom, pan, fit, ruler, lanes) and the console, with the mouse."""
import unittest

from harness import AppTestCase


class Timeline(AppTestCase):
    def finished(self, lesson="sync-vs-async", step=1):
        app = self.open_lesson(lesson, step)
        app.click("end")
        app.wait(lambda s: s["finished"], "the end of the step")
        return app

    def test_wheel_zooms_in_and_out_about_the_pointer(self):
        app = self.finished()
        x, y = app.center("timeline_plot")
        before = app.read()["timeline"]["seconds_per_px"]
        app.wheel(x, y, 3)
        zoomed = app.wait(lambda s: s["timeline"]["seconds_per_px"] < before * 0.7, "zoomed in")
        app.wheel(x, y, -2)
        app.wait(lambda s: s["timeline"]["seconds_per_px"] > zoomed["timeline"]["seconds_per_px"] * 1.3,
                 "zoomed out")

    def test_dragging_the_plot_pans_and_double_click_fits_everything_again(self):
        app = self.finished()
        x, y = app.center("timeline_plot")
        app.wheel(x, y, 4)
        t_left = app.read()["timeline"]["t_left"]
        app.drag(x, y, x + 200, y)
        s = app.wait(lambda s: s["timeline"]["t_left"] < t_left and s["timeline"]["follow"] == "free",
                     "panned to earlier times")
        app.double_click_at(x, y)
        app.wait(lambda s: s["timeline"]["follow"] == "fit_all", "fitted again")

    def test_clicking_the_time_ruler_moves_the_playhead_there(self):
        app = self.finished()
        x0, y0, x1, y1 = app.rect("timeline_axis")
        s0 = app.read()
        # The time under 25% of the plot, from the camera the app reports.
        x = x0 + (x1 - x0) * 0.25
        want = s0["timeline"]["t_left"] + (x - x0) * s0["timeline"]["seconds_per_px"]
        app.click_at(x, (y0 + y1) / 2)
        s = app.wait(lambda s: abs(s["time"] - want) < 0.05 * s["end_time"] + 0.01, f"the playhead near {want:.2f} s")
        self.assertFalse(s["playing"])

    def test_clicking_a_lane_selects_its_task_and_clicking_again_clears_it(self):
        app = self.finished("sync-vs-async", 3)
        lanes = sorted(k for k in app.read()["rects"] if k.startswith("lane_"))
        self.assertGreaterEqual(len(lanes), 2)
        task = int(lanes[1].split("_")[1])
        app.click(lanes[1])
        app.wait(lambda s: s["selected_task"] == task, f"task {task} selected")
        app.click(lanes[1])
        app.wait(lambda s: s["selected_task"] == 0, "the selection cleared")

    def test_the_concurrent_step_shows_the_sequential_run_as_a_ghost(self):
        app = self.finished("sync-vs-async", 3)
        s = app.read()
        self.assertEqual(s["ghost"]["step"], 1)
        self.assertAlmostEqual(s["ghost"]["end_time"], 6.0, places=6)
        self.assertEqual(s["ghost"]["task_lanes"], 1)
        self.assertAlmostEqual(s["end_time"], 2.0, places=6)
        # Fitted, the time axis shows the whole ghost run, not just the live 2 s.
        plot = app.rect("timeline_plot")
        shown = s["timeline"]["t_left"] + (plot[2] - plot[0]) * s["timeline"]["seconds_per_px"]
        self.assertGreaterEqual(shown, 6.0)
        # A step without a ghost reports none.
        app.click("step_prev")
        app.wait(lambda s: s["step"] == 2 and s["ghost"] is None, "step 2, without a ghost")

    def test_the_axis_switch_lays_the_timeline_out_by_iteration_and_back(self):
        app = self.finished("sync-vs-async", 3)
        self.assertEqual(app.read()["timeline"]["axis"], "time")
        app.click("axis_switch")
        app.wait(lambda s: s["timeline"]["axis"] == "iterations", "the iteration axis after a click")
        app.click("axis_switch")
        app.wait(lambda s: s["timeline"]["axis"] == "time", "the time axis after a second click")
        app.key("i")
        app.wait(lambda s: s["timeline"]["axis"] == "iterations", "the iteration axis after I")

    def test_a_step_that_takes_no_time_opens_by_iteration_and_its_ruler_seeks_an_iteration(self):
        app = self.finished("event-loop", 1)
        s0 = app.read()
        self.assertEqual(s0["timeline"]["axis"], "iterations")
        end_cursor = s0["cursor"]
        x0, y0, x1, y1 = app.rect("timeline_axis")
        app.click_at(x0 + (x1 - x0) * 0.4, (y0 + y1) / 2)
        s = app.wait(lambda s: 0 < s["cursor"] < end_cursor, "the playhead inside an earlier iteration")
        self.assertFalse(s["playing"])

    def test_the_scrubber_moves_over_iterations_when_the_timeline_is_by_iteration(self):
        app = self.finished("event-loop", 1)
        end_cursor = app.read()["cursor"]
        x0, y0, x1, y1 = app.rect("scrub")
        y = (y0 + y1) / 2
        app.drag(x1 - 2, y, x0 + (x1 - x0) * 0.5, y)
        app.wait(lambda s: 0.2 * end_cursor < s["cursor"] < 0.8 * end_cursor, "the playhead mid-run by iteration")

    def test_cause_and_effect_arrows_join_the_lanes_after_a_gather_in_both_axes(self):
        # tasks step 2: main gathers three fetches; main started each, and a fetch's end woke main.
        app = self.finished("tasks", 2)
        s = app.wait(lambda s: s["timeline_arrows"] > 0, "cause -> effect arrows on the timeline")
        lanes = sorted((k for k in s["rects"] if k.startswith("lane_")), key=lambda k: int(k.split("_")[1]))
        self.assertGreaterEqual(len(lanes), 4)
        main = int(lanes[0].split("_")[1])
        # Selecting the lane highlights its arrows and changes nothing else: still drawn, still running.
        app.click(lanes[0])
        s = app.wait(lambda s: s["selected_task"] == main and s["timeline_arrows"] > 0, f"task {main} selected, arrows")
        self.assertTrue(app.alive())
        app.click("axis_switch")
        app.wait(lambda s: s["timeline"]["axis"] == "iterations" and s["timeline_arrows"] > 0,
                 "arrows on the iteration axis")
        app.click(lanes[0])
        app.wait(lambda s: s["selected_task"] == 0 and s["timeline_arrows"] > 0, "the selection cleared, arrows")
        self.assertTrue(app.alive())


class Console(AppTestCase):
    def test_clicking_a_console_line_moves_the_playhead_to_it_and_selects_its_task(self):
        app = self.open_lesson("sync-vs-async", 3)
        app.click("end")
        app.wait(lambda s: s["finished"] and "console_line_0" in s["rects"], "printed lines")
        end_cursor = app.read()["cursor"]
        app.click("console_line_0")
        s = app.wait(lambda s: s["cursor"] < end_cursor, "the playhead at the first line")
        self.assertFalse(s["playing"])


class CodeTabs(AppTestCase):
    def test_the_cpp_and_python_tabs_switch_the_listing(self):
        app = self.open_lesson("coroutines")
        self.assertEqual(app.read()["code_tab"], "python")
        app.click("tab_cpp")
        app.wait(lambda s: s["code_tab"] == "cpp", "the C++ tab")
        app.click("tab_python")
        app.wait(lambda s: s["code_tab"] == "python", "the Python tab")


if __name__ == "__main__":
    unittest.main()
