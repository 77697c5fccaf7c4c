// Tests for errors.hpp.
#include <loopscope/errors.hpp>

#include <gtest/gtest.h>

using namespace loopscope;

TEST(Errors, DescribeExceptionGivesTypeAndMessage) {
  EXPECT_EQ(describe_exception(std::make_exception_ptr(CancelledError())), "CancelledError");
  EXPECT_EQ(describe_exception(std::make_exception_ptr(TimeoutError("late"))), "TimeoutError: late");
  EXPECT_EQ(describe_exception(std::make_exception_ptr(ValueError("bad"))), "ValueError: bad");
  EXPECT_EQ(describe_exception(std::make_exception_ptr(std::logic_error("x"))), "logic_error: x");
  EXPECT_EQ(describe_exception(std::make_exception_ptr(42)), "exception");
  EXPECT_TRUE(is_cancelled_error(std::make_exception_ptr(CancelledError("m"))));
  EXPECT_FALSE(is_cancelled_error(std::make_exception_ptr(TimeoutError())));
}

TEST(Errors, ExceptionGroupListsItsErrors) {
  ExceptionGroup g("unhandled errors in a TaskGroup",
                   {std::make_exception_ptr(ValueError("a")), std::make_exception_ptr(QueueFull())});
  EXPECT_STREQ(g.what(), "unhandled errors in a TaskGroup (2 sub-exceptions)\n  ValueError: a\n  QueueFull");
  EXPECT_EQ(g.exceptions().size(), 2u);
}
