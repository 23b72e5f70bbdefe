//===- BatchRun.cpp - run a batch op by op over chunks of samples ---------===//
//
// runSamples() of an nn-level function evaluates a batch one op at a time
// over a chunk of samples, on tensors whose leading dimension is the chunk,
// instead of the whole function once per sample: the per-op costs (result
// allocation, kernel dispatch, attribute reads, table memo lookups, the
// kernels' set-up) are then paid once per chunk, and a kernel sees rows
// enough to amortise converting its weights. Sample 0 still runs alone
// through Evaluator::run, so every diagnostic (and the step budget, which is
// per sample and does not depend on the data) comes out as before.
//
// A value depends on the sample when a batched input reaches it; the others
// (constants, inputs without a batch, what is computed from them only) are
// computed once per chunk with their own types. An op whose kernel treats
// axis 0 as independent samples (sampleWise()) runs once on the chunk; any
// other runs once per sample on slices. Either way each sample's result is
// the one Evaluator::run computes, bit for bit. Functions where a value that
// depends on the sample lacks a leading dimension of 1 (no axis to stack
// the chunk along) keep the sample-by-sample path (Run.cpp).
//
//===----------------------------------------------------------------------===//

#include "BatchRun.h"
#include "Gemm.h"
#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Dialect/NN/IR/NNTypes.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <atomic>
#include <deque>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

namespace {

/// One op of the function as the chunks run it.
struct Step {
  Operation *op = nullptr;
  /// Null for nn.constant (the evaluator's cache holds its tensor).
  Kernel kernel = nullptr;
  /// The result depends on the sample (a batched input reaches it).
  bool batched = false;
  /// The kernel runs once on the whole chunk (sampleWise()).
  bool wholeChunk = false;
  /// Which operands depend on the sample.
  SmallVector<bool> operandBatched;
  /// The result's per-sample shape and element format (none: f32).
  std::vector<int64_t> shape;
  std::optional<fx::Format> format;
};

struct Plan {
  std::vector<Step> steps;
  /// Whether each returned value depends on the sample.
  std::vector<bool> batchedOutputs;
  /// The most elements one sample of a batched value holds, and the steps
  /// (Kernels.h stepsOf) one sample takes.
  int64_t maxSampleElements = 1;
  int64_t sampleSteps = 0;
};

} // namespace

/// Whether `op`'s kernel, given operands whose leading dimension holds C
/// samples where the op's types have 1 (those marked in `batched`; the
/// others as typed), computes each sample's result exactly as on that
/// sample alone. A performance list only: an op missing here runs sample
/// by sample, with the same results.
static bool sampleWise(Operation *op, ArrayRef<bool> batched) {
  auto onlyFirstBatched = [&] {
    return batched[0] && llvm::none_of(batched.drop_front(),
                                       [](bool b) { return b; });
  };
  // Dense reads its input as rows [..., K]; conv and the pools loop over
  // images N. Their weights, biases and windows are per op. (Not every
  // MultiplierOpInterface op: a recurrent layer's axis 0 is its sequence.)
  if (llvm::isa<DenseOp, ConvOp, MaxPoolOp, AvgPoolOp, GlobalAvgPoolOp,
                GlobalMaxPoolOp>(op))
    return onlyFirstBatched();
  // Element by element over the whole tensor.
  if (llvm::isa<ReluOp, LeakyReluOp, EluOp, SeluOp, ThresholdedReluOp, ClipOp,
                SigmoidOp, TanhOp, SoftplusOp, SoftsignOp, HardSigmoidOp,
                HardSwishOp, RsqrtOp, GeluOp>(op))
    return true;
  // Slices along the axis: independent unless the axis is the batch's.
  if (auto softmax = llvm::dyn_cast<SoftmaxOp>(op)) {
    int64_t rank = llvm::cast<ShapedType>(softmax.getType()).getRank();
    int64_t axis = int64_t(softmax.getAxis());
    return (axis < 0 ? axis + rank : axis) != 0;
  }
  // Row-major copies: with a leading 1 on both sides (checked for every
  // batched value), each sample stays one contiguous block.
  if (llvm::isa<ReshapeOp, FlattenOp>(op))
    return true;
  // Broadcasting (numpy rules, on the tensors' shapes): a batched operand
  // of the result's rank lines its axis 0 up with the result's; an
  // unbatched one has 1 there (or a lower rank) and is broadcast. (Not
  // nn.div: its error for a zero divisor names the element's index in the
  // sample.)
  if (llvm::isa<AddOp, SubOp, MulOp, MaxOp, MinOp>(op)) {
    int64_t rank = llvm::cast<ShapedType>(op->getResult(0).getType()).getRank();
    for (auto [operand, isBatched] : llvm::zip(op->getOperands(), batched))
      if (isBatched &&
          llvm::cast<ShapedType>(operand.getType()).getRank() != rank)
        return false;
    return true;
  }
  return false;
}

/// The chunk plan of `func`, or nullopt when some value that depends on the
/// sample cannot carry a chunk (see the file comment) or the function is
/// one Evaluator::run rejects (the sample-by-sample path reports why).
static std::optional<Plan> makePlan(func::FuncOp func,
                                    const PreparedInputs &inputs) {
  Block &body = func.getBody().front();
  if (body.getNumArguments() != inputs.tensors.size())
    return std::nullopt;
  llvm::DenseMap<Value, bool> batched;
  auto carriesChunk = [](Type type) {
    auto ranked = llvm::dyn_cast<RankedTensorType>(type);
    return ranked && ranked.hasStaticShape() && ranked.getRank() >= 1 &&
           ranked.getDimSize(0) == 1;
  };
  Plan plan;
  for (auto [arg, isBatched] : llvm::zip(body.getArguments(), inputs.batched)) {
    if (isBatched && !carriesChunk(arg.getType()))
      return std::nullopt;
    batched[arg] = isBatched;
  }
  const KernelTable &table = kernelTable();
  for (Operation &op : body.without_terminator()) {
    if (op.getNumResults() != 1)
      return std::nullopt;
    Step step;
    step.op = &op;
    for (Value operand : op.getOperands()) {
      auto it = batched.find(operand);
      if (it == batched.end())
        return std::nullopt;
      step.operandBatched.push_back(it->second);
      step.batched |= it->second;
    }
    if (!llvm::isa<ConstantOp>(op)) {
      auto kernel = table.find(op.getName().getStringRef());
      if (kernel == table.end())
        return std::nullopt;
      step.kernel = kernel->second;
    }
    auto type = llvm::dyn_cast<RankedTensorType>(op.getResult(0).getType());
    if (!type || !type.hasStaticShape() ||
        (step.batched && !carriesChunk(type)))
      return std::nullopt;
    step.shape.assign(type.getShape().begin(), type.getShape().end());
    if (auto fixed = llvm::dyn_cast<FixedType>(type.getElementType()))
      step.format = formatOf(fixed);
    std::optional<int64_t> elements = elementCount(step.shape);
    std::optional<int64_t> steps =
        elements ? stepsOf(&op, *elements) : std::nullopt;
    if (!steps)
      return std::nullopt;
    plan.sampleSteps = std::min<int64_t>(plan.sampleSteps + *steps,
                                         int64_t(1) << 62);
    if (step.batched) {
      plan.maxSampleElements = std::max(plan.maxSampleElements, *elements);
      step.wholeChunk = sampleWise(&op, step.operandBatched);
    }
    batched[op.getResult(0)] = step.batched;
    plan.steps.push_back(std::move(step));
  }
  auto ret = llvm::dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!ret)
    return std::nullopt;
  for (Value value : ret.getOperands()) {
    auto it = batched.find(value);
    if (it == batched.end())
      return std::nullopt;
    plan.batchedOutputs.push_back(it->second);
  }
  return plan;
}

/// A zero tensor of `samples` samples of the step's result.
static Tensor chunkTensor(const Step &step, int64_t samples) {
  std::vector<int64_t> shape = step.shape;
  if (step.batched)
    shape[0] = samples;
  return step.format ? Tensor::fixed(std::move(shape), *step.format)
                     : Tensor::floats(std::move(shape));
}

/// Samples [begin, end) of a tensor whose axis 0 is the batch, as one tensor.
static Tensor sliceRows(const Tensor &tensor, int64_t begin, int64_t end) {
  std::vector<int64_t> shape = tensor.shape();
  const int64_t size = tensor.numElements() / shape[0];
  shape[0] = end - begin;
  if (tensor.isFixed()) {
    auto first = tensor.raw().begin() + begin * size;
    return Tensor::fixed(std::move(shape), tensor.format(),
                         std::vector<int64_t>(first, first + (end - begin) * size));
  }
  auto first = tensor.f32().begin() + begin * size;
  return Tensor::floats(std::move(shape),
                        std::vector<float>(first, first + (end - begin) * size));
}

/// Copies all of `part` into `whole` from element `offset` on.
static void copyInto(const Tensor &part, Tensor &whole, int64_t offset) {
  if (part.isFixed())
    std::copy(part.raw().begin(), part.raw().end(),
              whole.raw().begin() + offset);
  else
    std::copy(part.f32().begin(), part.f32().end(),
              whole.f32().begin() + offset);
}

/// Runs samples [begin, end) through the plan and copies each batched
/// output into `outputs` (stacked, all samples) at its rows. The constants
/// are read from `constants`, filled on sample 0's run.
static LogicalResult runChunk(func::FuncOp func, const Plan &plan,
                              const PreparedInputs &inputs,
                              const ConstantCache &constants, int64_t begin,
                              int64_t end, const KernelContext &context,
                              std::vector<Tensor> &outputs) {
  const int64_t samples = end - begin;
  Block &body = func.getBody().front();
  llvm::DenseMap<Value, const Tensor *> values;
  std::deque<Tensor> owned;
  for (auto [arg, input, isBatched] :
       llvm::zip(body.getArguments(), inputs.tensors, inputs.batched)) {
    if (isBatched) {
      owned.push_back(sliceRows(input, begin, end));
      values[arg] = &owned.back();
    } else {
      values[arg] = &input;
    }
  }
  SmallVector<const Tensor *> operands;
  for (const Step &step : plan.steps) {
    Operation *op = step.op;
    if (!step.kernel) { // nn.constant
      auto cached = constants.find(op);
      if (cached == constants.end())
        return failure();
      values[op->getResult(0)] = &cached->second;
      continue;
    }
    operands.clear();
    for (Value operand : op->getOperands())
      operands.push_back(values.lookup(operand));
    Tensor result = chunkTensor(step, samples);
    if (!step.batched || step.wholeChunk) {
      if (failed(step.kernel(op, operands, result, context)))
        return failure();
    } else {
      // One sample at a time on slices of the batched operands.
      const int64_t size = result.numElements() / samples;
      std::vector<Tensor> slices(operands.size());
      SmallVector<const Tensor *> sampleOperands(operands.size());
      for (int64_t s = 0; s < samples; ++s) {
        for (size_t i = 0; i < operands.size(); ++i) {
          sampleOperands[i] = operands[i];
          if (step.operandBatched[i]) {
            slices[i] = sliceSample(*operands[i], s);
            sampleOperands[i] = &slices[i];
          }
        }
        Tensor sampleResult = chunkTensor(step, 1);
        if (failed(step.kernel(op, sampleOperands, sampleResult, context)))
          return failure();
        copyInto(sampleResult, result, s * size);
      }
    }
    owned.push_back(std::move(result));
    values[op->getResult(0)] = &owned.back();
  }
  auto ret = llvm::cast<func::ReturnOp>(body.getTerminator());
  for (auto [k, value] : llvm::enumerate(ret.getOperands())) {
    if (!plan.batchedOutputs[k])
      continue;
    const Tensor &chunk = *values.lookup(value);
    copyInto(chunk, outputs[k], begin * (chunk.numElements() / samples));
  }
  return success();
}

/// The samples a chunk holds: its largest value within about 256 K
/// elements (2 MiB of raws: the chunk's working set stays in the L2/L3
/// caches) and within the memory budget, and chunks of about equal work
/// for `workers` threads.
static int64_t chunkSamples(const Plan &plan, int64_t rest, int64_t workers) {
  const int64_t perSample = std::max<int64_t>(1, plan.maxSampleElements);
  int64_t byCache = std::max<int64_t>(1, (int64_t(1) << 18) / perSample);
  int64_t byBudget = std::max<int64_t>(
      1, int64_t(limits().maxTensorBytes / 8) / perSample);
  int64_t even = (rest + workers - 1) / workers;
  return std::max<int64_t>(1, std::min({byCache, byBudget, even}));
}

FailureOr<std::optional<std::vector<Tensor>>>
nn::interp::runBatchByOps(func::FuncOp func, const PreparedInputs &inputs,
                          int numThreads) {
  if (isLoopLevel(func) || inputs.batch < 2)
    return std::optional<std::vector<Tensor>>();
  std::optional<Plan> plan = makePlan(func, inputs);
  if (!plan)
    return std::optional<std::vector<Tensor>>();
  // Sample 0 through the evaluator: its diagnostics, its constants.
  EvaluateOptions options;
  options.numThreads = numThreads;
  Evaluator evaluator(func, options);
  std::vector<Tensor> first;
  for (auto [input, isBatched] : llvm::zip(inputs.tensors, inputs.batched))
    first.push_back(isBatched ? sliceSample(input, 0) : input);
  FailureOr<std::vector<Tensor>> sample0 = evaluator.run(first);
  if (failed(sample0))
    return failure();

  // The outputs: batched ones stacked here (sample 0 now, the chunks
  // later); the others are the same in every sample.
  std::vector<Tensor> outputs;
  for (auto [k, output] : llvm::enumerate(*sample0)) {
    if (!plan->batchedOutputs[k]) {
      outputs.push_back(stackSamples(
          std::vector<Tensor>(size_t(inputs.batch), output)));
      continue;
    }
    std::vector<int64_t> shape = output.shape();
    shape[0] = inputs.batch;
    Tensor stacked = output.isFixed()
                         ? Tensor::fixed(std::move(shape), output.format())
                         : Tensor::floats(std::move(shape));
    copyInto(output, stacked, 0);
    outputs.push_back(std::move(stacked));
  }

  // Threads by work: whole chunks, each thread's kernels on that thread.
  const int64_t rest = inputs.batch - 1;
  const int64_t work = rest > INT64_MAX / std::max<int64_t>(1, plan->sampleSteps)
                           ? INT64_MAX
                           : rest * plan->sampleSteps;
  const int64_t workers = std::max<int64_t>(
      1, std::min<int64_t>({int64_t(numThreads), rest,
                            work / kMinWorkPerThread}));
  const int64_t chunk = chunkSamples(*plan, rest, workers);
  const int64_t chunks = (rest + chunk - 1) / chunk;
  KernelContext context;
  context.numThreads = workers > 1 ? 1 : numThreads;
  std::atomic<bool> failedAny{false};
  const ConstantCache &constants = evaluator.constantCache();
  parallelFor(
      int(workers), chunks,
      [&](int64_t firstChunk, int64_t endChunk) {
        for (int64_t c = firstChunk; c < endChunk && !failedAny; ++c) {
          int64_t begin = 1 + c * chunk;
          int64_t end = std::min(inputs.batch, begin + chunk);
          if (failed(runChunk(func, *plan, inputs, constants, begin, end,
                              context, outputs)))
            failedAny = true;
        }
      },
      1, kMinWorkPerThread);
  if (failedAny)
    return failure();
  return std::optional<std::vector<Tensor>>(std::move(outputs));
}
