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
