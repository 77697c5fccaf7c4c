// playground.cpp — the playground's one step (see playground.hpp).
#include "lesson/playground.hpp"

namespace loopscope::lesson {

std::shared_ptr<const Lesson> playground_lesson() {
  auto l = std::make_shared<Lesson>();
  l->id = playground_id;
  l->title = "Playground";
  l->summary = "Write any asyncio program and watch it run.";
  Step s;
  s.title = "Your own program";
  s.text =
      "Write any asyncio program in the **Python** tab and press **Run** (or Ctrl+Enter): it runs "
      "on the engine, and every panel shows that run. Your code is kept when you close the app; "
      "**Reset** brings back this starter.\n\n"
      "Loopscope runs a subset of Python 3.11 with `asyncio`, `time` and `random` "
      "(docs/python-runtime.md lists it). Something outside it is refused before the program "
      "starts, with the line and the reason.";
  s.pointer = "/steps/0";
  s.python.lines = {
      "import asyncio",
      "",
      "async def worker(name, seconds):",
      "    print(f\"{name} starts\")",
      "    await asyncio.sleep(seconds)",
      "    print(f\"{name} is done after {seconds} s\")",
      "    return name",
      "",
      "async def main():",
      "    results = await asyncio.gather(worker(\"a\", 1), worker(\"b\", 2))",
      "    print(results)",
      "",
      "asyncio.run(main())",
  };
  l->steps.push_back(std::move(s));
  return l;
}

}  // namespace loopscope::lesson
