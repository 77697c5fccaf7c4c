#pragma once
// snapshot_factory.hpp — builds TaskSnapshot / AwaitTarget values for the view-model tests.
#include <loopscope/snapshot.hpp>

#include <string>
#include <utility>

namespace loopscope::testing {
inline loopscope::TaskSnapshot task(loopscope::TaskId id, std::string name, loopscope::TaskState state,
                             loopscope::AwaitTarget awaiting = {}, int line_a = 0, int line_b = 0) {
  loopscope::TaskSnapshot t;
  t.id = id;
  t.name = std::move(name);
  t.state = state;
  t.awaiting = std::move(awaiting);
  t.line_a = line_a;
  t.line_b = line_b;
  return t;
}
inline loopscope::AwaitTarget awaits(loopscope::AwaitKind kind, std::uint64_t target, double deadline = -1,
                              std::string label = {}) {
  loopscope::AwaitTarget a;
  a.kind = kind;
  a.target = target;
  a.deadline = deadline;
  a.label = std::move(label);
  return a;
}
}  // namespace loopscope::testing
