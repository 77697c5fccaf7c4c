#pragma once
// quiz_panel.hpp — the step's quiz: the learner answers before running (pick one option, or put
// the lines in the order they will be printed) and checks. A wrong first try only says so; the
// explanation (and for a choice quiz the right option) is revealed when the answer is right or
// after the second wrong try. Question and options are Markdown.
#include "lesson/lesson.hpp"

#include <vector>

namespace loopscope::ui {

struct QuizState {
  int choice = -1;                 // choice quiz: the picked option
  std::vector<int> order;          // order quiz: the learner's arrangement of option indices
  bool checked = false;
  bool correct = false;
  int tries = 0;                   // answers checked so far
  bool revealed = false;           // the explanation and the answer are shown
  float height = 0;                // the quiz's drawn height last frame (the layout reserves it)
};

inline constexpr int quiz_tries_before_reveal = 2;

// Records a check of the current answer: counts the try, and reveals the explanation when the
// answer is right or the tries are used up.
void check_quiz(const lesson::Quiz& quiz, QuizState& state);

// Resets `state` for `quiz` when it has not been set up for it yet.
void prepare_quiz(const lesson::Quiz& quiz, QuizState& state);
// Whether the learner's answer matches the quiz's answer.
bool quiz_answer_correct(const lesson::Quiz& quiz, const QuizState& state);

// Draws the quiz; returns true when the learner has just checked an answer.
bool draw_quiz(const lesson::Quiz& quiz, QuizState& state);

}  // namespace loopscope::ui
