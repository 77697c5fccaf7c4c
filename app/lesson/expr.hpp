#pragma once
// expr.hpp — the small Python-like expression language of lesson programs.
//
// Wherever a lesson needs a computed value (a sleep's seconds, an `if` condition, a print
// template's fields) it writes an expression as a string, e.g. "jobs * 0.5", "r.status == 200",
// "len(done)". A Template is a string with `{expr}` or `{expr:spec}` fields, like a Python
// f-string ("job {n} done in {t:.1f}s"); `{{` and `}}` stand for literal braces.
//
// Grammar (lowest precedence first):
//   or:      and ("or" and)*           and:   not ("and" not)*        not: "not" not | compare
//   compare: sum (("=="|"!="|"<"|"<="|">"|">="|"in"|"not in") sum)?
//   sum:     product (("+"|"-") product)*   product: unary (("*"|"/"|"//"|"%") unary)*
//   unary:   "-" unary | postfix       postfix: primary ("." NAME | "(" args ")" | "[" or "]")*
//   primary: NUMBER | STRING | True | False | None | NAME | "(" or ")" | "[" args "]"
// Parsing happens when the lesson is loaded; evaluation is the interpreter's (value.hpp).
// Invariant: a successfully parsed Expr always has a non-null root.
//
// Sections: Literal · ExprNode · Expr · Template · parsing
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loopscope::lesson {

// ---- Literal -------------------------------------------------------------------------------
struct NoneLiteral {
  bool operator==(const NoneLiteral&) const = default;
};
using Literal = std::variant<NoneLiteral, bool, std::int64_t, double, std::string>;

// ---- ExprNode ------------------------------------------------------------------------------
enum class ExprKind : std::uint8_t {
  literal,    // `literal`
  name,       // a variable, a param, a declared object, or a builtin function name: `text`
  unary,      // `op` ("-" or "not") applied to args[0]
  binary,     // args[0] `op` args[1]; op is one of + - * / // % == != < <= > >= in "not in" and or
  attribute,  // args[0] . `text`
  call,       // args[0] ( args[1..] ) — args[0] is a name or an attribute (a method)
  index,      // args[0] [ args[1] ]
  list,       // [ args... ]
};

struct ExprNode {
  ExprKind kind = ExprKind::literal;
  Literal literal;
  std::string text;   // name / attribute
  std::string op;     // unary or binary operator
  std::vector<std::shared_ptr<const ExprNode>> args;
  int offset = 0;     // byte offset of this node in the expression's source
};

// ---- Expr ----------------------------------------------------------------------------------
// A parsed expression. Cheap to copy (the tree is shared and immutable).
struct Expr {
  std::shared_ptr<const ExprNode> root;
  std::string source;  // as written; for a JSON number or boolean, its text

  static Expr constant(Literal v, std::string source);
  bool valid() const noexcept { return root != nullptr; }
};

// Every variable name an expression reads (not attribute or method names), with its offset.
struct NameUse {
  std::string name;
  int offset = 0;
};
void collect_names(const ExprNode& node, std::vector<NameUse>& out);

// ---- Template ------------------------------------------------------------------------------
struct TemplatePiece {
  std::string literal;        // text to copy (when field is not valid)
  Expr field;                 // an expression to format
  std::string spec;           // the format spec after ':' ("", ".1f", ">6", "d"…)
  int offset = 0;             // byte offset of the field's expression in the template source
};

struct Template {
  std::vector<TemplatePiece> pieces;
  std::string source;
  bool empty() const noexcept { return source.empty(); }
};

// ---- parsing -------------------------------------------------------------------------------
struct ExprError {
  int offset = 0;       // byte offset in the source where the problem is
  std::string message;
};

std::variant<Expr, ExprError> parse_expr(std::string_view source);
std::variant<Template, ExprError> parse_template(std::string_view source);
// Checks a format spec of the supported subset: [[fill]align][width][.precision][type]
// with align in "<>^", type in "dfsg%"; returns an error message or an empty string.
std::string check_format_spec(std::string_view spec);

}  // namespace loopscope::lesson
