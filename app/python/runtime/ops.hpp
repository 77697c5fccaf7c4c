#pragma once
// ops.hpp — what Python's operators and protocols do on Values: truth, equality, hashing,
// ordering, arithmetic, str()/repr(), len, indexing, iteration, format().
// Every failure raises the Python exception CPython raises, with CPython's message.
//
// Sections: identity and type · text · truth, equality, order · arithmetic · containers ·
// iteration · formatting
#include "python/ast.hpp"
#include "python/runtime/errors.hpp"
#include "python/runtime/objects.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::python {

// ---- identity and type -----------------------------------------------------------------------
TypeObject* type_of(const Value& v);
std::string type_name(const Value& v);
bool is_instance(const Value& v, const TypeObject* t);
bool same_object(const Value& a, const Value& b);  // `is`

// ---- text ------------------------------------------------------------------------------------
std::string to_str(const Value& v);
std::string to_repr(const Value& v);
std::string float_repr(double d);
std::string str_repr(std::string_view utf8);  // 'text' with Python's quoting and escapes
// UTF-8 helpers: code point count, byte offset of code point i, code point at byte offset.
std::size_t utf8_length(std::string_view s);
std::size_t utf8_offset(std::string_view s, std::size_t index);
std::vector<std::uint32_t> utf8_decode(std::string_view s);
std::uint32_t cp_upper(std::uint32_t c);
std::uint32_t cp_lower(std::uint32_t c);
enum class CaseMode : std::uint8_t { upper, lower, title, capitalize };
std::string case_map(std::string_view s, CaseMode mode);

// ---- truth, equality, order ------------------------------------------------------------------
bool truthy(const Value& v);
bool equal(const Value& a, const Value& b);
std::size_t hash_value(const Value& v);  // TypeError for unhashable values
// a < b for numbers, strings, lists and tuples (TypeError otherwise).
bool less(const Value& a, const Value& b);
Value compare(const Value& a, CompareOperator op, const Value& b);
bool contains(const Value& container, const Value& item);

// ---- arithmetic ------------------------------------------------------------------------------
Value binary_op(const Value& a, BinaryOperator op, const Value& b);
Value unary_op(UnaryOperator op, const Value& v);
const char* operator_symbol(BinaryOperator op);

// ---- containers ------------------------------------------------------------------------------
std::int64_t length(const Value& v);
Value get_item(const Value& obj, const Value& key);
void set_item(const Value& obj, const Value& key, Value v);
void del_item(const Value& obj, const Value& key);
// Resolves a slice against a sequence of `size`: start, stop, step, count.
struct SliceBounds { std::int64_t start, stop, step, count; };
SliceBounds slice_bounds(const SliceObject& s, std::int64_t size);
std::int64_t to_index(const Value& v);  // an int (or bool); TypeError otherwise

// ---- iteration -------------------------------------------------------------------------------
// An iterator over any iterable (TypeError "'int' object is not iterable").
Ref<IteratorObject> iterate(const Value& v);
std::vector<Value> to_vector(const Value& iterable);
// Calls fn for each item (faster than iterate for lists, tuples and ranges).
void for_each(const Value& iterable, const std::function<void(const Value&)>& fn);

// ---- formatting ------------------------------------------------------------------------------
std::string format_value(const Value& v, std::string_view spec);

}  // namespace loopscope::python
