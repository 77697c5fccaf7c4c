#pragma once
// json.hpp — a small JSON reader that remembers where every value came from.
//
// nlohmann's DOM forgets positions, and a lesson author needs `file:line:col` for every
// problem, so lessons are parsed here into a JsonValue tree in which every value (and every
// object key) carries its 1-based line and column. Columns count Unicode code points.
// Invariants:
//   - parse_json either returns a complete tree or one JsonError pointing at the exact
//     character where the text stopped being JSON;
//   - object members keep the order of the file; duplicate keys are a parse error;
//   - nesting deeper than max_depth, texts longer than max_bytes and strings longer than
//     max_string_bytes are rejected, so hostile input costs bounded stack and memory.
//
// Sections: SourcePos · JsonValue · parse_json · helpers
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace loopscope::lesson {

// ---- SourcePos -----------------------------------------------------------------------------
struct SourcePos {
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based, in code points
};

// ---- JsonValue -----------------------------------------------------------------------------
enum class JsonType : std::uint8_t { null, boolean, number, string, array, object };

struct JsonMember;

struct JsonValue {
  JsonType type = JsonType::null;
  SourcePos pos;
  bool boolean = false;
  double number = 0;
  bool is_integer = false;          // the number was written without fraction or exponent
  std::string string;               // the string's value, or the number's source text
  std::vector<JsonValue> array;
  std::vector<JsonMember> object;

  bool is_null() const noexcept { return type == JsonType::null; }
  bool is_bool() const noexcept { return type == JsonType::boolean; }
  bool is_number() const noexcept { return type == JsonType::number; }
  bool is_string() const noexcept { return type == JsonType::string; }
  bool is_array() const noexcept { return type == JsonType::array; }
  bool is_object() const noexcept { return type == JsonType::object; }
  // The member named `key`, or nullptr (objects only).
  const JsonValue* find(std::string_view key) const noexcept;
};

struct JsonMember {
  std::string key;
  SourcePos key_pos;
  JsonValue value;
};

const char* to_string(JsonType t) noexcept;

// ---- parse_json ----------------------------------------------------------------------------
struct JsonError {
  SourcePos pos;
  std::string message;
};

struct JsonParseOptions {
  std::size_t max_depth = 128;
  std::size_t max_bytes = 8u << 20;         // 8 MiB: the whole document
  std::size_t max_string_bytes = 1u << 20;  // 1 MiB: one string value or member name (decoded)
};

// Parses a whole document (one value, surrounded by optional whitespace).
std::variant<JsonValue, JsonError> parse_json(std::string_view text, JsonParseOptions = {});

// ---- helpers -------------------------------------------------------------------------------
// Escapes `s` as one JSON pointer reference token ("~" -> "~0", "/" -> "~1").
std::string json_pointer_token(std::string_view s);
// Writes `s` as a JSON string literal (quotes included).
std::string json_quote(std::string_view s);

}  // namespace loopscope::lesson
