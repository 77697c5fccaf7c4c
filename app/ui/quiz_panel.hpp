#pragma once
// quiz_panel.hpp — the step's quiz: the learner answers before running (pick one option, or put
// the lines in the order they will be printed), checks, and sees whether they were right and the
// explanation.
#include "lesson/lesson.hpp"

#include <vector>

namespace loopscope::ui {

struct QuizState {
  int choice = -1;                 // choice quiz: the picked option
  std::vector<int> order;          // order quiz: the learner's arrangement of option indices
  bool checked = false;
  bool correct = false;
};

// Resets `state` for `quiz` when it has not been set up for it yet.
void prepare_quiz(const lesson::Quiz& quiz, QuizState& state);
// Whether the learner's answer matches the quiz's answer.
bool quiz_answer_correct(const lesson::Quiz& quiz, const QuizState& state);

// Draws the quiz; returns true when the learner has just checked an answer.
bool draw_quiz(const lesson::Quiz& quiz, QuizState& state);

}  // namespace loopscope::ui
