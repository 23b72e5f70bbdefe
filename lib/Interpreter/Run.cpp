//===- Run.cpp - run a function on real-valued input arrays ---------------===//

#include "nn/Interpreter/Run.h"
#include "nn/Interpreter/TensorIO.h"

#include "BatchRun.h"

#include "nn/Dialect/NN/IR/NNTypes.h"

#include "mlir/IR/BuiltinTypes.h"

#include <atomic>
#include <thread>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

static std::string typeText(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

static std::string inputName(size_t i, ArrayRef<std::string> labels) {
  std::string name = "input " + std::to_string(i);
  if (i < labels.size() && !labels[i].empty())
    name += " (" + labels[i] + ")";
  return name;
}

llvm::Expected<PreparedInputs>
nn::interp::loadInputs(func::FuncOp func, ArrayRef<std::string> files) {
  std::vector<RealArray> arrays;
  for (size_t i = 0; i < files.size(); ++i) {
    llvm::Expected<RealArray> array = readTensorFile(files[i]);
    if (!array)
      return makeError(inputName(i, files) + ": " +
                       llvm::toString(array.takeError()));
    arrays.push_back(std::move(*array));
  }
  return prepareInputs(func, arrays, files);
}

llvm::Expected<PreparedInputs>
nn::interp::prepareInputs(func::FuncOp func, ArrayRef<RealArray> arrays,
                          ArrayRef<std::string> labels) {
  SmallVector<Type> argTypes = interfaceInputTypes(func);
  size_t expected = argTypes.size();
  auto plural = [](size_t n, const char *word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (arrays.size() < expected)
    return makeError("the function '" + func.getSymName() + "' takes " +
                     plural(expected, "input") + " but " +
                     std::to_string(arrays.size()) +
                     (arrays.size() == 1 ? " was" : " were") +
                     " given: input " + llvm::Twine(arrays.size()) +
                     ", of type " + typeText(argTypes[arrays.size()]) +
                     ", is missing");
  if (arrays.size() > expected)
    return makeError("the function '" + func.getSymName() + "' takes " +
                     plural(expected, "input") + " but " +
                     std::to_string(arrays.size()) + " were given: " +
                     inputName(expected, labels) + " is extra");

  PreparedInputs prepared;
  int64_t batchInput = -1;
  for (size_t i = 0; i < expected; ++i) {
    const RealArray &array = arrays[i];
    auto argType = llvm::dyn_cast<RankedTensorType>(argTypes[i]);
    Type element = argType ? argType.getElementType() : Type();
    auto fixedType = element ? llvm::dyn_cast<FixedType>(element) : FixedType();
    if (!argType || !argType.hasStaticShape() ||
        !(element.isF32() || (fixedType && fixedType.getWidth() <= 64)))
      return makeError(inputName(i, labels) + ": the function's argument " +
                       llvm::Twine(i) + " has type " + typeText(argTypes[i]) +
                       ", which nn-interp cannot feed (statically shaped "
                       "tensors of f32 or !nn.fixed of up to 64 bits)");
    ArrayRef<int64_t> argShape = argType.getShape();
    ArrayRef<int64_t> shape = array.shape;
    bool batched = false;
    if (shape != argShape) {
      bool batchShape = !argShape.empty() && argShape[0] == 1 &&
                        shape.size() == argShape.size() &&
                        shape.drop_front() == argShape.drop_front() &&
                        shape[0] != 1;
      if (!batchShape)
        return makeError(inputName(i, labels) + ": shape " +
                         formatShape(shape) + " (" + array.elementType +
                         ") does not match the function's argument " +
                         llvm::Twine(i) + " of type " + typeText(argType));
      if (shape[0] == 0)
        return makeError(inputName(i, labels) + ": shape " +
                         formatShape(shape) +
                         " holds an empty batch (no samples)");
      if (batchInput >= 0 && shape[0] != prepared.batch)
        return makeError(inputName(i, labels) + " holds a batch of " +
                         llvm::Twine(shape[0]) + " samples but " +
                         inputName(batchInput, labels) + " holds " +
                         llvm::Twine(prepared.batch));
      batched = true;
      batchInput = int64_t(i);
      prepared.batch = shape[0];
    }
    std::vector<int64_t> tensorShape(shape.begin(), shape.end());
    if (fixedType) {
      fx::Format format = formatOf(fixedType);
      std::vector<int64_t> raw(array.values.size());
      for (size_t k = 0; k < raw.size(); ++k)
        raw[k] = fx::quantize(array.values[k], format);
      prepared.tensors.push_back(
          Tensor::fixed(std::move(tensorShape), format, std::move(raw)));
    } else {
      Tensor tensor = Tensor::floats(std::move(tensorShape));
      std::copy(array.values.begin(), array.values.end(),
                tensor.f32().begin());
      prepared.tensors.push_back(std::move(tensor));
    }
    prepared.batched.push_back(batched);
  }
  return prepared;
}

Tensor nn::interp::sliceSample(const Tensor &tensor, int64_t sample) {
  std::vector<int64_t> shape = tensor.shape();
  int64_t size = tensor.numElements() / shape[0];
  shape[0] = 1;
  if (tensor.isFixed()) {
    auto begin = tensor.raw().begin() + sample * size;
    return Tensor::fixed(std::move(shape), tensor.format(),
                         std::vector<int64_t>(begin, begin + size));
  }
  Tensor slice = Tensor::floats(std::move(shape));
  std::copy_n(tensor.f32().begin() + sample * size, size,
              slice.f32().begin());
  return slice;
}

Tensor nn::interp::stackSamples(ArrayRef<Tensor> parts) {
  const Tensor &first = parts.front();
  std::vector<int64_t> shape = first.shape();
  if (!shape.empty() && shape[0] == 1)
    shape[0] = int64_t(parts.size());
  else
    shape.insert(shape.begin(), int64_t(parts.size()));
  if (first.isFixed()) {
    std::vector<int64_t> raw;
    raw.reserve(first.numElements() * parts.size());
    for (const Tensor &part : parts)
      raw.insert(raw.end(), part.raw().begin(), part.raw().end());
    return Tensor::fixed(std::move(shape), first.format(), std::move(raw));
  }
  Tensor result = Tensor::floats(std::move(shape));
  auto out = result.f32().begin();
  for (const Tensor &part : parts)
    out = std::copy(part.f32().begin(), part.f32().end(), out);
  return result;
}

/// The inputs of one sample: the batched inputs sliced, the others as they
/// are.
static std::vector<Tensor> sampleInputs(const PreparedInputs &inputs,
                                        int64_t sample) {
  std::vector<Tensor> result;
  result.reserve(inputs.tensors.size());
  for (size_t i = 0; i < inputs.tensors.size(); ++i)
    result.push_back(inputs.batched[i] ? sliceSample(inputs.tensors[i], sample)
                                       : inputs.tensors[i]);
  return result;
}

/// Runs samples [1, batch) on up to `threads` threads, each with its own
/// evaluator whose kernels stay on that thread: whole samples are the
/// coarsest grain there is, so a batch runs up to `threads` times as fast
/// and threads cost one start each per batch, never per op. Sample 0 has
/// run already (on the caller's evaluator: the first run reports what is
/// wrong with the function, in order).
static LogicalResult runRestInParallel(func::FuncOp func,
                                       const PreparedInputs &inputs,
                                       int threads,
                                       std::vector<std::vector<Tensor>> &out) {
  const int64_t rest = inputs.batch - 1;
  threads = int(std::min<int64_t>(threads, rest));
  std::atomic<bool> failedAny{false};
  auto work = [&](int64_t begin, int64_t end) {
    EvaluateOptions options;
    options.numThreads = 1;
    Evaluator evaluator(func, options);
    for (int64_t sample = begin; sample < end && !failedAny; ++sample) {
      FailureOr<std::vector<Tensor>> outputs =
          evaluator.run(sampleInputs(inputs, sample));
      if (failed(outputs)) {
        failedAny = true;
        return;
      }
      out[sample] = std::move(*outputs);
    }
  };
  std::vector<std::thread> workers;
  int64_t next = 1;
  for (int t = 0; t < threads; ++t) {
    int64_t end = next + rest / threads + (t < rest % threads ? 1 : 0);
    if (t + 1 < threads)
      workers.emplace_back(work, next, end);
    else
      work(next, end);
    next = end;
  }
  for (std::thread &worker : workers)
    worker.join();
  return failure(failedAny);
}

FailureOr<std::vector<Tensor>>
nn::interp::runSamples(func::FuncOp func, const PreparedInputs &inputs,
                       const RunOptions &options) {
  const int threads =
      options.numThreads > 0
          ? options.numThreads
          : int(std::max(1u, std::thread::hardware_concurrency()));
  // Without a per-op callback (--trace), nn-level functions run op by op
  // over chunks of samples (BatchRun.cpp).
  if (inputs.batch > 1 && !options.onResult) {
    FailureOr<std::optional<std::vector<Tensor>>> batched =
        runBatchByOps(func, inputs, threads);
    if (failed(batched))
      return failure();
    if (*batched)
      return std::move(**batched);
  }
  std::vector<std::vector<Tensor>> perSample(inputs.batch);
  EvaluateOptions evaluateOptions;
  evaluateOptions.numThreads = options.numThreads;
  Evaluator evaluator(func, evaluateOptions);
  // With a per-op callback (--trace), samples run in order on one thread.
  const bool parallel = inputs.batch > 1 && threads > 1 && !options.onResult;
  for (int64_t sample = 0; sample < inputs.batch; ++sample) {
    ResultCallback onResult;
    if (options.onResult)
      onResult = [&](Operation *op, const Tensor &result) {
        options.onResult(op, sample, result);
      };
    FailureOr<std::vector<Tensor>> outputs =
        evaluator.run(sampleInputs(inputs, sample), onResult);
    if (failed(outputs))
      return failure();
    if (inputs.batch == 1)
      return outputs;
    perSample[sample] = std::move(*outputs);
    if (parallel) {
      if (failed(runRestInParallel(func, inputs, threads, perSample)))
        return failure();
      break;
    }
  }
  std::vector<Tensor> outputs;
  for (size_t k = 0; k < perSample.front().size(); ++k) {
    std::vector<Tensor> parts;
    for (std::vector<Tensor> &sample : perSample)
      parts.push_back(std::move(sample[k]));
    outputs.push_back(stackSamples(parts));
  }
  return outputs;
}
