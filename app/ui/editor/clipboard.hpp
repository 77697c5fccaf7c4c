#pragma once
// clipboard.hpp — where copy puts text and paste takes it from (the system clipboard in the
// app, a string in tests).
#include <string>
#include <string_view>

namespace loopscope::ui::editor {

class Clipboard {
public:
  virtual ~Clipboard() = default;
  virtual std::string get() = 0;
  virtual void set(std::string_view text) = 0;
};

}  // namespace loopscope::ui::editor
