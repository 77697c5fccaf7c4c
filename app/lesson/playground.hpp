#pragma once
// playground.hpp — the playground: a one-step lesson whose listing is a small starter program
// for the learner to replace with their own. It is not a file; its id is "playground", and the
// learner's code is kept like any step's edit.
#include "lesson/lesson.hpp"

#include <memory>

namespace loopscope::lesson {

inline constexpr const char* playground_id = "playground";

std::shared_ptr<const Lesson> playground_lesson();

}  // namespace loopscope::lesson
