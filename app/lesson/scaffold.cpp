// scaffold.cpp — the new-lesson template (see scaffold.hpp).
#include "lesson/scaffold.hpp"

#include "lesson/json.hpp"

namespace loopscope::lesson {
namespace {

// @SCHEMA_LINE@, @ID@ and @TITLE@ are replaced; everything else is the lesson as written.
// The Python listing is the program (real asyncio): `JOBS = 3` is the constant the `jobs` param
// stands for.
constexpr std::string_view skeleton_template = R"json({
@SCHEMA_LINE@  "id": @ID@,
  "title": @TITLE@,
  "summary": "Three jobs that each wait 1 s finish together, in 1 s: edit this summary.",
  "order": 100,
  "prerequisites": ["coroutines"],
  "steps": [
    {
      "title": "Three jobs at once",
      "text": [
        "Each job **waits** one second. While one waits, the event loop runs the others, so",
        "the three waits overlap and the whole run takes 1 s, not 3 s.",
        "",
        "Look at: the timeline, where the three jobs sleep side by side."
      ],
      "code": {
        "python": [
          "import asyncio",
          "",
          "JOBS = 3",
          "",
          "async def job(n):",
          "    print(f\"job {n} starts\")",
          "    await asyncio.sleep(1)",
          "    print(f\"job {n} done\")",
          "",
          "async def main():",
          "    tasks = []",
          "    for n in range(1, JOBS + 1):",
          "        tasks.append(asyncio.create_task(job(n), name=f\"job-{n}\"))",
          "    await asyncio.gather(*tasks)",
          "",
          "asyncio.run(main())"
        ]
      },
      "params": [
        { "name": "jobs", "label": "Number of jobs", "min": 1, "max": 10, "step": 1, "default": 3 }
      ],
      "expect": {
        "output": ["job 1 starts", "job 2 starts", "job 3 starts", "job 1 done", "job 2 done", "job 3 done"],
        "duration": 1
      },
      "quiz": {
        "question": "How long does the run take?",
        "options": ["1 s", "3 s"],
        "answer": 0,
        "explanation": "The three sleeps overlap: the loop runs the other jobs while one waits."
      }
    }
  ]
}
)json";

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

}  // namespace

std::string title_from_id(std::string_view id) {
  std::string t;
  for (char c : id) t += c == '-' ? ' ' : c;
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t;
}

std::string lesson_id_problem(std::string_view id) {
  if (id.empty()) return "a lesson id must not be empty";
  if (id.size() > 64) return "a lesson id has at most 64 characters";
  if (id[0] == '-') return "a lesson id must not start with '-'";
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return "a lesson id uses lowercase letters, digits and '-' only, such as \"my-lesson\"";
  return {};
}

std::string lesson_skeleton(std::string_view id, const std::optional<std::filesystem::path>& schema) {
  std::string text(skeleton_template);
  replace_all(text, "@SCHEMA_LINE@", schema ? "  \"$schema\": " + json_quote(schema->string()) + ",\n" : std::string());
  replace_all(text, "@ID@", json_quote(id));
  replace_all(text, "@TITLE@", json_quote(title_from_id(id)));
  return text;
}

}  // namespace loopscope::lesson
