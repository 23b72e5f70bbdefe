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
#include "llvm/ADT/StringMap.h"

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
    if (!dispatch().count(op.getName().getStringRef())) {
      // The list comes from the dispatch table: it cannot drift.
      SmallVector<StringRef> supported;
      for (const auto &entry : dispatch())
        supported.push_back(entry.getKey());
      llvm::sort(supported);
      auto diag = op.emitError("nn-lower-to-loops cannot lower '")
                  << op.getName() << "' (layer '" << layerName(&op)
                  << "') yet (supported: ";
      llvm::interleaveComma(supported, diag);
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
  if (stream) {
    builder.setInsertionPointToEnd(entry);
    if (failed(lowerStreamBody(oldBody)))
      return failure();
    func::ReturnOp::create(builder, ret.getLoc());
    func.erase();
    return success();
  }
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


namespace {
/// Registers `lower` for each op of `Ops`.
template <typename... Ops>
void handle(llvm::StringMap<FunctionLowering::LowerFn> &table,
            FunctionLowering::LowerFn lower) {
  (table.try_emplace(Ops::getOperationName(), lower), ...);
}
} // namespace

const llvm::StringMap<FunctionLowering::LowerFn> &
FunctionLowering::dispatch() {
  static const llvm::StringMap<LowerFn> table = [] {
    llvm::StringMap<LowerFn> t;
    // Roms are made on use.
    handle<ConstantOp>(t, [](FunctionLowering &, Operation *) {
      return success();
    });
    handle<DenseOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerDense(llvm::cast<DenseOp>(op));
    });
    handle<ReluOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerRelu(llvm::cast<ReluOp>(op));
      return success();
    });
    handle<LeakyReluOp, PReluOp, ThresholdedReluOp, HardSigmoidOp,
           HardSwishOp, ClipOp>(
        t, [](FunctionLowering &l, Operation *op) {
          return l.lowerPiecewise(op);
        });
    handle<AddOp, SubOp, MulOp, MaxOp, MinOp>(
        t, [](FunctionLowering &l, Operation *op) {
          l.lowerBinary(op);
          return success();
        });
    handle<ConcatOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerConcat(llvm::cast<ConcatOp>(op));
      return success();
    });
    handle<TransposeOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerTranspose(llvm::cast<TransposeOp>(op));
      return success();
    });
    handle<PadOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerPad(llvm::cast<PadOp>(op));
      return success();
    });
    handle<EmbeddingOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerEmbedding(llvm::cast<EmbeddingOp>(op));
    });
    handle<ResizeOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerResize(llvm::cast<ResizeOp>(op));
      return success();
    });
    handle<FlattenOp, ReshapeOp>(t, [](FunctionLowering &l, Operation *op) {
      l.lowerCopy(op, op->getOperand(0), op->getResult(0));
      return success();
    });
    // LowerActivations.cpp, LowerReduce.cpp.
    handle<SigmoidOp, TanhOp, SoftsignOp, GeluOp, RsqrtOp>(
        t, [](FunctionLowering &l, Operation *op) {
      return l.lowerTableActivation(op);
    });
    handle<SoftmaxOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerSoftmax(llvm::cast<SoftmaxOp>(op));
    });
    handle<EluOp, SeluOp, SoftplusOp>(t, [](FunctionLowering &l,
                                            Operation *op) {
      return l.lowerExpLinear(op);
    });
    handle<ReduceMeanOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerReduceMean(llvm::cast<ReduceMeanOp>(op));
    });
    // Conv and pools (LowerConv.cpp, LowerPool.cpp).
    handle<ConvOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerConv(llvm::cast<ConvOp>(op));
    });
    handle<MaxPoolOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerMaxPool(llvm::cast<MaxPoolOp>(op));
    });
    handle<AvgPoolOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerAvgPool(llvm::cast<AvgPoolOp>(op));
    });
    handle<GlobalAvgPoolOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerGlobalPool(op, /*isMax=*/false);
    });
    handle<GlobalMaxPoolOp>(t, [](FunctionLowering &l, Operation *op) {
      return l.lowerGlobalPool(op, /*isMax=*/true);
    });
    return t;
  }();
  return table;
}

LogicalResult FunctionLowering::lowerOp(Operation &op) {
  // check() has refused every op without an entry.
  return dispatch().lookup(op.getName().getStringRef())(*this, &op);
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
    if (ioType != "parallel" && ioType != "stream") {
      // On the module's location without printing the whole module.
      emitError(getOperation().getLoc(), "nn-lower-to-loops: io-type must be "
                                         "'parallel' or 'stream', got '")
          << ioType << "'";
      return signalPassFailure();
    }
    for (func::FuncOp func : funcs) {
      FunctionLowering lowering(func, maxUnrollMults, maxPartition);
      lowering.stream = ioType == "stream";
      if (failed(lowering.run()))
        return signalPassFailure();
    }
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
  Option<std::string> ioType{
      *this, "io-type",
      llvm::cl::desc("hls4ml's IOType: parallel (default) or stream "
                     "(DATAFLOW processes connected by hls::stream FIFOs)"),
      llvm::cl::init("parallel")};
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
        loopOptions.ioType = options.ioType;
        pm.addPass(createNNLowerToLoops(loopOptions));
        NNCheckHlsLimitsOptions checkOptions;
        checkOptions.maxUnroll = options.maxUnrollMults;
        pm.addPass(createNNCheckHlsLimits(checkOptions));
      });
}
