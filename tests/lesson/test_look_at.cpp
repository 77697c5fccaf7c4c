// A step's Look at paragraph may only name what its run shows: tasks, coroutines, waits, listing
// names and printed words; a name it does not show is a problem at the text line that holds it.
#include "lesson/checker.hpp"
#include "lesson/look_at.hpp"
#include "lesson_fixture.hpp"

#include <filesystem>
#include <fstream>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;

namespace {
// Two job tasks (job-0, job-1) share a lock; main waits on an event that job-1 sets.
const std::string program = R"(import asyncio

async def worker(lock, ev, n):
    async with lock:
        await asyncio.sleep(1)
    if n == 1:
        ev.set()

async def main():
    lock = asyncio.Lock()
    ev = asyncio.Event()
    for i in range(2):
        asyncio.create_task(worker(lock, ev, i), name=f"job-{i}")
    await ev.wait()
    print('all finished')

asyncio.run(main())
)";

// The lesson's text is an array: an intro, a blank line, then `look` (the Look at line).
std::string with_text(const std::string& text_member) {
  std::string lesson = lesson_text(program);
  return lesson.replace(lesson.find(R"("text": "t")"), 11, text_member);
}
std::string lesson_with(const std::string& look) {
  return with_text(R"("text": [
        "Two jobs share a lock.",
        "",
        )" + nlohmann::json(look).dump() + R"(
      ])");
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("loopscope-look-at-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};
}  // namespace

TEST(LookAt, FindsTheParagraphAndItsNames) {
  const auto p = look_at_paragraph("Intro `x`.\n\n**Look at:** the `main`\nlane and `job-1`.\n\nLater `y`.");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 2u);
  EXPECT_EQ(p->text, "**Look at:** the `main`\nlane and `job-1`.");
  EXPECT_FALSE(look_at_paragraph("No look here, `main`."));
  EXPECT_EQ(look_at_names("**Look at:** `main` awaits `gather(Task-2, Task-3)`, `cancel()`, `check(2)`, `Event#1`, "
                          "`download-N`, `main` again; not `await asyncio.sleep`, `ceil(a / b)`, `/orders`, `except*`."),
            (Strings{"main", "gather", "cancel", "check", "Event#1", "download-N"}));
}

TEST(LookAt, NamesOfTasksCoroutinesWaitsListingNamesAndPrintedWordsPass) {
  EXPECT_EQ(problems_in(lesson_with("**Look at:** the lanes `job-0`, `job-1` and `Task-1`, which runs `main`; `job-N` take the "
                                    "lock `lock` in turn, while `main` waits on `ev` (`ev.wait()`), then prints `finished`. "
                                    "Each job runs `worker(lock, ev, n)`.")),
            Strings{});
}

TEST(LookAt, EachNameTheRunDoesNotShowIsAProblem) {
  EXPECT_EQ(problems_in(lesson_with("**Look at:** the `job-1` lane and the `reporter` lane; `job-N` and `worker-N`.")),
            (Strings{"step 1: Look at names `reporter`, which this step's run does not show (no task, coroutine, wait or listing "
                     "name reporter) (at /steps/0/text)",
                     "step 1: Look at names `worker-N`, which this step's run does not show (no task, coroutine, wait or listing "
                     "name worker-N) (at /steps/0/text)"}));
}

TEST(LookAt, TheProblemPointsAtTheLineAndColumnOfTheTextElementInTheFile) {
  TempDir dir;
  const auto file = dir.path / "l.json";
  const std::string text = lesson_with("**Look at:** the `reporter` lane.");
  std::ofstream(file) << text;
  LoadResult r = load_lesson_file(file);
  ASSERT_TRUE(r.lesson);
  const auto d = check_lesson(*r.lesson);
  ASSERT_EQ(d.size(), 1u);
  // Where the element's string starts in the file: its opening quote.
  const std::size_t at = text.find("\"**Look at:**");
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  const int col = static_cast<int>(at - text.rfind('\n', at));
  EXPECT_EQ(d[0].file, file.string());
  EXPECT_EQ(d[0].line, line);
  EXPECT_EQ(d[0].col, col);
  EXPECT_EQ(d[0].pointer, "/steps/0/text/2");
  EXPECT_NE(d[0].message.find("`reporter`"), std::string::npos) << d[0].message;
}

TEST(LookAt, WithoutTheFileTheProblemIsAtTheStep) {
  LoadResult r = load_lesson_text(lesson_with("**Look at:** the `reporter` lane."), "not-on-disk.json");
  ASSERT_TRUE(r.lesson);
  const auto d = check_lesson(*r.lesson);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, r.lesson->steps[0].pos.line);
  EXPECT_EQ(d[0].col, r.lesson->steps[0].pos.col);
  EXPECT_EQ(d[0].pointer, "/steps/0/text");
}

TEST(LookAt, WithoutALookAtParagraphNothingIsChecked) {
  EXPECT_EQ(problems_in(lesson_with("The `reporter` lane is not there, and no paragraph says Look at.")), Strings{});
  // Only the Look at paragraph: a name after its blank line is narration, not checked.
  EXPECT_EQ(problems_in(with_text(R"("text": "Look at: `job-1`.\n\nThen `reporter`.")")), Strings{});
}
TEST(LookAt, AWaitsLabelIsShownWholeOrByItsNameBeforeTheParenOrHash) {
  Step step;
  step.text = "**Look at:** `main` waits on `Event#7`, then on `gather(Task-2)`, then on `Barrier`.";
  step.python.lines = {"print('hi')"};
  RunResult run;
  loopscope::TraceRecorder trace;
  auto suspend = [&](std::string_view label) {
    loopscope::TraceEvent e;
    e.kind = loopscope::TraceKind::task_suspended;
    e.text = trace.intern(label);
    trace.record(e);
  };
  EXPECT_EQ(unshown_look_at_names(step, run, trace), (Strings{"main", "Event#7", "gather", "Barrier"}));
  suspend("Event#7");
  suspend("gather(Task-2, Task-3)");
  suspend("Barrier#1");
  run.tasks.push_back({1, "main", loopscope::TaskState::done, ""});
  EXPECT_EQ(unshown_look_at_names(step, run, trace), Strings{});
}
