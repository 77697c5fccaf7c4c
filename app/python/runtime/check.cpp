// check.cpp — refusing what the runtime cannot run, before the run (see check.hpp).
#include "python/runtime/check.hpp"

namespace loopscope::python {

namespace {
std::optional<Refusal> attribute_target(const Expr& t) {
  if (t.is<Attribute>())
    return Refusal{t.span.line, t.span.col, "assigning to an attribute is not supported in Loopscope programs"};
  const std::vector<ExprPtr>* elts = nullptr;
  if (auto* tu = t.as<Tuple>()) elts = &tu->elts;
  if (auto* l = t.as<List>()) elts = &l->elts;
  if (auto* s = t.as<Starred>()) return attribute_target(*s->value);
  if (elts)
    for (const auto& e : *elts)
      if (auto r = attribute_target(*e)) return r;
  return std::nullopt;
}

std::optional<Refusal> check_body(const Body& body);

std::optional<Refusal> check_stmt(const Stmt& s) {
  if (auto* a = s.as<Assign>()) {
    for (const auto& t : a->targets)
      if (auto r = attribute_target(*t)) return r;
  } else if (auto* a = s.as<AugAssign>()) {
    return attribute_target(*a->target);
  } else if (auto* a = s.as<AnnAssign>()) {
    return attribute_target(*a->target);
  } else if (auto* d = s.as<Delete>()) {
    for (const auto& t : d->targets)
      if (t->is<Attribute>()) return Refusal{t->span.line, t->span.col, "deleting an attribute is not supported in Loopscope programs"};
  } else if (auto* f = s.as<For>()) {
    if (f->is_async) return Refusal{s.span.line, s.span.col, "`async for` is not supported in Loopscope programs"};
    if (auto r = attribute_target(*f->target)) return r;
    if (auto r = check_body(f->body)) return r;
    return check_body(f->orelse);
  } else if (auto* w = s.as<While>()) {
    if (auto r = check_body(w->body)) return r;
    return check_body(w->orelse);
  } else if (auto* i = s.as<If>()) {
    if (auto r = check_body(i->body)) return r;
    return check_body(i->orelse);
  } else if (auto* w = s.as<With>()) {
    if (!w->is_async)
      return Refusal{s.span.line, s.span.col,
                     "`with` is not supported in Loopscope programs: their context managers (locks, semaphores, "
                     "TaskGroup, timeouts, sessions) take `async with`"};
    for (const auto& item : w->items)
      if (item.optional_vars)
        if (auto r = attribute_target(*item.optional_vars)) return r;
    return check_body(w->body);
  } else if (auto* t = s.as<Try>()) {
    if (auto r = check_body(t->body)) return r;
    for (const auto& h : t->handlers)
      if (auto r = check_body(h.body)) return r;
    if (auto r = check_body(t->orelse)) return r;
    return check_body(t->finalbody);
  } else if (auto* f = s.as<FunctionDef>()) {
    return check_body(f->body);
  }
  return std::nullopt;
}

std::optional<Refusal> check_body(const Body& body) {
  for (const auto& s : body)
    if (auto r = check_stmt(*s)) return r;
  return std::nullopt;
}
}  // namespace

std::optional<Refusal> find_unsupported(const Module& module) { return check_body(module.body); }

}  // namespace loopscope::python
