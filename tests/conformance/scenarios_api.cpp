// scenarios_api.cpp — C++ versions of the scenarios for the API added by the engine issue
// (futures, shield, gather as a future, timeouts as objects, Condition, Barrier, the queue
// family, warnings…): same names and lines as tests/conformance/scenarios/*.py.
//
// Sections: one section per scenario (alphabetical) · registry
#include "scenarios.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

using namespace loopscope;

namespace conformance {
namespace {

std::string when_text(std::optional<double> w) { return w ? fmt2(*w) : "None"; }

// ---- as_completed_timeout ------------------------------------------------------------------
Coro<std::string> act_job(std::string name, double d) {
  co_await sleep(d);
  say(T() + " " + name + " finished");
  co_return name;
}
Coro<> as_completed_timeout() {
  std::vector<Task<std::string>> tasks{create_task(act_job("slow", 2)), create_task(act_job("fast", 0.1)),
                                       create_task(act_job("mid", 0.5))};
  try {
    AsCompleted<std::string> ac(tasks, 1.0);
    while (ac.has_next()) {
      Task<std::string> t = co_await ac.next();
      say(T() + " got " + t.result());
    }
  } catch (const TimeoutError&) {
    say(T() + " timed out");
  }
  say(T() + " slow done=" + py_bool(tasks[0].done()));
  const std::string at = T();
  const std::string v = co_await tasks[0];
  say(at + " slow gives " + v);
}

// ---- barrier -------------------------------------------------------------------------------
Coro<> ba_party(Barrier& b, std::string name, double d) {
  co_await sleep(d);
  say(T() + " " + name + " arrives, n_waiting=" + std::to_string(b.n_waiting()));
  int i = co_await b.wait();
  say(T() + " " + name + " passes with index " + std::to_string(i));
}
Coro<> ba_stuck(Barrier& b, std::string name) {
  try {
    co_await b.wait();
  } catch (const BrokenBarrierError&) {
    say(T() + " " + name + " sees BrokenBarrierError");
  }
}
Coro<> barrier() {
  Barrier b(3);
  {
    std::vector<Task<>> v{create_task(ba_party(b, "a", 0.1)), create_task(ba_party(b, "b", 0.3)),
                          create_task(ba_party(b, "c", 0.2))};
    co_await gather(v);
  }
  say(T() + " round two");
  {
    std::vector<Task<>> v{create_task(ba_party(b, "d", 0.1)), create_task(ba_party(b, "e", 0.1)),
                          create_task(ba_party(b, "f", 0.2))};
    co_await gather(v);
  }
  std::vector<Task<>> ts{create_task(ba_stuck(b, "g")), create_task(ba_stuck(b, "h"))};
  co_await sleep(0.1);
  say(T() + " aborting with n_waiting=" + std::to_string(b.n_waiting()));
  co_await b.abort();
  co_await gather(ts);
  say(T() + " broken=" + py_bool(b.broken()));
}

// ---- bounded_semaphore ---------------------------------------------------------------------
Coro<> bs_job(BoundedSemaphore& sem, std::string name, double d) {
  co_await sem.acquire();
  say(T() + " " + name + " in, locked=" + py_bool(sem.locked()));
  co_await sleep(d);
  sem.release();
  say(T() + " " + name + " out");
}
Coro<> bounded_semaphore() {
  BoundedSemaphore sem(2);
  std::vector<Task<>> v{create_task(bs_job(sem, "a", 0.2)), create_task(bs_job(sem, "b", 0.1)),
                        create_task(bs_job(sem, "c", 0.1))};
  co_await gather(v);
  try {
    sem.release();
  } catch (const ValueError& e) {
    say(T() + " " + e.what());
  }
  co_await sem.acquire();
  sem.release();
  say(T() + " acquire and release once more: fine");
}

// ---- call_soon_later_at --------------------------------------------------------------------
std::function<void()> cb(std::string name) {
  return [name] { say(T() + " " + name); };
}
Coro<> call_soon_later_at() {
  EventLoop& loop = *EventLoop::current();
  loop.call_soon(cb("soon 1"));
  Handle h = loop.call_soon(cb("soon cancelled"));
  loop.call_soon(cb("soon 2"));
  h.cancel();
  say(T() + " handle cancelled=" + py_bool(h.cancelled()));
  const double t0 = loop.time();
  loop.call_later(0.3, cb("later 0.3 a"));
  loop.call_later(0.1, cb("later 0.1"));
  loop.call_later(0.3, cb("later 0.3 b"));
  loop.call_later(0.3, cb("later 0.3 c"));
  TimerHandle th = loop.call_later(0.2, cb("later cancelled"));
  say(T() + " timer handle when=" + fmt2(th.when() - t0));
  th.cancel();
  loop.call_at(t0 + 0.25, cb("at 0.25"));
  loop.call_at(t0 + 0.5, cb("at 0.5"));
  say(T() + " yielding");
  co_await sleep(0);
  say(T() + " after the yield");
  co_await sleep(1);
  std::function<void(int)> chain = [&loop, &chain](int n) {
    say(T() + " chain " + std::to_string(n));
    if (n < 3) loop.call_soon([&chain, n] { chain(n + 1); });
  };
  loop.call_soon([&chain] { chain(1); });
  loop.call_soon(cb("between"));
  co_await sleep(0.1);
  say(T() + " done");
}

// ---- cancel_message ------------------------------------------------------------------------
std::string args_of(const CancelledError& e) {
  return e.message().empty() ? "()" : "('" + e.message() + "',)";
}
Coro<> cm_sleeper() {
  try {
    co_await sleep(1);
  } catch (const CancelledError& e) {
    say(T() + " sleeper got CancelledError" + args_of(e));
    throw;
  }
}
Coro<> cancel_message() {
  auto t = create_task(cm_sleeper());
  co_await sleep(0.1);
  t.cancel("stop now");
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " awaiter sees the task cancelled=" + py_bool(t.cancelled()));
  }
  auto fut = EventLoop::current()->create_future<>();
  fut.cancel("no longer needed");
  try {
    fut.result();
  } catch (const CancelledError& e) {
    say(T() + " result() raises CancelledError" + args_of(e));
  }
  t = create_task(cm_sleeper());
  co_await sleep(0);
  t.cancel();
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " done");
  }
}

// ---- cancelling_uncancel -------------------------------------------------------------------
Coro<std::string> cu_worker() {
  bool cancelled = false;
  try {
    co_await sleep(1);
  } catch (const CancelledError&) {
    cancelled = true;
  }
  if (!cancelled) co_return "not cancelled";
  AnyTask t = current_task();
  say(T() + " worker cancelled, cancelling=" + std::to_string(t.cancelling()));
  say(T() + " uncancel -> " + std::to_string(t.uncancel()));
  co_await sleep(0.2);
  say(T() + " worker carried on, cancelling=" + std::to_string(t.cancelling()));
  co_return "recovered";
}
Coro<> cu_sleep(double d) { co_await sleep(d); }
Coro<> cu_scoped() {
  AnyTask t = current_task();
  try {
    co_await timeout(0.1, cu_sleep(1));
  } catch (const TimeoutError&) {
    say(T() + " timeout withdrew its cancel: cancelling=" + std::to_string(t.cancelling()));
  }
}
Coro<> cancelling_uncancel() {
  auto t = create_task(cu_worker());
  co_await sleep(0.1);
  t.cancel();
  t.cancel();
  say(T() + " after two cancel() calls cancelling=" + std::to_string(t.cancelling()));
  std::string r = co_await t;
  say(T() + " result " + r + ", cancelled=" + py_bool(t.cancelled()) + ", cancelling=" +
      std::to_string(t.cancelling()));
  say(T() + " main cancelling=" + std::to_string(current_task().cancelling()));
  co_await cu_scoped();
}

// ---- condition -----------------------------------------------------------------------------
Coro<> cd_consumer(Condition& cond, std::string name, std::vector<std::string>& box) {
  co_await cond.acquire();
  say(T() + " " + name + " waiting");
  co_await cond.wait_for([&box] { return !box.empty(); });
  std::string item = box.front();
  box.erase(box.begin());
  say(T() + " " + name + " took " + item);
  cond.release();
}
Coro<> cd_waiter(Condition& cond) {
  co_await cond.acquire();
  try {
    co_await cond.wait();
  } catch (const CancelledError&) {
    say(T() + " waiter cancelled, holds the lock=" + py_bool(cond.locked()));
    cond.release();
    throw;
  }
  cond.release();
}
Coro<> condition() {
  Condition cond;
  std::vector<std::string> box;
  std::vector<Task<>> tasks;
  for (auto n : {"c1", "c2", "c3"}) tasks.push_back(create_task(cd_consumer(cond, n, box)));
  co_await sleep(0.1);
  co_await cond.acquire();
  box.push_back("x");
  cond.notify();
  say(T() + " notified one");
  cond.release();
  co_await sleep(0.1);
  co_await cond.acquire();
  box.push_back("y");
  box.push_back("z");
  cond.notify_all();
  say(T() + " notified all");
  cond.release();
  co_await gather(tasks);
  try {
    cond.notify();
  } catch (const RuntimeError& e) {
    say(T() + " " + e.what());
  }
  auto t = create_task(cd_waiter(cond));
  co_await sleep(0.1);
  t.cancel();
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " lock free again=" + py_bool(!cond.locked()));
  }
}

// ---- current_task --------------------------------------------------------------------------
Coro<TaskId> ct_who(std::string label) {
  AnyTask t = current_task();
  say(T() + " " + label + " runs in " + t.name());
  co_await sleep(0.1);
  say(T() + " " + label + " still in " + current_task().name() + ", same=" + py_bool(current_task() == t));
  co_return t.id();
}
Coro<> current_task_scenario() {
  AnyTask me = current_task();
  say(T() + " main is " + me.name());
  auto t1 = create_task(ct_who("first"));
  auto t2 = create_task(ct_who("second"), "custom");
  TaskId r1 = co_await t1;
  say(T() + " first returned its own task: " + py_bool(r1 == t1.id()));
  TaskId r = co_await ct_who("inline");
  say(T() + " inline ran in main's task: " + py_bool(r == me.id()));
  co_await t2;
  say(T() + " done");
}

// ---- futures -------------------------------------------------------------------------------
Coro<> fu_setter(Future<int> fut, int value, double d) {
  co_await sleep(d);
  say(T() + " setting " + std::to_string(value));
  fut.set_result(value);
  say(T() + " set_result returned, done=" + py_bool(fut.done()));
}
Coro<> fu_wait_on(Future<> f) {
  try {
    co_await f;
  } catch (const CancelledError&) {
    say(T() + " waiter saw CancelledError");
    throw;
  }
}
Coro<> futures() {
  EventLoop& loop = *EventLoop::current();
  auto fut = loop.create_future<int>();
  fut.add_done_callback([](Future<int> f) { say(T() + " callback 1 sees " + std::to_string(f.result())); });
  auto s = create_task(fu_setter(fut, 42, 0.5));
  say(T() + " awaiting, done=" + py_bool(fut.done()));
  int r = co_await fut;
  say(T() + " got " + std::to_string(r));
  fut.add_done_callback([](Future<int> f) { say(T() + " late callback sees " + std::to_string(f.result())); });
  try {
    fut.set_result(1);
  } catch (const InvalidStateError&) {
    say(T() + " second set_result: InvalidStateError");
  }
  co_await sleep(0);
  co_await s;
  auto f2 = loop.create_future<>();
  loop.call_later(0.25, [f2]() mutable { f2.set_exception(ValueError("bad value")); });
  try {
    co_await f2;
  } catch (const ValueError& e) {
    say(T() + " f2 raised " + e.what());
  }
  auto f3 = loop.create_future<>();
  auto t = create_task(fu_wait_on(f3));
  co_await sleep(0.1);
  const bool first = f3.cancel();
  const bool again = f3.cancel();
  say(T() + " cancel returns " + py_bool(first) + ", again " + py_bool(again));
  say(T() + " f3 cancelled=" + py_bool(f3.cancelled()) + " done=" + py_bool(f3.done()));
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " task cancelled=" + py_bool(t.cancelled()));
  }
  auto f4 = loop.create_future<>();
  auto t4 = create_task(fu_wait_on(f4));
  co_await sleep(0);
  t4.cancel();
  co_await sleep(0);
  say(T() + " cancelling the task cancelled its future: " + py_bool(f4.cancelled()));
  try {
    co_await t4;
  } catch (const CancelledError&) {
    say(T() + " done");
  }
}

// ---- gather_future_cancel ------------------------------------------------------------------
Coro<std::string> gfc_child(std::string name, double d, bool absorb = false) {
  try {
    co_await sleep(d);
    say(T() + " " + name + " finished");
    co_return name;
  } catch (const CancelledError&) {
    say(T() + " " + name + " got CancelledError");
    if (!absorb) throw;
  }
  co_return name + " absorbed";
}
Coro<> gfc_awaiter() { co_await gather(gfc_child("e", 1), gfc_child("f", 1)); }
Coro<> gather_future_cancel() {
  auto g = gather(gfc_child("a", 1), gfc_child("b", 2));
  co_await sleep(0.5);
  say(T() + " cancel returns " + py_bool(g.cancel()));
  try {
    co_await g;
  } catch (const CancelledError&) {
    say(T() + " gather raised CancelledError, cancelled=" + py_bool(g.cancelled()));
  }
  auto g2 = gather(gfc_child("c", 1, true), gfc_child("d", 1, true));
  co_await sleep(0.5);
  g2.cancel();
  try {
    auto r = co_await g2;
    say(T() + " gather returned " + py_list({std::get<0>(r), std::get<1>(r)}));
  } catch (const CancelledError&) {
    say(T() + " absorbed, yet CancelledError; cancelled=" + py_bool(g2.cancelled()));
  }
  auto t = create_task(gfc_awaiter());
  co_await sleep(0.5);
  t.cancel();
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " awaiter cancelled=" + py_bool(t.cancelled()));
  }
  auto g3 = gather(std::vector<Task<std::string>>{create_task(gfc_child("h", 0.1))});
  co_await g3;
  say(T() + " cancel after done returns " + py_bool(g3.cancel()));
}

// ---- gather_nested -------------------------------------------------------------------------
Coro<std::string> gn_job(std::string name, double d) {
  try {
    co_await sleep(d);
  } catch (const CancelledError&) {
    say(T() + " " + name + " cancelled");
    throw;
  }
  say(T() + " " + name + " done");
  co_return name;
}
Coro<> gather_nested() {
  auto inner = gather(gn_job("a", 0.2), gn_job("b", 0.1));
  auto outer = gather(inner, gn_job("c", 0.15));
  auto r = co_await outer;
  const auto& ab = std::get<0>(r);
  say(T() + " nested results [" + py_list({std::get<0>(ab), std::get<1>(ab)}) + ", '" + std::get<1>(r) + "']");
  auto inner2 = gather(gn_job("d", 1), gn_job("e", 1));
  auto outer2 = gather(inner2, gn_job("f", 1));
  co_await sleep(0.5);
  say(T() + " outer.cancel() -> " + py_bool(outer2.cancel()));
  try {
    co_await outer2;
  } catch (const CancelledError&) {
    say(T() + " outer raised CancelledError; inner done=" + py_bool(inner2.done()));
  }
  say(T() + " done");
}

// ---- gather_return_exceptions --------------------------------------------------------------
Coro<std::string> gre_ok(std::string name, double d) {
  co_await sleep(d);
  say(T() + " " + name + " ok");
  co_return name;
}
Coro<std::string> gre_bad(double d) {
  co_await sleep(d);
  say(T() + " bad raises");
  throw ValueError("boom");
}
Coro<> gather_return_exceptions() {
  auto slow = create_task(gre_ok("slow", 5));
  auto g = gather(std::vector<Task<std::string>>{create_task(gre_ok("x", 0.1)), create_task(gre_bad(0.2)), slow},
                  ReturnExceptions::yes);
  co_await sleep(0.3);
  slow.cancel();
  auto res = co_await g;
  std::vector<std::string> shown;
  for (const auto& o : res) shown.push_back(o.ok() ? *o.value : exception_type_name(o.error));
  say(T() + " outcomes " + py_list(shown));
  auto later = create_task(gre_ok("later", 0.5));
  try {
    co_await gather(gre_bad(0.1), later);
  } catch (const ValueError& e) {
    say(T() + " raised " + e.what() + "; later done=" + py_bool(later.done()));
  }
  const std::string at = T();
  const std::string v = co_await later;
  say(at + " later gives " + v);
}

// ---- queue_family --------------------------------------------------------------------------
Coro<> qf_consumer(LifoQueue<int>& q) {
  for (;;) {
    int item = co_await q.get();
    say(T() + " consumed " + std::to_string(item));
    q.task_done();
    if (item == 0) break;
  }
}
Coro<> queue_family() {
  PriorityQueue<std::pair<int, std::string>> pq;
  const std::vector<std::pair<int, std::string>> items{{3, "low"}, {1, "high"}, {2, "mid"}, {1, "also high"}};
  for (const auto& it : items) pq.put_nowait(it);
  std::vector<std::string> order;
  for (int i = 0; i < 4; ++i) order.push_back(pq.get_nowait().second);
  say(T() + " priority order: " + py_list(order));
  LifoQueue<int> lq;
  for (int i = 0; i < 3; ++i) lq.put_nowait(i);
  std::vector<std::string> lifo;
  for (int i = 0; i < 3; ++i) lifo.push_back(std::to_string(lq.get_nowait()));
  say(T() + " lifo order: " + py_list(lifo, false));
  Queue<std::string> q(1);
  q.put_nowait("a");
  try {
    q.put_nowait("b");
  } catch (const QueueFull&) {
    say(T() + " QueueFull, full=" + py_bool(q.full()));
  }
  q.get_nowait();
  try {
    q.get_nowait();
  } catch (const QueueEmpty&) {
    say(T() + " QueueEmpty, empty=" + py_bool(q.empty()));
  }
  auto c = create_task(qf_consumer(lq));
  co_await sleep(0.1);
  for (int i = 0; i < 3; ++i) lq.put_nowait(i);
  say(T() + " put 0, 1, 2");
  co_await c;
  say(T() + " done");
}

// ---- queue_join ----------------------------------------------------------------------------
Coro<> qj_worker(std::string name, Queue<double>& q) {
  for (;;) {
    double item = co_await q.get();
    co_await sleep(item);
    say(T() + " " + name + " finished " + py_float(item));
    q.task_done();
  }
}
Coro<> queue_join() {
  Queue<double> q;
  for (double d : {0.35, 0.1, 0.2, 0.1}) q.put_nowait(d);
  std::vector<Task<>> workers;
  for (int i = 0; i < 2; ++i) workers.push_back(create_task(qj_worker("w" + std::to_string(i), q)));
  co_await q.join();
  say(T() + " all items processed");
  for (auto& w : workers) w.cancel();
  auto res = co_await gather(workers, ReturnExceptions::yes);
  std::vector<std::string> names;
  for (const auto& o : res) names.push_back(o.error ? exception_type_name(o.error) : "NoneType");
  say(T() + " workers: " + py_list(names));
  try {
    q.task_done();
  } catch (const ValueError& e) {
    say(T() + " " + e.what());
  }
  co_await q.join();
  say(T() + " join on an idle queue returns at once");
}

// ---- shield --------------------------------------------------------------------------------
Coro<std::string> sh_work(std::string name, double d) {
  try {
    co_await sleep(d);
    say(T() + " " + name + " finished");
    co_return name;
  } catch (const CancelledError&) {
    say(T() + " " + name + " cancelled");
    throw;
  }
}
Coro<> sh_waiter(Task<std::string> inner) {
  try {
    std::string r = co_await shield(inner);
    say(T() + " waiter got " + r);
  } catch (const CancelledError&) {
    say(T() + " waiter cancelled, inner done=" + py_bool(inner.done()));
    throw;
  }
}
Coro<> sh_plain(Task<std::string> t) {
  std::string r = co_await t;
  say(T() + " plain got " + r);
}
Coro<> sh_shielded(Task<std::string> t) {
  std::string r = co_await shield(t);
  say(T() + " shielded got " + r);
}
Coro<> shield_scenario() {
  auto inner = create_task(sh_work("inner", 1));
  auto w = create_task(sh_waiter(inner));
  co_await sleep(0.5);
  w.cancel();
  try {
    co_await w;
  } catch (const CancelledError&) {
    say(T() + " w cancelled=" + py_bool(w.cancelled()));
  }
  std::string r = co_await inner;
  say(T() + " inner result " + r + " cancelled=" + py_bool(inner.cancelled()));
  r = co_await shield(inner);
  say(T() + " shield of a finished task gives " + r);
  auto t = create_task(sh_work("second", 0.2));
  std::vector<Task<>> both{create_task(sh_shielded(t)), create_task(sh_plain(t))};
  co_await gather(both);
  say(T() + " done");
}

// ---- taskgroup_cancelled_parent ------------------------------------------------------------
Coro<> tcp_worker(std::string name, double d) {
  try {
    co_await sleep(d);
    say(T() + " " + name + " done");
  } catch (const CancelledError&) {
    say(T() + " " + name + " cancelled");
    throw;
  }
}
Coro<> tcp_crasher(double d) {
  co_await sleep(d);
  say(T() + " crasher raises");
  throw ValueError("crash");
}
Coro<> tcp_grouped() {
  try {
    TaskGroup g;
    std::exception_ptr body_error;
    try {
      g.create_task(tcp_worker("w1", 1));
      g.create_task(tcp_crasher(0.5));
      co_await sleep(5);
      say("not reached");
    } catch (...) {
      body_error = std::current_exception();
    }
    co_await g.join(body_error);
  } catch (const ExceptionGroup& eg) {
    say(T() + " group: " + std::to_string(eg.exceptions().size()) + " ValueError");
  }
}
Coro<> tcp_parent() {
  try {
    TaskGroup g;
    std::exception_ptr body_error;
    try {
      g.create_task(tcp_worker("p1", 1));
    } catch (...) {
      body_error = std::current_exception();
    }
    co_await g.join(body_error);
  } catch (const CancelledError&) {
    say(T() + " parent saw CancelledError");
    throw;
  }
}
Coro<> taskgroup_cancelled_parent() {
  co_await tcp_grouped();
  auto t = create_task(tcp_parent());
  co_await sleep(0.5);
  t.cancel();
  try {
    co_await t;
  } catch (const CancelledError&) {
    say(T() + " parent cancelled=" + py_bool(t.cancelled()));
  }
}

// ---- timeout_handles -----------------------------------------------------------------------
Coro<> th_in_time(Timeout& cm) {
  say(T() + " when=" + when_text(cm.when()));
  cm.reschedule(EventLoop::current()->time() + 0.5);
  say(T() + " rescheduled to " + when_text(cm.when()));
  co_await sleep(0.2);
}
Coro<> th_pushed_back(Timeout& cm) {
  co_await sleep(0.1);
  cm.reschedule(*cm.when() + 0.4);
  say(T() + " pushed back to " + when_text(cm.when()));
  co_await sleep(10);
}
Coro<> th_due_now(Timeout& cm) {
  cm.reschedule(EventLoop::current()->time());
  co_await sleep(1);
}
Coro<> th_disabled(Timeout& cm) {
  cm.reschedule(std::nullopt);
  co_await sleep(0.3);
}
Coro<> timeout_handles() {
  EventLoop& loop = *EventLoop::current();
  {
    auto cm = timeout(std::nullopt);
    co_await cm.run(th_in_time(cm));
    say(T() + " left in time, expired=" + py_bool(cm.expired()));
  }
  {
    auto cm = timeout(0.3);
    try {
      co_await cm.run(th_pushed_back(cm));
    } catch (const TimeoutError&) {
      say(T() + " timed out, expired=" + py_bool(cm.expired()));
    }
  }
  {
    auto cm = timeout_at(loop.time() + 0.2);
    try {
      co_await cm.run(th_due_now(cm));
    } catch (const TimeoutError&) {
      say(T() + " due-now reschedule timed out, expired=" + py_bool(cm.expired()));
    }
  }
  {
    auto cm = timeout(0.1);
    co_await cm.run(th_disabled(cm));
    say(T() + " no deadline, expired=" + py_bool(cm.expired()) + " when=" + when_text(cm.when()));
  }
}

// ---- timeout_nested ------------------------------------------------------------------------
Coro<> tn_sleep(double d) { co_await sleep(d); }
Coro<> tn_first_body(Timeout& outer, Timeout& inner) {
  try {
    co_await inner.run(tn_sleep(0.5));
  } catch (const TimeoutError&) {
    say(T() + " inner timed out; outer expired=" + py_bool(outer.expired()));
  }
  co_await sleep(2);
}
Coro<> timeout_nested() {
  {
    auto outer = timeout(1);
    auto inner = timeout(0.2);  // asyncio.timeout(0.2) is made at the same instant here
    try {
      co_await outer.run(tn_first_body(outer, inner));
    } catch (const TimeoutError&) {
      say(T() + " outer timed out; inner expired=" + py_bool(inner.expired()));
    }
  }
  {
    auto outer = timeout(0.2);
    auto inner = timeout(1);
    try {
      co_await outer.run(inner.run(tn_sleep(0.5)));
    } catch (const TimeoutError&) {
      say(T() + " outer deadline first: inner expired=" + py_bool(inner.expired()) +
          ", outer expired=" + py_bool(outer.expired()));
    }
  }
  say(T() + " cancelling=" + std::to_string(current_task().cancelling()));
}

// ---- to_thread_order -----------------------------------------------------------------------
std::string tto_work(std::string name, int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}
Coro<std::string> tto_job(std::string name, int ms) {
  auto fn = [name, ms] { return tto_work(name, ms); };  // named: see executor.hpp
  std::string r = co_await to_thread(fn);
  co_return r;
}
Coro<> to_thread_order() {
  auto rs = co_await gather(tto_job("a", 50), tto_job("b", 0), tto_job("c", 20));
  say(T() + " results " + py_list({std::get<0>(rs), std::get<1>(rs), std::get<2>(rs)}));
  rs = co_await gather(tto_job("a", 0), tto_job("b", 50), tto_job("c", 20));
  say(T() + " swapped durations " + py_list({std::get<0>(rs), std::get<1>(rs), std::get<2>(rs)}));
  auto t = create_task(tto_job("x", 30));
  co_await sleep(0);
  say(T() + " meanwhile x done=" + py_bool(t.done()));
  const std::string at = T();
  const std::string v = co_await t;
  say(at + " x gives " + v);
}

// ---- wait_for_swallow ----------------------------------------------------------------------
Coro<std::string> wfs_stubborn(std::string name) {
  bool cancelled = false;
  try {
    co_await sleep(10);
  } catch (const CancelledError&) {
    cancelled = true;
  }
  if (!cancelled) co_return name + " not cancelled";
  say(T() + " " + name + " swallows the cancel");
  co_await sleep(0.2);
  say(T() + " " + name + " returns anyway");
  co_return name + " value";
}
Coro<> wait_for_swallow() {
  std::string r = co_await wait_for(wfs_stubborn("inner"), 0.5);
  say(T() + " wait_for returned " + r);
  auto t = create_task(wait_for(wfs_stubborn("second"), 5));
  co_await sleep(0.1);
  t.cancel();
  try {
    std::string r2 = co_await t;
    say(T() + " outer returned " + r2);
  } catch (const CancelledError&) {
    say(T() + " outer cancelled anyway, cancelled=" + py_bool(t.cancelled()));
  }
}

// ---- warnings_category ---------------------------------------------------------------------
namespace warnings_scenario {
Coro<> worker() {
  say("never printed");
  co_return;
}
}  // namespace warnings_scenario
Coro<> warnings_category() {
  EventLoop& loop = *EventLoop::current();
  { auto c = warnings_scenario::worker(); }  // never awaited: a RuntimeWarning names it
  loop.warn("socket left open", "ResourceWarning");
  for (const auto& w : loop.warnings()) say(T() + " " + w.category + ": " + w.message);
  co_return;
}

}  // namespace

// ---- registry ------------------------------------------------------------------------------
const std::map<std::string, Scenario>& api_scenarios() {
  static const std::map<std::string, Scenario> all{
      {"as_completed_timeout", as_completed_timeout},
      {"barrier", barrier},
      {"bounded_semaphore", bounded_semaphore},
      {"call_soon_later_at", call_soon_later_at},
      {"cancel_message", cancel_message},
      {"cancelling_uncancel", cancelling_uncancel},
      {"condition", condition},
      {"current_task", current_task_scenario},
      {"futures", futures},
      {"gather_future_cancel", gather_future_cancel},
      {"gather_nested", gather_nested},
      {"gather_return_exceptions", gather_return_exceptions},
      {"queue_family", queue_family},
      {"queue_join", queue_join},
      {"shield", shield_scenario},
      {"taskgroup_cancelled_parent", taskgroup_cancelled_parent},
      {"timeout_handles", timeout_handles},
      {"timeout_nested", timeout_nested},
      {"to_thread_order", to_thread_order},
      {"wait_for_swallow", wait_for_swallow},
      {"warnings_category", warnings_category},
  };
  return all;
}

}  // namespace conformance
