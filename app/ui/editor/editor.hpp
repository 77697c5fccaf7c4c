#pragma once
// editor.hpp — the Python tab's editor without its drawing: the buffer, the lesson's code it
// started from (Reset and the gutter diff), the program that ran (task markers and errors refer
// to its lines and follow the learner's edits), and the errors to show. No ImGui.
#include "ui/editor/line_diff.hpp"
#include "ui/editor/text_buffer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope::ui::editor {

// An error in the program that ran: lines and columns from 1, columns in code points, the end
// exclusive (a span of one character: col .. col + 1).
struct Diagnostic {
  int line = 1, col = 1, end_line = 1, end_col = 2;
  std::string message;
  bool operator==(const Diagnostic&) const = default;
};

class Editor {
public:
  explicit Editor(const std::vector<std::string>& lesson_code);

  TextBuffer& buffer() { return m_buffer; }
  const TextBuffer& buffer() const { return m_buffer; }
  std::string text() const { return m_buffer.text(); }
  // Restores a saved edit (no undo history: it is where the learner left off).
  void restore(std::string_view text);
  // Back to the lesson's code, as one undoable step.
  bool reset();
  // Whether the text differs from the lesson's code. Empty lines at the end do not count: a
  // file's final newline (or Return pressed after the last line) changes no program.
  bool changed() const;
  const std::vector<std::string>& lesson_code() const { return m_lesson; }

  // The program whose run is shown (the lesson's code until an edited run starts).
  void set_run_source(const std::vector<std::string>& lines);
  // Replaces the errors shown. Their lines are those of `source` (the text that was parsed or
  // run), by default the text as it is now; they follow later edits like the task markers.
  void set_diagnostics(std::vector<Diagnostic> diagnostics);
  void set_diagnostics(std::vector<Diagnostic> diagnostics, const std::vector<std::string>& source);
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
  // Where each line of the diagnostics' source now is (0-based; -1: removed).
  const LineDiff& diagnostics_diff();
  // Puts the cursor at the start of `line` (1-based) and scrolls to it (a traceback click).
  void reveal_line(int line);

  // Against the lesson's code: the gutter markers. Recomputed when the text changes.
  const LineDiff& lesson_diff();
  // Where each run-source line now is (0-based; -1: the learner removed it).
  const LineDiff& run_diff();

  // Widget state that outlives a frame.
  bool focused = false;
  double last_input_time = -1e9;  // the blink restarts and typing pauses are measured from it
  bool scroll_to_cursor = false;
  float scroll_x = 0, scroll_y = 0;  // last frame's scroll offset (pixels)
  float view_w = 0, view_h = 0;      // and visible size
  int followed_line = 0;            // the running task's line last scrolled to (1-based)
  std::uint64_t width_revision = ~std::uint64_t{0};
  int widest_line = 0;              // cells (cell_layout.hpp), for the horizontal scroll range

private:
  TextBuffer m_buffer;
  std::vector<std::string> m_lesson;      // sanitized as the buffer would hold it
  std::vector<std::string> m_run_source;
  std::vector<Diagnostic> m_diagnostics;
  std::vector<std::string> m_diagnostics_source;
  LineDiff m_lesson_diff, m_run_diff, m_diagnostics_diff;
  std::uint64_t m_lesson_diff_rev = ~std::uint64_t{0}, m_run_diff_rev = ~std::uint64_t{0},
                m_diagnostics_diff_rev = ~std::uint64_t{0};
};

}  // namespace loopscope::ui::editor
