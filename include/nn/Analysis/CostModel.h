//===- CostModel.h - hardware cost of a quantized nn network ----*- C++ -*-===//
//
// An analysis (no IR is changed): from quantized nn IR with reuse factors
// and strategies, the resources (DSP, LUT, FF, BRAM_18K, URAM) and the
// latency of every layer and of the whole design that --nn-lower-to-hls
// would emit, priced from the same plan the lowering builds
// (nn/Conversion/HlsSchedule.h). The model, its coefficients and the
// records they were fitted on: docs/CostModel.md.
//
//===----------------------------------------------------------------------===//

#ifndef NN_ANALYSIS_COSTMODEL_H
#define NN_ANALYSIS_COSTMODEL_H

#include "nn/Conversion/HlsSchedule.h"
#include "nn/Support/ReuseFactor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nn {
namespace cost {

/// An FPGA part and what it offers.
struct Device {
  const char *part;
  int64_t dsp, lut, ff, bram18k, uram;
};

/// The parts the model knows (hls4ml's usual targets and the parts of the
/// calibration records).
const std::vector<Device> &knownDevices();
/// The part named `part` (case and dashes ignored, "xcu250" for the
/// U250's part), or null.
const Device *findDevice(llvm::StringRef part);
/// "xcvu13p-flga2577-2-e, xcu250-figd2104-2L-e, ...".
std::string knownDeviceList();

/// hls4ml's defaults (create_initial_config).
inline constexpr const char *kDefaultPart = "xcvu13p-flga2577-2-e";
inline constexpr double kDefaultClockNs = 5.0;

/// The device and clock of a pass: its options when given (`part` empty,
/// `clockNs` 0 otherwise), else the module's nn.hls.part /
/// nn.hls.clock_period, else hls4ml's defaults. An unknown part (listing
/// the known ones) or a clock that is not positive is an error at the
/// module, prefixed with `pass`.
struct Target {
  const Device *device = nullptr;
  double clockNs = kDefaultClockNs;
};
mlir::FailureOr<Target> resolveTarget(mlir::ModuleOp module,
                                      llvm::StringRef part, double clockNs,
                                      llvm::StringRef pass);

struct Resources {
  int64_t dsp = 0, lut = 0, ff = 0, bram18k = 0, uram = 0;
  Resources &operator+=(const Resources &o) {
    dsp += o.dsp;
    lut += o.lut;
    ff += o.ff;
    bram18k += o.bram18k;
    uram += o.uram;
    return *this;
  }
};

struct LayerEstimate {
  std::string name;
  std::string op;       ///< "nn.dense"
  int64_t reuse = 1;    ///< 1 for layers without multipliers
  std::string strategy; ///< "latency" / "resource", "-" without multipliers
  std::string structure;///< "unrolled", "latency", "resource", "rolled", ...
  Resources res;
  int64_t latencyBest = 0, latencyWorst = 0;
  int64_t ii = 1;
  /// No model for this op: counted as unknown (a warning names it).
  bool unknown = false;
};

struct Estimate {
  std::string part;
  double clockNs = kDefaultClockNs;
  std::vector<LayerEstimate> layers;
  Resources total;
  int64_t latencyBest = 0, latencyWorst = 0, ii = 1;
  /// Ops without a model, by name (each also warned about).
  std::vector<std::string> unknownOps;
};

struct Options {
  hls::Limits limits;
  double clockNs = kDefaultClockNs;
  /// Warn about the lowering's fallbacks (off for the reuse-factor search,
  /// which estimates designs it is about to change).
  bool warnFallbacks = true;
};

/// Estimates `func` (quantized nn IR, not yet lowered). Emits an error at
/// the first op with floating-point values and fails; warns once per op
/// without a model.
mlir::FailureOr<Estimate> estimate(mlir::func::FuncOp func,
                                   const Options &options);
/// As estimate() without its warnings and notes (for passes that estimate
/// designs again after the first, warned, estimate); errors still show.
mlir::FailureOr<Estimate> estimateQuietly(mlir::func::FuncOp func,
                                          const Options &options);

/// The estimate of the io_stream design of `func` (docs/CostModel.md,
/// "io_stream", StreamEstimate.cpp): the layers as estimate(), each
/// layer's II and latency from the simulated dataflow schedule of its
/// process, a row per line buffer, a row "fifos" for the FIFOs, the
/// design's interval and latency from the schedule.
mlir::FailureOr<Estimate> estimateStream(mlir::func::FuncOp func,
                                         const Options &options);
/// One FIFO of `depth` transfers of `width` bits: an SRL (LUTs) under
/// Vitis' default auto-SRL rule (depth <= 2 or depth x width <= 1024
/// bits), else BRAM_18K.
Resources fifoResources(int64_t depth, int64_t width);

/// Prices one dense/conv layer at candidate reuse factors (the reuse-factor
/// search), reading each layer's weights once; no diagnostics.
class DotPricer {
public:
  explicit DotPricer(const Options &options);
  ~DotPricer();
  /// The layer's estimate at reuse factor `reuse` and `strategy`, and the
  /// plan the lowering would build for it.
  LayerEstimate price(mlir::Operation *op, int64_t reuse,
                      reuse::Strategy strategy,
                      hls::DotSchedule *plan = nullptr);

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// The per-layer table with totals and the utilisation of `device`.
std::string formatTable(const Estimate &estimate, const Device &device);
/// est.json (docs/CostModel.md, "Report").
std::string formatJson(const Estimate &estimate);

/// BRAM_18K blocks for a memory of `depth` words of `width` bits: the best
/// of the block's aspect ratios (16K x 1 ... 512 x 36).
int64_t bram18kFor(int64_t depth, int64_t width);

/// DSP48E2 slices for a width-a by width-b signed product (27 x 18 per
/// slice; wider products are split into partial products).
int64_t dspsPerProduct(int64_t a, int64_t b);

} // namespace cost
} // namespace nn

#endif // NN_ANALYSIS_COSTMODEL_H
