// scenarios.cpp — C++ versions of tests/conformance/scenarios/*.py (same names, same lines).
//
// Sections: one section per scenario (alphabetical) · registry. Helpers: scenarios.hpp.
#include "scenarios.hpp"

#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

using namespace loopscope;

namespace conformance {
namespace {

// ---- cancellation --------------------------------------------------------------------------
Coro<> c_sleeper(std::string name) {
  try {
    say(T() + " " + name + " sleeping");
    co_await sleep(10);
  } catch (const CancelledError&) {
    say(T() + " " + name + " got CancelledError");
    say(T() + " " + name + " finally");
    throw;
  }
  say(T() + " " + name + " finally");
}
Coro<> c_never_started() {
  say("never printed");
  co_return;
}
Coro<> c_awaiter(Task<> inner) {
  try {
    co_await inner;
  } catch (const CancelledError&) {
    say(T() + " awaiter sees CancelledError");
    throw;
  }
}
Coro<std::string> c_stubborn() {
  try {
    co_await sleep(10);
  } catch (const CancelledError&) {
    say(T() + " stubborn swallows it");
  }
  co_await sleep(0.5);
  say(T() + " stubborn goes on");
  co_return "stubborn result";
}
Coro<> cancellation() {
  {
    auto t = create_task(c_sleeper("a"));
    co_await sleep(0.1);
    t.cancel();
    try {
      co_await t;
    } catch (const CancelledError&) {
      say(T() + " a cancelled=" + py_bool(t.cancelled()));
    }
  }
  {
    auto t = create_task(c_never_started());
    t.cancel();
    try {
      co_await t;
    } catch (const CancelledError&) {
      say(T() + " never_started cancelled=" + py_bool(t.cancelled()));
    }
  }
  {
    auto inner = create_task(c_sleeper("inner"));
    auto outer = create_task(c_awaiter(inner));
    co_await sleep(0.1);
    outer.cancel();
    try {
      co_await outer;
    } catch (const CancelledError&) {
      say(T() + " inner cancelled=" + py_bool(inner.cancelled()) + " outer cancelled=" + py_bool(outer.cancelled()));
    }
  }
  {
    auto s = create_task(c_stubborn());
    co_await sleep(0.1);
    s.cancel();
    std::string r = co_await s;
    say(T() + " " + r + " cancelled=" + py_bool(s.cancelled()));
  }
}

// ---- create_task_order ---------------------------------------------------------------------
Coro<> cto_child(std::string name) {
  say(name + " start");
  co_await sleep(0);
  say(name + " end");
}
Coro<> create_task_order() {
  say("main start");
  std::vector<Task<>> tasks;
  for (int i = 0; i < 3; ++i) tasks.push_back(create_task(cto_child("c" + std::to_string(i))));
  say("main created");
  co_await sleep(0);
  say("main after yield");
  for (auto& t : tasks) co_await t;
  say("main end");
}

// ---- equal_deadlines -----------------------------------------------------------------------
Coro<> ed_sleeper(std::string name, double d) {
  co_await sleep(d);
  say(T() + " " + name);
}
Coro<> equal_deadlines() {
  EventLoop& loop = *EventLoop::current();
  for (int i = 0; i < 3; ++i) loop.call_later(0.5, [i] { say(T() + " cb" + std::to_string(i)); });
  std::vector<Task<>> tasks;
  for (int i = 0; i < 3; ++i) tasks.push_back(create_task(ed_sleeper("s" + std::to_string(i), 0.5)));
  tasks.push_back(create_task(ed_sleeper("early", 0.25)));
  co_await gather(tasks);
  say(T() + " done");
}

// ---- event_order ---------------------------------------------------------------------------
Coro<> eo_waiter(Event& ev, std::string name) {
  say(T() + " " + name + " waits");
  co_await ev.wait();
  say(T() + " " + name + " woke");
}
Coro<> event_order() {
  Event ev;
  std::vector<Task<>> tasks;
  for (auto n : {"x", "y", "z"}) tasks.push_back(create_task(eo_waiter(ev, n)));
  co_await sleep(0.2);
  say(T() + " setting");
  ev.set();
  say(T() + " set returned");
  co_await gather(tasks);
  co_await eo_waiter(ev, "late");
  say(T() + " done");
}

// ---- gather_order --------------------------------------------------------------------------
Coro<std::string> go_job(std::string name, double d, bool fail = false) {
  say(T() + " " + name + " start");
  co_await sleep(d);
  if (fail) throw ValueError(name + " failed");
  say(T() + " " + name + " end");
  std::string up = name;
  for (auto& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  co_return up;
}
Coro<> gather_order() {
  {
    std::vector<Task<std::string>> ts{create_task(go_job("a", 0.3)), create_task(go_job("b", 0.1)),
                                      create_task(go_job("c", 0.2))};
    auto r = co_await gather(ts);
    say(T() + " results " + py_list(r));
  }
  {
    std::vector<Task<std::string>> ts{create_task(go_job("d", 0.2)), create_task(go_job("e", 0.1, true))};
    auto r = co_await gather(ts, ReturnExceptions::yes);
    std::vector<std::string> s;
    for (auto& o : r) {
      if (o.ok()) s.push_back(*o.value);
      else {
        try {
          std::rethrow_exception(o.error);
        } catch (const std::exception& e) {
          s.push_back(e.what());
        }
      }
    }
    say(T() + " with exceptions " + py_list(s));
  }
  try {
    std::vector<Task<std::string>> ts{create_task(go_job("f", 0.3)), create_task(go_job("g", 0.1, true))};
    co_await gather(ts);
  } catch (const ValueError& e) {
    say(T() + " caught " + e.what());
  }
  co_await sleep(0.5);
  say(T() + " done");
}

// ---- lock_fairness -------------------------------------------------------------------------
Coro<> lf_user(Lock& lock, std::string name, double hold) {
  say(T() + " " + name + " wants the lock");
  co_await lock.acquire();
  say(T() + " " + name + " has the lock");
  co_await sleep(hold);
  lock.release();
  say(T() + " " + name + " released");
}
Coro<> lf_late(Lock& lock) {
  co_await sleep(0.1);
  co_await lf_user(lock, "late", 0.1);
}
Coro<> lock_fairness() {
  Lock lock;
  std::vector<Task<>> ts{create_task(lf_user(lock, "a", 0.1)), create_task(lf_user(lock, "b", 0.1)),
                         create_task(lf_late(lock)), create_task(lf_user(lock, "c", 0.1))};
  co_await gather(ts);
  say(T() + " done");
}

// ---- queue_bounded -------------------------------------------------------------------------
Coro<> qb_producer(Queue<int>& q, int n) {
  for (int i = 0; i < n; ++i) {
    co_await q.put(i);
    say(T() + " put " + std::to_string(i) + " size=" + std::to_string(q.qsize()));
  }
  co_await q.put(-1);
  say(T() + " producer done");
}
Coro<> qb_consumer(Queue<int>& q) {
  for (;;) {
    int item = co_await q.get();
    if (item < 0) {
      q.task_done();
      break;
    }
    say(T() + " got " + std::to_string(item));
    co_await sleep(0.1);
    q.task_done();
  }
  say(T() + " consumer done");
}
Coro<> queue_bounded() {
  Queue<int> q(2);
  std::vector<Task<>> ts{create_task(qb_producer(q, 5)), create_task(qb_consumer(q))};
  co_await gather(ts);
  co_await q.join();
  say(T() + " joined");
}

// ---- semaphore_limit -----------------------------------------------------------------------
int g_inside = 0;
Coro<> sl_job(Semaphore& sem, int i) {
  co_await sem.acquire();
  ++g_inside;
  say(T() + " job " + std::to_string(i) + " in (" + std::to_string(g_inside) + " inside)");
  co_await sleep(0.1 * (1 + i % 2));
  --g_inside;
  sem.release();
  say(T() + " job " + std::to_string(i) + " out");
}
Coro<> semaphore_limit() {
  g_inside = 0;
  Semaphore sem(2);
  std::vector<Task<>> ts;
  for (int i = 0; i < 5; ++i) ts.push_back(create_task(sl_job(sem, i)));
  co_await gather(ts);
  say(T() + " done");
}

// ---- sleep0_round_robin --------------------------------------------------------------------
Coro<> rr_spinner(std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    say(name + " " + std::to_string(i));
    co_await sleep(0);
  }
  say(name + " finished");
}
Coro<> sleep0_round_robin() {
  std::vector<Task<>> ts{create_task(rr_spinner("a", 3)), create_task(rr_spinner("b", 2)),
                         create_task(rr_spinner("c", 3))};
  co_await gather(ts);
  say("done");
}

// ---- taskgroup_failure ---------------------------------------------------------------------
Coro<> tg_worker(std::string name, double d) {
  try {
    co_await sleep(d);
    say(T() + " " + name + " done");
  } catch (const CancelledError&) {
    say(T() + " " + name + " cancelled");
    throw;
  }
}
Coro<> tg_crasher(double d) {
  co_await sleep(d);
  say(T() + " crasher raises");
  throw ValueError("crash");
}
Coro<> taskgroup_failure() {
  try {
    TaskGroup g;
    g.create_task(tg_worker("quick", 0.1));
    g.create_task(tg_worker("slow", 1));
    g.create_task(tg_crasher(0.3));
    co_await g.join();
  } catch (const ExceptionGroup& eg) {
    std::string first;
    try {
      std::rethrow_exception(eg.exceptions()[0]);
    } catch (const std::exception& e) {
      first = e.what();
    }
    say(T() + " group failed with " + std::to_string(eg.exceptions().size()) + " error(s): " + first);
  }
  {
    TaskGroup g;
    g.create_task(tg_worker("p", 0.2));
    g.create_task(tg_worker("q", 0.1));
    co_await g.join();
  }
  say(T() + " second group ok");
}

// ---- timer_hops ----------------------------------------------------------------------------
Coro<> th_ticker() {
  co_await sleep(0.1);
  for (int i = 0; i < 6; ++i) {
    say(T() + " tick " + std::to_string(i));
    co_await sleep(0);
  }
}
Coro<std::string> th_sleeper(std::string name) {
  co_await sleep(0.1);
  say(T() + " " + name + " wakes");
  co_return name;
}
Coro<> th_waiter_on(Task<std::string> t) {
  co_await t;
  say(T() + " waiter sees sleeper done");
}
Coro<> th_gatherer() {
  std::vector<Task<std::string>> ts{create_task(th_sleeper("gathered"))};
  auto r = co_await gather(ts);
  say(T() + " gather returned " + py_list(r));
}
Coro<> timer_hops() {
  auto t1 = create_task(th_ticker());
  auto t2 = create_task(th_sleeper("sleeper"));
  auto t3 = create_task(th_waiter_on(t2));
  auto t4 = create_task(th_gatherer());
  co_await t1;
  co_await t3;
  co_await t4;
  say(T() + " done");
}

// ---- to_thread -----------------------------------------------------------------------------
long blocking_work(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) s += i;
  return s;
}
Coro<long> tt_one(long n) { co_return co_await to_thread([n] { return blocking_work(n); }); }
Coro<> to_thread_scenario() {
  say(T() + " submitting");
  long r = co_await to_thread([] { return blocking_work(1000); });
  say(T() + " result " + std::to_string(r));
  std::vector<Task<long>> ts{create_task(tt_one(10)), create_task(tt_one(100))};
  auto rs = co_await gather(ts);
  say(T() + " results " + py_list({std::to_string(rs[0]), std::to_string(rs[1])}, false));
  try {
    co_await to_thread([]() -> int { throw ValueError("thread failed"); });
  } catch (const ValueError& e) {
    say(T() + " caught " + e.what());
  }
  say(T() + " done");
}

// ---- wait_for_timeout ----------------------------------------------------------------------
Coro<std::string> wf_slow(std::string name, double d) {
  try {
    say(T() + " " + name + " start");
    co_await sleep(d);
    say(T() + " " + name + " end");
  } catch (...) {
    say(T() + " " + name + " cleanup");
    throw;
  }
  say(T() + " " + name + " cleanup");
  co_return name;
}
Coro<> wait_for_timeout() {
  std::string r = co_await wait_for(wf_slow("quick", 0.1), 1);
  say(T() + " got " + r);
  try {
    co_await wait_for(wf_slow("sluggish", 5), 0.5);
  } catch (const TimeoutError&) {
    say(T() + " timed out");
  }
  try {
    co_await timeout(0.25, wf_slow("scoped", 2));
  } catch (const TimeoutError&) {
    say(T() + " scope timed out");
  }
  say(T() + " done");
}

// ---- wait_modes ----------------------------------------------------------------------------
Coro<std::string> wm_job(std::string name, double d, bool fail = false) {
  co_await sleep(d);
  if (fail) throw ValueError(name);
  say(T() + " " + name + " finished");
  co_return name;
}
Coro<> wait_modes() {
  {
    std::vector<Task<std::string>> ts{create_task(wm_job("slow", 0.3)), create_task(wm_job("fast", 0.1))};
    auto r = co_await wait(ts, ReturnWhen::first_completed);
    std::vector<std::string> names;
    for (auto& t : r.done) names.push_back(t.result());
    std::sort(names.begin(), names.end());
    say(T() + " first_completed done=" + py_list(names) + " pending=" + std::to_string(r.pending.size()));
  }
  std::vector<Task<std::string>> ts{create_task(wm_job("x", 0.4)), create_task(wm_job("bad", 0.2, true)),
                                    create_task(wm_job("y", 0.1))};
  auto r = co_await wait(ts, ReturnWhen::first_exception);
  say(T() + " first_exception done=" + std::to_string(r.done.size()) + " pending=" + std::to_string(r.pending.size()));
  for (auto& t : r.done) {
    if (auto e = t.exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& x) {
        say(T() + " exception " + x.what());
      }
    }
  }
  r = co_await wait(ts, ReturnWhen::all_completed, 0.05);
  say(T() + " timeout done=" + std::to_string(r.done.size()) + " pending=" + std::to_string(r.pending.size()));
  r = co_await wait(ts);
  say(T() + " all done=" + std::to_string(r.done.size()) + " pending=" + std::to_string(r.pending.size()));
}

}  // namespace

// ---- registry ------------------------------------------------------------------------------
const std::map<std::string, Scenario>& scenarios() {
  static std::map<std::string, Scenario> all{
      {"cancellation", cancellation},
      {"create_task_order", create_task_order},
      {"equal_deadlines", equal_deadlines},
      {"event_order", event_order},
      {"gather_order", gather_order},
      {"lock_fairness", lock_fairness},
      {"queue_bounded", queue_bounded},
      {"semaphore_limit", semaphore_limit},
      {"sleep0_round_robin", sleep0_round_robin},
      {"taskgroup_failure", taskgroup_failure},
      {"timer_hops", timer_hops},
      {"to_thread", to_thread_scenario},
      {"wait_for_timeout", wait_for_timeout},
      {"wait_modes", wait_modes},
  };
  static const bool merged = [] {
    for (const auto& [name, fn] : api_scenarios()) all.emplace(name, fn);
    return true;
  }();
  (void)merged;
  return all;
}

}  // namespace conformance
