//===- HlsSchedule.cpp - the loop structure a layer lowers to -------------===//
//
// hls4ml's structures (design notes, "Reuse factor"): R = 1 unrolls every
// product; latency R > 1 keeps them unrolled in a pipeline of II = R with
// B = N / R multipliers; resource R > 1 is an R-trip loop of B products. A
// region that would unroll more than max-unroll-mults copies falls back
// (latency -> resource -> rolled) so that no layer asks the HLS tool for
// more than the limit at once.
//
//===----------------------------------------------------------------------===//

#include "nn/Conversion/HlsSchedule.h"

#include <algorithm>

using namespace nn::hls;

DotSchedule nn::hls::planDot(int64_t m, int64_t k, int64_t reuse,
                             bool resource, const Limits &limits) {
  DotSchedule s;
  s.m = m;
  s.k = k;
  s.reuse = reuse < 1 ? 1 : reuse;
  s.resource = resource;
  const int64_t n = m * k;
  s.blockSize = n / s.reuse;
  if (s.reuse == 1) {
    s.kind = DotStructure::Unrolled;
    if (!unrollsCompletely(n, limits)) {
      s.fallbacks.unrolledTooLarge = true;
      s.kind = DotStructure::Rolled;
    }
  } else {
    s.kind = resource ? DotStructure::Resource : DotStructure::Latency;
    if (s.kind == DotStructure::Latency && !unrollsCompletely(n, limits)) {
      s.fallbacks.latencyBlockTooLarge = true;
      s.kind = DotStructure::Resource;
    }
    if (s.kind == DotStructure::Resource &&
        !unrollsCompletely(s.blockSize, limits)) {
      s.fallbacks.resourceStepTooLarge = true;
      s.kind = DotStructure::Rolled;
    }
  }
  switch (s.kind) {
  case DotStructure::Unrolled:
    s.parallelProducts = n;
    break;
  case DotStructure::Latency:
    s.parallelProducts = s.blockSize;
    s.ii = s.reuse;
    break;
  case DotStructure::Resource:
    s.parallelProducts = s.blockSize;
    s.steps = s.reuse;
    s.reshapeFactor = s.blockSize;
    break;
  case DotStructure::Rolled:
    s.parallelProducts = 1;
    s.steps = k;
    break;
  }
  return s;
}

std::vector<std::string> nn::hls::fallbackWarnings(const DotSchedule &s,
                                                   const std::string &layer,
                                                   const Limits &limits) {
  std::vector<std::string> warnings;
  const std::string n = std::to_string(s.m * s.k);
  const std::string limit = std::to_string(limits.maxUnrollMults);
  const std::string r = std::to_string(s.reuse);
  if (s.fallbacks.unrolledTooLarge)
    warnings.push_back("layer '" + layer + "' has " + n +
                       " multiplications, more than " + limit +
                       " (max-unroll-mults): not fully unrolled, a pipelined "
                       "loop instead");
  if (s.fallbacks.latencyBlockTooLarge)
    warnings.push_back("layer '" + layer + "' (strategy latency, reuse factor " +
                       r + ") has " + n + " multiplications, more than " +
                       limit +
                       " (max-unroll-mults) to unroll in one block: the "
                       "resource structure instead");
  if (s.fallbacks.resourceStepTooLarge)
    warnings.push_back("layer '" + layer + "' (reuse factor " + r + ") has " +
                       std::to_string(s.blockSize) +
                       " multiplications per reuse step, more than " + limit +
                       " (max-unroll-mults): not unrolled, a pipelined loop "
                       "instead");
  return warnings;
}

int64_t nn::hls::multiplierOf(const DotSchedule &s, int64_t i) {
  switch (s.kind) {
  case DotStructure::Unrolled:
    return i;
  case DotStructure::Latency:
  case DotStructure::Resource:
    return i % std::max<int64_t>(1, s.blockSize);
  case DotStructure::Rolled:
    return 0;
  }
  return 0;
}

int64_t nn::hls::multiplierCount(const DotSchedule &s) {
  switch (s.kind) {
  case DotStructure::Unrolled:
    return s.m * s.k;
  case DotStructure::Latency:
  case DotStructure::Resource:
    return s.blockSize;
  case DotStructure::Rolled:
    return 1;
  }
  return 1;
}

/// Unrolled and latency layers drop their zero products when at least
/// 1/kMinZeroShare of them are zero.
static constexpr int64_t kMinZeroShare = 4;

LiveProducts nn::hls::liveProducts(const DotSchedule &s,
                                   const std::vector<int64_t> &raws) {
  LiveProducts live;
  const int64_t n = s.m * s.k;
  live.liveMultiplier.assign(size_t(multiplierCount(s)), false);
  int64_t nonzero = 0;
  for (int64_t i = 0; i < n; ++i)
    if (i < int64_t(raws.size()) && raws[size_t(i)] != 0) {
      ++nonzero;
      live.liveMultiplier[size_t(multiplierOf(s, i))] = true;
    }
  for (bool b : live.liveMultiplier)
    live.multipliers += b;
  switch (s.kind) {
  case DotStructure::Unrolled:
  case DotStructure::Latency:
    // The straight-line form writes every nonzero product out with ap_fixed
    // operands: it loses the C simulation's one-sum fast path (40 times
    // slower on the jet MLP, whose quantized weights hold a few zeros) and
    // multiplies the code size. It is worth that only where many products
    // vanish, as after pruning; the few zeros of a trained layer stay in the
    // unrolled loops, constants the HLS tool folds (and the cost model
    // prices as free).
    live.dropsZeros = nonzero < n && kMinZeroShare * (n - nonzero) >= n;
    live.products = live.dropsZeros ? nonzero : n;
    break;
  case DotStructure::Resource:
    live.products = live.multipliers * s.reuse;
    live.dropsZeros = live.multipliers < s.blockSize;
    break;
  case DotStructure::Rolled:
    // One multiplier for all: nothing to drop.
    live.products = n;
    live.multipliers = 1;
    live.liveMultiplier.assign(1, true);
    break;
  }
  return live;
}
