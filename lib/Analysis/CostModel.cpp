//===- CostModel.cpp - resources and latency of every layer ---------------===//
//
// Each layer is priced from the structure the lowering gives it: dense and
// conv from hls::planDot (the plan LowerDense.cpp builds), every other op
// from hls::unrollsCompletely / partitionsCompletely. What the model counts
// and why, and where each coefficient comes from: docs/CostModel.md.
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostModel.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Support/Accumulator.h"
#include "nn/Support/ActivationTables.h"

#include "nn/Support/Embedding.h"

#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <set>

using namespace mlir;
using namespace nn;
using namespace nn::cost;

namespace {

/// The fitted coefficients (docs/CostModel.md, "Coefficients": each with
/// the records it comes from).
struct Coefficients {
  /// Vitis' default clock uncertainty: logic is scheduled into 73% of the
  /// period.
  double uncertainty = 0.27;
  /// Delay of a DSP product, of a LUT product, of one adder level (base +
  /// per bit of the accumulator), of a compare-and-select.
  double dspMulNs = 3.0, lutMulNs = 2.0, addNs = 0.35, addNsPerBit = 0.015,
         selectNs = 0.5, tableNs = 1.5;
  /// A product with an operand of at most this many bits goes to LUTs.
  int64_t lutMultMaxWidth = 9;
  /// LUTs per bit-pair of a LUT product, per bit of an adder or
  /// comparator, per bit of a two-input select.
  double lutPerMultBitPair = 0.6, lutPerAdderBit = 1.0, lutPerSelectBit = 1.0;
  /// LUTs of the glue around one DSP product (sign extension, cast of the
  /// product to the accumulator).
  double lutPerDspProduct = 4.0;
  /// LUTs of one table lookup's index computation per input bit.
  double lutPerLookupBit = 4.0;
  /// Tables of at most this many bits are LUT ROM, not BRAM (half a
  /// BRAM_18K; the records' 1024 x 18 tables are all in BRAM).
  int64_t lutRomMaxBits = 9216;
  /// Flip-flops per bit of a partitioned output buffer and of the products
  /// held between pipeline stages.
  double ffPerOutputBit = 1.0, ffPerProductBit = 0.5;
};

const Coefficients kCoef;

int64_t ceilDiv(int64_t a, int64_t b) { return b <= 0 ? a : (a + b - 1) / b; }
/// ceil(log2(n)), the one definition of Accumulator.h.
int64_t ceilLog2(int64_t n) { return fx::ceilLog2(n); }
int64_t rounded(double v) { return int64_t(std::llround(v)); }

int64_t numElements(Type type) {
  auto shaped = llvm::dyn_cast<ShapedType>(type);
  return shaped && shaped.hasStaticShape() ? shaped.getNumElements() : 1;
}
int64_t widthOf(Value value) {
  auto shaped = llvm::cast<ShapedType>(value.getType());
  if (auto fixed = llvm::dyn_cast<FixedType>(shaped.getElementType()))
    return fixed.getWidth();
  return 32;
}

/// The weights of a kernel, as the HLS tool sees constant operands: a zero
/// product disappears, a power of two is a shift, two set bits a shift and
/// an add (in LUTs), anything else a multiplier.
struct WeightClasses {
  int64_t zero = 0, shift = 0, shiftAdd = 0, general = 0;
  /// The raw weights, for what the lowering keeps (hls::liveProducts).
  std::vector<int64_t> raws;
};

std::optional<WeightClasses> classifyWeights(Value weight) {
  auto constant = weight.getDefiningOp<ConstantOp>();
  if (!constant)
    return std::nullopt;
  FailureOr<interp::Tensor> tensor = interp::tensorFromConstant(
      constant.getValue(), constant.getType(), constant.getLoc());
  if (failed(tensor) || !tensor->isFixed())
    return std::nullopt;
  WeightClasses c;
  c.raws.assign(tensor->raw().begin(), tensor->raw().end());
  for (int64_t raw : tensor->raw()) {
    uint64_t magnitude = raw < 0 ? uint64_t(0) - uint64_t(raw) : uint64_t(raw);
    int bits = llvm::popcount(magnitude);
    if (bits == 0)
      ++c.zero;
    else if (bits == 1)
      ++c.shift;
    else if (bits == 2)
      ++c.shiftAdd;
    else
      ++c.general;
  }
  return c;
}

class Model {
public:
  Model(const Options &options)
      : options(options), period(options.clockNs * (1 - kCoef.uncertainty)) {}

  /// Register stages a combinational path of `ns` needs.
  int64_t stages(double ns) const {
    return std::max<int64_t>(0, int64_t(std::ceil(ns / period)) - 1);
  }
  /// Stages of a pipelined loop body (at least one).
  int64_t bodyStages(double ns) const {
    return std::max<int64_t>(1, int64_t(std::ceil(ns / period)));
  }
  double addDelay(int64_t width) const {
    return kCoef.addNs + kCoef.addNsPerBit * double(width);
  }

  /// The output buffer: a memory when too large to partition; otherwise
  /// registers, counted at the end (`registerBits`) only when the design is
  /// not one pipeline: inside a pipeline the values live in the stage
  /// registers counted with each layer.
  void outputBuffer(Value result, LayerEstimate &l) {
    int64_t elements = numElements(result.getType()), w = widthOf(result);
    if (hls::partitionsCompletely(elements, options.limits))
      registerBits.push_back(elements * w);
    else {
      l.res.bram18k += bram18kFor(elements, w);
      registerBits.push_back(0);
    }
  }

  /// An element-wise region of `elements` copies of a body of `lut` LUTs
  /// and `ns` delay: unrolled (combinational, chained into the next layer)
  /// or one element per cycle.
  void elementwise(int64_t elements, double lut, double ns,
                   LayerEstimate &l, int64_t widthBits = 0) const {
    if (hls::unrollsCompletely(elements, options.limits)) {
      l.res.lut += rounded(lut * double(elements));
      l.structure = "unrolled";
      l.latencyBest = l.latencyWorst = stages(ns);
      l.ii = 1;
      // Pipeline registers of the stages inside the layer.
      l.res.ff += rounded(kCoef.ffPerOutputBit *
                          double(l.latencyBest * elements * widthBits));
    } else {
      // One body, pipelined at II=1.
      l.res.lut += rounded(lut);
      l.structure = "rolled";
      l.latencyBest = l.latencyWorst = elements + bodyStages(ns);
      l.ii = l.latencyBest;
      allUnrolled = false;
    }
  }

  /// Table lookups of an activation: the table in BRAM_18K, one copy per
  /// two parallel reads (dual-port), the index logic in LUTs.
  /// Table lookups of an activation: the index logic in LUTs; the table in
  /// BRAM_18K, one copy per two parallel reads (dual port), with a read
  /// cycle and a register per value read; a small table (at most
  /// lutRomMaxBits) as LUT ROM instead (LUT6
  /// as 64 x 1), one copy per read, read combinationally. Returns the
  /// cycles a read adds.
  int64_t tables(int64_t parallel, int64_t size, int64_t width,
                 int64_t inBits, LayerEstimate &l) const {
    l.res.lut += rounded(kCoef.lutPerLookupBit * double(inBits * parallel));
    if (size * width <= kCoef.lutRomMaxBits) {
      l.res.lut += parallel * ceilDiv(size, 64) * width;
      return 0;
    }
    l.res.bram18k += ceilDiv(parallel, 2) * bram18kFor(size, width);
    // The read takes a cycle: each value read is registered.
    l.res.ff += rounded(kCoef.ffPerOutputBit * double(parallel * width));
    return 1;
  }

  /// A general product of a x b bits: DSPs, or LUTs when narrow.
  void products(int64_t count, int64_t a, int64_t b, LayerEstimate &l) const {
    if (std::min(a, b) <= kCoef.lutMultMaxWidth)
      l.res.lut += rounded(kCoef.lutPerMultBitPair * double(a * b * count));
    else {
      l.res.dsp += count * dspsPerProduct(a, b);
      l.res.lut += rounded(kCoef.lutPerDspProduct * double(count));
    }
  }
  double productDelay(int64_t a, int64_t b) const {
    return std::min(a, b) <= kCoef.lutMultMaxWidth ? kCoef.lutMulNs
                                                   : kCoef.dspMulNs;
  }

  LogicalResult dot(Operation *op, LayerEstimate &l);
  /// The weights' classes, read once per constant.
  std::optional<WeightClasses> classes(Value weights) {
    auto it = classCache.find(weights);
    if (it != classCache.end())
      return it->second;
    return classCache[weights] = classifyWeights(weights);
  }
  /// Set by the reuse-factor search: price dense/conv at this R (> 0),
  /// without diagnostics; the plan priced last.
  int64_t reuseOverride = 0;
  std::optional<reuse::Strategy> strategyOverride;
  hls::DotSchedule lastPlan;
  llvm::DenseMap<Value, std::optional<WeightClasses>> classCache;
  /// Prices a layer without multipliers; false (and `l` untouched) for an
  /// op the model has no case for: the one list of what is modelled.
  bool layer(Operation *op, LayerEstimate &l);

  const Options &options;
  double period;
  mutable bool allUnrolled = true;
  /// Per modelled layer, in order: bits of its partitioned output buffer.
  std::vector<int64_t> registerBits;
};

LogicalResult Model::dot(Operation *op, LayerEstimate &l) {
  auto mult = llvm::cast<MultiplierOpInterface>(op);
  const int64_t k = mult.getMultiplierInputs(), m = mult.getMultiplierOutputs();
  const int64_t n = m * k;
  const bool resource =
      strategyOverride ? *strategyOverride == reuse::Strategy::Resource
                       : mult.getStrategy() == reuse::Strategy::Resource;
  const int64_t reuse =
      reuseOverride > 0 ? reuseOverride : mult.getReuseFactor();
  hls::DotSchedule s = hls::planDot(m, k, reuse, resource, options.limits);
  lastPlan = s;
  if (reuseOverride == 0 && options.warnFallbacks)
    for (const std::string &w :
         hls::fallbackWarnings(s, l.name, options.limits))
      op->emitWarning("nn-estimate: ") << w;
  Value x = op->getOperand(0), w = op->getOperand(1);
  const int64_t a = widthOf(x), b = widthOf(w);
  // The accumulator: nn.accum_type (--nn-quantize always sets it), else the
  // lossless format the lowering gives hand-written IR (Accumulator.h).
  int64_t acc = a + b + ceilLog2(k);
  auto fixedOf = [](Value v) -> std::optional<fx::Format> {
    if (auto fixed = llvm::dyn_cast<FixedType>(
            llvm::cast<ShapedType>(v.getType()).getElementType()))
      return fixed.getFormat();
    return std::nullopt;
  };
  std::optional<fx::Format> xF = fixedOf(x), wF = fixedOf(w);
  std::optional<fx::Format> bF;
  if (op->getNumOperands() > 2 && op->getOperand(2))
    bF = fixedOf(op->getOperand(2));
  if (xF && wF)
    acc = fx::dotProductFormat(*xF, *wF, k, bF ? &*bF : nullptr).width;
  if (auto attr = op->getAttrOfType<TypeAttr>(kAccumTypeAttrName))
    if (auto fixed = llvm::dyn_cast<FixedType>(attr.getValue()))
      acc = fixed.getWidth();
  // Bias additions: one per output, none for a constant zero bias.
  int64_t biasAdds = 0;
  if (op->getNumOperands() > 2 && op->getOperand(2)) {
    std::optional<WeightClasses> bias = this->classes(op->getOperand(2));
    biasAdds = bias ? m - bias->zero : m;
  }

  std::optional<WeightClasses> classes = this->classes(w);
  WeightClasses all;
  all.general = n;
  const WeightClasses &c = classes ? *classes : all;
  const bool constantProducts = classes && (s.kind == hls::DotStructure::Unrolled ||
                                            s.kind == hls::DotStructure::Latency);

  // One copy of the dot product.
  LayerEstimate one;
  int64_t dspProducts = 0;
  double mulNs = productDelay(a, b);
  const char *names[] = {"unrolled", "latency", "resource", "rolled"};
  l.structure = names[int(s.kind)];
  switch (s.kind) {
  case hls::DotStructure::Unrolled:
  case hls::DotStructure::Latency: {
    // Constant operands: zeros vanish, shifts are wires, two-bit constants
    // a shift and an add; ALLOCATION caps the multipliers at B.
    // The latency block's ALLOCATION limit: its multipliers with a nonzero
    // weight (the lowering's rule, hls::liveProducts).
    int64_t general = constantProducts ? c.general : n;
    int64_t limit = s.blockSize;
    if (classes) {
      hls::LiveProducts live = hls::liveProducts(s, c.raws);
      if (live.dropsZeros)
        limit = std::max<int64_t>(1, live.multipliers);
    }
    dspProducts = s.kind == hls::DotStructure::Latency
                      ? std::min(general, limit)
                      : general;
    products(dspProducts, a, b, one);
    if (constantProducts)
      one.res.lut += rounded(kCoef.lutPerAdderBit * double(c.shiftAdd * a));
    int64_t terms = n - (constantProducts ? c.zero : 0);
    int64_t adders = std::max<int64_t>(0, terms - m) + biasAdds;
    one.res.lut += rounded(kCoef.lutPerAdderBit * double(adders * acc));
    if (s.kind == hls::DotStructure::Latency)
      // Operand multiplexers in front of the shared multipliers.
      one.res.lut += rounded(kCoef.lutPerSelectBit *
                             double(dspProducts * (a + b) * ceilLog2(s.reuse)));
    if (constantProducts && general == 0)
      mulNs = c.shiftAdd ? addDelay(a) : 0;
    double ns = mulNs + double(ceilLog2(k)) * addDelay(acc);
    int64_t depth = stages(ns);
    // DSP products keep their pipeline registers inside the DSP; a stage
    // boundary of the adder tree holds the partial sums still live there:
    // with the tree's levels spread evenly over depth + 1 stages, after
    // boundary j about ceil(K / 2^(levels * j / (depth + 1))) per output.
    const int64_t levels = ceilLog2(k);
    for (int64_t j = 1; j <= depth; ++j) {
      int64_t done = levels * j / (depth + 1);
      int64_t live = ceilDiv(k, int64_t(1) << done);
      one.res.ff += rounded(kCoef.ffPerOutputBit * double(live * m * acc));
    }
    if (s.kind == hls::DotStructure::Latency)
      one.res.ff += rounded(kCoef.ffPerProductBit *
                            double(dspProducts * (a + b)));
    one.latencyBest = s.kind == hls::DotStructure::Latency ? s.reuse + depth
                                                           : depth;
    one.ii = s.ii;
    // A block pipelined at II = R: the function is no longer one pipeline.
    if (s.kind == hls::DotStructure::Latency)
      allUnrolled = false;
    break;
  }
  case hls::DotStructure::Resource: {
    // The multipliers the lowering emits: those with a nonzero weight.
    const int64_t mults =
        classes ? hls::liveProducts(s, c.raws).multipliers : s.blockSize;
    products(mults, a, b, one);
    one.res.lut += rounded(kCoef.lutPerAdderBit * double(mults * acc));
    one.res.lut +=
        rounded(kCoef.lutPerSelectBit * double(mults * a * ceilLog2(s.reuse)));
    one.res.ff +=
        m * acc + rounded(kCoef.ffPerProductBit * double(mults * (a + b)));
    // Weights: one word of B weights per reuse step.
    if (classes)
      one.res.bram18k += bram18kFor(s.reuse, s.blockSize * b);
    one.latencyBest = 1 + s.reuse + bodyStages(mulNs + addDelay(acc));
    one.ii = s.reuse;
    allUnrolled = false;
    break;
  }
  case hls::DotStructure::Rolled: {
    products(1, a, b, one);
    one.res.lut += rounded(kCoef.lutPerAdderBit * double(acc));
    if (classes && !hls::partitionsCompletely(n, options.limits))
      one.res.bram18k += bram18kFor(n, b);
    else if (classes)
      one.res.lut += ceilDiv(n * b, 64); // LUT6 as a 64 x 1 ROM
    one.latencyBest = m * (k + bodyStages(mulNs + addDelay(acc)));
    one.ii = one.latencyBest;
    allUnrolled = false;
    break;
  }
  }

  // Positions: dense rows (unrolled with an unrolled dot, else rolled);
  // conv output positions (rolled loops, the innermost pipelined at II=1
  // around an unrolled dot).
  const int64_t positions = mult.getNumPositions();
  int64_t copies = 1, latency = one.latencyBest, ii = one.ii;
  if (llvm::isa<DenseOp>(op)) {
    if (s.kind == hls::DotStructure::Unrolled)
      copies = positions;
    else {
      latency = positions * one.latencyBest;
      ii = positions * one.ii;
    }
  } else {
    allUnrolled = false;
    auto out = llvm::cast<ShapedType>(op->getResult(0).getType());
    int64_t inner = out.getShape().back();
    if (s.kind == hls::DotStructure::Unrolled) {
      latency = (positions / std::max<int64_t>(1, inner)) *
                (inner + std::max<int64_t>(1, one.latencyBest));
      ii = positions;
    } else {
      latency = positions * std::max<int64_t>(1, one.latencyBest);
      ii = positions * one.ii;
    }
    // The zero-padded copy of the input.
    if (auto conv = llvm::dyn_cast<ConvOp>(op))
      if (llvm::any_of(conv.getPads(), [](int64_t p) { return p != 0; })) {
        int64_t padded = 1;
        auto in = llvm::cast<ShapedType>(x.getType());
        auto pads = conv.getPads();
        const size_t spatial = size_t(in.getRank()) - 2;
        for (int64_t d = 0; d < in.getRank(); ++d)
          padded *= in.getShape()[d] +
                    (d < 2 ? 0 : pads[d - 2] + pads[spatial + d - 2]);
        if (hls::partitionsCompletely(padded, options.limits))
          l.res.ff += padded * a;
        else
          l.res.bram18k += bram18kFor(padded, a);
        if (!hls::unrollsCompletely(padded, options.limits))
          latency += padded + 1;
      }
  }
  l.res.dsp += copies * one.res.dsp;
  l.res.lut += copies * one.res.lut;
  l.res.ff += copies * one.res.ff;
  l.res.bram18k += one.res.bram18k;
  l.latencyBest = l.latencyWorst = latency;
  l.ii = ii;
  outputBuffer(op->getResult(0), l);
  return success();
}

bool Model::layer(Operation *op, LayerEstimate &l) {
  Value result = op->getResult(0);
  const int64_t elements = numElements(result.getType());
  const int64_t w = widthOf(result);
  const int64_t inW = widthOf(op->getOperand(0));
  const double select = kCoef.lutPerSelectBit * double(w);
  auto tableSize = [&]() -> int64_t {
    if (auto size = op->getAttrOfType<IntegerAttr>(kTableSizeAttrName))
      return size.getInt();
    return fx::kDefaultTableSize;
  };
  auto tableWidth = [&](int64_t fallback) -> int64_t {
    if (auto type = op->getAttrOfType<TypeAttr>(kTableTypeAttrName))
      if (auto fixed = llvm::dyn_cast<FixedType>(type.getValue()))
        return fixed.getWidth();
    return fallback;
  };
  auto parallel = [&](int64_t n) {
    return hls::unrollsCompletely(n, options.limits) ? n : 1;
  };
  bool modelled = true;
  llvm::TypeSwitch<Operation *>(op)
      .Case<ReluOp, ThresholdedReluOp, ClipOp>([&](Operation *) {
        elementwise(elements, select, kCoef.selectNs, l, w);
      })
      .Case([&](LeakyReluOp leaky) {
        // alpha = 1 is the identity: no logic at all.
        if (leaky.getAlpha().convertToDouble() == 1.0)
          return elementwise(elements, 0, 0, l, 0);
        elementwise(elements, select + kCoef.lutPerAdderBit * double(w),
                    kCoef.selectNs + addDelay(w), l, w);
      })
      .Case<PReluOp, HardSigmoidOp>([&](Operation *) {
        // A constant slope: shifts and an add, then a select.
        elementwise(elements, select + kCoef.lutPerAdderBit * double(w),
                    kCoef.selectNs + addDelay(w), l, w);
      })
      .Case<AddOp, SubOp, MaxOp, MinOp>([&](Operation *) {
        elementwise(elements, kCoef.lutPerAdderBit * double(w), addDelay(w),
                    l, w);
      })
      .Case([&](MulOp) {
        int64_t b = widthOf(op->getOperand(1));
        elementwise(elements, 0, productDelay(inW, b), l);
        products(parallel(elements), inW, b, l);
      })
      .Case<SigmoidOp, TanhOp, SoftsignOp, RsqrtOp>([&](Operation *) {
        elementwise(elements, select, kCoef.tableNs + kCoef.selectNs, l, w);
        l.latencyBest = l.latencyWorst =
            l.latencyBest +
            tables(parallel(elements), tableSize(), tableWidth(w), inW, l);
      })
      .Case([&](GeluOp) {
        // A table of Phi, then x times the entry (LowerActivations.cpp).
        elementwise(elements, 0, kCoef.tableNs + kCoef.dspMulNs, l, w);
        l.latencyBest = l.latencyWorst =
            l.latencyBest +
            tables(parallel(elements), tableSize(), tableWidth(w), inW, l);
        products(parallel(elements), inW, tableWidth(w), l);
      })
      .Case([&](EmbeddingOp lookup) {
        // A rom of 2^B rows read at the index (LowerEmbedding.cpp): one
        // read per output element, like an activation table.
        auto table = lookup.getTable().getType();
        int64_t bits = embedding::indexBits(table.getDimSize(0));
        elementwise(elements, 0, kCoef.tableNs, l, w);
        l.latencyBest = l.latencyWorst =
            l.latencyBest + tables(parallel(elements),
                                   (int64_t(1) << bits) * table.getDimSize(1),
                                   widthOf(lookup.getTable()), bits, l);
      })
      .Case([&](HardSwishOp) {
        // hard_sigmoid's gate (shifts, an add, a clamp), then x times it.
        elementwise(elements, select + kCoef.lutPerAdderBit * double(w),
                    kCoef.selectNs + addDelay(w) + kCoef.dspMulNs, l, w);
        products(parallel(elements), inW, w, l);
      })
      .Case<EluOp, SeluOp, SoftplusOp>([&](Operation *) {
        // Table of exp(x) - 1 (or softplus) and the slope product.
        // ELU with alpha = 1 needs no product.
        bool product = llvm::isa<SeluOp>(op);
        if (auto elu = llvm::dyn_cast<EluOp>(op))
          product = elu.getAlpha().convertToDouble() != 1.0;
        elementwise(elements, select,
                    kCoef.tableNs + (product ? kCoef.dspMulNs : 0), l, w);
        l.latencyBest = l.latencyWorst =
            l.latencyBest +
            tables(parallel(elements), tableSize(), tableWidth(w), inW, l);
        if (product)
          products(parallel(elements), tableWidth(w), w, l);
      })
      .Case([&](SoftmaxOp softmax) {
        // Per row of n: n exp lookups, a sum, one inverse lookup, n
        // products (docs/Lowering.md, "Softmax").
        auto shape = llvm::cast<ShapedType>(result.getType()).getShape();
        int64_t axis = softmax.getAxis();
        if (axis < 0)
          axis += int64_t(shape.size());
        const int64_t n = shape[axis], rows = elements / std::max<int64_t>(1, n);
        const int64_t tw = tableWidth(fx::kDefaultSoftmaxTableFormat.width);
        const bool unrolled = hls::unrollsCompletely(elements, options.limits);
        const int64_t par = unrolled ? rows : 1;
        int64_t reads = tables(par * n, tableSize(), tw, inW, l) +
                        tables(par, tableSize(), tw, tw, l);
        l.res.lut += rounded(kCoef.lutPerAdderBit * double(par * (n - 1) * tw));
        products(par * n, tw, tw, l);
        double ns = 2 * kCoef.tableNs + double(ceilLog2(n)) * addDelay(tw) +
                    kCoef.dspMulNs;
        int64_t depth = stages(ns) + reads;
        l.structure = unrolled ? "unrolled" : "rolled";
        l.latencyBest = l.latencyWorst = unrolled ? depth : rows * (n + depth);
        l.ii = unrolled ? 1 : l.latencyBest;
        if (!unrolled)
          allUnrolled = false;
      })
      .Case<MaxPoolOp, AvgPoolOp, GlobalAvgPoolOp, GlobalMaxPoolOp>(
          [&](Operation *) {
            // window - 1 comparators (max) or adders (avg) per output; an
            // average ends in a product by 1/count.
            int64_t inElements = numElements(op->getOperand(0).getType());
            int64_t window = 1;
            if (auto pool = llvm::dyn_cast<MaxPoolOp>(op))
              for (int64_t kd : pool.getKernelShape())
                window *= kd;
            else if (auto pool = llvm::dyn_cast<AvgPoolOp>(op))
              for (int64_t kd : pool.getKernelShape())
                window *= kd;
            else
              window = inElements / std::max<int64_t>(1, elements);
            const bool isMax = llvm::isa<MaxPoolOp, GlobalMaxPoolOp>(op);
            double perOutput =
                kCoef.lutPerAdderBit * double((window - 1) * inW) +
                (isMax ? select * double(window - 1) : 0);
            double ns = double(ceilLog2(window)) *
                        (addDelay(inW) + (isMax ? kCoef.selectNs : 0));
            elementwise(elements, perOutput, ns, l, w);
            if (!hls::unrollsCompletely(elements * window, options.limits) &&
                l.structure == "unrolled") {
              // Rolled positions around one unrolled window.
              l.res.lut = rounded(perOutput);
              l.res.ff = 0;
              l.structure = "rolled";
              l.latencyBest = l.latencyWorst = elements + bodyStages(ns);
              l.ii = l.latencyBest;
              allUnrolled = false;
            }
            // An average divides by the count: a shift for a power of
            // two, else a product by its reciprocal.
            if (!isMax && !llvm::isPowerOf2_64(uint64_t(window)))
              l.res.lut += rounded(
                  kCoef.lutPerMultBitPair *
                  double(w * w * (l.structure == "rolled" ? 1 : elements)));
          })
      .Case([&](ReduceMeanOp) {
        int64_t inElements = numElements(op->getOperand(0).getType());
        int64_t count = inElements / std::max<int64_t>(1, elements);
        double ns = double(ceilLog2(count)) * addDelay(inW + ceilLog2(count));
        elementwise(elements,
                    kCoef.lutPerAdderBit * double((count - 1) * inW) +
                        kCoef.lutPerMultBitPair * double(w * w),
                    ns, l, w);
        if (!hls::unrollsCompletely(inElements, options.limits) &&
            l.structure == "unrolled") {
          l.res.lut = rounded(kCoef.lutPerAdderBit * double(inW) +
                              kCoef.lutPerMultBitPair * double(w * w));
          l.res.ff = 0;
          l.structure = "rolled";
          l.latencyBest = l.latencyWorst = inElements + bodyStages(ns);
          l.ii = l.latencyBest;
          allUnrolled = false;
        }
      })
      .Case<FlattenOp, ReshapeOp, TransposeOp, ConcatOp, PadOp, ResizeOp>(
          [&](Operation *) {
            // Data movement between partitioned buffers: wires once
            // unrolled; a copy loop otherwise.
            elementwise(elements, 0, 0, l);
            l.structure = l.structure == "unrolled" ? "wires" : "copy";
          })
      .Default([&](Operation *) { modelled = false; });
  if (!modelled)
    return false;
  if (l.structure != "wires" && l.structure != "copy")
    outputBuffer(result, l);
  return true;
}

bool isFloat(Type type) {
  auto shaped = llvm::dyn_cast<ShapedType>(type);
  Type element = shaped ? shaped.getElementType() : type;
  return llvm::isa<FloatType>(element);
}

} // namespace

int64_t nn::cost::bram18kFor(int64_t depth, int64_t width) {
  if (depth < 1 || width < 1)
    return 0;
  static const int64_t shapes[][2] = {{16384, 1}, {8192, 2}, {4096, 4},
                                      {2048, 9},  {1024, 18}, {512, 36}};
  int64_t best = INT64_MAX;
  for (const auto &shape : shapes)
    best = std::min(best, ceilDiv(depth, shape[0]) * ceilDiv(width, shape[1]));
  return best;
}

int64_t nn::cost::dspsPerProduct(int64_t a, int64_t b) {
  // One DSP48E2 multiplies 27 x 18 signed bits; a wider product is split
  // into 26- and 17-bit unsigned slices (one sign bit per operand kept).
  if ((a <= 27 && b <= 18) || (a <= 18 && b <= 27))
    return 1;
  int64_t lo = std::min(a, b), hi = std::max(a, b);
  return ceilDiv(hi - 1, 26) * ceilDiv(lo - 1, 17);
}

FailureOr<Estimate> nn::cost::estimate(func::FuncOp func,
                                       const Options &options) {
  Estimate e;
  e.clockNs = options.clockNs;
  if (interp::isLoopLevel(func))
    return func.emitError("nn-estimate: function '")
           << func.getSymName()
           << "' is already lowered to loops; estimate the nn IR (before "
              "--nn-lower-to-hls)";
  Model model(options);
  std::set<std::string> warned;
  llvm::DenseMap<Operation *, int64_t> index;
  for (Operation &op : func.getBody().front().without_terminator()) {
    if (llvm::isa<ConstantOp>(op))
      continue;
    LayerEstimate l;
    l.name = getHardwareLayerName(op.getLoc());
    if (l.name.empty())
      l.name = op.getName().stripDialect().str() + "_" +
               std::to_string(index.size());
    index[&op] = int64_t(index.size());
    l.op = op.getName().getStringRef().str();
    for (Type t : llvm::concat<const Type>(op.getOperandTypes(),
                                           op.getResultTypes()))
      if (isFloat(t))
        return op.emitError("nn-estimate: layer '")
               << l.name << "' ('" << l.op
               << "') has floating-point values; the cost model needs a "
                  "quantized network (run --nn-quantize first)";
    l.strategy = "-";
    if (auto mult = llvm::dyn_cast<MultiplierOpInterface>(&op)) {
      l.reuse = mult.getReuseFactor();
      l.strategy = reuse::toString(mult.getStrategy());
    }
    const bool isDot = llvm::isa<MultiplierOpInterface>(&op);
    if (op.getNumResults() != 1 || (!isDot && !model.layer(&op, l))) {
      l.unknown = true;
      l.structure = "unknown";
      if (warned.insert(l.op).second)
        e.unknownOps.push_back(l.op);
      op.emitWarning("nn-estimate: no cost model for '")
          << l.op << "' (layer '" << l.name
          << "'): counted as unknown, not in the totals";
      e.layers.push_back(l);
      continue;
    }
    if (isDot && failed(model.dot(&op, l)))
      return failure();
    e.total += l.res;
    e.latencyBest += l.latencyBest;
    e.latencyWorst += l.latencyWorst;
    e.layers.push_back(l);
  }
  // A design whose layers are all unrolled is one pipeline (PIPELINE II=1
  // on the function); otherwise the layers run one after the other and a
  // new sample starts after the last one finishes.
  e.ii = model.allUnrolled ? 1 : e.latencyWorst + 1;
  if (model.allUnrolled) {
    // One pipeline: Vitis registers the input ports of the pipelined
    // function (the pool records: FF = input bits + 2).
    LayerEstimate ports;
    ports.name = "inputs";
    ports.op = "ports";
    ports.strategy = "-";
    ports.structure = "registers";
    for (BlockArgument arg : func.getArguments())
      if (hls::partitionsCompletely(numElements(arg.getType()), options.limits))
        ports.res.ff += rounded(kCoef.ffPerOutputBit *
                                double(numElements(arg.getType()) *
                                       widthOf(arg)));
    e.total += ports.res;
    e.layers.push_back(ports);
  } else {
    // Layers run one after the other: every partitioned buffer between
    // them is a bank of registers.
    size_t next = 0;
    for (LayerEstimate &l : e.layers) {
      if (l.unknown || l.structure == "wires" || l.structure == "copy")
        continue;
      int64_t ff = rounded(kCoef.ffPerOutputBit *
                           double(model.registerBits[next++]));
      l.res.ff += ff;
      e.total.ff += ff;
    }
  }
  return e;
}

struct nn::cost::DotPricer::Impl {
  explicit Impl(const Options &options) : options(options), model(options) {}
  Options options;
  Model model;
};

nn::cost::DotPricer::DotPricer(const Options &options)
    : impl(std::make_unique<Impl>(options)) {}
nn::cost::DotPricer::~DotPricer() = default;

LayerEstimate nn::cost::DotPricer::price(Operation *op, int64_t reuse,
                                         reuse::Strategy strategy,
                                         hls::DotSchedule *plan) {
  LayerEstimate l;
  l.name = getHardwareLayerName(op->getLoc());
  l.op = op->getName().getStringRef().str();
  l.reuse = reuse;
  l.strategy = reuse::toString(strategy);
  impl->model.reuseOverride = reuse;
  impl->model.strategyOverride = strategy;
  (void)impl->model.dot(op, l);
  impl->model.reuseOverride = 0;
  impl->model.strategyOverride.reset();
  impl->model.registerBits.clear();
  if (plan)
    *plan = impl->model.lastPlan;
  return l;
}

FailureOr<Estimate> nn::cost::estimateQuietly(func::FuncOp func,
                                              const Options &options) {
  ScopedDiagnosticHandler quiet(func.getContext(), [](Diagnostic &d) {
    return success(d.getSeverity() == DiagnosticSeverity::Warning ||
                   d.getSeverity() == DiagnosticSeverity::Note);
  });
  return estimate(func, options);
}
