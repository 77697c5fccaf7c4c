// The expression and template parser.
#include "lesson/expr.hpp"

#include <gtest/gtest.h>

using namespace loopscope::lesson;

namespace {
std::string error_of(std::string_view src) {
  auto r = parse_expr(src);
  return std::holds_alternative<ExprError>(r) ? std::get<ExprError>(r).message : "";
}
int error_offset(std::string_view src) {
  auto r = parse_expr(src);
  return std::holds_alternative<ExprError>(r) ? std::get<ExprError>(r).offset : -1;
}
std::vector<std::string> names_of(std::string_view src) {
  auto r = parse_expr(src);
  std::vector<NameUse> uses;
  if (auto* e = std::get_if<Expr>(&r)) collect_names(*e->root, uses);
  std::vector<std::string> out;
  for (auto& u : uses) out.push_back(u.name);
  return out;
}
}  // namespace

TEST(Expr, ParsesPrecedenceLikePython) {
  auto r = parse_expr("a + b * 2 == 7 and not c");
  ASSERT_TRUE(std::holds_alternative<Expr>(r));
  const ExprNode& root = *std::get<Expr>(r).root;
  EXPECT_EQ(root.op, "and");
  EXPECT_EQ(root.args[0]->op, "==");
  EXPECT_EQ(root.args[0]->args[0]->op, "+");
  EXPECT_EQ(root.args[0]->args[0]->args[1]->op, "*");
  EXPECT_EQ(root.args[1]->op, "not");
}

TEST(Expr, CollectsVariableNamesButNotAttributesOrMethods) {
  EXPECT_EQ(names_of("r.status == 200 and len(done) > n"), (std::vector<std::string>{"r", "len", "done", "n"}));
  EXPECT_EQ(names_of("t.result()"), (std::vector<std::string>{"t"}));
}

TEST(Expr, ReportsErrorsWithTheirOffset) {
  EXPECT_EQ(error_of("a +"), "unexpected end of the expression");
  EXPECT_EQ(error_of("a = 1"), "'=' is not allowed here: to compare, write '=='");
  EXPECT_EQ(error_offset("a = 1"), 2);
  EXPECT_EQ(error_of("(a"), "missing ')'");
  EXPECT_EQ(error_of("f(1, 2"), "missing ')'");
  EXPECT_EQ(error_of("'abc"), "unterminated string literal");
  EXPECT_EQ(error_of("a b"), "unexpected 'b' after the expression");
  EXPECT_EQ(error_of(""), "empty expression");
  EXPECT_EQ(error_of("3(1)"), "only functions and methods can be called");
  EXPECT_EQ(error_of("a $ b"), "unexpected character '$'");
}

TEST(Expr, BoundsNesting) {
  EXPECT_EQ(error_of(std::string(200, '(') + "1" + std::string(200, ')')), "expression nested too deeply");
  EXPECT_EQ(error_of(std::string(200, '-') + "1"), "expression nested too deeply");
}

TEST(Template, SplitsLiteralTextAndFields) {
  auto r = parse_template("job {n} took {t:.1f}s {{literal}}");
  ASSERT_TRUE(std::holds_alternative<Template>(r));
  const auto& t = std::get<Template>(r);
  ASSERT_EQ(t.pieces.size(), 5u);
  EXPECT_EQ(t.pieces[0].literal, "job ");
  EXPECT_EQ(t.pieces[1].field.source, "n");
  EXPECT_EQ(t.pieces[3].spec, ".1f");
  EXPECT_EQ(t.pieces[4].literal, "s {literal}");
}

TEST(Template, AllowsColonsAndBracesInsideStringsAndCalls) {
  auto r = parse_template("{d['a:b']}");
  // Indexing a name with a string: the colon inside the quotes is not a format spec.
  ASSERT_TRUE(std::holds_alternative<Template>(r));
  EXPECT_EQ(std::get<Template>(r).pieces[0].spec, "");
}

TEST(Template, ReportsBadBracesAndSpecs) {
  auto e = [](std::string_view s) {
    auto r = parse_template(s);
    return std::holds_alternative<ExprError>(r) ? std::get<ExprError>(r).message : "";
  };
  EXPECT_EQ(e("a } b"), "single '}' in template: write '}}' for a literal brace");
  EXPECT_EQ(e("a { b"), "unclosed '{' in template: write '{{' for a literal brace");
  EXPECT_EQ(e("{x:q}"), "unsupported format spec 'q' (supported: [[fill]align][width][.precision][d|f|s|g|%])");
  EXPECT_EQ(e("{x +}"), "unexpected end of the expression");
  EXPECT_EQ(check_format_spec(">8.3f"), "");
  EXPECT_EQ(check_format_spec("*^10"), "");
}
