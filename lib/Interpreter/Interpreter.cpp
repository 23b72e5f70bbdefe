//===- Interpreter.cpp - evaluate a function of nn ops --------------------===//

#include "nn/Interpreter/Interpreter.h"

#include "Kernels.h"

#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Support/CheckedArithmetic.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"

#include <deque>
#include <thread>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

fx::Format nn::interp::formatOf(Type fixedType) {
  return llvm::cast<FixedType>(fixedType).getFormat();
}

FailureOr<Tensor> nn::interp::makeTensor(Type type, Location loc) {
  auto tensorType = llvm::dyn_cast<RankedTensorType>(type);
  if (!tensorType || !tensorType.hasStaticShape()) {
    emitError(loc) << "the interpreter needs a statically shaped tensor, got "
                   << type;
    return failure();
  }
  std::vector<int64_t> shape(tensorType.getShape().begin(),
                             tensorType.getShape().end());
  Type element = tensorType.getElementType();
  // Every buffer of the interpreter (op results, loop-level memrefs,
  // constants) is made here: one check of the size an input asks for.
  // An f32 element takes 4 bytes, a fixed-point raw 8.
  std::optional<int64_t> count = elementCount(shape);
  std::optional<std::string> overBudget =
      count ? checkBudget(*count, element.isF32() ? 4 : 8) : std::nullopt;
  if (!count || overBudget) {
    emitError(loc) << "the interpreter cannot allocate " << type << ": it "
                   << (count ? *overBudget
                             : std::string("has more than 2^63 elements"));
    return failure();
  }
  if (element.isF32())
    return Tensor::floats(std::move(shape));
  if (auto fixed = llvm::dyn_cast<FixedType>(element)) {
    if (fixed.getWidth() > 64) {
      emitError(loc) << "the interpreter handles fixed-point types of up to "
                        "64 bits, got "
                     << fixed;
      return failure();
    }
    return Tensor::fixed(std::move(shape), formatOf(fixed));
  }
  emitError(loc) << "the interpreter computes on f32 and !nn.fixed values, "
                    "got element type "
                 << element;
  return failure();
}

FailureOr<Tensor> nn::interp::tensorFromConstant(Attribute value,
                                                 Type resultType,
                                                 Location loc) {
  FailureOr<Tensor> tensor = makeTensor(resultType, loc);
  if (failed(tensor))
    return failure();
  if (tensor->isFixed()) {
    // Raw integers, dense or as a blob (nn/Dialect/NN/IR/FixedRaws.h).
    auto fixed = llvm::cast<FixedType>(
        llvm::cast<ShapedType>(resultType).getElementType());
    if (std::optional<std::vector<int64_t>> raws =
            readFixedRaws(value, fixed, tensor->numElements())) {
      tensor->raw() = std::move(*raws);
      return tensor;
    }
  } else if (auto dense = llvm::dyn_cast<DenseElementsAttr>(value)) {
    if (dense.isSplat()) {
      std::fill(tensor->f32().begin(), tensor->f32().end(),
                dense.getSplatValue<float>());
      return tensor;
    }
    auto values = dense.getValues<float>();
    std::copy(values.begin(), values.end(), tensor->f32().begin());
    return tensor;
  }
  if (auto resource = llvm::dyn_cast<DenseF32ResourceElementsAttr>(value)) {
    std::optional<ArrayRef<float>> data = resource.tryGetAsArrayRef();
    if (data && !tensor->isFixed() &&
        int64_t(data->size()) == tensor->numElements()) {
      std::copy(data->begin(), data->end(), tensor->f32().begin());
      return tensor;
    }
  }
  emitError(loc) << "the interpreter cannot read this constant (a "
                    "dense_resource blob must be present in the file and hold "
                    "f32 values, or raw integers of 1, 2, 4 or 8 bytes for a "
                    "fixed-point result): "
                 << llvm::cast<TypedAttr>(value).getType();
  return failure();
}

/// The terms per result element (Kernels.h) are the n_in products of a
/// dense or conv output, the window of a pool, and 1 for every other op,
/// whose kernel does a bounded amount of work per element it reads or
/// writes.
std::optional<int64_t> nn::interp::stepsOf(Operation *op,
                                           int64_t resultElements) {
  int64_t perResult = 1;
  if (auto multiplier = llvm::dyn_cast<MultiplierOpInterface>(op))
    perResult = multiplier.getMultiplierInputs();
  else if (auto pool = llvm::dyn_cast<MaxPoolOp>(op))
    perResult = checkedProduct(pool.getKernelShape()).value_or(-1);
  else if (auto pool = llvm::dyn_cast<AvgPoolOp>(op))
    perResult = checkedProduct(pool.getKernelShape()).value_or(-1);
  if (perResult < 0)
    return std::nullopt;
  std::optional<int64_t> steps =
      llvm::checkedMul(resultElements, std::max<int64_t>(perResult, 1));
  for (Type type : op->getOperandTypes()) {
    auto shaped = llvm::dyn_cast<ShapedType>(type);
    if (!steps || !shaped || !shaped.hasStaticShape())
      continue;
    std::optional<int64_t> elements = checkedProduct(shaped.getShape());
    steps = elements ? llvm::checkedAdd(*steps, *elements) : std::nullopt;
  }
  return steps;
}

const KernelTable &nn::interp::kernelTable() {
  static const KernelTable table = [] {
    KernelTable t;
    registerLayerKernels(t);
    registerElementwiseKernels(t);
    registerShapeKernels(t);
    registerEmbeddingKernels(t);
    registerRecurrentKernels(t);
    return t;
  }();
  return table;
}

Evaluator::Evaluator(func::FuncOp func, EvaluateOptions options)
    : func(func), options(std::move(options)) {}

FailureOr<std::vector<Tensor>>
nn::interp::evaluate(func::FuncOp func, ArrayRef<Tensor> inputs,
                     const EvaluateOptions &options) {
  return Evaluator(func, options).run(inputs);
}

FailureOr<std::vector<Tensor>>
Evaluator::run(ArrayRef<Tensor> inputs, const ResultCallback &runCallback) {
  const ResultCallback &onResult = runCallback ? runCallback : options.onResult;
  // Loop-level IR (docs/Lowering.md) runs op by op; no per-op results.
  if (isLoopLevel(func))
    return runLoops(func, inputs, constants);
  Block &body = func.getBody().front();
  if (inputs.size() != body.getNumArguments()) {
    func.emitError() << "expects " << body.getNumArguments()
                     << " inputs, got " << inputs.size();
    return failure();
  }
  KernelContext context;
  context.numThreads = options.numThreads > 0
                           ? options.numThreads
                           : int(std::max(1u, std::thread::hardware_concurrency()));

  // Values refer to the caller's inputs, the cached constants, or the
  // results of this run (a deque keeps their addresses stable).
  llvm::DenseMap<Value, const Tensor *> values;
  std::deque<Tensor> results;
  for (auto [arg, input] : llvm::zip(body.getArguments(), inputs)) {
    FailureOr<Tensor> expected = makeTensor(arg.getType(), arg.getLoc());
    if (failed(expected))
      return failure();
    if (expected->shape() != input.shape() ||
        expected->isFixed() != input.isFixed() ||
        (input.isFixed() && !(input.format() == expected->format()))) {
      emitError(arg.getLoc())
          << "input " << arg.getArgNumber() << " has type "
          << input.typeString() << ", the function expects "
          << expected->typeString();
      return failure();
    }
    values[arg] = &input;
  }

  const KernelTable &table = kernelTable();
  uint64_t steps = 0;
  for (Operation &op : body.without_terminator()) {
    if (auto constant = llvm::dyn_cast<ConstantOp>(op)) {
      auto cached = constants.find(&op);
      if (cached == constants.end()) {
        FailureOr<Tensor> tensor = tensorFromConstant(
            constant.getValue(), constant.getType(), constant.getLoc());
        if (failed(tensor))
          return failure();
        cached = constants.try_emplace(&op, std::move(*tensor)).first;
      }
      if (onResult)
        onResult(&op, cached->second);
      values[constant.getResult()] = &cached->second;
      continue;
    }
    auto kernel = table.find(op.getName().getStringRef());
    if (kernel == table.end()) {
      op.emitError() << "the interpreter has no kernel for '" << op.getName()
                     << "'";
      return failure();
    }
    if (op.getNumResults() != 1) {
      op.emitError() << "the interpreter expects one result";
      return failure();
    }
    SmallVector<const Tensor *> operands;
    for (Value operand : op.getOperands()) {
      auto it = values.find(operand);
      if (it == values.end()) {
        op.emitError() << "operand is not an nn value the interpreter knows";
        return failure();
      }
      operands.push_back(it->second);
    }
    FailureOr<Tensor> result =
        makeTensor(op.getResult(0).getType(), op.getLoc());
    if (failed(result))
      return failure();
    // The execution budget, as for loop-level IR: refuse an op that would
    // overrun it before running any of it (a verified op can ask for
    // 2^62 multiply-accumulates within the memory budget).
    std::optional<int64_t> opSteps = stepsOf(&op, result->numElements());
    uint64_t budget = limits().maxLoopSteps;
    if (!opSteps || uint64_t(*opSteps) > budget - std::min(budget, steps)) {
      InFlightDiagnostic diag =
          op.emitError() << "the interpreter stops: this op takes ";
      if (opSteps)
        diag << *opSteps;
      else
        diag << "more than 2^63";
      diag << " steps, after " << steps << " already run, over the budget of "
           << budget << " steps (nn-interp --max-steps)";
      return failure();
    }
    steps += uint64_t(*opSteps);
    if (failed(kernel->second(&op, operands, *result, context)))
      return failure();
    if (onResult)
      onResult(&op, *result);
    results.push_back(std::move(*result));
    values[op.getResult(0)] = &results.back();
  }

  auto ret = llvm::dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!ret) {
    func.emitError() << "the interpreter expects a func.return terminator";
    return failure();
  }
  std::vector<Tensor> outputs;
  for (Value value : ret.getOperands()) {
    auto it = values.find(value);
    if (it == values.end()) {
      ret.emitError() << "returns a value the interpreter did not compute";
      return failure();
    }
    outputs.push_back(*it->second);
  }
  return outputs;
}
