//===- Gemm.h - float GEMM and threading helpers (internal) -----*- C++ -*-===//
//
// A cache-blocked single-precision matrix product for the interpreter's conv
// and dense kernels, and a minimal parallel-for on std::thread.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_INTERPRETER_GEMM_H
#define NN_LIB_INTERPRETER_GEMM_H

#include <cstdint>
#include <functional>

namespace nn::interp {

/// A read-only strided matrix view: element (r, c) is data[r * rowStride +
/// c * colStride]. Lets the GEMM read transposed operands (a dense layer's
/// weight [N, K] used as B(k, n)) without copying them first.
struct MatrixView {
  const float *data;
  int64_t rowStride;
  int64_t colStride;
};

/// C += A * B with A: M x K, B: K x N, C: M x N row-major with leading
/// dimension ldc. Runs on the calling thread only.
void sgemm(int64_t m, int64_t n, int64_t k, MatrixView a, MatrixView b,
           float *c, int64_t ldc);

/// As sgemm(), with the rows or the columns of C (whichever dimension is
/// larger) split between up to `numThreads` threads.
void parallelSgemm(int64_t m, int64_t n, int64_t k, MatrixView a,
                   MatrixView b, float *c, int64_t ldc, int numThreads);

/// The exact sum of x[p] * w[p] for p in [0, k): each product fits 63 bits
/// and so does the sum, which the caller guarantees (a lossless fixed-point
/// dot product whose format fits 63 bits, Accumulator.h). Integer addition
/// is associative, so any order gives the exact sum; the loop runs in AVX2
/// lanes where the processor has them.
int64_t dotInt32(const int32_t *x, const int32_t *w, int64_t k);

/// The work a thread must get to be worth starting, in elementary steps
/// (multiply-accumulates, window reads): about 0.1 ms of work, several
/// times a thread's start-up.
constexpr int64_t kMinWorkPerThread = int64_t(1) << 17;

/// Calls body(begin, end) on disjoint chunks covering [0, count), on up to
/// `numThreads` threads (the calling thread runs the first chunk). Chunks
/// are multiples of `grain` except the last. `workPerUnit` is the steps one
/// unit of [0, count) costs: no more threads start than give each at least
/// kMinWorkPerThread steps, so more threads never make a kernel slower (the
/// default 1 keeps small loops on the calling thread).
void parallelFor(int numThreads, int64_t count,
                 const std::function<void(int64_t, int64_t)> &body,
                 int64_t grain = 1, int64_t workPerUnit = 1);

} // namespace nn::interp

#endif // NN_LIB_INTERPRETER_GEMM_H
