#pragma once
// text_buffer.hpp — the text the learner edits: lines of UTF-8, a cursor and a selection, and
// every edit as an undoable step. No ImGui: the editor widget (editor_view.hpp) drives it.
//
// Invariants:
//   - there is always at least one line; lines hold no '\n' and are valid UTF-8 (input goes
//     through sanitize_text);
//   - positions are (line, column) with the column in code points, and always inside the text;
//   - bytes() == the size of text() and never exceeds max_bytes(): an edit that would pass it
//     is refused whole, with a message (never partly applied);
//   - undo() restores exactly the text, cursor and selection from before the step; typed
//     characters join the previous step while they continue one word (a new word, a motion,
//     another kind of edit or break_coalescing() starts a new step); each paste is one step.
#include "ui/editor/clipboard.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loopscope::ui::editor {

struct TextPos {
  int line = 0;
  int col = 0;  // code points
  auto operator<=>(const TextPos&) const = default;
};

enum class Move { left, right, up, down, word_left, word_right, home, end, doc_start, doc_end };

class TextBuffer {
public:
  static constexpr std::size_t default_max_bytes = std::size_t{2} << 20;  // 2 MiB
  static constexpr int indent_width = 4;

  explicit TextBuffer(std::string_view text = {}, std::size_t max_bytes = default_max_bytes);

  // Replaces the whole text; the cursor goes to the start and the history is cleared.
  void set_text(std::string_view text);
  std::string text() const;
  const std::vector<std::string>& lines() const { return m_lines; }
  int line_count() const { return static_cast<int>(m_lines.size()); }
  int line_length(int line) const;  // code points
  std::size_t bytes() const { return m_bytes; }
  std::size_t max_bytes() const { return m_max_bytes; }
  // Changes whenever the text changes (edits, undo, redo, set_text).
  std::uint64_t revision() const { return m_revision; }

  // ---- cursor and selection ----
  TextPos cursor() const { return m_cursor; }
  TextPos anchor() const { return m_anchor; }
  bool has_selection() const { return m_cursor != m_anchor; }
  std::pair<TextPos, TextPos> selection() const;  // ordered: first <= second
  std::string selected_text() const;
  void move(Move m, bool select);
  void move_lines(int delta, bool select);  // Page Up / Page Down
  void set_cursor(TextPos p, bool select);  // clamped into the text
  void select_all();
  void select_word_at(TextPos p);
  TextPos clamp(TextPos p) const;

  // ---- edits (false when refused: message() says why) ----
  bool type(std::string_view text);   // typed at the cursor, replacing the selection
  bool paste_text(std::string_view text);
  bool newline();                     // Enter: keeps the indent, one level more after ':'
  bool backspace(bool word = false);
  bool delete_forward(bool word = false);
  bool tab();                         // indents a multi-line selection, else inserts spaces
  bool indent();
  bool dedent();
  bool undo();
  bool redo();
  std::size_t undo_depth() const { return m_undo.size(); }
  std::size_t redo_depth() const { return m_redo.size(); }
  // The next edit starts a new undo step (the widget calls it after a pause in typing).
  void break_coalescing() { m_coalesce = false; }

  // ---- clipboard: with no selection, copy and cut take the cursor's whole line ----
  void copy(Clipboard& clipboard) const;
  bool cut(Clipboard& clipboard);
  bool paste(Clipboard& clipboard);

  // Why the last refused edit was refused ("" after a successful one).
  const std::string& message() const { return m_message; }

private:
  struct Change {
    TextPos at;
    std::string removed, inserted;
  };
  enum class Kind { typing, deleting, other };
  struct Step {
    std::vector<Change> changes;  // applied in order; undone in reverse
    TextPos cursor_before, anchor_before, cursor_after, anchor_after;
    Kind kind = Kind::other;
  };

  // Replaces [a, b) with `text` (already sanitized); returns the end of the inserted text.
  TextPos replace(TextPos a, TextPos b, std::string_view text, std::string* removed = nullptr);
  TextPos end_of(TextPos at, std::string_view text) const;
  std::string text_between(TextPos a, TextPos b) const;
  // Records a change made as part of the step being built (see begin_step / end_step).
  bool edit(TextPos a, TextPos b, std::string_view text);
  void begin_step(Kind kind);
  void end_step();
  bool fits(std::size_t removed, std::size_t inserted);
  bool insert_step(std::string_view text, Kind kind, bool may_coalesce);
  bool indent_lines(bool in);
  std::pair<int, int> selected_lines() const;
  TextPos word_left(TextPos p) const;
  TextPos word_right(TextPos p) const;

  std::vector<std::string> m_lines{1};
  std::size_t m_bytes = 0;
  std::size_t m_max_bytes;
  std::uint64_t m_revision = 0;
  TextPos m_cursor, m_anchor;
  int m_want_col = -1;  // the column up/down aim for; -1 = the cursor's
  std::vector<Step> m_undo, m_redo;
  Step m_pending;       // the step being built between begin_step and end_step
  bool m_coalesce = false;
  std::string m_message;
};

}  // namespace loopscope::ui::editor
