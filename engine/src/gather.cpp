// gather.cpp — the gathering future's logic (see gather.hpp), after CPython 3.11's gather().
#include <loopscope/event_loop.hpp>
#include <loopscope/gather.hpp>

namespace loopscope::detail {

std::string GatherChild::cancel_message() const {
  if (future) return future->cancel_message();
  const auto* x = task->extras_if();
  return x ? x->cancel_message : std::string();
}

std::string GatherChild::name() const { return task ? task->name() : future->describe().label; }

GatherBase::GatherBase(FutureCore& outer, std::vector<GatherChild> children, bool return_exceptions)
    : m_children(std::move(children)), m_outer(&outer), m_nodes(m_children.size()),
      m_return_exceptions(return_exceptions) {
  for (auto& n : m_nodes) {
    n.owner = this;
    n.m_run = &GatherBase::run_child;
    n.m_label = "gather: child done";
  }
}

void GatherBase::start() {
  if (m_children.empty()) {
    fill_result();
    m_outer->finish_with_result();
    return;
  }
  m_outer->add_ref();  // the callbacks' reference: the state lives until every child finished
  for (std::size_t i = 0; i < m_children.size(); ++i) m_children[i].add_waiter(m_nodes[i]);
}

void GatherBase::run_child(ReadyNode* n) {
  auto* node = static_cast<Node*>(n);
  GatherBase* g = node->owner;
  FutureCore* outer = g->m_outer;
  EventLoop& loop = outer->loop();
  g->child_done(g->m_children[static_cast<std::size_t>(node - g->m_nodes.data())]);
  if (g->m_finished == g->m_children.size()) outer->release();
  // Loop bookkeeping only: whatever comes next follows at once (one clock read less a child).
  if (loop.tracing()) loop.reuse_trace_time();
}

void GatherBase::child_done(const GatherChild& c) {
  ++m_finished;
  const TaskState s = c.state();
  if (m_outer->done()) {
    if (s != TaskState::cancelled) c.mark_retrieved();
    return;
  }
  if (!m_return_exceptions) {
    if (s == TaskState::cancelled) {
      m_outer->finish_with_exception(std::make_exception_ptr(CancelledError(c.cancel_message())));
      return;
    }
    if (s == TaskState::failed) {
      c.mark_retrieved();
      m_outer->finish_with_exception(c.exception());
      return;
    }
  } else if (s != TaskState::cancelled) {
    c.mark_retrieved();
  }
  if (m_finished < m_children.size()) return;
  if (m_cancel_requested) {
    m_outer->finish_with_exception(std::make_exception_ptr(CancelledError(c.cancel_message())));
    return;
  }
  fill_result();
  m_outer->finish_with_result();
}

bool GatherBase::cancel_children(std::string_view msg) {
  bool any = false;
  for (auto& c : m_children)
    if (c.cancel(msg)) any = true;
  if (any) m_cancel_requested = true;
  return any;
}

AwaitTarget GatherBase::describe_gather() const {
  AwaitTarget a;
  a.kind = AwaitKind::gather;
  a.target = m_outer->id();
  // The first names, then a count: a gather of 100k tasks gets a readable label, not 1 MB.
  constexpr std::size_t shown = 8;
  std::string label = "gather(";
  for (std::size_t i = 0; i < m_children.size() && i < shown; ++i) {
    if (i) label += ", ";
    label += m_children[i].name();
  }
  if (m_children.size() > shown) label += ", … " + std::to_string(m_children.size() - shown) + " more";
  label += ')';
  a.label = std::move(label);
  return a;
}

}  // namespace loopscope::detail
