// look_at.cpp — the Look at paragraph's names against the step's run (see look_at.hpp).
#include "lesson/look_at.hpp"

#include <algorithm>

namespace loopscope::lesson {

namespace {
bool ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }
bool name_char(char c) { return ident_char(c) || c == '#' || c == '.' || c == '-'; }

bool is_name(std::string_view s) {
  return !s.empty() && ident_start(s[0]) && std::all_of(s.begin(), s.end(), name_char);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\n') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// `word` occurs in `text` with no identifier character right before or after it.
bool has_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool left = at == 0 || !ident_char(text[at - 1]);
    const std::size_t end = at + word.size();
    const bool right = end == text.size() || !ident_char(text[end]);
    if (left && right) return true;
  }
  return false;
}

// A listing line without its comment ('#' outside a string literal).
std::string_view code_part(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      return line.substr(0, i);
    }
  }
  return line;
}

std::string_view before_any(std::string_view s, std::string_view stops) {
  const std::size_t at = s.find_first_of(stops);
  return at == std::string_view::npos ? s : s.substr(0, at);
}

// The step's number in its file (from 1), from its pointer "/steps/N".
std::size_t step_number(const Step& step, std::size_t index) {
  constexpr std::string_view head = "/steps/";
  if (!step.pointer.starts_with(head) || step.pointer.size() == head.size()) return index + 1;
  std::size_t n = 0;
  for (char c : step.pointer.substr(head.size())) {
    if (c < '0' || c > '9') return index + 1;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n + 1;
}
}  // namespace

std::optional<LookAtParagraph> look_at_paragraph(std::string_view step_text) {
  const auto lines = split_lines(step_text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i]);
    if (!t.starts_with("**Look at:**") && !t.starts_with("Look at:")) continue;
    LookAtParagraph p;
    p.line = i;
    for (std::size_t j = i; j < lines.size() && !trim(lines[j]).empty(); ++j) {
      if (j > i) p.text += '\n';
      p.text += lines[j];
    }
    return p;
  }
  return std::nullopt;
}

std::vector<std::string> look_at_names(std::string_view paragraph) {
  std::vector<std::string> out;
  auto add = [&](std::string_view n) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.emplace_back(n);
  };
  std::size_t at = 0;
  while (true) {
    const std::size_t open = paragraph.find('`', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = paragraph.find('`', open + 1);
    if (close == std::string_view::npos) break;
    at = close + 1;
    const std::string_view span = trim(paragraph.substr(open + 1, close - open - 1));
    if (is_name(span)) {
      add(span);
      continue;
    }
    // Call-like: NAME(args) where the args are names or numbers separated by commas.
    const std::size_t paren = span.find('(');
    if (paren == std::string_view::npos || span.back() != ')') continue;
    const std::string_view name = span.substr(0, paren);
    const std::string_view args = span.substr(paren + 1, span.size() - paren - 2);
    const bool simple_args = std::all_of(args.begin(), args.end(), [](char c) { return name_char(c) || c == ',' || c == ' '; });
    if (is_name(name) && simple_args) add(name);
  }
  return out;
}

std::vector<std::string> unshown_look_at_names(const Step& step, const RunResult& run, const TraceRecorder& trace) {
  std::vector<std::string> out;
  const auto para = look_at_paragraph(step.text);
  if (!para) return out;
  const auto names = look_at_names(para->text);
  if (names.empty()) return out;
  std::vector<std::string_view> labels;
  for (const auto& e : trace.events())
    if (e.kind == TraceKind::task_suspended) labels.push_back(trace.str(e.text));
  std::string code;
  for (const auto& line : step.python.lines) {
    code += code_part(line);
    code += '\n';
  }
  for (const auto& name : names) {
    // `download-N` stands for the family download-1, download-2, ...: shown when a task is in it.
    if (name.size() > 2 && name.ends_with("-N")) {
      const std::string_view stem = std::string_view(name).substr(0, name.size() - 1);
      const bool family = std::any_of(run.tasks.begin(), run.tasks.end(), [&](const TaskSummary& t) {
        const std::string_view n = t.name;
        return n.size() > stem.size() && n.starts_with(stem) &&
               std::all_of(n.begin() + static_cast<std::ptrdiff_t>(stem.size()), n.end(), [](char c) { return c >= '0' && c <= '9'; });
      });
      if (!family) out.push_back(name);
      continue;
    }
    const bool task = std::any_of(run.tasks.begin(), run.tasks.end(), [&](const TaskSummary& t) { return t.name == name; });
    const bool wait = std::any_of(labels.begin(), labels.end(),
                                  [&](std::string_view l) { return l == name || before_any(l, "(#") == name; });
    const bool listed = has_word(code, name);
    const bool printed = std::any_of(run.output.begin(), run.output.end(), [&](const OutputLine& l) { return has_word(l.text, name); });
    if (!task && !wait && !listed && !printed) out.push_back(name);
  }
  return out;
}

std::vector<Diagnostic> check_look_at(const Lesson& lesson, std::size_t step_index, const RunResult& run,
                                      const TraceRecorder& trace, const JsonValue* root) {
  std::vector<Diagnostic> out;
  const Step& step = lesson.steps[step_index];
  const auto missing = unshown_look_at_names(step, run, trace);
  if (missing.empty()) return out;

  // Where the paragraph is written: the text array's element holding its first line, or the
  // text string; without the file's JSON, the step.
  SourcePos pos = step.pos;
  std::string pointer = step.pointer + "/text";
  const std::size_t number = step_number(step, step_index);
  if (root && root->is_object())
    if (const JsonValue* steps = root->find("steps"); steps && steps->is_array() && number - 1 < steps->array.size())
      if (const JsonValue* text = steps->array[number - 1].find("text")) {
        pos = text->pos;
        if (text->is_array()) {
          const std::size_t para_line = look_at_paragraph(step.text)->line;
          std::size_t line = 0;  // first line of element i in the joined text
          for (std::size_t i = 0; i < text->array.size(); ++i) {
            const JsonValue& el = text->array[i];
            const std::size_t lines = el.is_string() ? static_cast<std::size_t>(std::count(el.string.begin(), el.string.end(), '\n')) + 1 : 1;
            if (para_line < line + lines) {
              pos = el.pos;
              pointer += "/" + std::to_string(i);
              break;
            }
            line += lines;
          }
        }
      }
  for (const auto& name : missing)
    out.push_back({lesson.path, pos.line, pos.col, pointer,
                   "step " + std::to_string(number) + ": Look at names `" + name +
                       "`, which this step's run does not show (no task, coroutine, wait or listing name " + name + ")"});
  return out;
}

}  // namespace loopscope::lesson
