#include "exec/executor.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <utility>

#include "exec/gate_tracker.h"
#include "exec/poller.h"
#include "exec/scheduler.h"

namespace aivenctl::exec {

using core::SteadyTime;

namespace {

std::string Plural(int n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string StoppedWaiting(const diff::Operation& op) {
  return std::string("stopped waiting for ") + GateGoal(op.gate);
}

GateOptions GateOptionsOf(const ExecutorOptions& o) {
  return {.poll_initial = o.poll_initial,
          .poll_max = o.poll_max,
          .poll_backoff = o.poll_backoff,
          .poll_min = o.poll_min,
          .service_confirmations = o.service_confirmations,
          .absent_after_create = o.absent_after_create,
          .absent_after_other = o.absent_after_other};
}

// The run's status: the first failure by address, else the interrupt, else ok.
core::Status RunStatus(const RunResult& r) {
  const Counts& c = r.counts;
  if (c.failed > 0) {
    const OpResult* first = nullptr;
    for (const OpResult& op : r.ops) {
      if (op.outcome == Outcome::kFailed &&
          (!first || op.address.ToString() < first->address.ToString())) {
        first = &op;
      }
    }
    return core::Status(first->error.code(), Plural(c.failed, "operation") + " failed, " +
                                                 std::to_string(c.skipped) +
                                                 " skipped; first: " + first->error.message());
  }
  if (r.stopped) {
    return core::Status(core::Code::kCancelled,
                        std::string(r.deadline ? "deadline reached: " : "interrupted: ") +
                            std::to_string(c.done) + " done, " + std::to_string(c.interrupted) +
                            " stopped, " + std::to_string(r.not_started) + " not started");
  }
  return core::Status::Ok();
}

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

// The coordinator's state for one Run; lives on the coordinator thread only (the workers
// touch only `ops_`, the runner and the Poller, all read-only or thread-safe).
class Executor::Loop {
 public:
  Loop(Executor& ex, const std::vector<diff::Operation>& ops, Scheduler sched)
      : ex_(ex),
        ops_(ops),
        sched_(std::move(sched)),
        gates_(GateOptionsOf(ex.options_)),
        poller_(ex.runner_, ops),
        parallelism_(std::max(1, ex.options_.parallelism)),
        started_(ops.size()),
        live_states_(ops.size()) {
    result_.ops.resize(ops.size());
    for (const auto& op : ops) {
      result_.ops[op.id] = OpResult{.id = op.id, .address = op.address, .action = op.action};
    }
    result_.counts.total = static_cast<int>(ops.size());
  }

  RunResult Go();

 private:
  // Feeding results back.
  void Collect(Inbox inbox);
  void CallDone(int id, const core::Status& status);
  void ReadingDone(int id, const ProbeResult& reading);
  void BeginStop();
  void CheckDeadline();
  void EmitStopping();
  // Starting work while capacity allows, and waiting for more to do.
  void StartWork();
  void Heartbeat();
  void WaitForWork();
  bool Done() const { return stopping_ ? in_flight_ == 0 : sched_.Finished(); }
  void Submit(Job job);
  JobResult Perform(const Job& job, std::stop_token cancel);
  // Settling an operation.
  void Finish(int id);
  void Fail(int id, core::Status error);
  void Interrupt(int id, std::string note);
  Event MakeEvent(EventType type, int id);
  void Emit(const Event& e) { ex_.sink_.OnEvent(e); }
  RunResult Summarize();

  Executor& ex_;
  const std::vector<diff::Operation>& ops_;
  Scheduler sched_;    // which operation starts next
  GateTracker gates_;  // when each readiness wait reads, and what readings mean
  Poller poller_;      // how due reads become requests
  int parallelism_ = 1;
  int in_flight_ = 0;  // jobs (API requests) handed to workers and not yet collected
  bool stopping_ = false;
  bool aborted_ = false;
  bool deadline_ = false;                 // the stop came from options.stop_at
  std::vector<SteadyTime> started_;       // by id: when the operation started
  std::vector<std::string> live_states_;  // by id: the last state a reading saw
  RunResult result_;
  SteadyTime start_{};
  SteadyTime now_{};
  SteadyTime next_heartbeat_{};
};

RunResult Executor::Loop::Go() {
  start_ = now_ = ex_.clock_.Now();
  next_heartbeat_ = start_ + ex_.options_.heartbeat;
  {
    const WorkQueue::Perform perform = [this](const Job& job, std::stop_token cancel) {
      return Perform(job, std::move(cancel));
    };
    std::vector<std::jthread> workers;  // declared after `perform`: joined before it goes
    const int n_workers = std::min<int>(parallelism_, static_cast<int>(ops_.size()));
    for (int i = 0; i < n_workers; ++i) {
      workers.emplace_back(
          [this, &perform](std::stop_token shutdown) { ex_.queue_.Serve(perform, shutdown); });
    }
    while (true) {
      Collect(ex_.queue_.Take());
      CheckDeadline();
      StartWork();
      Heartbeat();
      if (Done()) break;
      WaitForWork();
    }
    // Leaving the scope stops and joins the (idle) workers.
  }
  return Summarize();
}

void Executor::Loop::Collect(Inbox inbox) {
  now_ = ex_.clock_.Now();
  // An interrupt counts from when it arrived: results collected with it are handled as
  // stopped (and a call cancelled after Abort is not a failure).
  const bool abort_now = inbox.abort && !aborted_;
  aborted_ = aborted_ || inbox.abort;
  if (inbox.stop && !stopping_) {
    BeginStop();
  } else if (abort_now) {
    EmitStopping();
  }
  for (const JobResult& r : inbox.results) {
    --in_flight_;
    now_ = ex_.clock_.Now();
    if (r.call >= 0) CallDone(r.call, r.status);
    for (const Reading& reading : r.readings) ReadingDone(reading.id, reading.result);
  }
}

void Executor::Loop::CallDone(int id, const core::Status& status) {
  const diff::Operation& op = ops_[id];
  if (!status.ok()) {
    if (aborted_ && status.code() == core::Code::kCancelled) {
      Interrupt(id, "call cancelled");
    } else {
      Fail(id, status);
    }
  } else if (op.gate == diff::Gate::kNone) {
    Finish(id);
  } else if (stopping_) {
    Interrupt(id, std::string("stopped before waiting for ") + GateGoal(op.gate));
  } else {
    const Duration expected =
        ex_.options_.expected_ready ? ex_.options_.expected_ready(op) : ExpectedReady(op);
    const auto [project, service] = Poller::SharedList(op);
    const std::string list = project.empty() ? "" : project + "/" + service;
    gates_.Start(
        id,
        {op.gate, op.action, started_[id], TimeoutFor(op, ex_.options_.timeouts), expected, list},
        now_);
    Event e = MakeEvent(EventType::kWaiting, id);
    e.message = std::string("waiting for ") + GateGoal(op.gate);
    Emit(e);
  }
}

void Executor::Loop::ReadingDone(int id, const ProbeResult& reading) {
  const bool cancelled = aborted_ && reading.error.code() == core::Code::kCancelled;
  if (reading.error.ok() && reading.live_state != live_states_[id]) {
    live_states_[id] = reading.live_state;
    Emit(MakeEvent(EventType::kProgress, id));
  }
  if (cancelled || (stopping_ && reading.error.ok())) {
    gates_.Forget(id);
    Interrupt(id, StoppedWaiting(ops_[id]));
    return;
  }
  const GateVerdict verdict = gates_.Observe(id, reading, now_);
  switch (verdict.kind) {
    case GateVerdict::Kind::kDone:
      Finish(id);
      break;
    case GateVerdict::Kind::kFailed:
      Fail(id, verdict.error);
      break;
    case GateVerdict::Kind::kWait:
      break;  // the tracker has scheduled the next read
  }
}

void Executor::Loop::CheckDeadline() {
  const std::optional<SteadyTime>& stop_at = ex_.options_.stop_at;
  if (stopping_ || !stop_at) return;
  now_ = ex_.clock_.Now();
  if (now_ < *stop_at) return;
  deadline_ = true;
  BeginStop();
}

void Executor::Loop::EmitStopping() {
  Event e = MakeEvent(EventType::kStopping, -1);
  const std::string in_flight = Plural(in_flight_, "API request") + " in flight";
  e.message = aborted_ ? "aborting: cancelling " + in_flight
              : deadline_
                  ? "deadline reached: no new operations start; " + in_flight + " will finish"
                  : "stopping: no new operations start; " + in_flight + " will finish";
  Emit(e);
}

void Executor::Loop::BeginStop() {
  stopping_ = true;
  EmitStopping();
  // Operations between reads stop waiting now (in id order for a stable event order).
  for (int id : gates_.StopWaiting()) Interrupt(id, StoppedWaiting(ops_[id]));
}

void Executor::Loop::StartWork() {
  if (stopping_) return;
  now_ = ex_.clock_.Now();
  // Due reads first: they are cheap and each one may unblock a whole subtree.
  for (Read& read :
       poller_.Group(gates_.Due(now_), parallelism_ - in_flight_, gates_.Early(now_))) {
    for (int id : read.ids) gates_.BeginRead(id);
    Submit(Job{.read = std::move(read)});
  }
  while (in_flight_ < parallelism_) {
    const std::optional<int> next = sched_.Next();
    if (!next) break;
    started_[*next] = now_;
    ++result_.counts.running;
    Emit(MakeEvent(EventType::kStarted, *next));
    Submit(Job{.call = *next});
  }
}

void Executor::Loop::Heartbeat() {
  now_ = ex_.clock_.Now();
  if (ex_.options_.heartbeat > Duration::zero() && now_ >= next_heartbeat_ && !Done()) {
    Emit(MakeEvent(EventType::kHeartbeat, -1));
    next_heartbeat_ = now_ + ex_.options_.heartbeat;
  }
}

void Executor::Loop::WaitForWork() {
  // Due reads wake the loop only when a request could start for them.
  std::optional<SteadyTime> until;
  if (in_flight_ < parallelism_) until = gates_.NextRead();
  if (ex_.options_.heartbeat > Duration::zero()) {
    until = until ? std::min(*until, next_heartbeat_) : next_heartbeat_;
  }
  if (!stopping_ && ex_.options_.stop_at) {
    until = until ? std::min(*until, *ex_.options_.stop_at) : *ex_.options_.stop_at;
  }
  ex_.queue_.Wait(in_flight_ > 0, until, ex_.clock_);
}

void Executor::Loop::Submit(Job job) {
  ex_.queue_.Push(std::move(job));
  ++in_flight_;
}

JobResult Executor::Loop::Perform(const Job& job, std::stop_token cancel) {
  if (job.call >= 0) {
    return {.call = job.call, .status = ex_.runner_.Call(ops_[job.call], std::move(cancel))};
  }
  return {.readings = poller_.Perform(job.read, std::move(cancel))};
}

void Executor::Loop::Finish(int id) {
  OpResult& r = result_.ops[id];
  r.outcome = Outcome::kDone;
  r.elapsed = now_ - started_[id];
  --result_.counts.running;
  ++result_.counts.done;
  sched_.MarkDone(id);
  Emit(MakeEvent(EventType::kFinished, id));
}

void Executor::Loop::Fail(int id, core::Status error) {
  OpResult& r = result_.ops[id];
  r.outcome = Outcome::kFailed;
  r.error = core::Status(error.code(), ops_[id].address.ToString() + ": " + error.message());
  r.elapsed = now_ - started_[id];
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
  r.elapsed = now_ - started_[id];
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
    if (type != EventType::kSkipped) e.elapsed = now_ - started_[id];
  }
  return e;
}

RunResult Executor::Loop::Summarize() {
  now_ = ex_.clock_.Now();
  result_.elapsed = now_ - start_;
  result_.stopped = stopping_;
  result_.aborted = aborted_;
  result_.deadline = deadline_;
  result_.counts.running = 0;
  for (OpResult& r : result_.ops) {
    if (r.outcome == Outcome::kNotStarted) ++result_.not_started;
    r.live_state = live_states_[r.id];
  }
  result_.status = RunStatus(result_);
  return std::move(result_);
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
  Loop loop(*this, ops, std::move(sched).value());
  return loop.Go();
}

}  // namespace aivenctl::exec
