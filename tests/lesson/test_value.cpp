// Program values print and format as Python prints them.
#include "lesson/value.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;

TEST(Value, FloatsPrintLikePythonRepr) {
  EXPECT_EQ(float_repr(2.0), "2.0");
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e-05), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(123456789.0), "123456789.0");
  EXPECT_EQ(float_repr(-1.5), "-1.5");
}

TEST(Value, StrAndReprFollowPython) {
  EXPECT_EQ(to_str(Value()), "None");
  EXPECT_EQ(to_str(Value(true)), "True");
  EXPECT_EQ(to_str(Value(std::int64_t{42})), "42");
  EXPECT_EQ(to_str(Value::list({Value(1), Value("a"), Value(2.5), Value()})), "[1, 'a', 2.5, None]");
  EXPECT_EQ(to_repr(Value("it's")), "\"it's\"");
  ExceptionValue e;
  e.type = "ValueError";
  e.message = "bad";
  EXPECT_EQ(to_str(Value(e)), "bad");
  EXPECT_EQ(to_repr(Value(e)), "ValueError('bad')");
}

TEST(Value, FormatsWithPythonFormatSpecs) {
  EXPECT_EQ(format_value(Value(2.0), ".1f"), "2.0");
  EXPECT_EQ(format_value(Value(2), ".2f"), "2.00");
  EXPECT_EQ(format_value(Value(7), ">4"), "   7");
  EXPECT_EQ(format_value(Value("ab"), "<4"), "ab  ");
  EXPECT_EQ(format_value(Value("ab"), "*^6"), "**ab**");
  EXPECT_EQ(format_value(Value(0.25), ".0%"), "25%");
  EXPECT_EQ(format_value(Value(5), "d"), "5");
  EXPECT_THROW(format_value(Value("x"), "d"), ProgramError);
}

TEST(Value, TruthinessAndEqualityFollowPython) {
  EXPECT_FALSE(Value(0).truthy());
  EXPECT_FALSE(Value("").truthy());
  EXPECT_FALSE(Value::list().truthy());
  EXPECT_TRUE(Value("x").truthy());
  EXPECT_TRUE(values_equal(Value(1), Value(1.0)));
  EXPECT_FALSE(values_equal(Value(1), Value("1")));
  EXPECT_TRUE(values_equal(Value::list({Value(1)}), Value::list({Value(1)})));
}
