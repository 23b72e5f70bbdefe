//===- Gemm.cpp - float GEMM and threading helpers ------------------------===//
//
// The classic Goto/BLIS structure: C is computed in NC-column panels; for
// each KC-deep slice of K, a KC x NC panel of B is packed into NR-wide
// column slivers (contiguous, zero-padded), then for each MC-row block of A
// an MC x KC block is packed into MR-high row slivers, and a register-tiled
// micro-kernel multiplies one A sliver by one B sliver into an MR x NR tile
// of C held in registers. The packed B panel stays in L2/L3, the A block in
// L2, and one B sliver in L1 while the micro-kernel sweeps the A block.
//
// The micro-kernel is plain C++ that GCC vectorizes (the NR loop becomes
// vector lanes and the unrolled MR x NR accumulators stay in registers). It
// is compiled twice: an AVX2+FMA variant (MR x NR = 8 x 8: eight 8-float
// accumulators, explicit fused multiply-adds since -std=c++17 disables
// contraction) selected at run time with __builtin_cpu_supports, and a
// default-target variant (4 x 8) for any other x86-64 or architecture, so the
// build itself needs no -march flag. (The 6 x 16 tile of hand-written BLAS
// kernels leaves GCC 12 too few registers: it spills accumulators and ran
// 30-40% slower than 8 x 8 here.)
//
//===----------------------------------------------------------------------===//

#include "Gemm.h"

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

using namespace nn::interp;

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define NN_GEMM_X86_DISPATCH 1
#define NN_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NN_GEMM_X86_DISPATCH 0
#define NN_ALWAYS_INLINE inline
#endif

namespace {

constexpr int64_t kKC = 384;  // depth of a packed slice
constexpr int64_t kMC = 96;   // rows of a packed A block (multiple of 8 and 4)
constexpr int64_t kNC = 512;  // columns of a packed B panel (multiple of 8)

/// Packs rows [0, mc) x depth [0, kc) of A (already offset to the block's
/// origin) into MR-high slivers: sliver s holds ap[p * MR + i] =
/// A(s * MR + i, p), zero for rows past mc.
template <int MR>
void packA(int64_t mc, int64_t kc, const MatrixView &a, float *ap) {
  for (int64_t i0 = 0; i0 < mc; i0 += MR) {
    int64_t rows = std::min<int64_t>(MR, mc - i0);
    for (int64_t p = 0; p < kc; ++p) {
      const float *src = a.data + i0 * a.rowStride + p * a.colStride;
      int64_t i = 0;
      for (; i < rows; ++i)
        ap[i] = src[i * a.rowStride];
      for (; i < MR; ++i)
        ap[i] = 0.0f;
      ap += MR;
    }
  }
}

/// Packs depth [0, kc) x columns [0, nc) of B into NR-wide slivers: sliver s
/// holds bp[p * NR + j] = B(p, s * NR + j), zero for columns past nc.
template <int NR>
void packB(int64_t kc, int64_t nc, const MatrixView &b, float *__restrict bp) {
  for (int64_t j0 = 0; j0 < nc; j0 += NR) {
    int64_t cols = std::min<int64_t>(NR, nc - j0);
    for (int64_t p = 0; p < kc; ++p) {
      const float *src = b.data + p * b.rowStride + j0 * b.colStride;
      int64_t j = 0;
      if (b.colStride == 1 && cols == NR) {
        // The common case: a fixed-size copy the compiler vectorizes
        // (std::copy became a call to memmove).
        for (; j < NR; ++j)
          bp[j] = src[j];
      } else if (b.colStride == 1) {
        for (; j < cols; ++j)
          bp[j] = src[j];
      } else {
        for (; j < cols; ++j)
          bp[j] = src[j * b.colStride];
      }
      for (; j < NR; ++j)
        bp[j] = 0.0f;
      bp += NR;
    }
  }
}

/// C[0..mr) x [0..nr) += (A sliver) * (B sliver) over depth kc.
template <int MR, int NR, bool Fma>
NN_ALWAYS_INLINE void microKernel(int64_t kc, const float *__restrict ap,
                                  const float *__restrict bp,
                                  float *__restrict c, int64_t ldc, int64_t mr,
                                  int64_t nr) {
  float acc[MR][NR] = {};
  for (int64_t p = 0; p < kc; ++p) {
    const float *__restrict aq = ap + p * MR;
    const float *__restrict bq = bp + p * NR;
#pragma GCC unroll 8
    for (int i = 0; i < MR; ++i) {
      float av = aq[i];
#pragma GCC unroll 16
      for (int j = 0; j < NR; ++j) {
        if constexpr (Fma)
          acc[i][j] = __builtin_fmaf(av, bq[j], acc[i][j]);
        else
          acc[i][j] += av * bq[j];
      }
    }
  }
  if (mr == MR && nr == NR) {
#pragma GCC unroll 8
    for (int i = 0; i < MR; ++i)
#pragma GCC unroll 16
      for (int j = 0; j < NR; ++j)
        c[i * ldc + j] += acc[i][j];
    return;
  }
  for (int64_t i = 0; i < mr; ++i)
    for (int64_t j = 0; j < nr; ++j)
      c[i * ldc + j] += acc[i][j];
}

/// The packed block product: C[0..mc) x [0..nc) += Ablock * Bpanel.
template <int MR, int NR, bool Fma>
NN_ALWAYS_INLINE void macroKernel(int64_t mc, int64_t nc, int64_t kc,
                                  const float *ap, const float *bp, float *c,
                                  int64_t ldc) {
  for (int64_t j0 = 0; j0 < nc; j0 += NR) {
    const float *bs = bp + j0 * kc;
    int64_t nr = std::min<int64_t>(NR, nc - j0);
    for (int64_t i0 = 0; i0 < mc; i0 += MR)
      microKernel<MR, NR, Fma>(kc, ap + i0 * kc, bs, c + i0 * ldc + j0, ldc,
                               std::min<int64_t>(MR, mc - i0), nr);
  }
}

/// Whole GEMM with the given tile; always inlined into each dispatch
/// variant so that it is compiled for that variant's target.
template <int MR, int NR, bool Fma>
NN_ALWAYS_INLINE void gemmImpl(int64_t m, int64_t n, int64_t k, MatrixView a,
                               MatrixView b, float *c, int64_t ldc) {
  // Packed buffers: blocks are zero-padded to whole slivers.
  const int64_t mcMax = (std::min(kMC, m) + MR - 1) / MR * MR;
  const int64_t ncMax = (std::min(kNC, n) + NR - 1) / NR * NR;
  const int64_t kcMax = std::min<int64_t>(kKC, k);
  // Per-thread packing buffers, kept between calls (no page faults on the
  // calling thread's later GEMMs).
  thread_local std::vector<float> apBuf, bpBuf;
  if (apBuf.size() < size_t(mcMax * kcMax))
    apBuf.resize(mcMax * kcMax);
  if (bpBuf.size() < size_t(ncMax * kcMax))
    bpBuf.resize(ncMax * kcMax);
  for (int64_t jc = 0; jc < n; jc += kNC) {
    int64_t nc = std::min(kNC, n - jc);
    for (int64_t pc = 0; pc < k; pc += kKC) {
      int64_t kc = std::min(kKC, k - pc);
      MatrixView bBlock{b.data + pc * b.rowStride + jc * b.colStride,
                        b.rowStride, b.colStride};
      packB<NR>(kc, nc, bBlock, bpBuf.data());
      for (int64_t ic = 0; ic < m; ic += kMC) {
        int64_t mc = std::min(kMC, m - ic);
        MatrixView aBlock{a.data + ic * a.rowStride + pc * a.colStride,
                          a.rowStride, a.colStride};
        packA<MR>(mc, kc, aBlock, apBuf.data());
        macroKernel<MR, NR, Fma>(mc, nc, kc, apBuf.data(), bpBuf.data(),
                                 c + ic * ldc + jc, ldc);
      }
    }
  }
}

void gemmGeneric(int64_t m, int64_t n, int64_t k, MatrixView a, MatrixView b,
                 float *c, int64_t ldc) {
  gemmImpl<4, 8, false>(m, n, k, a, b, c, ldc);
}

#if NN_GEMM_X86_DISPATCH
__attribute__((target("avx2,fma"))) void
gemmAvx2(int64_t m, int64_t n, int64_t k, MatrixView a, MatrixView b,
         float *c, int64_t ldc) {
  gemmImpl<8, 8, true>(m, n, k, a, b, c, ldc);
}

bool cpuHasAvx2Fma() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  }();
  return has;
}
#endif

/// dotInt32's loop, inlined into each dispatch variant.
NN_ALWAYS_INLINE int64_t dotInt32Impl(const int32_t *__restrict x,
                                      const int32_t *__restrict w, int64_t k) {
  int64_t sum = 0;
  for (int64_t p = 0; p < k; ++p)
    sum += int64_t(x[p]) * int64_t(w[p]);
  return sum;
}

int64_t dotInt32Generic(const int32_t *x, const int32_t *w, int64_t k) {
  return dotInt32Impl(x, w, k);
}

#if NN_GEMM_X86_DISPATCH
__attribute__((target("avx2"))) int64_t
dotInt32Avx2(const int32_t *x, const int32_t *w, int64_t k) {
  return dotInt32Impl(x, w, k);
}
#endif

} // namespace

int64_t nn::interp::dotInt32(const int32_t *x, const int32_t *w, int64_t k) {
#if NN_GEMM_X86_DISPATCH
  if (cpuHasAvx2Fma())
    return dotInt32Avx2(x, w, k);
#endif
  return dotInt32Generic(x, w, k);
}

void nn::interp::sgemm(int64_t m, int64_t n, int64_t k, MatrixView a,
                       MatrixView b, float *c, int64_t ldc) {
  if (m <= 0 || n <= 0 || k <= 0)
    return;
#if NN_GEMM_X86_DISPATCH
  if (cpuHasAvx2Fma())
    return gemmAvx2(m, n, k, a, b, c, ldc);
#endif
  gemmGeneric(m, n, k, a, b, c, ldc);
}

void nn::interp::parallelSgemm(int64_t m, int64_t n, int64_t k, MatrixView a,
                               MatrixView b, float *c, int64_t ldc,
                               int numThreads) {
  // Below ~1 MFLOP per thread the thread start-up costs more than it saves.
  int64_t work = m * n * k;
  int threads = int(std::min<int64_t>(numThreads, std::max<int64_t>(
                                                      1, work / (1 << 20))));
  if (threads <= 1)
    return sgemm(m, n, k, a, b, c, ldc);
  if (n >= m) {
    parallelFor(
        threads, n,
        [&](int64_t begin, int64_t end) {
          MatrixView bPart{b.data + begin * b.colStride, b.rowStride,
                           b.colStride};
          sgemm(m, end - begin, k, a, bPart, c + begin, ldc);
        },
        16, m * k);
  } else {
    parallelFor(
        threads, m,
        [&](int64_t begin, int64_t end) {
          MatrixView aPart{a.data + begin * a.rowStride, a.rowStride,
                           a.colStride};
          sgemm(end - begin, n, k, aPart, b, c + begin * ldc, ldc);
        },
        8, n * k);
  }
}

void nn::interp::parallelFor(int numThreads, int64_t count,
                             const std::function<void(int64_t, int64_t)> &body,
                             int64_t grain, int64_t workPerUnit) {
  if (count <= 0)
    return;
  grain = std::max<int64_t>(1, grain);
  int64_t units = (count + grain - 1) / grain;
  // Threads by work: each must get kMinWorkPerThread steps (a product past
  // int64_t only means "enough work").
  workPerUnit = std::max<int64_t>(1, workPerUnit);
  int64_t work = count > INT64_MAX / workPerUnit ? INT64_MAX
                                                 : count * workPerUnit;
  int64_t byWork = std::max<int64_t>(1, work / kMinWorkPerThread);
  int64_t threads = std::max<int64_t>(
      1, std::min<int64_t>({int64_t(numThreads), units, byWork}));
  if (threads == 1)
    return body(0, count);
  // Balanced split of the grain units: the first `extra` chunks get one more.
  int64_t per = units / threads, extra = units % threads;
  std::vector<std::pair<int64_t, int64_t>> chunks;
  int64_t unit = 0;
  for (int64_t t = 0; t < threads; ++t) {
    int64_t size = per + (t < extra ? 1 : 0);
    chunks.emplace_back(std::min(count, unit * grain),
                        std::min(count, (unit + size) * grain));
    unit += size;
  }
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (int64_t t = 1; t < threads; ++t)
    workers.emplace_back(body, chunks[t].first, chunks[t].second);
  body(chunks[0].first, chunks[0].second);
  for (std::thread &worker : workers)
    worker.join();
}
