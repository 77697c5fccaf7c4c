"""Drives the real Loopscope app with real X input, and reads back what it shows.

Each test module starts its own X server (Xvfb, on a display number it picks itself, so modules
run in parallel), starts `loopscope open …` in it with LOOPSCOPE_PROBE set, and sends input with
xdotool: real pointer motion, button presses, wheel turns and key presses, through the X server
and GLFW, exactly as a learner's mouse and keyboard do. The app writes its state and the
rectangle of every control after each frame (app/ui/probe.hpp); tests click controls by name and
assert on the state that follows.

Waiting: a test never sleeps for a fixed time to "let things happen"; it waits for a condition
on the probed state (with a generous deadline that only a hang or a bug reaches).

Environment: LOOPSCOPE_EXE (the binary), LOOPSCOPE_LESSONS (the lessons folder).
"""
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

EXE = os.environ.get("LOOPSCOPE_EXE", os.path.join(os.path.dirname(__file__), "../../build/loopscope"))
LESSONS = os.environ.get("LOOPSCOPE_LESSONS", os.path.join(os.path.dirname(__file__), "../../lessons"))
# Deadlines: how long a condition may take before the test fails. Generous, since sanitizer
# builds are several times slower; a healthy app meets them in a fraction of the time.
DEADLINE = float(os.environ.get("LOOPSCOPE_TEST_DEADLINE", "30"))


def lessons():
    """Every shipped lesson as parsed JSON, in the browser's order."""
    out = []
    for name in sorted(os.listdir(LESSONS)):
        if name.endswith(".json") and name != "lesson.schema.json":
            with open(os.path.join(LESSONS, name), encoding="utf-8") as f:
                out.append(json.load(f))
    out.sort(key=lambda l: (l.get("order", 0), l["id"]))
    return out


class XServer:
    """An Xvfb of our own; the display number comes back through -displayfd."""

    def __init__(self, width=1920, height=1080):
        r, w = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(w)
        with os.fdopen(r) as f:
            number = f.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = ":" + number

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def holds(cond, s):
    """cond(s), where a member the state does not have yet (the editor between a step change and
    the next frame, say) means "not yet" rather than an error."""
    try:
        return cond(s)
    except (KeyError, TypeError, IndexError):
        return False


class App:
    """One running `loopscope` with a private home (settings, progress) and a probe file."""

    def __init__(self, xserver, args, size=(1280, 800), home=None):
        self.x = xserver
        self.home = home or tempfile.mkdtemp(prefix="loopscope-ui-")
        self.own_home = home is None
        self.probe = os.path.join(self.home, "probe.json")
        config = os.path.join(self.home, "config", "loopscope")
        os.makedirs(config, exist_ok=True)
        settings = os.path.join(config, "settings.json")
        if not os.path.exists(settings):
            with open(settings, "w") as f:
                json.dump({"window_width": size[0], "window_height": size[1]}, f)
        env = dict(os.environ)
        env.update({
            "DISPLAY": xserver.display,
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "LOOPSCOPE_PROBE": self.probe,
        })
        self.stderr_path = os.path.join(self.home, "stderr.txt")
        self.stderr = open(self.stderr_path, "w")
        self.proc = subprocess.Popen([EXE] + list(args), env=env, stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.state = {}
        self.wait(lambda s: s.get("frame", 0) >= 3, "the first frames")
        self.window = self.xdo_out("search", "--sync", "--pid", str(self.proc.pid)).split()[-1]
        # No window manager: put the pointer inside the window so it has the keyboard focus.
        self.pointer = None
        self.move(5, 5)

    # ---- reading the state -------------------------------------------------------------
    def read(self):
        try:
            with open(self.probe, encoding="utf-8") as f:
                self.state = json.load(f)
        except (OSError, ValueError):
            pass  # not written yet (the file is replaced atomically, never half written)
        return self.state

    def alive(self):
        return self.proc.poll() is None

    def wait(self, cond, what, deadline=DEADLINE):
        """Polls the probed state until cond(state) holds; fails with the last state otherwise."""
        end = time.monotonic() + deadline
        while True:
            s = self.read()
            if s and holds(cond, s):
                return s
            if not self.alive():
                raise AssertionError(f"the app died (exit {self.proc.returncode}) waiting for {what}; "
                                     f"stderr: {self.stderr_tail()}")
            if time.monotonic() > end:
                brief = {k: v for k, v in s.items() if k != "rects"}
                raise AssertionError(f"timed out waiting for {what}; last state: {brief}")
            time.sleep(0.01)  # poll interval, not a wait for something to happen

    def frames(self, n=2):
        """Waits until n more frames have been drawn (input sent before is then processed)."""
        start = self.read().get("frame", 0)
        return self.wait(lambda s: s["frame"] >= start + n, f"{n} frames")

    def stderr_tail(self):
        self.stderr.flush()
        with open(self.stderr_path, errors="replace") as f:
            return f.read()[-2000:]

    # ---- finding controls ----------------------------------------------------------------
    def rect(self, name):
        r = self.wait(lambda s: name in s.get("rects", {}), f"the control '{name}' on screen")["rects"][name]
        return r

    def reveal(self, name, panel):
        """Scrolls `panel` (a panel_* rectangle) with the wheel until control `name` is visible."""
        for _ in range(60):
            s = self.read()
            if name in s.get("rects", {}):
                return s["rects"][name]
            hidden = s.get("hidden_rects", {}).get(name)
            px0, py0, px1, py1 = s["rects"][panel]
            up = hidden is not None and hidden[1] < py0
            self.move((px0 + px1) / 2, (py0 + py1) / 2)
            self.xdo("click", "4" if up else "5")
            self.frames(2)
        raise AssertionError(f"'{name}' never became visible in {panel}")

    def center(self, name, fx=0.5, fy=0.5):
        x0, y0, x1, y1 = self.rect(name)
        return int(x0 + (x1 - x0) * fx), int(y0 + (y1 - y0) * fy)

    # ---- input -----------------------------------------------------------------------------
    def xdo(self, *args):
        subprocess.run(["xdotool", *args], check=True, env=self.xenv(), timeout=60)

    def xdo_out(self, *args):
        return subprocess.run(["xdotool", *args], check=True, env=self.xenv(), capture_output=True, text=True,
                              timeout=60).stdout

    def xenv(self):
        env = dict(os.environ)
        env["DISPLAY"] = self.x.display
        return env

    def clamp(self, x, y):
        w, h = self.state.get("window", [1 << 14, 1 << 14])
        return min(max(int(x), 0), w - 1), min(max(int(y), 0), h - 1)

    def move(self, x, y):
        x, y = self.clamp(x, y)
        # `mousemove --sync` waits for the pointer to move, so it must not be asked to stay put.
        if (x, y) != self.pointer:
            self.xdo("mousemove", "--sync", str(x), str(y))
            self.pointer = (x, y)
        self.frames(1)

    def click_at(self, x, y, button=1):
        self.move(x, y)
        self.xdo("mousedown", str(button))
        self.frames(1)
        self.xdo("mouseup", str(button))
        return self.frames(2)

    def click(self, name, fx=0.5, fy=0.5, button=1):
        return self.click_at(*self.center(name, fx, fy), button=button)

    def double_click_at(self, x, y):
        self.move(x, y)
        self.xdo("click", "--repeat", "2", "--delay", "60", "1")
        return self.frames(2)

    def drag(self, x0, y0, x1, y1, steps=8):
        self.move(x0, y0)
        self.xdo("mousedown", "1")
        self.frames(1)
        for i in range(1, steps + 1):
            self.move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
        self.xdo("mouseup", "1")
        return self.frames(2)

    def wheel(self, x, y, clicks):
        """Turns the wheel over (x, y): positive clicks scroll up (zoom in on the timeline)."""
        self.move(x, y)
        button = "4" if clicks > 0 else "5"
        for _ in range(abs(clicks)):
            self.xdo("click", button)
            self.frames(1)
        return self.frames(2)

    def key(self, *keys):
        for k in keys:
            self.xdo("key", k)
            self.frames(2)
        return self.read()

    def resize(self, w, h):
        self.pointer = None  # the window moved under the pointer
        self.xdo("windowsize", "--sync", self.window, str(w), str(h))
        return self.wait(lambda s: s["window"] == [w, h], f"the window at {w}x{h}")

    # ---- the end ---------------------------------------------------------------------------
    def close(self):
        crashed = None
        if self.proc.poll() is not None:
            crashed = self.proc.returncode
        else:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.stderr.close()
        if self.own_home:
            shutil.rmtree(self.home, ignore_errors=True)
        if crashed is not None:
            raise AssertionError(f"the app had exited by itself (exit {crashed})")


class AppTestCase(unittest.TestCase):
    """One X server per test class; `self.open(...)` starts an app that is closed after the test."""

    @classmethod
    def setUpClass(cls):
        cls.xserver = XServer()

    @classmethod
    def tearDownClass(cls):
        cls.xserver.stop()

    def setUp(self):
        self.apps = []

    def tearDown(self):
        for app in self.apps:
            app.close()

    def open(self, *args, size=(1280, 800), home=None):
        app = App(self.xserver, args, size=size, home=home)
        self.apps.append(app)
        return app

    def open_lesson(self, lesson_id, step=1, **kw):
        app = self.open("open", lesson_id, "--step", str(step), **kw)
        app.wait(lambda s: s["screen"] == "lesson" and s["lesson"] == lesson_id and s["step"] == step,
                 f"{lesson_id} step {step}")
        return app
