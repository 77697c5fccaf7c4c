// Lesson bundles: packing a folder, reading it back, lessons and C++ listings served from the
// bundle, and hostile bundles refused with one clear message.
#include "folder_fixture.hpp"
#include "lesson/bundle.hpp"
#include "lesson/checker.hpp"
#include "lesson/library.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;
using namespace loopscope::lesson::testing;
namespace fs = std::filesystem;

namespace {
const std::vector<LessonFolder> shipped_only = {{fs::path(LOOPSCOPE_SOURCE_DIR) / "lessons", Origin::shipped}};

std::string refusal(std::string_view text, const BundleLimits& limits = {}) {
  auto r = parse_bundle(text, limits);
  auto* why = std::get_if<std::string>(&r);
  return why ? *why : std::string("(accepted)");
}

const std::string one_lesson = R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {}})";
}  // namespace

TEST(Bundle, PackingAFolderKeepsEveryLessonsTextAndTheCppFilesTheyName) {
  const fs::path dir = scratch("pack");
  save(dir / "examples" / "a.cpp", "// a\nint main() {}\n");
  save(dir / "a.json", small_lesson("a", "\"tasks\"", R"({"output": ["hi"]})", R"({"file": "examples/a.cpp"})"));
  save(dir / "b.json", small_lesson("b", "\"a\""));
  save(dir / "lesson.schema.json", "{}");
  const PackResult packed = pack_folder(dir);
  ASSERT_TRUE(packed.bundle) << packed.problems.front().to_string();
  EXPECT_EQ(packed.bundle->lessons.size(), 2u);
  EXPECT_EQ(packed.bundle->lessons.at("a.json"), read_text(dir / "a.json"));
  ASSERT_EQ(packed.bundle->files.size(), 1u);
  EXPECT_EQ(packed.bundle->files.at("examples/a.cpp"), "// a\nint main() {}\n");

  auto back = parse_bundle(bundle_json(*packed.bundle));
  ASSERT_TRUE(std::holds_alternative<Bundle>(back)) << std::get<std::string>(back);
  EXPECT_EQ(std::get<Bundle>(back).lessons, packed.bundle->lessons);
  EXPECT_EQ(std::get<Bundle>(back).files, packed.bundle->files);
}

TEST(Bundle, ABundledLessonReadsItsCppListingFromTheBundleAndIsCheckedLikeAFolder) {
  const fs::path dir = scratch("bundle-check");
  save(dir / "src" / "examples" / "a.cpp", "// a\nint main() {}\n");
  save(dir / "src" / "a.json", small_lesson("a", "\"tasks\"", R"({"output": ["hi"]})", R"({"file": "examples/a.cpp"})"));
  const PackResult packed = pack_folder(dir / "src");
  ASSERT_TRUE(packed.bundle);
  save(dir / "class.loopscope", bundle_json(*packed.bundle));
  fs::remove_all(dir / "src");  // the bundle must not need the folder any more

  const CheckReport r = check_paths({dir / "class.loopscope"}, shipped_only);
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
  EXPECT_EQ(r.lessons, 1);
  EXPECT_EQ(r.steps, 1);

  const auto entry = resolve_lesson_argument((dir / "class.loopscope").string(), {});
  ASSERT_TRUE(entry && entry->result.lesson);
  EXPECT_EQ(entry->result.lesson->steps[0].cpp.lines.front(), "// a");
}

TEST(Bundle, ProblemsInABundledLessonNameTheBundleAndTheLessonWithTheirOwnPositions) {
  Bundle b;
  b.lessons["a.json"] = small_lesson("a", "", R"({"output": ["hi"], "duration": 9})");
  const fs::path dir = scratch("bundle-positions");
  save(dir / "x.loopscope", bundle_json(b));
  const CheckReport r = check_paths({dir / "x.loopscope"}, shipped_only);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].file, (dir / "x.loopscope").string() + "/a.json");
  EXPECT_EQ(r.problems[0].line, 15);
}

TEST(Bundle, PathsThatCouldEscapeTheBundleAreRefused) {
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"../x.cpp": ""}})"),
            "entry \"../x.cpp\" is a path that steps out with '..'");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"examples/../../x": ""}})"),
            "entry \"examples/../../x\" is a path that steps out with '..'");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"/etc/passwd": ""}})"),
            "entry \"/etc/passwd\" is an absolute path");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"a\\..\\b": ""}})"),
            "entry \"a\\..\\b\" is a path with a backslash");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"sub/a.json": "{}"}})"),
            "entry \"sub/a.json\" is a lesson name with a folder in it");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.txt": "{}"}})"),
            "entry \"a.txt\" is a lesson name that does not end in .json");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {"a//b": ""}})"),
            "entry \"a//b\" is a path with an empty component");
}

TEST(Bundle, AFileLargerThanTheCapIsRefusedBeforeItIsRead) {
  const fs::path dir = scratch("bundle-huge");
  const fs::path huge = dir / "huge.loopscope";
  std::ofstream(huge).close();
  fs::resize_file(huge, (64u << 20) + 1);  // sparse: costs no disk and, refused by size, no memory
  auto r = read_bundle(huge);
  ASSERT_TRUE(std::holds_alternative<std::string>(r));
  EXPECT_EQ(std::get<std::string>(r), "larger than 67108864 bytes");
}

TEST(Bundle, TenThousandEntriesAreRefusedAtTheCap) {
  std::string text = R"({"loopscope_bundle": 1, "lessons": {"a.json": "{}"}, "files": {)";
  for (int i = 0; i < 10000; ++i) text += (i ? "," : "") + std::string("\"f") + std::to_string(i) + "\": \"\"";
  text += "}}";
  EXPECT_EQ(refusal(text), "more than 1000 entries");
}

TEST(Bundle, AnythingButTheBundleShapeIsRefusedWithOneMessage) {
  EXPECT_EQ(refusal("[]"), "unexpected array (a bundle is a JSON object)");
  EXPECT_EQ(refusal("{"), "not valid JSON at byte 2: syntax error while parsing object key - unexpected end of input; expected string literal");
  EXPECT_EQ(refusal(R"({"lessons": {"a.json": "{}"}})"), "not a Loopscope bundle (no \"loopscope_bundle\": 1)");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 2})"), "unsupported bundle version (this Loopscope reads version 1)");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {}})"), "the bundle holds no lessons");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": "1"})"), "unsupported bundle version (this Loopscope reads version 1)");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": "a.json"})"), "\"lessons\" and \"files\" must be objects, found a string");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "files": [1]})"), "\"lessons\" and \"files\" must be objects, found an array");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": {"id": "x"}}})"),
            "unexpected object (every entry's value is a string)");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": 3}})"), "entry \"a.json\" is a number, not a string");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "lessons": {"a.json": "", "a.json": ""}})"), "entry \"a.json\" appears twice");
  EXPECT_EQ(refusal(R"({"loopscope_bundle": 1, "extra": 1})"),
            "unknown member \"extra\" (a bundle has loopscope_bundle, lessons and files)");
  EXPECT_EQ(refusal(one_lesson), "(accepted)");
  BundleLimits small;
  small.max_bytes = 10;
  EXPECT_EQ(refusal(one_lesson, small), "larger than 10 bytes");
}

TEST(Bundle, ARefusedBundleIsOneProblemOfTheLibrary) {
  const fs::path dir = scratch("bundle-refused");
  save(dir / "evil.loopscope", R"({"loopscope_bundle": 1, "lessons": {"../../x.json": "{}"}})");
  const Library lib = load_library({{dir / "evil.loopscope", Origin::added}});
  EXPECT_TRUE(lib.entries.empty());
  ASSERT_EQ(lib.problems.size(), 1u);
  EXPECT_EQ(lib.problems[0].to_string(),
            (dir / "evil.loopscope").string() + ":1:1: refused lesson bundle: entry \"../../x.json\" is a path that steps out with '..'");
}

TEST(Bundle, PackingRefusesSymbolicLinksAndLessonsThatDoNotLoad) {
  const fs::path dir = scratch("pack-refused");
  save(dir / "real" / "a.json", small_lesson("a"));
  fs::create_directories(dir / "folder");
  fs::create_symlink(dir / "real" / "a.json", dir / "folder" / "a.json");
  PackResult r = pack_folder(dir / "folder");
  EXPECT_FALSE(r.bundle);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("is a symbolic link"), std::string::npos);

  save(dir / "broken" / "b.json", "{");
  r = pack_folder(dir / "broken");
  EXPECT_FALSE(r.bundle);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1);
  EXPECT_EQ(r.problems[0].col, 2);

  r = pack_folder(dir / "no-such-folder");
  EXPECT_FALSE(r.bundle);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message, "not a folder of lessons");
}
