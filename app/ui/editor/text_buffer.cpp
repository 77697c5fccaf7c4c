// text_buffer.cpp — lines, cursor, selection and undoable edits (see text_buffer.hpp).
#include "ui/editor/text_buffer.hpp"

#include "ui/editor/utf8.hpp"

#include <algorithm>

namespace loopscope::ui::editor {
namespace {

constexpr std::size_t max_undo_steps = 1000;

enum class CharClass { space, word, punct };

CharClass class_of(char32_t c) {
  if (c == ' ') return CharClass::space;
  if (c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return CharClass::word;
  return CharClass::punct;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out += code_point_at(s, i);
  return out;
}

int leading_spaces(std::string_view s) {
  int n = 0;
  while (n < static_cast<int>(s.size()) && s[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

}  // namespace

TextBuffer::TextBuffer(std::string_view text, std::size_t max_bytes) : m_max_bytes(max_bytes) { set_text(text); }

void TextBuffer::set_text(std::string_view text) {
  const std::string clean = sanitize_text(text);
  m_lines.clear();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= clean.size(); ++i)
    if (i == clean.size() || clean[i] == '\n') {
      m_lines.emplace_back(clean.substr(start, i - start));
      start = i + 1;
    }
  m_bytes = clean.size();
  m_cursor = m_anchor = {};
  m_want_col = -1;
  m_undo.clear();
  m_redo.clear();
  m_coalesce = false;
  m_message.clear();
  ++m_revision;
}

std::string TextBuffer::text() const {
  std::string out;
  out.reserve(m_bytes);
  for (std::size_t i = 0; i < m_lines.size(); ++i) {
    if (i) out += '\n';
    out += m_lines[i];
  }
  return out;
}

int TextBuffer::line_length(int line) const { return code_points(m_lines[static_cast<std::size_t>(line)]); }

TextPos TextBuffer::clamp(TextPos p) const {
  p.line = std::clamp(p.line, 0, line_count() - 1);
  p.col = std::clamp(p.col, 0, line_length(p.line));
  return p;
}

std::pair<TextPos, TextPos> TextBuffer::selection() const {
  return m_anchor < m_cursor ? std::pair{m_anchor, m_cursor} : std::pair{m_cursor, m_anchor};
}

std::string TextBuffer::selected_text() const {
  const auto [a, b] = selection();
  return text_between(a, b);
}

std::string TextBuffer::text_between(TextPos a, TextPos b) const {
  const std::string& first = m_lines[static_cast<std::size_t>(a.line)];
  const std::size_t ba = byte_of_column(first, a.col);
  if (a.line == b.line) return first.substr(ba, byte_of_column(first, b.col) - ba);
  std::string out = first.substr(ba);
  for (int l = a.line + 1; l < b.line; ++l) {
    out += '\n';
    out += m_lines[static_cast<std::size_t>(l)];
  }
  const std::string& last = m_lines[static_cast<std::size_t>(b.line)];
  out += '\n';
  out.append(last, 0, byte_of_column(last, b.col));
  return out;
}

TextPos TextBuffer::end_of(TextPos at, std::string_view text) const {
  const std::size_t nl = text.rfind('\n');
  if (nl == std::string_view::npos) return {at.line, at.col + code_points(text)};
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return {at.line + lines, code_points(text.substr(nl + 1))};
}

TextPos TextBuffer::replace(TextPos a, TextPos b, std::string_view text, std::string* removed) {
  a = clamp(a);
  b = clamp(b);
  if (b < a) std::swap(a, b);
  std::string gone = text_between(a, b);
  const auto al = static_cast<std::size_t>(a.line), bl = static_cast<std::size_t>(b.line);
  const std::string head = m_lines[al].substr(0, byte_of_column(m_lines[al], a.col));
  const std::string tail = m_lines[bl].substr(byte_of_column(m_lines[bl], b.col));
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      pieces.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  const TextPos end{a.line + static_cast<int>(pieces.size()) - 1,
                    (pieces.size() == 1 ? a.col : 0) + code_points(pieces.back())};
  pieces.front().insert(0, head);
  pieces.back() += tail;
  // Lines [al, bl] become the pieces: overwrite the common part, then erase or insert the rest.
  const std::size_t old_n = bl - al + 1, common = std::min(old_n, pieces.size());
  for (std::size_t i = 0; i < common; ++i) m_lines[al + i] = std::move(pieces[i]);
  if (old_n > common)
    m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(al + common),
                  m_lines.begin() + static_cast<std::ptrdiff_t>(al + old_n));
  else if (pieces.size() > common)
    m_lines.insert(m_lines.begin() + static_cast<std::ptrdiff_t>(al + common),
                   std::make_move_iterator(pieces.begin() + static_cast<std::ptrdiff_t>(common)),
                   std::make_move_iterator(pieces.end()));
  m_bytes = m_bytes - gone.size() + text.size();
  ++m_revision;
  if (removed) *removed = std::move(gone);
  return end;
}

// ---- steps -----------------------------------------------------------------------------------
void TextBuffer::begin_step(Kind kind) {
  m_pending = {};
  m_pending.kind = kind;
  m_pending.cursor_before = m_cursor;
  m_pending.anchor_before = m_anchor;
}

bool TextBuffer::edit(TextPos a, TextPos b, std::string_view text) {
  Change c;
  c.at = clamp(std::min(a, b));
  c.inserted = std::string(text);
  replace(a, b, text, &c.removed);
  if (c.removed.empty() && c.inserted.empty()) return false;
  m_pending.changes.push_back(std::move(c));
  return true;
}

void TextBuffer::end_step() {
  const Kind kind = m_pending.kind;
  m_want_col = -1;
  if (m_pending.changes.empty()) return;
  m_message.clear();
  m_pending.cursor_after = m_cursor;
  m_pending.anchor_after = m_anchor;
  m_redo.clear();
  const bool joins = m_coalesce && m_pending.kind != Kind::other && !m_undo.empty() &&
                     m_undo.back().kind == m_pending.kind && m_undo.back().cursor_after == m_pending.cursor_before &&
                     m_undo.back().anchor_after == m_pending.anchor_before;
  if (joins) {
    Step& last = m_undo.back();
    for (Change& c : m_pending.changes) last.changes.push_back(std::move(c));
    last.cursor_after = m_cursor;
    last.anchor_after = m_anchor;
  } else {
    m_undo.push_back(std::move(m_pending));
    if (m_undo.size() > max_undo_steps) m_undo.erase(m_undo.begin());
  }
  m_coalesce = kind != Kind::other;
  m_pending = {};
}

bool TextBuffer::fits(std::size_t removed, std::size_t inserted) {
  if (m_bytes - removed + inserted <= m_max_bytes) return true;
  const auto kib = [](std::size_t b) { return std::to_string((b + 1023) / 1024) + " KB"; };
  m_message = "Not inserted: the program would be " + kib(m_bytes - removed + inserted) +
              ", and the editor holds at most " + kib(m_max_bytes) + ".";
  return false;
}

bool TextBuffer::insert_step(std::string_view text, Kind kind, bool may_coalesce) {
  const auto [a, b] = selection();
  if (!fits(text_between(a, b).size(), text.size())) return false;
  if (!may_coalesce || a != b) m_coalesce = false;
  begin_step(kind);
  m_cursor = m_anchor = a;
  const TextPos end = end_of(a, text);
  edit(a, b, text);
  m_cursor = m_anchor = end;
  end_step();
  return true;
}

bool TextBuffer::type(std::string_view text) {
  const std::string clean = sanitize_text(text);
  if (clean.empty()) return false;
  // A word starts a new undo step: "print(x) " undoes as "print(x) ", not character by character.
  bool continues = true;
  if (m_cursor.col > 0) {
    const std::string& line = m_lines[static_cast<std::size_t>(m_cursor.line)];
    const char32_t before = code_point_at(line, byte_of_column(line, m_cursor.col - 1));
    continues = !(class_of(code_point_at(clean, 0)) == CharClass::word && class_of(before) != CharClass::word);
  }
  return insert_step(clean, Kind::typing, continues);
}

bool TextBuffer::paste_text(std::string_view text) {
  const std::string clean = sanitize_text(text);
  if (clean.empty()) return false;
  m_coalesce = false;
  return insert_step(clean, Kind::other, false);
}

bool TextBuffer::newline() {
  const TextPos a = selection().first;
  const std::string& line = m_lines[static_cast<std::size_t>(a.line)];
  int indent = std::min(leading_spaces(line), a.col);
  std::string_view before(line.data(), byte_of_column(line, a.col));
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (!before.empty() && before.back() == ':') indent += indent_width;
  m_coalesce = false;
  return insert_step("\n" + std::string(static_cast<std::size_t>(indent), ' '), Kind::other, false);
}

bool TextBuffer::backspace(bool word) {
  if (has_selection()) {
    m_coalesce = false;
    return insert_step("", Kind::other, false);
  }
  const TextPos p = m_cursor;
  if (p == TextPos{}) return false;
  TextPos start = p;
  const std::string& line = m_lines[static_cast<std::size_t>(p.line)];
  if (word) start = word_left(p);
  else if (p.col == 0) start = {p.line - 1, line_length(p.line - 1)};
  else if (leading_spaces(line) >= p.col) start.col = p.col - ((p.col - 1) % indent_width + 1);  // to the tab stop
  else start.col = p.col - 1;
  begin_step(Kind::deleting);
  edit(start, p, "");
  m_cursor = m_anchor = start;
  end_step();
  return true;
}

bool TextBuffer::delete_forward(bool word) {
  if (has_selection()) {
    m_coalesce = false;
    return insert_step("", Kind::other, false);
  }
  const TextPos p = m_cursor;
  TextPos end = p;
  if (word) end = word_right(p);
  else if (p.col < line_length(p.line)) end.col = p.col + 1;
  else if (p.line + 1 < line_count()) end = {p.line + 1, 0};
  if (end == p) return false;
  begin_step(Kind::deleting);
  edit(p, end, "");
  m_cursor = m_anchor = p;
  end_step();
  return true;
}

std::pair<int, int> TextBuffer::selected_lines() const {
  const auto [a, b] = selection();
  int last = b.line;
  if (b.line > a.line && b.col == 0) --last;  // a selection ending at a line's start leaves it out
  return {a.line, last};
}

bool TextBuffer::tab() {
  const auto [a, b] = selection();
  if (a.line != b.line) return indent();
  const int spaces = indent_width - a.col % indent_width;
  m_coalesce = false;
  return insert_step(std::string(static_cast<std::size_t>(spaces), ' '), Kind::other, false);
}

bool TextBuffer::indent() { return indent_lines(true); }
bool TextBuffer::dedent() { return indent_lines(false); }

bool TextBuffer::indent_lines(bool in) {
  const auto [first, last] = selected_lines();
  std::size_t grow = 0;
  for (int l = first; l <= last; ++l) grow += m_lines[static_cast<std::size_t>(l)].empty() ? 0 : indent_width;
  if (in && !fits(0, grow)) return false;
  m_coalesce = false;
  begin_step(Kind::other);
  TextPos cursor = m_cursor, anchor = m_anchor;
  for (int l = first; l <= last; ++l) {
    const std::string& line = m_lines[static_cast<std::size_t>(l)];
    int shift = 0;
    if (in && !line.empty()) {
      edit({l, 0}, {l, 0}, std::string(indent_width, ' '));
      shift = indent_width;
    } else if (!in) {
      const int n = std::min(indent_width, leading_spaces(line));
      if (n > 0) edit({l, 0}, {l, n}, "");
      shift = -n;
    }
    for (TextPos* p : {&cursor, &anchor})
      if (p->line == l && (p->col > 0 || shift < 0)) p->col = std::max(0, p->col + shift);
  }
  m_cursor = cursor;
  m_anchor = anchor;
  const bool changed = !m_pending.changes.empty();
  end_step();
  return changed;
}

bool TextBuffer::undo() {
  if (m_undo.empty()) return false;
  Step s = std::move(m_undo.back());
  m_undo.pop_back();
  for (auto c = s.changes.rbegin(); c != s.changes.rend(); ++c) replace(c->at, end_of(c->at, c->inserted), c->removed);
  m_cursor = s.cursor_before;
  m_anchor = s.anchor_before;
  m_redo.push_back(std::move(s));
  m_coalesce = false;
  m_want_col = -1;
  return true;
}

bool TextBuffer::redo() {
  if (m_redo.empty()) return false;
  Step s = std::move(m_redo.back());
  m_redo.pop_back();
  for (const Change& c : s.changes) replace(c.at, end_of(c.at, c.removed), c.inserted);
  m_cursor = s.cursor_after;
  m_anchor = s.anchor_after;
  m_undo.push_back(std::move(s));
  m_coalesce = false;
  m_want_col = -1;
  return true;
}

// ---- clipboard -------------------------------------------------------------------------------
void TextBuffer::copy(Clipboard& clipboard) const {
  if (has_selection()) clipboard.set(selected_text());
  else clipboard.set(m_lines[static_cast<std::size_t>(m_cursor.line)] + "\n");
}

bool TextBuffer::cut(Clipboard& clipboard) {
  copy(clipboard);
  m_coalesce = false;
  if (has_selection()) return insert_step("", Kind::other, false);
  const int l = m_cursor.line, last = line_count() - 1;
  begin_step(Kind::other);
  if (l < last) edit({l, 0}, {l + 1, 0}, "");
  else if (l > 0) edit({l - 1, line_length(l - 1)}, {l, line_length(l)}, "");
  else edit({0, 0}, {0, line_length(0)}, "");
  m_cursor = m_anchor = clamp({l, 0});
  const bool changed = !m_pending.changes.empty();
  end_step();
  return changed;
}

bool TextBuffer::paste(Clipboard& clipboard) { return paste_text(clipboard.get()); }

// ---- motions ---------------------------------------------------------------------------------
TextPos TextBuffer::word_left(TextPos p) const {
  if (p.col == 0) return p.line > 0 ? TextPos{p.line - 1, line_length(p.line - 1)} : p;
  const std::u32string s = decode(m_lines[static_cast<std::size_t>(p.line)]);
  int c = p.col;
  while (c > 0 && class_of(s[static_cast<std::size_t>(c - 1)]) == CharClass::space) --c;
  if (c > 0) {
    const CharClass k = class_of(s[static_cast<std::size_t>(c - 1)]);
    while (c > 0 && class_of(s[static_cast<std::size_t>(c - 1)]) == k) --c;
  }
  return {p.line, c};
}

TextPos TextBuffer::word_right(TextPos p) const {
  const std::u32string s = decode(m_lines[static_cast<std::size_t>(p.line)]);
  const int n = static_cast<int>(s.size());
  if (p.col >= n) return p.line + 1 < line_count() ? TextPos{p.line + 1, 0} : p;
  int c = p.col;
  while (c < n && class_of(s[static_cast<std::size_t>(c)]) == CharClass::space) ++c;
  if (c < n) {
    const CharClass k = class_of(s[static_cast<std::size_t>(c)]);
    while (c < n && class_of(s[static_cast<std::size_t>(c)]) == k) ++c;
  }
  return {p.line, c};
}

void TextBuffer::move(Move m, bool select) {
  m_coalesce = false;
  if (m == Move::up || m == Move::down) return move_lines(m == Move::up ? -1 : 1, select);
  if (!select && has_selection() && (m == Move::left || m == Move::right)) {
    const auto [a, b] = selection();
    m_cursor = m_anchor = m == Move::left ? a : b;
    m_want_col = -1;
    return;
  }
  TextPos p = m_cursor;
  switch (m) {
    case Move::left:
      if (p.col > 0) --p.col;
      else if (p.line > 0) p = {p.line - 1, line_length(p.line - 1)};
      break;
    case Move::right:
      if (p.col < line_length(p.line)) ++p.col;
      else if (p.line + 1 < line_count()) p = {p.line + 1, 0};
      break;
    case Move::word_left: p = word_left(p); break;
    case Move::word_right: p = word_right(p); break;
    case Move::home: {
      // First Home goes to the code after the indent, a second one to the line's start.
      const int indent = std::min(leading_spaces(m_lines[static_cast<std::size_t>(p.line)]), line_length(p.line));
      p.col = p.col == indent ? 0 : indent;
      break;
    }
    case Move::end: p.col = line_length(p.line); break;
    case Move::doc_start: p = {}; break;
    case Move::doc_end: p = {line_count() - 1, line_length(line_count() - 1)}; break;
    case Move::up:
    case Move::down: break;
  }
  m_cursor = p;
  if (!select) m_anchor = p;
  m_want_col = -1;
}

void TextBuffer::move_lines(int delta, bool select) {
  m_coalesce = false;
  const int want = m_want_col >= 0 ? m_want_col : m_cursor.col;
  const int target = m_cursor.line + delta;
  const int line = std::clamp(target, 0, line_count() - 1);
  TextPos p{line, std::min(want, line_length(line))};
  if (target < 0) p.col = 0;                           // past the first line: its start
  else if (target >= line_count()) p.col = line_length(line);  // past the last: its end
  m_cursor = p;
  if (!select) m_anchor = p;
  m_want_col = want;
}

void TextBuffer::set_cursor(TextPos p, bool select) {
  m_coalesce = false;
  m_cursor = clamp(p);
  if (!select) m_anchor = m_cursor;
  m_want_col = -1;
}

void TextBuffer::select_all() {
  m_coalesce = false;
  m_anchor = {};
  m_cursor = {line_count() - 1, line_length(line_count() - 1)};
  m_want_col = -1;
}

void TextBuffer::select_word_at(TextPos p) {
  p = clamp(p);
  const std::u32string s = decode(m_lines[static_cast<std::size_t>(p.line)]);
  const int n = static_cast<int>(s.size());
  int c = p.col < n ? p.col : std::max(0, n - 1);
  if (n == 0) return set_cursor(p, false);
  const CharClass k = class_of(s[static_cast<std::size_t>(c)]);
  int a = c, b = c;
  while (a > 0 && class_of(s[static_cast<std::size_t>(a - 1)]) == k) --a;
  while (b < n && class_of(s[static_cast<std::size_t>(b)]) == k) ++b;
  m_coalesce = false;
  m_anchor = {p.line, a};
  m_cursor = {p.line, b};
  m_want_col = -1;
}

}  // namespace loopscope::ui::editor
