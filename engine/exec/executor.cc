#include "exec/executor.h"

#include <algorithm>
#include <optional>
#include <set>
#include <thread>
#include <utility>

#include "exec/scheduler.h"

namespace aivenctl::exec {

using core::SteadyTime;

namespace {

std::string Plural(int n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

bool IsServiceGate(diff::Gate gate) {
  return gate == diff::Gate::kServiceRunning || gate == diff::Gate::kServiceBackup;
}

// The coordinator's view of one started operation.
struct OpRun {
  SteadyTime started{};
  SteadyTime deadline{};
  Duration timeout{};
  Duration interval{};                     // the last wait before a reading (0: read at once)
  int ready_seen = 0;                      // ready readings in a row
  std::optional<SteadyTime> absent_since;  // first of the absent readings in a row
};

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kNotStarted:
      return "not started";
    case Outcome::kDone:
      return "done";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kSkipped:
      return "skipped";
    case Outcome::kInterrupted:
      return "interrupted";
  }
  return "unknown";
}

// The coordinator's state for one Run; lives on the coordinator thread only.
class Executor::Loop {
 public:
  Loop(Executor& ex, const std::vector<diff::Operation>& ops, Scheduler sched)
      : ex_(ex), ops_(ops), sched_(std::move(sched)), runs_(ops.size()) {
    parallelism_ = std::max(1, ex.options_.parallelism);
    result_.ops.resize(ops.size());
    for (const auto& op : ops) {
      OpResult& r = result_.ops[op.id];
      r.id = op.id;
      r.address = op.address;
      r.action = op.action;
    }
    result_.counts.total = static_cast<int>(ops.size());
  }

  RunResult Go();

 private:
  void Handle(const JobResult& r);
  void HandleCall(int id, const core::Status& status);
  void HandleProbe(int id, const ProbeResult& probe);
  void BeginStop();
  void EmitStopping();
  void Dispatch();
  void Wait();
  bool Done() const { return stopping_ ? in_flight_ == 0 : sched_.Finished(); }

  void Submit(int id, bool probe);
  void StartGate(int id);
  void Schedule(int id, SteadyTime when);
  void Finish(int id);
  void Fail(int id, core::Status error);
  void Interrupt(int id, std::string note);
  Event MakeEvent(EventType type, int id);
  void Emit(Event e) { ex_.sink_.OnEvent(e); }
  Duration Since(SteadyTime t) { return now_ - t; }

  Executor& ex_;
  const std::vector<diff::Operation>& ops_;
  Scheduler sched_;
  std::vector<OpRun> runs_;
  RunResult result_;
  std::vector<std::string> live_states_;
  std::set<std::pair<SteadyTime, int>> timers_;  // next probe of operations waiting
  int parallelism_ = 1;
  int in_flight_ = 0;
  bool stopping_ = false;
  bool aborted_ = false;
  SteadyTime start_{};
  SteadyTime now_{};
  SteadyTime next_heartbeat_{};
};

RunResult Executor::Loop::Go() {
  live_states_.resize(ops_.size());
  start_ = now_ = ex_.clock_.Now();
  next_heartbeat_ = start_ + ex_.options_.heartbeat;
  {
    std::vector<std::jthread> workers;
    const int n_workers = std::min<int>(parallelism_, static_cast<int>(ops_.size()));
    for (int i = 0; i < n_workers; ++i) {
      workers.emplace_back([this](std::stop_token shutdown) { ex_.WorkerLoop(shutdown); });
    }
    while (true) {
      std::deque<JobResult> got;
      bool stop = false;
      bool abort = false;
      {
        std::lock_guard lock(ex_.mu_);
        got.swap(ex_.results_);
        stop = ex_.stop_requested_;
        abort = ex_.abort_requested_;
      }
      now_ = ex_.clock_.Now();
      // An interrupt counts from when it arrived: results collected with it are handled
      // as stopped (and a cancelled call after Abort is not a failure).
      const bool abort_now = abort && !aborted_;
      aborted_ = aborted_ || abort;
      if (stop && !stopping_) {
        BeginStop();
      } else if (abort_now) {
        EmitStopping();
      }
      for (const JobResult& r : got) {
        --in_flight_;
        Handle(r);
      }
      Dispatch();
      now_ = ex_.clock_.Now();
      if (ex_.options_.heartbeat > Duration::zero() && now_ >= next_heartbeat_ && !Done()) {
        Emit(MakeEvent(EventType::kHeartbeat, -1));
        next_heartbeat_ = now_ + ex_.options_.heartbeat;
      }
      if (Done()) break;
      Wait();
    }
    // Leaving the scope stops and joins the (idle) workers.
  }
  now_ = ex_.clock_.Now();
  result_.elapsed = now_ - start_;
  result_.stopped = stopping_;
  result_.aborted = aborted_;
  Counts& c = result_.counts;
  c.running = 0;
  for (OpResult& r : result_.ops) {
    if (r.outcome == Outcome::kNotStarted) ++result_.not_started;
    r.live_state = live_states_[r.id];
  }
  if (c.failed > 0) {
    const OpResult* first = nullptr;
    for (const OpResult& r : result_.ops) {
      if (r.outcome == Outcome::kFailed &&
          (!first || r.address.ToString() < first->address.ToString())) {
        first = &r;
      }
    }
    result_.status =
        core::Status(first->error.code(), Plural(c.failed, "operation") + " failed, " +
                                              std::to_string(c.skipped) +
                                              " skipped; first: " + first->error.message());
  } else if (stopping_) {
    result_.status = core::Status(core::Code::kCancelled,
                                  "interrupted: " + std::to_string(c.done) + " done, " +
                                      std::to_string(c.interrupted) + " stopped, " +
                                      std::to_string(result_.not_started) + " not started");
  }
  return std::move(result_);
}

void Executor::Loop::Submit(int id, bool probe) {
  {
    std::lock_guard lock(ex_.mu_);
    ex_.jobs_.push_back(Job{id, probe});
  }
  ex_.jobs_cv_.notify_one();
  ++in_flight_;
}

void Executor::Loop::Dispatch() {
  if (stopping_) return;
  now_ = ex_.clock_.Now();
  // Due polls first: they are cheap and each one may unblock a whole subtree.
  while (in_flight_ < parallelism_ && !timers_.empty() && timers_.begin()->first <= now_) {
    const int id = timers_.begin()->second;
    timers_.erase(timers_.begin());
    Submit(id, true);
  }
  while (in_flight_ < parallelism_) {
    const std::optional<int> next = sched_.Next();
    if (!next) break;
    const int id = *next;
    OpRun& run = runs_[id];
    run.started = now_;
    run.timeout = TimeoutFor(ops_[id], ex_.options_.timeouts);
    run.deadline = now_ + run.timeout;
    ++result_.counts.running;
    Emit(MakeEvent(EventType::kStarted, id));
    Submit(id, false);
  }
}

void Executor::Loop::Wait() {
  std::optional<SteadyTime> deadline;
  if (in_flight_ < parallelism_ && !timers_.empty()) deadline = timers_.begin()->first;
  if (ex_.options_.heartbeat > Duration::zero()) {
    deadline = deadline ? std::min(*deadline, next_heartbeat_) : next_heartbeat_;
  }
  std::unique_lock lock(ex_.mu_);
  const auto woken = [&] {
    return !ex_.results_.empty() || ex_.stop_requested_ != stopping_ ||
           ex_.abort_requested_ != aborted_;
  };
  if (woken()) return;
  if (in_flight_ > 0) {
    // Results come from workers; the deadline is only a bound (in real time).
    if (deadline) {
      ex_.cv_.wait_for(lock, *deadline - ex_.clock_.Now(), woken);
    } else {
      ex_.cv_.wait(lock, woken);
    }
    return;
  }
  if (!deadline) return;  // not reachable: something waits on a timer when nothing runs
  ex_.wake_ = std::stop_source();
  std::stop_token token = ex_.wake_.get_token();
  lock.unlock();
  ex_.clock_.SleepUntil(*deadline, token);
}

void Executor::Loop::Handle(const JobResult& r) {
  now_ = ex_.clock_.Now();
  if (r.probe) {
    HandleProbe(r.id, r.probe_result);
  } else {
    HandleCall(r.id, r.status);
  }
}

void Executor::Loop::HandleCall(int id, const core::Status& status) {
  const diff::Operation& op = ops_[id];
  if (!status.ok()) {
    if (aborted_ && status.code() == core::Code::kCancelled) {
      Interrupt(id, "call cancelled");
    } else {
      Fail(id, status);
    }
    return;
  }
  if (op.gate == diff::Gate::kNone) {
    Finish(id);
  } else if (stopping_) {
    Interrupt(id, std::string("stopped before waiting for ") + GateGoal(op.gate));
  } else {
    StartGate(id);
  }
}

void Executor::Loop::StartGate(int id) {
  OpRun& run = runs_[id];
  // A DELETE has usually taken effect when it returns, so "gone" is read at once (one
  // request, and the delete's dependents start a poll interval sooner); other gates need
  // time after their call and are read first after poll_initial.
  const bool at_once = ops_[id].gate == diff::Gate::kGone;
  run.interval = at_once ? Duration::zero() : ex_.options_.poll_initial;
  Event e = MakeEvent(EventType::kWaiting, id);
  e.message = std::string("waiting for ") + GateGoal(ops_[id].gate);
  Emit(e);
  Schedule(id, now_ + run.interval);
}

void Executor::Loop::Schedule(int id, SteadyTime when) {
  OpRun& run = runs_[id];
  timers_.insert({std::min(when, run.deadline), id});
}

void Executor::Loop::HandleProbe(int id, const ProbeResult& probe) {
  const diff::Operation& op = ops_[id];
  OpRun& run = runs_[id];
  if (!probe.error.ok()) {
    if (aborted_ && probe.error.code() == core::Code::kCancelled) {
      Interrupt(id, std::string("stopped waiting for ") + GateGoal(op.gate));
    } else {
      Fail(id, probe.error);
    }
    return;
  }
  if (probe.live_state != live_states_[id]) {
    live_states_[id] = probe.live_state;
    Emit(MakeEvent(EventType::kProgress, id));
  }
  if (stopping_) {
    Interrupt(id, std::string("stopped waiting for ") + GateGoal(op.gate));
    return;
  }
  if (!probe.absent) {
    run.absent_since.reset();
  } else {
    if (!run.absent_since) run.absent_since = now_;
    const bool created = op.action == diff::Action::kCreate;
    const Duration grace =
        created ? ex_.options_.absent_after_create : ex_.options_.absent_after_other;
    if (now_ - *run.absent_since >= grace) {
      Fail(id, core::Status(core::Code::kNotFound,
                            std::string("gone while waiting for ") + GateGoal(op.gate) +
                                ": absent for " + FormatElapsed(now_ - *run.absent_since) +
                                " after the " + (created ? "create" : "change") +
                                " (deleted by someone else, e.g. a reap or another run?); run "
                                "`aivenctl plan` again"));
      return;
    }
  }
  const int needed = IsServiceGate(op.gate) ? std::max(1, ex_.options_.service_confirmations) : 1;
  if (probe.ready) {
    if (++run.ready_seen >= needed) {
      Finish(id);
      return;
    }
  } else {
    run.ready_seen = 0;
  }
  if (now_ >= run.deadline) {
    const std::string& last = live_states_[id];
    Fail(id, core::Status(core::Code::kDeadlineExceeded,
                          "timed out after " + FormatElapsed(run.timeout) + " waiting for " +
                              GateGoal(op.gate) + " (last state " +
                              (last.empty() ? std::string("unknown") : last) + ")"));
    return;
  }
  if (probe.ready) {
    // Confirm soon: the second reading costs one short interval, not a backed-off one.
    Schedule(id, now_ + ex_.options_.poll_initial);
    return;
  }
  const double factor = std::max(1.0, ex_.options_.poll_backoff);
  run.interval =
      run.interval == Duration::zero()
          ? ex_.options_.poll_initial  // after an immediate first reading
          : std::min<Duration>(
                std::chrono::duration_cast<Duration>(
                    std::chrono::duration<double, Duration::period>(run.interval.count() * factor)),
                std::max(ex_.options_.poll_max, ex_.options_.poll_initial));
  Schedule(id, now_ + run.interval);
}

void Executor::Loop::EmitStopping() {
  Event e = MakeEvent(EventType::kStopping, -1);
  e.message = aborted_ ? "aborting: cancelling " + Plural(in_flight_, "API request") + " in flight"
                       : "stopping: no new operations start; " + Plural(in_flight_, "API request") +
                             " in flight will finish";
  Emit(e);
}

void Executor::Loop::BeginStop() {
  stopping_ = true;
  EmitStopping();
  // Operations between polls stop waiting now (in id order for a stable event order).
  std::vector<int> waiting;
  for (const auto& [when, id] : timers_) waiting.push_back(id);
  timers_.clear();
  std::sort(waiting.begin(), waiting.end());
  for (int id : waiting) {
    Interrupt(id, std::string("stopped waiting for ") + GateGoal(ops_[id].gate));
  }
}

void Executor::Loop::Finish(int id) {
  OpResult& r = result_.ops[id];
  r.outcome = Outcome::kDone;
  r.elapsed = Since(runs_[id].started);
  --result_.counts.running;
  ++result_.counts.done;
  sched_.MarkDone(id);
  Emit(MakeEvent(EventType::kFinished, id));
}

void Executor::Loop::Fail(int id, core::Status error) {
  OpResult& r = result_.ops[id];
  r.outcome = Outcome::kFailed;
  r.error = core::Status(error.code(), ops_[id].address.ToString() + ": " + error.message());
  r.elapsed = Since(runs_[id].started);
  --result_.counts.running;
  ++result_.counts.failed;
  const std::vector<int> skipped = sched_.MarkFailed(id);
  Event failed = MakeEvent(EventType::kFailed, id);
  failed.message = r.error.message();
  Emit(failed);
  for (int s : skipped) {
    OpResult& sr = result_.ops[s];
    sr.outcome = Outcome::kSkipped;
    sr.cause = r.address.ToString();
    ++result_.counts.skipped;
    Event e = MakeEvent(EventType::kSkipped, s);
    e.cause = sr.cause;
    e.message = "depends on " + sr.cause + ", which failed";
    Emit(e);
  }
}

void Executor::Loop::Interrupt(int id, std::string note) {
  OpResult& r = result_.ops[id];
  r.outcome = Outcome::kInterrupted;
  r.note = std::move(note);
  r.elapsed = Since(runs_[id].started);
  --result_.counts.running;
  ++result_.counts.interrupted;
  Event e = MakeEvent(EventType::kInterrupted, id);
  e.message = r.note;
  Emit(e);
}

Event Executor::Loop::MakeEvent(EventType type, int id) {
  Event e;
  e.type = type;
  e.at = now_ - start_;
  e.op_id = id;
  e.counts = result_.counts;
  if (id >= 0) {
    const diff::Operation& op = ops_[id];
    e.address = op.address;
    e.action = op.action;
    e.gate = op.gate;
    e.live_state = live_states_[id];
    if (type != EventType::kSkipped) e.elapsed = Since(runs_[id].started);
  }
  return e;
}

Executor::Executor(OperationRunner& runner, core::Clock& clock, EventSink& sink,
                   ExecutorOptions options)
    : runner_(runner), clock_(clock), sink_(sink), options_(std::move(options)) {}

Executor::~Executor() = default;

RunResult Executor::Run(const std::vector<diff::Operation>& ops) {
  std::vector<Duration> weights;
  weights.reserve(ops.size());
  for (const auto& op : ops) {
    weights.push_back(options_.estimate ? options_.estimate(op) : EstimateDuration(op));
  }
  core::Result<Scheduler> sched = Scheduler::Create(ops, weights);
  if (!sched.ok()) {
    RunResult r;
    r.status = sched.status();
    r.counts.total = static_cast<int>(ops.size());
    r.not_started = r.counts.total;
    for (const auto& op : ops)
      r.ops.push_back(OpResult{.id = op.id, .address = op.address, .action = op.action});
    return r;
  }
  ops_ = &ops;
  Loop loop(*this, ops, std::move(sched).value());
  RunResult result = loop.Go();
  ops_ = nullptr;
  return result;
}

void Executor::RequestStop() {
  std::lock_guard lock(mu_);
  stop_requested_ = true;
  wake_.request_stop();
  cv_.notify_all();
}

void Executor::Abort() {
  {
    std::lock_guard lock(mu_);
    stop_requested_ = true;
    abort_requested_ = true;
    wake_.request_stop();
    cv_.notify_all();
  }
  abort_.request_stop();
}

void Executor::WorkerLoop(std::stop_token shutdown) {
  while (true) {
    Job job;
    std::stop_token cancel;
    {
      std::unique_lock lock(mu_);
      if (!jobs_cv_.wait(lock, shutdown, [&] { return !jobs_.empty(); })) return;
      job = jobs_.front();
      jobs_.pop_front();
      cancel = abort_.get_token();
    }
    JobResult r{.id = job.id, .probe = job.probe};
    const diff::Operation& op = (*ops_)[job.id];
    if (job.probe) {
      r.probe_result = runner_.Probe(op, cancel);
    } else {
      r.status = runner_.Call(op, cancel);
    }
    {
      std::lock_guard lock(mu_);
      results_.push_back(std::move(r));
    }
    cv_.notify_all();
  }
}

}  // namespace aivenctl::exec
