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

/// Calls body(begin, end) on disjoint chunks covering [0, count), on up to
/// `numThreads` threads (the calling thread runs the first chunk). Chunks
/// are multiples of `grain` except the last.
void parallelFor(int numThreads, int64_t count,
                 const std::function<void(int64_t, int64_t)> &body,
                 int64_t grain = 1);

} // namespace nn::interp

#endif // NN_LIB_INTERPRETER_GEMM_H
