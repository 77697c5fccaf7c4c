// The position-tracking JSON reader: values, positions, and errors at the exact character.
#include "lesson/json.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;

namespace {
JsonValue parse_ok(std::string_view text) {
  auto r = parse_json(text);
  EXPECT_TRUE(std::holds_alternative<JsonValue>(r)) << (std::holds_alternative<JsonError>(r) ? std::get<JsonError>(r).message : "");
  return std::holds_alternative<JsonValue>(r) ? std::get<JsonValue>(r) : JsonValue{};
}
JsonError parse_err(std::string_view text) {
  auto r = parse_json(text);
  EXPECT_TRUE(std::holds_alternative<JsonError>(r));
  return std::holds_alternative<JsonError>(r) ? std::get<JsonError>(r) : JsonError{};
}
}  // namespace

TEST(Json, ParsesEveryKindOfValue) {
  auto v = parse_ok(R"json({"a": [1, -2.5e1, true, false, null, "x\u00e9\n"], "b": {}})json");
  ASSERT_TRUE(v.is_object());
  const JsonValue* a = v.find("a");
  ASSERT_TRUE(a && a->is_array());
  ASSERT_EQ(a->array.size(), 6u);
  EXPECT_TRUE(a->array[0].is_integer);
  EXPECT_EQ(a->array[0].number, 1);
  EXPECT_FALSE(a->array[1].is_integer);
  EXPECT_EQ(a->array[1].number, -25);
  EXPECT_TRUE(a->array[2].boolean);
  EXPECT_FALSE(a->array[3].boolean);
  EXPECT_TRUE(a->array[4].is_null());
  EXPECT_EQ(a->array[5].string, "x\xc3\xa9\n");
  EXPECT_TRUE(v.find("b")->is_object());
}

TEST(Json, KeepsLineAndColumnOfEveryValueAndKey) {
  auto v = parse_ok("{\n  \"id\": \"x\",\n  \"list\": [\n    10\n  ]\n}");
  EXPECT_EQ(v.pos.line, 1);
  EXPECT_EQ(v.object[0].key_pos.line, 2);
  EXPECT_EQ(v.object[0].key_pos.col, 3);
  EXPECT_EQ(v.object[0].value.pos.col, 9);
  EXPECT_EQ(v.object[1].value.array[0].pos.line, 4);
  EXPECT_EQ(v.object[1].value.array[0].pos.col, 5);
}

TEST(Json, CountsColumnsInCodePointsNotBytes) {
  auto v = parse_ok("{\"\xc3\xa9\xc3\xa9\": 1}");
  EXPECT_EQ(v.object[0].value.pos.col, 8);  // {"éé": 1 — the 1 is the 8th code point
}

TEST(Json, PointsAtTheExactCharacterOfASyntaxError) {
  auto e = parse_err("{\n  \"a\": 1,\n  \"b\" 2\n}");
  EXPECT_EQ(e.pos.line, 3);
  EXPECT_EQ(e.pos.col, 7);
  EXPECT_EQ(e.message, "unexpected character '2': expected ':' after the member name");
}

TEST(Json, RejectsTrailingCommasCommentsAndDuplicates) {
  EXPECT_EQ(parse_err("[1, 2,]").message, "trailing comma before ']'");
  EXPECT_EQ(parse_err("{\"a\": 1, }").message, "trailing comma before '}'");
  EXPECT_EQ(parse_err("// hi\n{}").message, "comments are not allowed in JSON");
  auto d = parse_err("{\"a\": 1, \"a\": 2}");
  EXPECT_EQ(d.message, "duplicate member 'a' (first at line 1)");
  EXPECT_EQ(d.pos.col, 10);
}

TEST(Json, RejectsBadStringsAndNumbers) {
  EXPECT_EQ(parse_err("\"abc").message, "unterminated string (it starts here)");
  EXPECT_EQ(parse_err("\"a\\x\"").message, "invalid escape '\\x' in string");
  EXPECT_EQ(parse_err("\"\\ud800\"").message, "unpaired UTF-16 surrogate in \\u escape");
  EXPECT_EQ(parse_err("\"\xff\"").message, "invalid UTF-8 byte in string");
  EXPECT_EQ(parse_err("012").message, "numbers must not have leading zeros");
  EXPECT_EQ(parse_err("1.").message, "invalid number: expected a digit after '.'");
  EXPECT_EQ(parse_err("1e999").message, "number out of range");
  EXPECT_EQ(parse_err("tru").message, "unexpected end of file inside 'true'");
}

TEST(Json, BoundsNestingDepthSoHostileInputCannotOverflowTheStack) {
  std::string deep(100000, '[');
  auto e = parse_err(deep);
  EXPECT_EQ(e.message, "nesting is deeper than 128 levels");
  EXPECT_EQ(e.pos.col, 129);
}

TEST(Json, DecodesSurrogatePairs) {
  auto v = parse_ok("\"\\ud83d\\ude00\"");
  EXPECT_EQ(v.string, "\xf0\x9f\x98\x80");
}

TEST(Json, QuotesAndPointerTokensEscapeCorrectly) {
  EXPECT_EQ(json_quote("a\"b\\\n\x01"), "\"a\\\"b\\\\\\n\\u0001\"");
  EXPECT_EQ(json_pointer_token("a/b~c"), "a~1b~0c");
}

TEST(Json, BoundsTheLengthOfOneStringAndSaysWhereItStarts) {
  JsonParseOptions small;
  small.max_string_bytes = 8;
  EXPECT_TRUE(std::holds_alternative<JsonValue>(parse_json(R"(["12345678"])", small)));
  auto r = parse_json("[\n \"123456789\"]", small);
  ASSERT_TRUE(std::holds_alternative<JsonError>(r));
  EXPECT_EQ(std::get<JsonError>(r).message, "string longer than 8 bytes (it starts here)");
  EXPECT_EQ(std::get<JsonError>(r).pos.line, 2);
  EXPECT_EQ(std::get<JsonError>(r).pos.col, 2);
  EXPECT_EQ(JsonParseOptions{}.max_string_bytes, 1u << 20);
  EXPECT_EQ(JsonParseOptions{}.max_bytes, 8u << 20);
  EXPECT_EQ(JsonParseOptions{}.max_depth, 128u);
}
