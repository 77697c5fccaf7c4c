// executor.cpp — the worker pool behind to_thread / run_in_executor.
#include <loopscope/event_loop.hpp>
#include <loopscope/executor.hpp>

namespace loopscope::detail {

Executor::Executor(std::size_t threads) {
  for (std::size_t i = 0; i < threads; ++i) m_threads.emplace_back([this] { worker(); });
}

Executor::~Executor() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

void Executor::submit(ExecutorJobBase* job) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.push_back(job);
  }
  m_cv.notify_one();
}

// Workers finish every queued job before they exit.
void Executor::worker() {
  for (;;) {
    ExecutorJobBase* job = nullptr;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_queue.empty()) return;
      job = m_queue.front();
      m_queue.pop_front();
    }
    job->execute();
    job->m_loop->post_completion(job);
  }
}

void ExecutorJobBase::run_node(ReadyNode* n) {
  auto* job = static_cast<ExecutorJobBase*>(n);
  if (job->m_has_deadline && !job->m_deadline_reached) {
    job->m_deadline_reached = true;
    // The result is due now in virtual time: if the worker is still busy, wait for it for real
    // (the trace must not depend on how long the worker takes).
    if (!job->m_finished) job->m_loop->wait_job(*job);
  }
  job->m_delivered = true;
  job->m_loop->job_finished();
  job->m_loop->schedule_task(*job->m_waiter);
}

void ExecutorWaitBase::submit(ExecutorJobBase* job, std::coroutine_handle<> h, std::optional<double> vsecs) {
  TaskCore& t = current_task_core();
  EventLoop& loop = *t.m_loop;
  t.m_resume = h;
  job->m_loop = &loop;
  job->m_waiter = &t;
  job->m_job_id = loop.next_primitive_id();
  job->m_owner = t.m_id;
  m_job = job;
  job->m_has_deadline = vsecs && loop.clock_kind() == ClockKind::virtual_time;
  loop.job_started(*job);
  if (job->m_has_deadline) loop.arm_timer(*job, loop.time() + *vsecs);
  loop.suspend_task(t, *this);
  loop.executor().submit(job);
  loop.forget_trace_time();  // submitting may start the worker threads
}

AwaitTarget ExecutorWaitBase::describe(const detail::TaskCore&) const {
  AwaitTarget a;
  a.kind = AwaitKind::executor;
  a.target = m_job ? m_job->m_job_id : 0;
  a.deadline = m_job && m_job->m_has_deadline ? m_job->m_deadline : -1;
  a.label = "to_thread#" + std::to_string(a.target);
  return a;
}

CancelAction ExecutorWaitBase::on_cancel(TaskCore& task) {
  EventLoop& loop = *task.m_loop;
  ExecutorJobBase* job = m_job;
  job->m_abandoned = true;
  m_job = nullptr;
  if (job->m_in_heap) loop.cancel_timer(*job);
  if (job->m_queued) loop.unqueue_node(*job);
  if (job->m_finished) {  // the worker is done with it: nobody else will free it
    loop.job_finished();
    delete job;
  }
  return CancelAction::detached;
}

}  // namespace loopscope::detail
