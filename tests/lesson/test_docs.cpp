// Every JSON example in docs/*.md is extracted and checked, so the docs cannot drift from the
// format. Each ```json block says what it is after the language word:
//   lesson        a whole lesson: it loads, and `check` finds no problem (prerequisites
//                 resolve against the shipped lessons);
//   step          one step: put in a lesson, it loads and passes `check`;
//   step-members  members of a step ("code": …, "params": …): added to a complete step, it loads;
//   data          any other JSON (a bundle's shape, `check --format json` output): it parses.
// A block without one of these words fails the test.
#include "lesson/checker.hpp"
#include "lesson/folders.hpp"
#include "lesson/scaffold.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace loopscope::lesson;
namespace fs = std::filesystem;

namespace {
const fs::path docs_dir = LOOPSCOPE_DOCS_DIR;

struct Example {
  fs::path file;
  int line = 0;       // of the opening fence
  std::string kind;
  std::string text;
  std::string where() const { return file.filename().string() + ":" + std::to_string(line); }
};

std::vector<Example> json_examples() {
  std::vector<Example> out;
  for (const auto& entry : fs::directory_iterator(docs_dir)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    Example* open = nullptr;
    while (std::getline(in, line)) {
      ++n;
      if (!open && line.rfind("```json", 0) == 0) {
        out.push_back({entry.path(), n, line.size() > 8 ? line.substr(8) : std::string(), ""});
        open = &out.back();
      } else if (open && line.rfind("```", 0) == 0) {
        open = nullptr;
      } else if (open) {
        open->text += line + "\n";
      }
    }
  }
  return out;
}

// A complete step that members of the docs' `step-members` examples are added to.
nlohmann::json base_step() {
  nlohmann::json s;
  s["title"] = "t";
  s["text"] = "t";
  s["code"] = {{"python", {"import asyncio", "", "async def main():", "    await asyncio.sleep(0)", "", "asyncio.run(main())"}},
               {"cpp", {"Coro<> main_coro() {", "  co_await sleep(0);", "}"}}};
  return s;
}

std::string lesson_around(const nlohmann::json& step) {
  nlohmann::json l = {{"id", "doc-example"}, {"title", "D"}, {"summary", ""}, {"order", 0}};
  l["steps"] = nlohmann::json::array({step});
  return l.dump(1);
}

std::string problems_of(const LoadResult& r, bool run) {
  std::string out;
  for (const auto& d : r.errors) out += d.to_string() + "\n";
  if (r.lesson && run)
    for (const auto& d : check_lesson(*r.lesson)) out += d.to_string() + "\n";
  return out;
}

// What is wrong with an example, "" when nothing.
std::string check_example(const Example& ex) {
  const std::string name = (docs_dir / "example.json").string();  // C++ files resolve from the project
  if (ex.kind == "data") {
    try {
      const nlohmann::json parsed = nlohmann::json::parse(ex.text);
      return parsed.is_discarded() ? "not JSON" : "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ex.kind == "step-members" ? "{" + ex.text + "}" : ex.text);
  } catch (const std::exception& e) {
    return std::string("not JSON: ") + e.what();
  }
  if (ex.kind == "lesson") {
    const LoadResult r = load_lesson_text(ex.text, name);
    std::string out = problems_of(r, true);
    if (r.lesson) {
      // Prerequisites must be lessons that exist.
      std::set<std::string> known;
      for (const auto& f : lesson_files_in(fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons")) known.insert(f.stem().string());
      for (const auto& p : r.lesson->prerequisites)
        if (!known.contains(p)) out += "unknown prerequisite " + p + "\n";
    }
    return out;
  }
  if (ex.kind == "step") return problems_of(load_lesson_text(lesson_around(j), name), true);
  nlohmann::json step = base_step();
  if (ex.kind == "step-members") {
    for (auto& [k, v] : j.items()) step[k] = v;
  } else {
    return "the block says neither lesson, step, step-members nor data";
  }
  return problems_of(load_lesson_text(lesson_around(step), name), false);
}
}  // namespace

TEST(Docs, EveryJsonExampleInTheDocsIsValid) {
  const auto examples = json_examples();
  EXPECT_GE(examples.size(), 10u);
  int lessons = 0;
  for (const auto& ex : examples) {
    EXPECT_EQ(check_example(ex), "") << "the JSON example at " << ex.where() << " (" << ex.kind << "):\n" << ex.text;
    if (ex.kind == "lesson") ++lessons;
  }
  EXPECT_GE(lessons, 1) << "the docs show at least one whole lesson";
}

TEST(Docs, TheDocsTestNoticesABrokenExample) {
  EXPECT_NE(check_example({"x.md", 1, "step-members", R"("server": { "routes": [ { "path": "/a", "latency": "slow" } ] })"}), "");
  EXPECT_NE(check_example({"x.md", 1, "step-members", R"("program": { "coroutines": {} })"}), "");
  EXPECT_NE(check_example({"x.md", 1, "step", R"({ "title": "t" })"}), "");
  EXPECT_NE(check_example({"x.md", 1, "step", R"x({ "title": "t", "text": "t", "code": { "python": ["print(1)"] },
      "expect": { "output": ["2"] } })x"}), "");
  EXPECT_NE(check_example({"x.md", 1, "", "{}"}), "");
  EXPECT_EQ(check_example({"x.md", 1, "step-members", R"("server": { "routes": [ { "path": "/a", "latency": 0.5 } ] })"}), "");
}

TEST(Docs, TheFirstLessonInTheDocsIsWhatLoopscopeNewWrites) {
  for (const auto& ex : json_examples()) {
    if (ex.kind != "lesson" || ex.file.filename() != "lesson-format.md") continue;
    EXPECT_EQ(ex.text, lesson_skeleton("my-lesson", std::nullopt)) << "update the example at " << ex.where();
    return;
  }
  FAIL() << "docs/lesson-format.md shows no whole lesson";
}
