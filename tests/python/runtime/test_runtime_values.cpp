// test_runtime_values.cpp — Values print, compare and format as CPython's do.
#include "python/runtime/ops.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace loopscope::python {
namespace {

TEST(PythonValues, FloatsPrintTheShortestTextThatReadsBackLikeCPythonsRepr) {
  EXPECT_EQ(float_repr(0.1), "0.1");
  EXPECT_EQ(float_repr(2.0), "2.0");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(INFINITY), "inf");
  EXPECT_EQ(float_repr(NAN), "nan");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
}

TEST(PythonValues, StringsCountCodePointsNotBytes) {
  Value s = py_str("héllo");
  EXPECT_EQ(length(s), 5);
  EXPECT_EQ(to_str(get_item(s, py_int(1))), "é");
  EXPECT_EQ(to_str(get_item(s, py_int(-1))), "o");
}

TEST(PythonValues, ReprQuotesLikeCPython) {
  EXPECT_EQ(to_repr(py_str("it's")), "\"it's\"");
  EXPECT_EQ(to_repr(py_str("a\nb")), "'a\\nb'");
  EXPECT_EQ(to_repr(py_tuple({py_int(1)})), "(1,)");
  EXPECT_EQ(to_repr(py_list({py_int(1), py_str("x"), Value(), py_bool(true), py_float(2.5)})), "[1, 'x', None, True, 2.5]");
}

TEST(PythonValues, IntegerDivisionAndModuloRoundTowardsNegativeInfinity) {
  EXPECT_EQ(binary_op(py_int(-7), BinaryOperator::floor_div, py_int(2)).as_int(), -4);
  EXPECT_EQ(binary_op(py_int(-7), BinaryOperator::mod, py_int(3)).as_int(), 2);
  EXPECT_EQ(binary_op(py_int(7), BinaryOperator::div, py_int(2)).as_float(), 3.5);
}

TEST(PythonValues, DivisionByZeroRaisesZeroDivisionErrorWithCPythonsMessage) {
  try {
    binary_op(py_int(1), BinaryOperator::div, py_int(0));
    FAIL();
  } catch (const PyError& e) {
    EXPECT_EQ(exception_line(*e.exception()), "ZeroDivisionError: division by zero");
  }
}

TEST(PythonValues, IntegersThatOverflow64BitsRaiseOverflowError) {
  EXPECT_THROW(binary_op(py_int(INT64_MAX), BinaryOperator::add, py_int(1)), PyError);
}

TEST(PythonValues, FormatSpecsFollowTheMiniLanguage) {
  EXPECT_EQ(format_value(py_float(3.14159), ".2f"), "3.14");
  EXPECT_EQ(format_value(py_int(42), ">5"), "   42");
  EXPECT_EQ(format_value(py_int(1234567), ","), "1,234,567");
  EXPECT_EQ(format_value(py_float(0.25), ".0%"), "25%");
  EXPECT_EQ(format_value(py_str("ab"), "*^6"), "**ab**");
  EXPECT_EQ(format_value(py_int(255), "#x"), "0xff");
  EXPECT_EQ(format_value(py_float(2.5), ""), "2.5");
}

TEST(PythonValues, EqualNumbersHashAlikeAcrossIntAndFloat) {
  EXPECT_TRUE(equal(py_int(1), py_float(1.0)));
  EXPECT_EQ(hash_value(py_int(1)), hash_value(py_float(1.0)));
  EXPECT_THROW(hash_value(py_list()), PyError);
}

TEST(PythonValues, DictsKeepInsertionOrder) {
  auto d = new_dict();
  d->set(py_str("b"), py_int(1));
  d->set(py_str("a"), py_int(2));
  d->set(py_str("b"), py_int(3));
  EXPECT_EQ(to_repr(Value(d)), "{'b': 3, 'a': 2}");
  d->erase(py_str("b"));
  EXPECT_EQ(to_repr(Value(d)), "{'a': 2}");
}

}  // namespace
}  // namespace loopscope::python
