//===- LowerToLoops.cpp - nn layers to affine loops with HLS directives ---===//
//
// --nn-lower-to-loops and the --nn-lower-to-hls pipeline (docs/Lowering.md):
// the new signature (inputs, then out-parameters), buffers, roms and the
// dispatch to the per-op lowerings of LowerDense.cpp, LowerElementwise.cpp,
// LowerShape.cpp, LowerConv.cpp, LowerPool.cpp, ... Every op is lowered to loops of scalar nn.fx ops in
// exactly the order and with exactly the casts of the interpreter's
// fixed-point kernels, so both agree bit for bit.
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"
#include "nn/Support/CIdentifier.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <functional>

namespace nn {
#define GEN_PASS_DEF_NNLOWERTOLOOPS
#include "nn/Conversion/Passes.h.inc"
} // namespace nn

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

FixedType nn::lowering::toType(MLIRContext *context, const fx::Format &format) {
  return FixedType::get(context, format);
}

FixedType nn::lowering::elementOf(Value value) {
  return llvm::cast<FixedType>(
      llvm::cast<ShapedType>(value.getType()).getElementType());
}

std::string nn::lowering::identifier(StringRef name) {
  return nn::cIdentifier(name);
}

SmallVector<AffineExpr> nn::lowering::dimExprs(MLIRContext *context,
                                               unsigned count) {
  SmallVector<AffineExpr> exprs;
  for (unsigned i = 0; i < count; ++i)
    exprs.push_back(getAffineDimExpr(i, context));
  return exprs;
}

/// The ops the lowering handles (the error for any other op lists them).
static constexpr llvm::StringLiteral kLowerableOps[] = {
    "nn.dense", "nn.relu", "nn.add", "nn.flatten", "nn.reshape",
    "nn.constant", "nn.sub", "nn.mul", "nn.max", "nn.min", "nn.concat",
    "nn.transpose", "nn.pad", "nn.resize", "nn.leaky_relu", "nn.prelu",
    "nn.thresholded_relu", "nn.hard_sigmoid", "nn.hard_swish", "nn.clip",
    // LowerActivations.cpp
    "nn.sigmoid", "nn.tanh", "nn.gelu", "nn.softmax", "nn.elu", "nn.selu",
    "nn.softplus",
    // LowerReduce.cpp
    "nn.reduce_mean",
    // Conv and pools (LowerConv.cpp, LowerPool.cpp).
    "nn.conv", "nn.max_pool", "nn.avg_pool", "nn.global_avg_pool",
    "nn.global_max_pool"};

LogicalResult FunctionLowering::check() {
  auto isFixedShaped = [](Type type) {
    auto shaped = llvm::dyn_cast<ShapedType>(type);
    return shaped && shaped.hasStaticShape() &&
           llvm::isa<FixedType>(shaped.getElementType());
  };
  for (BlockArgument arg : func.getArguments())
    if (!isFixedShaped(arg.getType()))
      return emitError(arg.getLoc())
             << "nn-lower-to-loops lowers fixed-point networks only: argument "
             << arg.getArgNumber() << " of '" << func.getSymName()
             << "' has type " << arg.getType()
             << " (run --nn-quantize first)";
  int64_t index = 0;
  for (Operation &op : func.getBody().front()) {
    opIndex[&op] = index++;
    if (llvm::isa<func::ReturnOp>(op))
      continue;
    if (!llvm::is_contained(kLowerableOps, op.getName().getStringRef())) {
      auto diag = op.emitError("nn-lower-to-loops cannot lower '")
                  << op.getName() << "' (layer '" << layerName(&op)
                  << "') yet (supported: ";
      llvm::interleaveComma(kLowerableOps, diag);
      return diag << ")";
    }
    for (Type type : op.getResultTypes())
      if (!isFixedShaped(type))
        return op.emitError("nn-lower-to-loops lowers fixed-point networks "
                            "only: '")
               << op.getName() << "' has result type " << type
               << " (run --nn-quantize first)";
  }
  return success();
}

void FunctionLowering::loopNest(
    ArrayRef<int64_t> shape, StringRef layer, StringRef role, bool unroll,
    function_ref<void(OpBuilder &, ArrayRef<Value>)> body) {
  SmallVector<Value> ivs;
  std::function<void(OpBuilder &, size_t)> nest = [&](OpBuilder &b,
                                                      size_t dim) {
    if (dim == shape.size()) {
      body(b, ivs);
      return;
    }
    auto loop = affine::AffineForOp::create(
        b, loopLoc(layer, role.str() + std::to_string(dim)), 0, shape[dim]);
    setName(loop, layer.str() + "_" + role.str() + std::to_string(dim));
    if (unroll)
      setUnroll(loop);
    OpBuilder inner = OpBuilder::atBlockBegin(loop.getBody());
    inner.setInsertionPoint(loop.getBody()->getTerminator());
    ivs.push_back(loop.getInductionVar());
    nest(inner, dim + 1);
    ivs.pop_back();
  };
  nest(builder, 0);
}


void FunctionLowering::elementLoops(
    ArrayRef<int64_t> shape, StringRef layer, StringRef role,
    function_ref<void(OpBuilder &, ArrayRef<Value>)> body) {
  int64_t elements = 1;
  for (int64_t d : shape)
    elements *= d;
  const bool unroll = hls::unrollsCompletely(elements, limits);
  Operation *last = nullptr;
  loopNest(shape, layer, role, unroll,
           [&](OpBuilder &b, ArrayRef<Value> ivs) {
             if (!ivs.empty())
               last = llvm::cast<BlockArgument>(ivs.back()).getOwner()->getParentOp();
             body(b, ivs);
           });
  if (!unroll) {
    // Too many copies of the body to unroll: one element per cycle.
    allFullyUnrolled = false;
    if (last)
      setPipeline(last, 1);
  }
}

affine::AffineForOp FunctionLowering::namedLoop(OpBuilder &b, StringRef layer,
                                                StringRef role,
                                                int64_t tripCount) {
  auto loop =
      affine::AffineForOp::create(b, loopLoc(layer, role), 0, tripCount);
  setName(loop, layer.str() + "_" + role.str());
  return loop;
}

Value FunctionLowering::bufferFor(Operation *op, Value result) {
  auto it = outParams.find(result);
  if (it != outParams.end())
    return buffers[result] = it->second;
  auto shaped = llvm::cast<ShapedType>(result.getType());
  auto type = MemRefType::get(shaped.getShape(), shaped.getElementType());
  auto alloc = memref::AllocOp::create(
      builder, NameLoc::get(StringAttr::get(context, layerName(op))), type);
  partitionBuffer(alloc, layerName(op), op->getLoc());
  setName(alloc, layerName(op));
  return buffers[result] = alloc;
}

void FunctionLowering::partitionBuffer(Operation *buffer, StringRef layer,
                                       Location where) {
  auto type = llvm::cast<MemRefType>(buffer->getResult(0).getType());
  if (hls::partitionsCompletely(type.getNumElements(), limits)) {
    setPartition(buffer, "complete");
    return;
  }
  // Vitis HLS refuses to partition an array into more than 4096 registers
  // (XFORM 203-103); a larger buffer stays a memory.
  emitWarning(where, "buffer of layer '")
      << layer << "' has " << type.getNumElements()
      << " elements, more than " << limits.maxPartition
      << " (max-partition): not partitioned, kept in memory";
}

std::string FunctionLowering::romName(ConstantOp constant) {
  // A constant used by one layer is named after it: <layer>_w and <layer>_b
  // for the weights and bias of a dense or conv (after batch-norm folding
  // the constant's own location names the batch norm), <layer>_c<i> for
  // other operands; a shared constant keeps its own name.
  if (!constant->hasOneUse())
    return layerName(constant);
  OpOperand &use = *constant->getUses().begin();
  Operation *user = use.getOwner();
  if (llvm::isa<func::ReturnOp>(user))
    return layerName(constant);
  unsigned index = use.getOperandNumber();
  std::string suffix = "_c" + std::to_string(index);
  if (llvm::isa<DenseOp, ConvOp>(user) && index == 1)
    suffix = "_w";
  else if (llvm::isa<DenseOp, ConvOp>(user) && index == 2)
    suffix = "_b";
  return layerName(user) + suffix;
}

Value FunctionLowering::romFor(ConstantOp constant, bool flatten) {
  auto &cache = flatten ? flatRoms : roms;
  if (Value rom = cache.lookup(constant))
    return rom;
  auto shaped = llvm::cast<ShapedType>(constant.getType());
  SmallVector<int64_t> shape(shaped.getShape());
  if (flatten)
    shape = {shaped.getNumElements()};
  ElementsAttr value = constant.getValue();
  auto rawType = RankedTensorType::get(
      shape, llvm::cast<ShapedType>(value.getType()).getElementType());
  if (auto dense = llvm::dyn_cast<DenseElementsAttr>(value))
    value = dense.reshape(rawType);
  else if (auto resource = llvm::dyn_cast<DenseResourceElementsAttr>(value))
    value = DenseResourceElementsAttr::get(rawType, resource.getRawHandle());
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&newFunc.getBody().front());
  std::string name = romName(constant);
  auto rom = FxRomOp::create(
      builder, NameLoc::get(StringAttr::get(context, identifier(name))),
      MemRefType::get(shape, shaped.getElementType()), value);
  // Complete partitioning up to max-partition; a larger rom stays a memory
  // silently: its consumer (a dense or conv with a reuse factor) chooses
  // its banking (cyclic partition) and reports its own limits.
  if (hls::partitionsCompletely(MemRefType(rom.getType()).getNumElements(),
                                limits))
    setPartition(rom, "complete");
  setName(rom, name);
  return cache[constant] = rom;
}

Value FunctionLowering::lookup(Value tensor, bool flattenConstant) {
  if (auto constant = tensor.getDefiningOp<ConstantOp>())
    return romFor(constant, flattenConstant);
  return buffers.lookup(tensor);
}

LogicalResult FunctionLowering::run() {
  if (failed(check()))
    return failure();
  Block &oldBody = func.getBody().front();
  auto ret = llvm::cast<func::ReturnOp>(oldBody.getTerminator());

  // The new signature: inputs, then one out-parameter per result.
  SmallVector<Type> argTypes;
  SmallVector<Location> argLocs;
  for (BlockArgument arg : func.getArguments()) {
    auto shaped = llvm::cast<ShapedType>(arg.getType());
    argTypes.push_back(
        MemRefType::get(shaped.getShape(), shaped.getElementType()));
    std::string name = getHardwareLayerName(arg.getLoc());
    argLocs.push_back(NameLoc::get(StringAttr::get(
        context, name.empty() ? "input_" + std::to_string(arg.getArgNumber())
                              : name)));
  }
  for (auto [i, type] : llvm::enumerate(func.getResultTypes())) {
    auto shaped = llvm::cast<ShapedType>(type);
    argTypes.push_back(
        MemRefType::get(shaped.getShape(), shaped.getElementType()));
    argLocs.push_back(
        NameLoc::get(StringAttr::get(context, "output_" + std::to_string(i))));
  }
  builder.setInsertionPoint(func);
  newFunc = func::FuncOp::create(builder, func.getLoc(), func.getSymName(),
                                 builder.getFunctionType(argTypes, {}));
  Block *entry = newFunc.addEntryBlock();
  for (auto [arg, loc] : llvm::zip(entry->getArguments(), argLocs))
    arg.setLoc(loc);
  unsigned numInputs = func.getNumArguments();
  for (unsigned i = 0; i < argTypes.size(); ++i) {
    if (hls::partitionsCompletely(
            llvm::cast<MemRefType>(argTypes[i]).getNumElements(), limits))
      newFunc.setArgAttr(i, kHlsPartitionAttr,
                         builder.getStringAttr("complete"));
    else
      emitWarning(func.getLoc())
          << "port '" << llvm::cast<NameLoc>(argLocs[i]).getName().getValue()
          << "' has " << llvm::cast<MemRefType>(argTypes[i]).getNumElements()
          << " elements, more than " << limits.maxPartition
          << " (max-partition): not partitioned, kept in memory";
    newFunc.setArgAttr(i, kHlsNameAttr,
                       builder.getStringAttr(identifier(
                           llvm::cast<NameLoc>(argLocs[i]).getName().getValue())));
    if (i >= numInputs)
      newFunc.setArgAttr(i, kHlsOutputAttr, builder.getUnitAttr());
  }
  for (auto [arg, newArg] :
       llvm::zip(func.getArguments(), entry->getArguments()))
    buffers[arg] = newArg;
  // A result computed by an op (and returned once) is written straight into
  // its out-parameter; anything else is copied there at the end.
  SmallVector<unsigned> copies;
  for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
    Operation *def = value.getDefiningOp();
    if (def && !llvm::isa<ConstantOp>(def) && !outParams.count(value))
      outParams[value] = entry->getArgument(numInputs + i);
    else
      copies.push_back(i);
  }

  builder.setInsertionPointToEnd(entry);
  for (Operation &op : oldBody.without_terminator()) {
    if (failed(lowerOp(op)))
      return failure();
  }
  for (unsigned i : copies) {
    Value value = ret.getOperand(i);
    copyLoops(lookup(value), entry->getArgument(numInputs + i),
              newFunc.getLoc(), "output_" + std::to_string(i));
  }
  func::ReturnOp::create(builder, ret.getLoc());
  if (allFullyUnrolled)
    setPipeline(newFunc, 1);
  for (auto [key, value] : outParams)
    if (!buffers.count(key))
      return ret.emitError("internal error: a returned value was not lowered");
  func.erase();
  return success();
}


LogicalResult FunctionLowering::lowerOp(Operation &op) {
  return llvm::TypeSwitch<Operation *, LogicalResult>(&op)
      .Case([&](ConstantOp) { return success(); }) // roms are made on use
      .Case([&](DenseOp dense) { return lowerDense(dense); })
      .Case([&](ReluOp relu) {
        lowerRelu(relu);
        return success();
      })
      .Case<LeakyReluOp, PReluOp, ThresholdedReluOp, HardSigmoidOp,
            HardSwishOp, ClipOp>(
          [&](Operation *piecewise) { return lowerPiecewise(piecewise); })
      .Case<AddOp, SubOp, MulOp, MaxOp, MinOp>([&](Operation *binary) {
        lowerBinary(binary);
        return success();
      })
      .Case([&](ConcatOp concat) {
        lowerConcat(concat);
        return success();
      })
      .Case([&](TransposeOp transpose) {
        lowerTranspose(transpose);
        return success();
      })
      .Case([&](PadOp pad) {
        lowerPad(pad);
        return success();
      })
      .Case([&](ResizeOp resize) {
        lowerResize(resize);
        return success();
      })
      .Case<SigmoidOp, TanhOp, GeluOp>(
          [&](Operation *activation) { return lowerTableActivation(activation); })
      .Case([&](SoftmaxOp softmax) { return lowerSoftmax(softmax); })
      .Case<EluOp, SeluOp, SoftplusOp>(
          [&](Operation *curved) { return lowerExpLinear(curved); })
      .Case([&](ReduceMeanOp reduce) { return lowerReduceMean(reduce); })
      .Case<FlattenOp, ReshapeOp>([&](Operation *copy) {
        lowerCopy(copy, copy->getOperand(0), copy->getResult(0));
        return success();
      })
      // Conv and pools (LowerConv.cpp, LowerPool.cpp).
      .Case([&](ConvOp conv) { return lowerConv(conv); })
      .Case([&](MaxPoolOp pool) { return lowerMaxPool(pool); })
      .Case([&](AvgPoolOp pool) { return lowerAvgPool(pool); })
      .Case([&](GlobalAvgPoolOp pool) {
        return lowerGlobalPool(pool, /*isMax=*/false);
      })
      .Case([&](GlobalMaxPoolOp pool) {
        return lowerGlobalPool(pool, /*isMax=*/true);
      })
      .Default([&](Operation *other) {
        return other->emitError("internal error: nn-lower-to-loops has no "
                                "lowering for '")
               << other->getName() << "'";
      });
}

namespace {

struct LowerToLoopsPass
    : public nn::impl::NNLowerToLoopsBase<LowerToLoopsPass> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<func::FuncOp> funcs;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isExternal() &&
          llvm::any_of(func.getFunctionType().getInputs(),
                       [](Type t) { return llvm::isa<TensorType>(t); }))
        funcs.push_back(func);
      else if (!func.isExternal() && func.getNumResults() > 0)
        funcs.push_back(func);
    for (func::FuncOp func : funcs)
      if (failed(FunctionLowering(func, maxUnrollMults, maxPartition).run()))
        return signalPassFailure();
  }
};

struct LowerToHlsOptions : public PassPipelineOptions<LowerToHlsOptions> {
  Option<int64_t> maxUnrollMults{
      *this, "max-unroll-mults",
      llvm::cl::desc("the most copies one unrolled region may make (dense/"
                     "conv multiplications per step, element-wise elements); "
                     "above it a rolled, pipelined structure, and the "
                     "nn-check-hls-limits bound"),
      llvm::cl::init(4096)};
  Option<int64_t> maxPartition{
      *this, "max-partition",
      llvm::cl::desc("buffers with more elements than this are not "
                     "partitioned completely (Vitis HLS's limit is 4096)"),
      llvm::cl::init(4096)};
};

} // namespace

void nn::registerNNConversionPipelines() {
  registerNNConversionPasses();
  PassPipelineRegistration<LowerToHlsOptions>(
      "nn-lower-to-hls",
      "lower a quantized nn network to affine loops with HLS directives, "
      "ready for --emit-hls (docs/Lowering.md)",
      [](OpPassManager &pm, const LowerToHlsOptions &options) {
        NNLowerToLoopsOptions loopOptions;
        loopOptions.maxUnrollMults = options.maxUnrollMults;
        loopOptions.maxPartition = options.maxPartition;
        pm.addPass(createNNLowerToLoops(loopOptions));
        NNCheckHlsLimitsOptions checkOptions;
        checkOptions.maxUnroll = options.maxUnrollMults;
        pm.addPass(createNNCheckHlsLimits(checkOptions));
      });
}
