//===- hls_stream.h - hls::stream for nn's C simulation ---------*- C++ -*-===//
//
// Part of the runtime nn ships with every emitted HLS project, for C
// simulation with a plain C++14 compiler (no vendor tools). Synthesis uses
// the vendor's hls_stream.h, where a stream is a hardware FIFO; the firmware
// never sees this file.
//
// Here a stream is an unbounded FIFO in a std::deque, as in Vitis C
// simulation: writes never block and full() is always false (the DEPTH
// parameter and the STREAM pragma's depth only matter in hardware). Reading
// an empty stream would hang the hardware: it prints an error naming the
// stream and aborts. A stream destroyed with data left in it prints a
// warning. Single-threaded (dataflow processes run one after another).
//
//===----------------------------------------------------------------------===//

#ifndef NN_CSIM_HLS_STREAM_H
#define NN_CSIM_HLS_STREAM_H

#if !defined(__cplusplus) || __cplusplus < 201402L
#error "the nn C-simulation headers need C++14 or later"
#endif

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>

namespace hls {

template <typename T, int DEPTH = 0> class stream {
public:
  stream() : name_("hls::stream") {}
  explicit stream(const char *name) : name_(name ? name : "hls::stream") {}
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;
  ~stream() {
    if (!fifo_.empty())
      std::fprintf(stderr,
                   "WARNING: hls::stream '%s' destroyed with %zu element(s) "
                   "left in it\n",
                   name_.c_str(), fifo_.size());
  }

  void write(const T &value) {
    fifo_.push_back(value);
    if (fifo_.size() > peak_)
      peak_ = fifo_.size();
  }
  /// Always succeeds (the C-simulation FIFO is unbounded).
  bool write_nb(const T &value) {
    write(value);
    return true;
  }
  stream &operator<<(const T &value) {
    write(value);
    return *this;
  }

  /// The oldest element; aborts if the stream is empty.
  T read() {
    if (fifo_.empty()) {
      std::fprintf(stderr,
                   "ERROR: hls::stream '%s' read while empty (the hardware "
                   "would stall here)\n",
                   name_.c_str());
      std::abort();
    }
    T value = std::move(fifo_.front());
    fifo_.pop_front();
    return value;
  }
  void read(T &value) { value = read(); }
  /// Reads into `value` and returns true, or returns false if empty.
  bool read_nb(T &value) {
    if (fifo_.empty())
      return false;
    value = read();
    return true;
  }
  stream &operator>>(T &value) {
    read(value);
    return *this;
  }

  bool empty() const { return fifo_.empty(); }
  /// Always false: the C-simulation FIFO is unbounded.
  bool full() const { return false; }
  std::size_t size() const { return fifo_.size(); }
  /// The most elements it ever held. Dataflow processes run one after
  /// another here, so for an io_stream FIFO this is every transfer of one
  /// call, not the hardware occupancy (the lowering simulates that).
  std::size_t peak() const { return peak_; }
  const char *name() const { return name_.c_str(); }

private:
  std::string name_;
  std::deque<T> fifo_;
  std::size_t peak_ = 0;
};

} // namespace hls

#endif // NN_CSIM_HLS_STREAM_H
