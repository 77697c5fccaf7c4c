#pragma once
// saved_edits.hpp — the learner's edits of each lesson step's Python code, kept in their
// progress: $XDG_DATA_HOME/loopscope/edits.json (else ~/.local/share/loopscope/edits.json),
// written atomically (ui/atomic_file.hpp).
//
// Invariants: only steps whose code differs from the lesson's are kept (put of the lesson's own
// text is erase); writes are debounced (flush_due) so typing never waits on the disk; a file
// that cannot be read is moved aside as edits.json.bad and notice() says so — never a crash,
// and the learner's next edit starts a fresh file.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace loopscope::ui {

class SavedEdits {
public:
  static constexpr double write_delay = 0.5;  // seconds after the last change

  static std::filesystem::path default_path();
  // The key of a step: "lesson-id/N" with N counted from 1.
  static std::string key(std::string_view lesson, std::size_t step_index);

  SavedEdits() = default;  // kept in memory only (no file)
  explicit SavedEdits(std::filesystem::path path);

  const std::string* find(const std::string& key) const;
  // Records a step's text (`now` in seconds, any monotonic clock) or forgets it.
  void put(const std::string& key, std::string text, double now);
  void erase(const std::string& key, double now);
  std::size_t size() const { return m_edits.size(); }

  bool dirty() const { return m_dirty; }
  bool flush_due(double now) const { return m_dirty && now - m_changed_at >= write_delay; }
  // Writes the file if anything changed since the last write; returns "" or why it failed.
  std::string flush();
  // Why the file could not be read ("" when it was fine or absent).
  const std::string& notice() const { return m_notice; }

private:
  std::filesystem::path m_path;
  std::map<std::string, std::string> m_edits;
  bool m_dirty = false;
  double m_changed_at = 0;
  std::string m_notice;
};

}  // namespace loopscope::ui
