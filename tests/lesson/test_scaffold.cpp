// The skeleton of `loopscope new`: it loads, passes check, and names the schema absolutely.
#include "folder_fixture.hpp"
#include "lesson/checker.hpp"
#include "lesson/scaffold.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;
namespace fs = std::filesystem;

TEST(Scaffold, TheSkeletonPassesCheckAsWritten) {
  const fs::path dir = scratch("scaffold");
  save(dir / "my-lesson.json", lesson_skeleton("my-lesson", schema_path()));
  const CheckReport r = check_paths({dir / "my-lesson.json"}, {{fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons", Origin::shipped}});
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
  EXPECT_EQ(r.steps, 1);
}

TEST(Scaffold, TheSkeletonNamesItsIdTitleAndTheAbsoluteSchema) {
  const auto j = nlohmann::json::parse(lesson_skeleton("my-first-lesson", fs::path("/opt/x/lesson.schema.json")));
  EXPECT_EQ(j["id"], "my-first-lesson");
  EXPECT_EQ(j["title"], "My first lesson");
  EXPECT_EQ(j["$schema"], "/opt/x/lesson.schema.json");
  EXPECT_FALSE(nlohmann::json::parse(lesson_skeleton("x", std::nullopt)).contains("$schema"));
}

TEST(Scaffold, OnlyIdsTheLoaderAcceptsAreAccepted) {
  EXPECT_EQ(lesson_id_problem("my-lesson-2"), "");
  EXPECT_NE(lesson_id_problem(""), "");
  EXPECT_NE(lesson_id_problem("-x"), "");
  EXPECT_NE(lesson_id_problem("My"), "");
  EXPECT_NE(lesson_id_problem("a/b"), "");
  EXPECT_NE(lesson_id_problem(std::string(65, 'a')), "");
}
