#pragma once
// ast.hpp — the syntax tree of a Loopscope Python program (the subset of Python 3.11 that
// docs/python-subset.md documents). Produced by python::parse() (parser.hpp); read by the runtime.
//
// Shape: every expression is an `Expr` and every statement a `Stmt`; each holds its source `span`
// and a std::variant `node` of the concrete node structs below, so a walker does
//     std::visit([&](auto& n) { ... }, expr.node);
// or `if (auto* call = expr.as<Call>())`. Children are owned through ExprPtr/StmtPtr
// (std::unique_ptr). The tree mirrors CPython's `ast` module closely (same node names where they
// exist, `elif` is a nested If in `orelse`, `x < y < z` is one Compare), so CPython's docs explain
// it. Differences from CPython's ast:
//   * Constants are separate nodes (NoneLiteral, BoolLiteral, IntLiteral, ...), not one Constant.
//   * f-strings are one FString node whose parts are literal text or formatted fields; a format
//     spec is itself a list of parts (nested fields allowed: f"{x:{width}.{prec}f}").
//   * Adjacent string literals are concatenated by the parser ("a" "b" -> StrLiteral "ab"); if any
//     of them is an f-string, the result is one FString.
//   * Parameters carry their own default (Parameter::default_value) instead of parallel lists.
//   * Decorators, class, yield, match, star-imports, relative imports, complex numbers, etc. are
//     refused by the parser, so no node exists for them.
//
// Spans (SourceSpan): 1-based line and 1-based column counted in Unicode code points, as CPython
// reports SyntaxError positions; (end_line, end_col) is just past the node (exclusive). So CPython's
// ast `col_offset` (0-based) corresponds to `col - 1` when the line is ASCII.
// Invariant: every node the parser produces has a span inside the source with end >= start.
//
// Scopes: after a successful parse, python::parse() runs the scope pass (scope.hpp) which fills
// the `scope` member (ScopeInfo) of Module, FunctionDef, Lambda and the comprehensions
// (ListComp, SetComp, DictComp, GeneratorExp each have their own scope, as in Python 3).
// A name that appears in none of a scope's lists and is not local is looked up in the enclosing
// function scopes (see `free`), then module globals, then builtins — Python's LEGB rule.
//
// Contract with the runtime: after the first commit this header changes only additively; every
// change is listed here.
// Changes since the first commit (comments only; no type or member changed):
//   1. ScopeInfo: a comprehension's `nonlocals` (or `globals`, at module level) also lists a
//      walrus target in it, which binds in the enclosing function (module), as CPython's
//      symbol table has it; the scopes equal CPython's symtable on the test corpus.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace loopscope::python {

struct SourceSpan {
  int line = 1;
  int col = 1;
  int end_line = 1;
  int end_col = 1;
};

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;  // a block; never empty in a parsed program (at least `pass`)

// Names a scope binds or declares. Lists are in order of first appearance and hold no duplicates.
struct ScopeInfo {
  std::vector<std::string> params;     // parameters, in declaration order (also in `locals`)
  std::vector<std::string> locals;     // every name bound in this scope (assigned, deleted,
                                       // for-target, with-as, except-as, import, def, parameter)
                                       // and not declared global/nonlocal. Module: its globals.
  std::vector<std::string> globals;    // declared `global` here (or, in the module, empty)
  std::vector<std::string> nonlocals;  // declared `nonlocal` here; in a comprehension also a
                                       // walrus target bound by the enclosing function (a module
                                       // comprehension lists such a target in `globals`)
  std::vector<std::string> free;       // used here (or in a nested scope) but bound in an
                                       // enclosing *function* scope: closure variables
  std::vector<std::string> cells;      // locals of this scope that a nested scope uses (free
                                       // there): they must live in a shared cell
};

// Where a Name/Attribute/Subscript/Starred/List/Tuple expression sits: read, assigned or deleted.
enum class ExprContext : std::uint8_t { load, store, del };

enum class UnaryOperator : std::uint8_t { invert /* ~ */, not_ /* not */, plus /* + */, minus /* - */ };

enum class BinaryOperator : std::uint8_t {
  add, sub, mult, mat_mult, div, mod, pow, lshift, rshift, bit_or, bit_xor, bit_and, floor_div,
};

enum class BoolOperator : std::uint8_t { and_, or_ };

enum class CompareOperator : std::uint8_t { eq, not_eq_, lt, lt_e, gt, gt_e, is, is_not, in, not_in };

// ---- Expressions -----------------------------------------------------------------------------

struct NoneLiteral {};
struct EllipsisLiteral {};  // `...`
struct BoolLiteral { bool value = false; };
struct IntLiteral { std::int64_t value = 0; };  // literals beyond int64 are refused
struct FloatLiteral { double value = 0.0; };
struct StrLiteral { std::string value; };        // UTF-8; escapes already decoded
struct BytesLiteral { std::string value; };      // raw bytes (each char one byte 0..255)

// One piece of an f-string: literal text, or a replacement field `{value!conv:spec}`.
struct FStringPart {
  enum class Kind : std::uint8_t { literal, field };
  Kind kind = Kind::literal;
  SourceSpan span;
  std::string text;                       // literal: the decoded text ({{ and }} already single)
  ExprPtr value;                          // field: the expression (never null for a field)
  char conversion = 0;                    // field: 0, 'r', 's' or 'a'
  bool has_format_spec = false;           // field: a ':' was present (the spec may be empty)
  std::vector<FStringPart> format_spec;   // field: the spec's parts (literal text and nested fields)
  std::string debug_text;                 // field: for f"{x = }", the text "x = " to print
                                          // before the value (then conversion defaults to 'r'
                                          // when neither a conversion nor a spec is given);
                                          // empty when there is no '='
};
struct FString { std::vector<FStringPart> parts; };

struct Name {
  std::string id;
  ExprContext ctx = ExprContext::load;
};
struct Attribute {
  ExprPtr value;
  std::string attr;
  SourceSpan attr_span;  // the attribute name alone
  ExprContext ctx = ExprContext::load;
};
struct Subscript {
  ExprPtr value;
  ExprPtr slice;  // an index expression, a Slice, or a Tuple (which may contain Slices): a[1:2, 3]
  ExprContext ctx = ExprContext::load;
};
struct Slice { ExprPtr lower, upper, step; };  // each may be null; only inside Subscript::slice
struct Starred {                               // *value in a call, display, or assignment target
  ExprPtr value;
  ExprContext ctx = ExprContext::load;
};

struct Keyword {             // a keyword argument `arg=value`, or `**value` when arg is empty
  std::optional<std::string> arg;
  ExprPtr value;
  SourceSpan span;
};
struct Call {
  ExprPtr func;
  std::vector<ExprPtr> args;      // positional arguments in order; `*x` appears as Starred
  std::vector<Keyword> keywords;  // keyword and `**` arguments in order
};

struct UnaryOp { UnaryOperator op; ExprPtr operand; };
struct BinOp { ExprPtr left; BinaryOperator op; ExprPtr right; };
struct BoolOp { BoolOperator op; std::vector<ExprPtr> values; };  // values.size() >= 2
struct Compare {                                                   // left op0 c0 op1 c1 ...
  ExprPtr left;
  std::vector<CompareOperator> ops;
  std::vector<ExprPtr> comparators;  // same size as ops, >= 1
};
struct IfExp { ExprPtr test, body, orelse; };  // body if test else orelse
struct NamedExpr { ExprPtr target; ExprPtr value; };  // target := value (target is a Name)
struct Await { ExprPtr value; };

struct Parameter {
  std::string name;
  SourceSpan span;        // the name (and annotation/default) as written
  ExprPtr annotation;     // may be null; never evaluated by the subset's semantics beyond parsing
  ExprPtr default_value;  // may be null
};
struct Parameters {
  std::vector<Parameter> posonly;  // before `/`
  std::vector<Parameter> args;     // ordinary positional-or-keyword
  std::optional<Parameter> vararg; // *args
  std::vector<Parameter> kwonly;   // after `*` or `*args`; default_value may be null (required)
  std::optional<Parameter> kwarg;  // **kwargs
};
struct Lambda {
  Parameters params;
  ExprPtr body;
  ScopeInfo scope;
};

struct List { std::vector<ExprPtr> elts; ExprContext ctx = ExprContext::load; };   // may hold Starred
struct Tuple {
  std::vector<ExprPtr> elts;  // may hold Starred
  ExprContext ctx = ExprContext::load;
  bool parenthesized = false;  // written with ( ); a bare `a, b` is not
};
struct Set { std::vector<ExprPtr> elts; };  // non-empty (`{}` is a Dict); may hold Starred
struct DictItem {
  ExprPtr key;  // null for `**value` unpacking
  ExprPtr value;
};
struct Dict { std::vector<DictItem> items; };

struct Comprehension {  // `[async] for target in iter if cond1 if cond2 ...`
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
  bool is_async = false;
  SourceSpan span;
};
struct ListComp { ExprPtr elt; std::vector<Comprehension> generators; ScopeInfo scope; };
struct SetComp { ExprPtr elt; std::vector<Comprehension> generators; ScopeInfo scope; };
struct DictComp { ExprPtr key, value; std::vector<Comprehension> generators; ScopeInfo scope; };
struct GeneratorExp { ExprPtr elt; std::vector<Comprehension> generators; ScopeInfo scope; };

using ExprNode = std::variant<
    NoneLiteral, EllipsisLiteral, BoolLiteral, IntLiteral, FloatLiteral, StrLiteral, BytesLiteral,
    FString, Name, Attribute, Subscript, Slice, Starred, Call, UnaryOp, BinOp, BoolOp, Compare,
    IfExp, NamedExpr, Await, Lambda, List, Tuple, Set, Dict, ListComp, SetComp, DictComp,
    GeneratorExp>;

struct Expr {
  SourceSpan span;
  ExprNode node;

  template <class T> [[nodiscard]] T* as() { return std::get_if<T>(&node); }
  template <class T> [[nodiscard]] const T* as() const { return std::get_if<T>(&node); }
  template <class T> [[nodiscard]] bool is() const { return std::holds_alternative<T>(node); }
};

// ---- Statements ------------------------------------------------------------------------------

struct FunctionDef {  // `def` or `async def`
  std::string name;
  SourceSpan name_span;
  Parameters params;
  Body body;
  ExprPtr returns;  // the `-> annotation`, may be null
  bool is_async = false;
  ScopeInfo scope;
};
struct Return { ExprPtr value; };  // value may be null
struct Delete { std::vector<ExprPtr> targets; };
struct Assign {  // t1 = t2 = value; targets in source order (ctx store); may be Tuple/List/Starred
  std::vector<ExprPtr> targets;
  ExprPtr value;
};
struct AugAssign { ExprPtr target; BinaryOperator op; ExprPtr value; };  // target op= value
struct AnnAssign {  // target: annotation [= value]
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;        // may be null
  bool simple = false;  // target is a bare Name (not parenthesized), as CPython's `simple`
};
struct For {
  ExprPtr target;
  ExprPtr iter;
  Body body;
  Body orelse;  // the `else:` block, may be empty
  bool is_async = false;
};
struct While { ExprPtr test; Body body; Body orelse; };
struct If { ExprPtr test; Body body; Body orelse; };  // `elif` = an If alone in orelse
struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;  // the `as` target, may be null
};
struct With {
  std::vector<WithItem> items;
  Body body;
  bool is_async = false;
};
struct Raise { ExprPtr exc; ExprPtr cause; };  // both may be null (bare `raise`)
struct ExceptHandler {
  ExprPtr type;      // null for a bare `except:`
  std::string name;  // the `as` name, empty when absent
  Body body;
  SourceSpan span;   // from `except` to the end of its block
};
struct Try {
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse;
  Body finalbody;
  bool is_star = false;  // `except*` handlers (then every handler is a star handler)
};
struct Assert { ExprPtr test; ExprPtr msg; };  // msg may be null
struct Alias {
  std::string name;    // dotted for `import a.b`; a plain name in from-imports
  std::string asname;  // empty when there is no `as`
  SourceSpan span;
};
struct Import { std::vector<Alias> names; };
struct ImportFrom {
  std::string module;  // dotted; relative imports are refused, so never empty
  std::vector<Alias> names;
};
struct Global { std::vector<std::string> names; };
struct Nonlocal { std::vector<std::string> names; };
struct ExprStmt { ExprPtr value; };
struct Pass {};
struct Break {};
struct Continue {};

using StmtNode = std::variant<
    FunctionDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With, Raise, Try,
    Assert, Import, ImportFrom, Global, Nonlocal, ExprStmt, Pass, Break, Continue>;

struct Stmt {
  SourceSpan span;
  StmtNode node;

  template <class T> [[nodiscard]] T* as() { return std::get_if<T>(&node); }
  template <class T> [[nodiscard]] const T* as() const { return std::get_if<T>(&node); }
  template <class T> [[nodiscard]] bool is() const { return std::holds_alternative<T>(node); }
};

struct Module {
  Body body;  // may be empty (an empty file)
  ScopeInfo scope;
};

}  // namespace loopscope::python
