// code_model.cpp — a small tokenizer for Python and C++ listings, and task markers.
#include "ui/code_model.hpp"
#include "ui/frame_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace loopscope::ui {
namespace {

constexpr std::array python_keywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};
constexpr std::array python_builtins = {"print", "range", "len", "str", "int", "float", "list",
                                        "dict", "set", "tuple", "sum", "min", "max", "sorted",
                                        "enumerate", "zip", "isinstance", "Exception",
                                        "ValueError", "RuntimeError", "TimeoutError", "self"};
constexpr std::array cpp_keywords = {
    "auto", "bool", "break", "case", "catch", "char", "class", "co_await", "co_return",
    "co_yield", "const", "constexpr", "continue", "default", "delete", "do", "double", "else",
    "enum", "explicit", "false", "float", "for", "if", "inline", "int", "long", "namespace",
    "new", "noexcept", "nullptr", "operator", "private", "public", "return", "short", "signed",
    "size_t", "static", "struct", "switch", "template", "this", "throw", "true", "try",
    "typename", "unsigned", "using", "virtual", "void", "while"};
constexpr std::array cpp_builtins = {"std", "loopscope", "ls", "printf", "puts", "main"};

template <std::size_t N>
bool in(const std::array<const char*, N>& words, std::string_view w) {
  return std::any_of(words.begin(), words.end(), [&](const char* k) { return w == k; });
}

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::vector<Token> tokenize_line(std::string_view s, Language lang) {
  std::vector<Token> out;
  std::size_t i = 0;
  const bool py = lang == Language::python;
  auto push = [&](std::size_t b, std::size_t e, TokenKind k) {
    if (!out.empty() && out.back().kind == k && out.back().end == b) out.back().end = e;
    else out.push_back({b, e, k});
  };
  std::string_view previous_word;
  while (i < s.size()) {
    const char c = s[i];
    if ((py && c == '#') || (!py && c == '/' && i + 1 < s.size() && s[i + 1] == '/')) {
      push(i, s.size(), TokenKind::comment);
      break;
    }
    if (!py && c == '#') {  // preprocessor line
      push(i, s.size(), TokenKind::preprocessor);
      break;
    }
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != c) j += (s[j] == '\\') ? 2 : 1;
      j = std::min(j + 1, s.size());
      push(i, j, TokenKind::string);
      i = j;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == '\''))
        ++j;
      push(i, j, TokenKind::number);
      i = j;
      continue;
    }
    if (ident_start(c)) {
      // Python f-strings / byte strings: a prefix letter directly before a quote.
      std::size_t j = i;
      while (j < s.size() && ident_char(s[j])) ++j;
      const std::string_view w = s.substr(i, j - i);
      if (py && j < s.size() && (s[j] == '"' || s[j] == '\'') && w.size() <= 2) {
        const char q = s[j];
        std::size_t k = j + 1;
        while (k < s.size() && s[k] != q) k += (s[k] == '\\') ? 2 : 1;
        k = std::min(k + 1, s.size());
        push(i, k, TokenKind::string);
        i = k;
        continue;
      }
      TokenKind kind = TokenKind::plain;
      if (py ? in(python_keywords, w) : in(cpp_keywords, w)) kind = TokenKind::keyword;
      else if (py ? in(python_builtins, w) : in(cpp_builtins, w)) kind = TokenKind::builtin;
      else if (previous_word == "def" || previous_word == "class") kind = TokenKind::function;
      else {
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k < s.size() && s[k] == '(') kind = TokenKind::function;
        else if (std::isupper(static_cast<unsigned char>(w[0]))) kind = TokenKind::type;
      }
      push(i, j, kind);
      previous_word = w;
      i = j;
      continue;
    }
    if (c == ' ' || c == '\t') {
      std::size_t j = i;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      push(i, j, TokenKind::plain);
      i = j;
      continue;
    }
    push(i, i + 1, TokenKind::punctuation);
    ++i;
  }
  return out;
}

std::vector<LineMarker> marker_lines(const LoopSnapshot& snapshot, Language language,
                                     const std::vector<std::int32_t>* cpp_for_python) {
  std::vector<LineMarker> out;
  for (const TaskSnapshot& t : snapshot.tasks) {
    if (t.state == TaskState::done || t.state == TaskState::failed || t.state == TaskState::cancelled)
      continue;
    int line = language == Language::python ? t.line_a : t.line_b;
    if (language == Language::cpp && line <= 0 && cpp_for_python && t.line_a > 0 &&
        static_cast<std::size_t>(t.line_a) < cpp_for_python->size())
      line = (*cpp_for_python)[static_cast<std::size_t>(t.line_a)];
    if (line <= 0) continue;
    out.push_back({line, t.id, t.name, t.state, {}});
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const LineMarker& m) { return m.state == TaskState::running; });
  if (language == Language::python) {
    for (const TaskSnapshot& t : snapshot.tasks) {
      if (t.state != TaskState::suspended || t.frames.empty()) continue;
      const std::vector<CoroutineFrame> frames = parse_frames(t.frames);
      for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        if (frames[i].line_py > 0) out.push_back({frames[i].line_py, t.id, t.name, t.state, frames[i + 1].function});
    }
  }
  return out;
}

}  // namespace loopscope::ui
