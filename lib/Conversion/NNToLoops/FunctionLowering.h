//===- FunctionLowering.h - shared state of --nn-lower-to-loops -*- C++ -*-===//
//
// The lowering of one function of fixed-point nn ops to affine loops on
// memrefs (docs/Lowering.md). LowerToLoops.cpp holds the pass, the new
// signature and the op dispatch; each op group lowers in its own file
// (LowerDense.cpp, LowerElementwise.cpp, ...) with the helpers declared
// here, so that every layer gets the same buffers, names and directives.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_CONVERSION_FUNCTIONLOWERING_H
#define NN_LIB_CONVERSION_FUNCTIONLOWERING_H

#include "nn/Conversion/HlsSchedule.h"
#include "nn/Conversion/Passes.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <optional>
#include <string>

namespace nn {
namespace fx {
struct ActivationTable;
struct TableSpec;
} // namespace fx
namespace lowering {

/// The nn type of a fixed-point format.
FixedType toType(mlir::MLIRContext *context, const fx::Format &format);

/// The element type of a shaped fixed-point value.
FixedType elementOf(mlir::Value value);

/// The C++ identifier of a name: nn::cIdentifier (nn/Support/CIdentifier.h),
/// the one rule the HLS emitter applies too.
std::string identifier(llvm::StringRef name);

/// The affine dimension expressions d0 .. d(count-1).
llvm::SmallVector<mlir::AffineExpr> dimExprs(mlir::MLIRContext *context,
                                             unsigned count);

//===----------------------------------------------------------------------===//
// The dot-product structure of dense and conv (LowerDense.cpp)
//===----------------------------------------------------------------------===//

/// How a layer's M x K products are laid out in loops: the plan of
/// nn/Conversion/HlsSchedule.h, shared with the cost model.
using hls::DotStructure;

/// One dot-product layer at one position: M outputs of K terms each,
/// `acc = init(m); for k: acc = cast_A(acc + cast_A(x(m, k) * w(m, k)));
/// y(m) = cast_R(acc)`. The callbacks build loads/stores with affine
/// expressions over the dimensions of `ops`: the caller's outer induction
/// variables first (d0 ..), then the dot product's own loops.
struct DotSpec {
  std::string layer;
  mlir::Location loc;
  int64_t m = 0, k = 0;
  FixedType accT, rT, prodT, sumT;
  int64_t reuse = 1;
  bool resource = false;
  /// x(m, k); `flat` is m * K + k when the structure has it directly.
  std::function<mlir::Value(mlir::OpBuilder &, mlir::ValueRange ops,
                            mlir::AffineExpr m, mlir::AffineExpr k)>
      loadX;
  std::function<mlir::Value(mlir::OpBuilder &, mlir::ValueRange ops,
                            mlir::AffineExpr m, mlir::AffineExpr k,
                            mlir::AffineExpr flat)>
      loadW;
  /// bias[m], or null without a bias.
  std::function<mlir::Value(mlir::OpBuilder &, mlir::ValueRange ops,
                            mlir::AffineExpr m)>
      loadBias;
  std::function<void(mlir::OpBuilder &, mlir::Value, mlir::ValueRange ops,
                     mlir::AffineExpr m)>
      storeY;
  /// The flattened weight rom (cyclic partition for Resource), or null.
  mlir::Operation *weightRom = nullptr;
  /// The raw weights in (m, k) order when they are a constant: products by
  /// a zero are then dropped (hls::liveProducts).
  std::optional<std::vector<int64_t>> weightRaws;
  FixedType wT;
};

struct DotPlan {
  DotStructure kind = DotStructure::Unrolled;
  int64_t blockSize = 1;
  /// Resource: the accumulators acc[M], allocated before the outer loops.
  mlir::Value accBuf;
  /// What is left after dropping the products by a constant zero.
  hls::LiveProducts live;
};

/// A max/avg pool's geometry, per spatial dimension (LowerPool.cpp).
struct PoolGeometry {
  llvm::SmallVector<int64_t> in, out, kernel, strides, dilations, padBegin,
      padEnd;
  bool isMax = false, countIncludePad = false;
  /// The taps of one window.
  int64_t window() const;
  /// The extent of axis `s` the windows read, padding included (at least
  /// the input and its begin padding; ceil_mode may reach further).
  int64_t paddedSize(unsigned s) const;
  /// Whether some window has no tap inside the input (dilations): a max
  /// pool gives R's lowest value there.
  bool hasEmptyWindow() const;
};
/// The geometry of an nn.max_pool or nn.avg_pool.
PoolGeometry poolGeometry(mlir::Operation *op);

class FunctionLowering {
public:
  FunctionLowering(mlir::func::FuncOp func, int64_t maxUnrollMults,
                   int64_t maxPartition)
      : func(func), limits{maxUnrollMults, maxPartition},
        context(func.getContext()),
        builder(func.getContext()) {}

  mlir::LogicalResult run();

  //===--------------------------------------------------------------------===//
  // Per-op lowerings (one file per group). Each reads its operands through
  // lookup() and writes its result into bufferFor().
  //===--------------------------------------------------------------------===//

  mlir::LogicalResult lowerDense(DenseOp op);
  // Conv and pools (LowerConv.cpp, LowerPool.cpp).
  mlir::LogicalResult lowerConv(ConvOp op);
  mlir::LogicalResult lowerMaxPool(MaxPoolOp op);
  mlir::LogicalResult lowerAvgPool(AvgPoolOp op);
  mlir::LogicalResult lowerGlobalPool(mlir::Operation *op, bool isMax);
  /// One pool window at `b`'s point: the max (or the average) of the taps
  /// `loadTap` loads from the window loops' induction variables (one per
  /// spatial axis), as R. `outPos` holds the output position per spatial
  /// axis (read only by a position-dependent average count). The window
  /// loops unroll when `unrollWindow`, else the innermost is pipelined.
  mlir::FailureOr<mlir::Value>
  poolWindow(mlir::OpBuilder &b, mlir::Operation *op, const PoolGeometry &g,
             FixedType xT, FixedType rT, llvm::ArrayRef<mlir::Value> outPos,
             bool unrollWindow,
             llvm::function_ref<mlir::Value(mlir::OpBuilder &,
                                            llvm::ArrayRef<mlir::Value>)>
                 loadTap);
  void lowerRelu(ReluOp op);
  /// The indices of `operand` (numpy broadcasting to `shape`) over the
  /// loop variables d0.. of `shape`.
  llvm::SmallVector<mlir::AffineExpr>
  broadcastExprs(llvm::ArrayRef<int64_t> shape, mlir::Value operand);
  /// nn.add, nn.sub, nn.mul, nn.max, nn.min (LowerElementwise.cpp).
  void lowerBinary(mlir::Operation *op);
  /// leaky_relu, prelu, thresholded_relu, hard_sigmoid, hard_swish, clip.
  mlir::LogicalResult lowerPiecewise(mlir::Operation *op);
  /// The exact value of an f32 attribute as an nn.fx.constant (an error
  /// naming `what` for infinities and NaN).
  mlir::FailureOr<mlir::Value> exactConstant(mlir::OpBuilder &b,
                                             mlir::Location loc,
                                             mlir::Operation *op,
                                             llvm::StringRef what, float value);
  /// Data movement (LowerShape.cpp).
  void lowerCopy(mlir::Operation *op, mlir::Value input, mlir::Value output);
  void lowerConcat(ConcatOp op);
  void lowerTranspose(TransposeOp op);
  void lowerPad(PadOp op);
  void lowerResize(ResizeOp op);
  /// nn.embedding: a table read per element (LowerEmbedding.cpp).
  mlir::LogicalResult lowerEmbedding(EmbeddingOp op);
  /// nn.sigmoid, nn.tanh, nn.softsign and nn.gelu (LowerActivations.cpp).
  mlir::LogicalResult lowerTableActivation(mlir::Operation *op);
  mlir::LogicalResult lowerSoftmax(SoftmaxOp op);
  /// nn.elu, nn.selu, nn.softplus (LowerActivations.cpp).
  mlir::LogicalResult lowerExpLinear(mlir::Operation *op);
  /// nn.reduce_mean (LowerReduce.cpp).
  mlir::LogicalResult lowerReduceMean(ReduceMeanOp op);

  //===--------------------------------------------------------------------===//
  // Shared helpers
  //===--------------------------------------------------------------------===//

  /// The accumulator of a dense/conv with `terms` products per output:
  /// nn.accum_type, else lossless; an error above 64 bits.
  mlir::FailureOr<FixedType> accumulatorType(mlir::Operation *op,
                                             llvm::StringRef layer,
                                             FixedType xT, FixedType wT,
                                             FixedType bT, int64_t terms);
  /// Fills the types of `spec` from x, w and the accumulator.
  /// The spec of a dense or conv (an nn MultiplierOpInterface op): M
  /// outputs of K terms, accumulator and result types, the product and sum
  /// types, reuse factor, strategy and weight rom. The caller adds the
  /// loads and the store.
  DotSpec dotSpec(mlir::Operation *op, llvm::StringRef layer, int64_t m,
                  int64_t k, FixedType accT, FixedType xT, FixedType wT,
                  mlir::Value weight);
  /// Chooses the structure from R, the strategy and max-unroll-mults (with
  /// the warnings of a fallback); allocates the Resource accumulators at
  /// the current point, before the caller's outer loops.
  DotPlan planDot(mlir::Operation *op, const DotSpec &spec);
  /// The loops of one dot product at the builder's point, inside the outer
  /// loops whose induction variables are `outer`.
  void emitDot(mlir::OpBuilder &b, const DotSpec &spec, const DotPlan &plan,
               mlir::ValueRange outer);
  /// Erases the weight rom of `spec` when the sparse form left it unread.
  void eraseUnreadRom(const DotSpec &spec);
  /// A buffer named <layer>_padded: `input` with `padBegin`/`padEnd` more
  /// elements per spatial dimension (dims 2..), filled with the raw `fill`.
  /// Warnings go to `where` (the layer's location).
  mlir::Value paddedBuffer(mlir::Value input, llvm::StringRef layer,
                           llvm::ArrayRef<int64_t> padBegin,
                           llvm::ArrayRef<int64_t> paddedShape, int64_t fill,
                           mlir::Location where);
  void setMulLimit(mlir::Operation *op, int64_t limit) {
    op->setAttr(kHlsMulLimitAttr, builder.getI64IntegerAttr(limit));
  }

  /// The buffer of an op's result: its out-parameter when it is returned,
  /// otherwise a completely partitioned memref.alloc named after the layer.
  mlir::Value bufferFor(mlir::Operation *op, mlir::Value result);
  /// The nn.fx.rom of a constant (flattened to 1-D when `flatten`), created
  /// once at the start of the function.
  mlir::Value romFor(ConstantOp constant, bool flatten);
  /// The rom's name: <layer>_w / <layer>_b / <layer>_c<i> after its only
  /// user, else the constant's own name.
  std::string romName(ConstantOp constant);
  /// The memref holding a tensor value (argument, lowered result or rom).
  mlir::Value lookup(mlir::Value tensor, bool flattenConstant = false);

  /// A nest of loops over `shape` (one per dimension, named
  /// <layer>_<role><dim>), each marked with `unroll`; calls body with the
  /// induction variables (rank 0: the body runs once, no loop).
  void loopNest(llvm::ArrayRef<int64_t> shape, llvm::StringRef layer,
                llvm::StringRef role, bool unroll,
                llvm::function_ref<void(mlir::OpBuilder &,
                                        llvm::ArrayRef<mlir::Value>)>
                    body);
  /// The loops of an element-wise op over `shape`: fully unrolled when the
  /// shape has at most max-unroll-mults elements, otherwise rolled with the
  /// innermost loop pipelined at II=1 (and the function is no longer one
  /// pipeline).
  void elementLoops(llvm::ArrayRef<int64_t> shape, llvm::StringRef layer,
                    llvm::StringRef role,
                    llvm::function_ref<void(mlir::OpBuilder &,
                                            llvm::ArrayRef<mlir::Value>)>
                        body);
  /// Marks a buffer (alloc or rom) completely partitioned when it has at
  /// most max-partition elements; warns and leaves it a memory otherwise.
  /// The warning goes to `where` (the nn op's location).
  void partitionBuffer(mlir::Operation *buffer, llvm::StringRef layer,
                       mlir::Location where);
  /// A lookup table as an nn.fx.rom named <layer>_<role> (not partitioned:
  /// it is read at computed indices).
  mlir::Value tableRom(mlir::Operation *op, llvm::StringRef role,
                       const fx::ActivationTable &table, FixedType type);
  /// The index of a uniform table for the scalar `t` (see
  /// LowerActivations.cpp); N / span must be a power of two.
  mlir::Value tableIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value t,
                         const fx::TableSpec &spec);
  /// One affine.for [0, tripCount) named <layer>_<role>; returns a builder
  /// before its terminator.
  mlir::affine::AffineForOp namedLoop(mlir::OpBuilder &b, llvm::StringRef layer,
                                      llvm::StringRef role, int64_t tripCount);
  /// copy `from` into `to` element by element in row-major order (shapes
  /// with the same number of elements).
  void copyLoops(mlir::Value from, mlir::Value to, mlir::Location loc,
                 llvm::StringRef name);

  mlir::Location loopLoc(llvm::StringRef layer, llvm::StringRef role) {
    return mlir::NameLoc::get(mlir::StringAttr::get(
        context, identifier(layer) + "_" + role.str()));
  }
  std::string layerName(mlir::Operation *op) {
    std::string name = getHardwareLayerName(op->getLoc());
    if (name.empty())
      name = op->getName().stripDialect().str() + "_" +
             std::to_string(opIndex.lookup(op));
    return name;
  }

  mlir::Value load(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref,
                   llvm::ArrayRef<mlir::AffineExpr> exprs,
                   mlir::ValueRange operands) {
    auto map = mlir::AffineMap::get(operands.size(), 0, exprs, context);
    return mlir::affine::AffineLoadOp::create(b, loc, memref, map, operands);
  }
  void store(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
             mlir::Value memref, llvm::ArrayRef<mlir::AffineExpr> exprs,
             mlir::ValueRange operands) {
    auto map = mlir::AffineMap::get(operands.size(), 0, exprs, context);
    mlir::affine::AffineStoreOp::create(b, loc, value, memref, map, operands);
  }
  /// Identity-indexed load/store over the loop variables.
  mlir::Value loadAt(mlir::OpBuilder &b, mlir::Location loc, mlir::Value memref,
                     llvm::ArrayRef<mlir::Value> ivs) {
    return load(b, loc, memref, dimExprs(context, ivs.size()), ivs);
  }
  void storeAt(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
               mlir::Value memref, llvm::ArrayRef<mlir::Value> ivs) {
    store(b, loc, value, memref, dimExprs(context, ivs.size()), ivs);
  }
  mlir::Value cast(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v,
                   FixedType to) {
    if (v.getType() == to)
      return v;
    return FxCastOp::create(b, loc, to, v);
  }
  /// Names survive printing without debug info (NameLocs do not): the
  /// emitter reads nn.hls.name first.
  void setName(mlir::Operation *op, llvm::StringRef name) {
    op->setAttr(kHlsNameAttr, builder.getStringAttr(identifier(name)));
  }
  void setUnroll(mlir::Operation *loop) {
    loop->setAttr(kHlsUnrollAttr, builder.getI64IntegerAttr(0));
  }
  void setPipeline(mlir::Operation *op, int64_t ii) {
    op->setAttr(kHlsPipelineAttr, builder.getI64IntegerAttr(ii));
  }
  void setPartition(mlir::Operation *op, llvm::StringRef how) {
    op->setAttr(kHlsPartitionAttr, builder.getStringAttr(how));
  }

  mlir::func::FuncOp func;
  hls::Limits limits;
  mlir::MLIRContext *context;
  mlir::OpBuilder builder;
  mlir::func::FuncOp newFunc;
  llvm::DenseMap<mlir::Value, mlir::Value> buffers;
  llvm::DenseMap<mlir::Operation *, mlir::Value> roms, flatRoms;
  llvm::DenseMap<mlir::Operation *, int64_t> opIndex;
  /// Returned values written straight into their out-parameter.
  llvm::DenseMap<mlir::Value, mlir::Value> outParams;
  /// io-type=stream: one process per layer, FIFOs between them
  /// (LowerStream.cpp).
  bool stream = false;
  /// Cleared by a layer that is not fully unrolled: only a function whose
  /// layers all are gets PIPELINE II=1 as a whole.
  bool allFullyUnrolled = true;

  /// How one op kind is lowered.
  using LowerFn = mlir::LogicalResult (*)(FunctionLowering &,
                                          mlir::Operation *);
  /// The one list of lowerable ops, keyed by op name: lowerOp() dispatches
  /// through it and check()'s "supported" list is read from it.
  static const llvm::StringMap<LowerFn> &dispatch();
  /// The lowering of one nn op at the builder's point (through dispatch()).
  mlir::LogicalResult lowerOp(mlir::Operation &op);

private:
  mlir::LogicalResult check();
  /// The body of the io_stream form (LowerStream.cpp): input processes,
  /// one process per layer, output processes, the FIFOs between them.
  mlir::LogicalResult lowerStreamBody(mlir::Block &oldBody);
};

} // namespace lowering
} // namespace nn

#endif // NN_LIB_CONVERSION_FUNCTIONLOWERING_H
