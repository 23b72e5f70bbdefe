//===- HlsSchedule.h - the loop structure a layer lowers to -----*- C++ -*-===//
//
// The one decision of how a dense or conv dot product is laid out in
// hardware (docs/Lowering.md, "Dense"), from the reuse factor, the strategy
// and the unroll limit, and the two unroll/partition rules of every other
// buffer and element-wise loop. The lowering (--nn-lower-to-loops) builds
// its loops from this plan and the cost model (--nn-estimate) prices the
// same plan, so the estimate and the emitted design cannot disagree.
// Plain C++: no IR is read or built here.
//
//===----------------------------------------------------------------------===//

#ifndef NN_CONVERSION_HLSSCHEDULE_H
#define NN_CONVERSION_HLSSCHEDULE_H

#include <cstdint>
#include <string>
#include <vector>

namespace nn {
namespace hls {

/// The limits of --nn-lower-to-hls (max-unroll-mults, max-partition).
struct Limits {
  int64_t maxUnrollMults = 4096;
  int64_t maxPartition = 4096;
};

/// How a layer's M x K products are laid out in loops.
enum class DotStructure {
  Unrolled, ///< R = 1: m and k fully unrolled.
  Latency,  ///< R > 1, latency: m, k unrolled in a one-trip block loop with
            ///< PIPELINE II=R and ALLOCATION mul limit=B.
  Resource, ///< R > 1: an R-trip reuse loop (II=1) of B unrolled products,
            ///< weights reshaped cyclic by B (one word per step).
  Rolled,   ///< too many products to unroll: rolled m, pipelined k (II=1).
};

/// Why the structure is not the one R and the strategy ask for (a latency
/// layer can fall back twice: to Resource, then to Rolled).
struct Fallbacks {
  bool unrolledTooLarge = false;     ///< R = 1, N > max-unroll-mults: Rolled.
  bool latencyBlockTooLarge = false; ///< latency, N > max-unroll-mults.
  bool resourceStepTooLarge = false; ///< B > max-unroll-mults: Rolled.
  bool any() const {
    return unrolledTooLarge || latencyBlockTooLarge || resourceStepTooLarge;
  }
};

/// The plan of one dot product (per output position for conv).
struct DotSchedule {
  DotStructure kind = DotStructure::Unrolled;
  int64_t m = 0, k = 0, reuse = 1;
  bool resource = false;
  /// Products per reuse step: B = N / R (N when R = 1).
  int64_t blockSize = 1;
  /// Products computed in the same cycle: N unrolled, B for latency and
  /// resource, 1 rolled (one product per cycle of the pipelined k loop).
  int64_t parallelProducts = 1;
  /// Initiation interval of the dot product's outermost scheduled region:
  /// 1 unrolled, R latency (PIPELINE II=R), 1 resource/rolled (pipelined
  /// loops of `steps` iterations).
  int64_t ii = 1;
  /// Sequential iterations of the pipelined loop: 1 (unrolled, latency),
  /// R (resource), K per output for rolled (M rolled outputs).
  int64_t steps = 1;
  /// Resource only: the weights' ARRAY_RESHAPE cyclic factor (= B);
  /// 0 otherwise (weights partitioned completely when small enough).
  int64_t reshapeFactor = 0;
  Fallbacks fallbacks;
};

/// The structure of a dot product of M outputs of K terms each.
DotSchedule planDot(int64_t m, int64_t k, int64_t reuse, bool resource,
                    const Limits &limits);

/// The multiplier that computes product i = m * K + k across the reuse
/// steps (docs/Pruning.md, "Pattern"): i itself when every product is
/// unrolled (R = 1), i mod B for latency and resource (hls4ml's resource
/// kernel: step i / B on multiplier i mod B; the latency block shares its B
/// multipliers the same way), 0 rolled (one multiplier). The one mapping of
/// the lowering, the cost model and pattern pruning.
int64_t multiplierOf(const DotSchedule &schedule, int64_t i);
/// How many multipliers the structure has: N, B, B or 1.
int64_t multiplierCount(const DotSchedule &schedule);

/// What of a dot product with constant weights the lowering emits once the
/// products by a constant zero are dropped (docs/Lowering.md, "Zero
/// weights"): unrolled and latency emit only the nonzero products when at
/// least a quarter of them are zero (else the loop form, zeros included);
/// resource keeps the multipliers whose weights are not all zero (each
/// still runs its R steps); rolled keeps its one multiplier and all N.
struct LiveProducts {
  int64_t products = 0;    ///< products left in the emitted code
  int64_t multipliers = 0; ///< multipliers with a nonzero weight
  std::vector<bool> liveMultiplier; ///< per multiplierOf index
  bool dropsZeros = false; ///< some product is dropped: the sparse form
};
/// `raws`: the N weights in (m, k) order, m * K + k.
LiveProducts liveProducts(const DotSchedule &schedule,
                          const std::vector<int64_t> &raws);

/// The warnings of the fallbacks, in order, naming the layer: the lowering
/// and the estimate print the same words.
std::vector<std::string> fallbackWarnings(const DotSchedule &schedule,
                                          const std::string &layer,
                                          const Limits &limits);

/// Whether a region of `copies` copies of a body is unrolled completely
/// (element-wise ops, pools, softmax rows); otherwise rolled, pipelined.
inline bool unrollsCompletely(int64_t copies, const Limits &limits) {
  return copies <= limits.maxUnrollMults;
}

/// Whether a buffer of `elements` is partitioned into registers; otherwise
/// it stays a memory (Vitis refuses more than 4096 partitions).
inline bool partitionsCompletely(int64_t elements, const Limits &limits) {
  return elements <= limits.maxPartition;
}

} // namespace hls
} // namespace nn

#endif // NN_CONVERSION_HLSSCHEDULE_H
