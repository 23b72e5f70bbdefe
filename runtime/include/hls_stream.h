//===- hls_stream.h - hls::stream for nn's C simulation ---------*- C++ -*-===//
//
// Part of the runtime nn ships with every emitted HLS project, for C
// simulation with a plain C++14 compiler (no vendor tools). Synthesis uses
// the vendor's hls_stream.h, where a stream is a hardware FIFO; the firmware
// never sees this file.
//
// Two modes (docs/Decisions.md, "Bounded FIFOs in C simulation"):
//
// - Sequential (the default, as Vitis C simulation): a stream is an
//   unbounded FIFO, writes never block, full() is always false. Reading an
//   empty stream would hang the hardware: it prints an error naming the
//   stream and aborts.
// - Dataflow (an io_stream design built with NN_CSIM_DATAFLOW, as nn's
//   Makefile does): hls::nn_dataflow runs each process in its own thread
//   and every stream a process touches is a bounded, blocking FIFO of its
//   depth (set_depth, the STREAM pragma's depth): a write waits while it is
//   full, a read while it is empty. Such a network of processes (a Kahn
//   network with bounded FIFOs) ends with the same results under any
//   thread schedule, or deadlocks under every one; a deadlock (every live
//   process waiting) is reported, naming the full FIFOs and the waiting
//   processes, and ends the program with status 3. Each stream records its
//   peak occupancy; with NN_FIFO_REPORT=<file> in the environment, the
//   program writes every stream's depth and peak (the largest over all
//   calls) to that file when it ends.
//
// A stream destroyed with data left in it prints a warning.
//
//===----------------------------------------------------------------------===//

#ifndef NN_CSIM_HLS_STREAM_H
#define NN_CSIM_HLS_STREAM_H

#if !defined(__cplusplus) || __cplusplus < 201402L
#error "the nn C-simulation headers need C++14 or later"
#endif

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace hls {

namespace nn_csim {

/// What a stream tells the dataflow monitor.
class fifo_base {
public:
  virtual ~fifo_base() = default;
  virtual const char *name() const = 0;
  virtual std::size_t size() const = 0;
  virtual std::size_t depth() const = 0;
};

/// The state of the dataflow region being run (one at a time: the
/// processes of one call of the top function). Every blocking stream
/// operation holds its mutex, so the counts are exact.
struct monitor {
  std::mutex mutex;
  bool running = false;
  int live = 0;    ///< processes not yet finished
  int waiting = 0; ///< live processes waiting on a stream
  /// Per process: its name and what it waits on (empty: running).
  std::vector<std::pair<std::string, std::string>> processes;
  std::vector<const fifo_base *> fifos; ///< streams that exist now
  /// depth and peak occupancy of every stream by name, over all calls.
  std::map<std::string, std::pair<std::size_t, std::size_t>> peaks;

  static monitor &get() {
    static monitor m;
    return m;
  }
  ~monitor() {
    const char *path = std::getenv("NN_FIFO_REPORT");
    if (!path || peaks.empty())
      return;
    std::FILE *f = std::fopen(path, "w");
    if (!f) {
      std::fprintf(stderr, "ERROR: cannot write the FIFO report '%s'\n", path);
      return;
    }
    std::size_t depths = 0, peakSum = 0;
    std::fprintf(f, "%-32s %8s %8s\n", "fifo", "depth", "peak");
    for (const auto &p : peaks) {
      std::fprintf(f, "%-32s %8zu %8zu\n", p.first.c_str(), p.second.first,
                   p.second.second);
      depths += p.second.first;
      peakSum += p.second.second;
    }
    std::fprintf(f, "sum of depths %zu, sum of peaks %zu\n", depths, peakSum);
    std::fclose(f);
  }

  /// The index of the calling thread's process, -1 outside a dataflow run.
  static int &self() {
    static thread_local int index = -1;
    return index;
  }

  /// Called with `mutex` held before a process waits on `what`: ends the
  /// program if no live process can move any more.
  void wait_on(const std::string &what) {
    processes[self()].second = what;
    ++waiting;
    check();
  }
  void woken(int process) {
    processes[process].second.clear();
    --waiting;
  }
  void check() {
    if (live == 0 || waiting < live)
      return;
    std::fprintf(stderr,
                 "ERROR: io_stream C simulation deadlocked: every process "
                 "waits on a FIFO (a STREAM depth is too small)\n");
    for (const fifo_base *f : fifos)
      if (f->depth() && f->size() >= f->depth())
        std::fprintf(stderr, "  full FIFO '%s' (depth %zu)\n", f->name(),
                     f->depth());
    for (const auto &p : processes)
      if (!p.second.empty())
        std::fprintf(stderr, "  blocked process '%s': %s\n", p.first.c_str(),
                     p.second.c_str());
    std::fflush(stderr);
    std::_Exit(3);
  }
};

} // namespace nn_csim

/// A DATAFLOW region in C simulation: spawn() each process, then join()
/// runs them all in their own threads and waits for them (nn's emitted
/// io_stream code does this under NN_CSIM_DATAFLOW).
class nn_dataflow {
public:
  void spawn(const char *name, std::function<void()> body) {
    bodies_.emplace_back(name, std::move(body));
  }
  void join() {
    nn_csim::monitor &m = nn_csim::monitor::get();
    {
      std::lock_guard<std::mutex> lock(m.mutex);
      m.running = true;
      m.live = int(bodies_.size());
      m.waiting = 0;
      m.processes.clear();
      for (const auto &b : bodies_)
        m.processes.emplace_back(b.first, std::string());
    }
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < bodies_.size(); ++i)
      threads.emplace_back([this, i, &m] {
        nn_csim::monitor::self() = int(i);
        bodies_[i].second();
        std::lock_guard<std::mutex> lock(m.mutex);
        --m.live;
        m.check(); // the others may now wait on this one forever
      });
    for (std::thread &t : threads)
      t.join();
    std::lock_guard<std::mutex> lock(m.mutex);
    m.running = false;
    bodies_.clear();
  }

private:
  std::vector<std::pair<std::string, std::function<void()> > > bodies_;
};

template <typename T, int DEPTH = 0> class stream : public nn_csim::fifo_base {
public:
  stream() : name_("hls::stream") { enlist(); }
  explicit stream(const char *name) : name_(name ? name : "hls::stream") {
    enlist();
  }
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;
  ~stream() override {
    nn_csim::monitor &m = nn_csim::monitor::get();
    {
      std::lock_guard<std::mutex> lock(m.mutex);
      m.fifos.erase(std::remove(m.fifos.begin(), m.fifos.end(), this),
                    m.fifos.end());
      if (depth_) {
        auto &entry = m.peaks[name_];
        entry.first = depth_;
        entry.second = std::max(entry.second, peak_);
      }
    }
    if (!fifo_.empty())
      std::fprintf(stderr,
                   "WARNING: hls::stream '%s' destroyed with %zu element(s) "
                   "left in it\n",
                   name_.c_str(), fifo_.size());
  }

  /// The capacity of the FIFO in a dataflow run (0: unbounded).
  void set_depth(std::size_t depth) { depth_ = depth; }

  void write(const T &value) {
    if (!threaded()) {
      push(value);
      return;
    }
    nn_csim::monitor &m = nn_csim::monitor::get();
    std::unique_lock<std::mutex> lock(m.mutex);
    while (depth_ && fifo_.size() >= depth_) {
      if (writer_ < 0) {
        writer_ = nn_csim::monitor::self();
        m.wait_on("writing '" + name_ + "' (full, depth " +
                  std::to_string(depth_) + ")");
      }
      cv_.wait(lock);
    }
    push(value);
    wake(m, reader_);
  }
  /// Writes and returns true unless the stream is full.
  bool write_nb(const T &value) {
    if (full())
      return false;
    write(value);
    return true;
  }
  stream &operator<<(const T &value) {
    write(value);
    return *this;
  }

  /// The oldest element; waits for one in a dataflow run, else aborts if
  /// the stream is empty.
  T read() {
    if (!threaded()) {
      if (fifo_.empty()) {
        std::fprintf(stderr,
                     "ERROR: hls::stream '%s' read while empty (the hardware "
                     "would stall here)\n",
                     name_.c_str());
        std::abort();
      }
      return pop();
    }
    nn_csim::monitor &m = nn_csim::monitor::get();
    std::unique_lock<std::mutex> lock(m.mutex);
    while (fifo_.empty()) {
      if (reader_ < 0) {
        reader_ = nn_csim::monitor::self();
        m.wait_on("reading '" + name_ + "' (empty)");
      }
      cv_.wait(lock);
    }
    T value = pop();
    wake(m, writer_);
    return value;
  }
  void read(T &value) { value = read(); }
  /// Reads into `value` and returns true, or returns false if empty.
  bool read_nb(T &value) {
    if (empty())
      return false;
    value = read();
    return true;
  }
  stream &operator>>(T &value) {
    read(value);
    return *this;
  }

  bool empty() const { return locked_size() == 0; }
  /// Whether a write would wait (never outside a dataflow run).
  bool full() const {
    return threaded() && depth_ && locked_size() >= depth_;
  }
  /// The elements in it now (the monitor calls it with its mutex held).
  std::size_t size() const override { return fifo_.size(); }
  std::size_t depth() const override { return depth_; }
  /// The most elements it ever held: in a dataflow run at most its depth;
  /// in sequential runs every transfer of one call.
  std::size_t peak() const { return peak_; }
  const char *name() const override { return name_.c_str(); }

private:
  static bool threaded() { return nn_csim::monitor::self() >= 0; }
  std::size_t locked_size() const {
    if (!threaded())
      return fifo_.size();
    std::lock_guard<std::mutex> lock(nn_csim::monitor::get().mutex);
    return fifo_.size();
  }
  void enlist() {
    nn_csim::monitor &m = nn_csim::monitor::get();
    std::lock_guard<std::mutex> lock(m.mutex);
    m.fifos.push_back(this);
  }
  void push(const T &value) {
    fifo_.push_back(value);
    peak_ = std::max(peak_, fifo_.size());
  }
  T pop() {
    T value = std::move(fifo_.front());
    fifo_.pop_front();
    return value;
  }
  /// The waiter of the other end may go on: it is no longer counted as
  /// waiting from now (so that a deadlock is never seen while it wakes).
  void wake(nn_csim::monitor &m, int &waiter) {
    if (waiter < 0)
      return;
    m.woken(waiter);
    waiter = -1;
    cv_.notify_all();
  }

  std::string name_;
  std::deque<T> fifo_;
  std::size_t peak_ = 0, depth_ = DEPTH > 0 ? std::size_t(DEPTH) : 0;
  std::condition_variable cv_;
  int reader_ = -1, writer_ = -1; ///< the waiting process, if any
};

} // namespace hls

#endif // NN_CSIM_HLS_STREAM_H
