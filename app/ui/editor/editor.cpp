// editor.cpp — the editor's model: lesson code, run source, diagnostics and cached diffs.
#include "ui/editor/editor.hpp"

#include <algorithm>

namespace loopscope::ui::editor {
namespace {

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

Editor::Editor(const std::vector<std::string>& lesson_code) : m_buffer(join(lesson_code)) {
  m_lesson = m_buffer.lines();
  m_run_source = m_lesson;
}

void Editor::restore(std::string_view text) { m_buffer.set_text(text); }

namespace {
std::size_t without_trailing_empty(const std::vector<std::string>& lines) {
  std::size_t n = lines.size();
  while (n > 0 && lines[n - 1].empty()) --n;
  return n;
}
}  // namespace

bool Editor::changed() const {
  const std::vector<std::string>& now = m_buffer.lines();
  const std::size_t n = without_trailing_empty(now);
  return n != without_trailing_empty(m_lesson) || !std::equal(now.begin(), now.begin() + n, m_lesson.begin());
}

bool Editor::reset() {
  if (!changed()) return false;
  TextBuffer& b = m_buffer;
  b.select_all();
  const std::string code = join(m_lesson);
  const bool done = code.empty() ? b.backspace() : b.paste_text(code);
  b.set_cursor({}, false);
  return done;
}

void Editor::set_run_source(const std::vector<std::string>& lines) {
  m_run_source = TextBuffer(join(lines)).lines();
  m_run_diff_rev = ~std::uint64_t{0};
}

void Editor::set_diagnostics(std::vector<Diagnostic> diagnostics) {
  set_diagnostics(std::move(diagnostics), m_buffer.lines());
}

void Editor::set_diagnostics(std::vector<Diagnostic> diagnostics, const std::vector<std::string>& source) {
  m_diagnostics = std::move(diagnostics);
  m_diagnostics_source = TextBuffer(join(source)).lines();
  m_diagnostics_diff_rev = ~std::uint64_t{0};
}

const LineDiff& Editor::diagnostics_diff() {
  if (m_diagnostics_diff_rev != m_buffer.revision()) {
    m_diagnostics_diff = diff_lines(m_diagnostics_source, m_buffer.lines());
    m_diagnostics_diff_rev = m_buffer.revision();
  }
  return m_diagnostics_diff;
}

void Editor::reveal_line(int line) {
  m_buffer.set_cursor({line - 1, 0}, false);
  scroll_to_cursor = true;
}

const LineDiff& Editor::lesson_diff() {
  if (m_lesson_diff_rev != m_buffer.revision()) {
    m_lesson_diff = diff_lines(m_lesson, m_buffer.lines());
    m_lesson_diff_rev = m_buffer.revision();
  }
  return m_lesson_diff;
}

const LineDiff& Editor::run_diff() {
  if (m_run_diff_rev != m_buffer.revision()) {
    m_run_diff = diff_lines(m_run_source, m_buffer.lines());
    m_run_diff_rev = m_buffer.revision();
  }
  return m_run_diff;
}

}  // namespace loopscope::ui::editor
