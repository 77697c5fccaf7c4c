"""The frames view: a suspended task's coroutine frames and their locals at the playhead."""
import unittest

from harness import AppTestCase


class Frames(AppTestCase):
    def test_the_selected_task_shows_main_and_the_coroutine_one_call_deeper_with_its_locals(self):
        app = self.open_lesson("coroutines", 2)
        # Right steps one loop iteration: in the first, main awaits fetch_price, which sleeps.
        for _ in range(4):
            if len(app.read()["frames"]["list"]) >= 2:
                break
            c = app.read()["cursor"]
            app.key("Right")
            app.wait(lambda s: s["cursor"] > c, "the playhead after Right")
        s = app.wait(lambda s: len(s["frames"]["list"]) == 2, "two frames shown for the first suspended task")
        self.assertLess(s["time"], 1.0)  # inside the first sleep
        self.assertEqual(s["selected_task"], 0)
        task = s["frames"]["task"]
        app.click(f"lane_{task}")
        s = app.wait(lambda s: s["selected_task"] == task, f"task {task} selected")
        frames = s["frames"]["list"]
        self.assertEqual(s["frames"]["task"], task)
        self.assertEqual([f["function"] for f in frames], ["main", "fetch_price"])
        self.assertEqual(frames[0]["line"], 10)  # a = await fetch_price("apple")
        self.assertEqual(frames[1]["line"], 4)   # await asyncio.sleep(1)
        self.assertGreater(frames[1]["line"], 0)
        self.assertIn({"name": "item", "value": "'apple'"}, frames[1]["locals"])
        self.assertIn("start", [l["name"] for l in frames[0]["locals"]])
        self.assertIn("frame_1", s["rects"])
        # Clicking a frame shows its line in the listing: the Python tab, its cursor on that line.
        self.assertEqual(s["editor"]["cursor"][0], 0)
        app.reveal("frame_1", "panel_loop")  # the frames follow the task rows: maybe below the fold
        app.click("frame_1")
        s = app.wait(lambda s: s["editor"]["cursor"][0] == 4 - 1, "the cursor on fetch_price's line")
        self.assertEqual(s["code_tab"], "python")
        app.reveal("frame_0", "panel_loop")
        app.click("frame_0")
        app.wait(lambda s: s["editor"]["cursor"][0] == 10 - 1, "the cursor on main's line")


if __name__ == "__main__":
    unittest.main()
