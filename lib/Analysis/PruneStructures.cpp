//===- PruneStructures.cpp - units of dense/conv layers and their users ---===//

#include "PruneStructures.h"

#include "nn/Dialect/NN/IR/NNOps.h"
#include "nn/Interpreter/Interpreter.h"
#include "nn/Support/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace nn;
using namespace nn::prune;

std::string nn::prune::nameOf(Operation *op) {
  std::string name = getHardwareLayerName(op->getLoc());
  return name.empty() ? op->getName().getStringRef().str() : name;
}

namespace {

ArrayRef<int64_t> shapeOf(Value v) {
  return llvm::cast<RankedTensorType>(v.getType()).getShape();
}

/// A fixed-point nn.constant (the pass checked that it is readable).
bool isConstant(Value v) {
  return v && v.getDefiningOp<ConstantOp>() &&
         llvm::isa<FixedType>(
             llvm::cast<RankedTensorType>(v.getType()).getElementType());
}

/// The operands that hold weights must be constants to be sliced.
bool constantParameters(Operation *op) {
  for (Value v : op->getOperands().drop_front())
    if (!isConstant(v))
      return false;
  return true;
}

/// Element-wise ops of one operand: the units keep their axis.
bool isActivation(Operation *op) {
  return llvm::isa<ReluOp, LeakyReluOp, EluOp, SeluOp, ThresholdedReluOp,
                   ClipOp, SigmoidOp, TanhOp, SoftplusOp, SoftsignOp,
                   HardSigmoidOp>(op);
}

/// Ops on [N, C, spatial...] that keep the channels on axis 1.
bool isChannelwise(Operation *op) {
  return llvm::isa<MaxPoolOp, AvgPoolOp, GlobalAvgPoolOp, GlobalMaxPoolOp,
                   BatchNormOp>(op);
}

/// A flatten-like op merges the dimensions from `from` on into the
/// result's axis `outAxis`: flatten (axis a: [prod(in[:a]), prod(in[a:])])
/// and a reshape to in[:a] + [prod(in[a:])].
struct Merge {
  int64_t from, outAxis;
};

std::optional<Merge> mergeOf(Operation *op) {
  if (!llvm::isa<FlattenOp, ReshapeOp>(op))
    return std::nullopt;
  ArrayRef<int64_t> in = shapeOf(op->getOperand(0)),
                    out = shapeOf(op->getResult(0));
  if (auto flatten = llvm::dyn_cast<FlattenOp>(op)) {
    int64_t a = flatten.getAxis() < 0 ? flatten.getAxis() + int64_t(in.size())
                                      : flatten.getAxis();
    return Merge{a, 1};
  }
  if (llvm::isa<ReshapeOp>(op) && !out.empty() && out.size() <= in.size()) {
    int64_t a = int64_t(out.size()) - 1;
    if (in.take_front(a) == out.take_front(a))
      return Merge{a, a};
  }
  return std::nullopt;
}

/// For an element-wise op of `v` (the units on `axis`) and a constant:
/// the constant's axis aligned with `axis` (numpy broadcasting), -1 when
/// the constant is broadcast along it; nullopt when the other operand is
/// no constant or the result is not of `v`'s shape.
std::optional<int64_t> partnerAxis(Value v, Value other, Operation *op,
                                   int64_t axis) {
  if (!isConstant(other) || shapeOf(op->getResult(0)) != shapeOf(v))
    return std::nullopt;
  ArrayRef<int64_t> c = shapeOf(other);
  int64_t aligned = axis - int64_t(shapeOf(v).size() - c.size());
  if (aligned < 0 || c[aligned] == 1)
    return -1;
  return aligned;
}

std::string describeUser(Operation *user) {
  if (llvm::isa<func::ReturnOp>(user))
    return "the network's output (outputs are never pruned)";
  std::string what = "'" + user->getName().getStringRef().str() + "' ('" +
                     nameOf(user) + "')";
  if (llvm::isa<AddOp, SubOp, MulOp, MaxOp, MinOp>(user))
    what += ", which ties them to channels of no dense/conv layer";
  if (llvm::isa<ConcatOp>(user))
    what += ", which ties them to other channels (pruning through a "
            "concat is not implemented yet)";
  return what;
}

/// The dense/conv layer whose units `v` carries on `axis` through ops that
/// keep them there, or null.
Operation *originOf(Value v, int64_t axis) {
  while (Operation *op = v.getDefiningOp()) {
    const int64_t rank = int64_t(shapeOf(v).size());
    if (llvm::isa<DenseOp>(op) && axis == rank - 1 && constantParameters(op))
      return op;
    if (llvm::isa<ConvOp>(op) && axis == 1 && constantParameters(op))
      return op;
    if (!isActivation(op) &&
        !(isChannelwise(op) && axis == 1 && constantParameters(op)))
      return nullptr;
    v = op->getOperand(0);
  }
  return nullptr;
}

bool follow(Value v, int64_t axis, int64_t inner, Layer &layer,
            std::vector<Operation *> &coupled, std::string &reason) {
  const int64_t rank = int64_t(shapeOf(v).size());
  for (OpOperand &use : v.getUses()) {
    Operation *user = use.getOwner();
    const bool first = use.getOperandNumber() == 0;
    if (llvm::isa<DenseOp>(user) && first && axis == rank - 1 &&
        constantParameters(user)) {
      layer.consumers.push_back({user, axis, inner});
      continue;
    }
    if (auto conv = llvm::dyn_cast<ConvOp>(user);
        conv && first && axis == 1 && inner == 1 && conv.getGroup() == 1 &&
        constantParameters(user)) {
      layer.consumers.push_back({user, axis, inner});
      continue;
    }
    if ((isActivation(user) ||
         (isChannelwise(user) && axis == 1 && inner == 1 &&
          constantParameters(user))) &&
        first) {
      layer.carriers.push_back({user, axis, inner});
      if (!follow(user->getResult(0), axis, inner, layer, coupled, reason))
        return false;
      continue;
    }
    if (llvm::isa<AddOp, SubOp, MulOp, MaxOp, MinOp>(user)) {
      int partner = 1 - int(use.getOperandNumber());
      Value other = user->getOperand(partner);
      if (std::optional<int64_t> pa = partnerAxis(v, other, user, axis)) {
        layer.carriers.push_back({user, axis, inner, partner, *pa});
        if (!follow(user->getResult(0), axis, inner, layer, coupled, reason))
          return false;
        continue;
      }
      // Coupled channels (a residual add): the partner carries the units
      // of another layer on the same axis, entry for entry.
      Operation *origin = inner == 1 && shapeOf(other) == shapeOf(v) &&
                                  shapeOf(user->getResult(0)) == shapeOf(v)
                              ? originOf(other, axis)
                              : nullptr;
      if (origin) {
        coupled.push_back(origin);
        layer.carriers.push_back({user, axis, inner});
        if (!follow(user->getResult(0), axis, inner, layer, coupled, reason))
          return false;
        continue;
      }
    }
    if (std::optional<Merge> merge = mergeOf(user); merge && first) {
      // Dimensions from..axis-1 must be 1 so that unit u stays the block
      // [u * inner', (u + 1) * inner') of the merged axis.
      ArrayRef<int64_t> shape = shapeOf(v);
      bool ok = merge->from <= axis;
      int64_t after = 1;
      for (int64_t i = merge->from; ok && i < axis; ++i)
        ok = shape[i] == 1;
      for (int64_t i = axis + 1; i < rank; ++i)
        after *= shape[i];
      if (ok) {
        layer.carriers.push_back({user, merge->outAxis, inner * after});
        if (!follow(user->getResult(0), merge->outAxis, inner * after, layer,
                    coupled, reason))
          return false;
        continue;
      }
    }
    reason = "its units reach " + describeUser(user);
    return false;
  }
  return true;
}

/// The entries of `keep` units of `inner` entries each.
SmallVector<int64_t> expand(ArrayRef<int64_t> keep, int64_t inner) {
  SmallVector<int64_t> idx;
  for (int64_t u : keep)
    for (int64_t t = 0; t < inner; ++t)
      idx.push_back(u * inner + t);
  return idx;
}

interp::Tensor tensorOf(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  FailureOr<interp::Tensor> t = interp::tensorFromConstant(
      constant.getValue(), constant.getType(), constant.getLoc());
  // Checked by the pass: every parameter is a fixed-point constant.
  return succeeded(t) ? *t : interp::Tensor();
}

/// A fixed-point nn.constant of `raws`.
Value makeConstant(OpBuilder &b, Location loc, FixedType type,
                   ArrayRef<int64_t> shape, ArrayRef<int64_t> raws) {
  unsigned width = type.getWidth();
  bool isSigned = type.getFormat().isSigned;
  auto rawType = RankedTensorType::get(shape, b.getIntegerType(width));
  SmallVector<APInt> values;
  values.reserve(raws.size());
  for (int64_t raw : raws)
    values.push_back(APInt(width, uint64_t(raw), isSigned));
  return ConstantOp::create(b, loc, RankedTensorType::get(shape, type),
                            DenseElementsAttr::get(rawType, values));
}

/// The constant `value` with only the entries `idx` of axis `axis`.
Value sliced(OpBuilder &b, Value value, int64_t axis, ArrayRef<int64_t> idx) {
  interp::Tensor t = tensorOf(value);
  SmallVector<int64_t> shape(t.shape().begin(), t.shape().end());
  int64_t outer = 1, inner = 1, dim = shape[axis];
  for (int64_t i = 0; i < axis; ++i)
    outer *= shape[i];
  for (int64_t i = axis + 1; i < int64_t(shape.size()); ++i)
    inner *= shape[i];
  std::vector<int64_t> raws;
  raws.reserve(size_t(outer * int64_t(idx.size()) * inner));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i : idx)
      for (int64_t k = 0; k < inner; ++k)
        raws.push_back(t.raw()[size_t((o * dim + i) * inner + k)]);
  shape[axis] = int64_t(idx.size());
  auto type = llvm::cast<FixedType>(
      llvm::cast<RankedTensorType>(value.getType()).getElementType());
  return makeConstant(b, value.getLoc(), type, shape, raws);
}

void resize(Value v, int64_t axis, int64_t size) {
  auto type = llvm::cast<RankedTensorType>(v.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[axis] = size;
  v.setType(RankedTensorType::get(shape, type.getElementType()));
}

/// Refits the consumer `op` (weights [M, F, spatial...]) for keeping only
/// its input entries `idx` (PruneReconstruct.h): the kept weights absorb
/// W_R A, the bias W_R (mu_R - A mu_K) (summed over a conv's kernel: the
/// prediction is per pixel; padding is not special-cased). Before the
/// slicing of the removed entries. True when a bias was needed and the
/// op has none.
bool refit(Operation *op, ArrayRef<int64_t> idx, const Moments &m,
           double ridge) {
  Value weight = op->getOperand(1);
  ArrayRef<int64_t> wShape = shapeOf(weight);
  std::vector<double> w = constantValues(weight);
  const int64_t outs = wShape[0], entries = wShape[1];
  const int64_t spatial = int64_t(w.size()) / (outs * entries);
  llvm::DenseSet<int64_t> keptSet(idx.begin(), idx.end());
  std::vector<int64_t> kept(idx.begin(), idx.end()), removed;
  for (int64_t f = 0; f < entries; ++f)
    if (!keptSet.contains(f))
      removed.push_back(f);
  std::vector<double> a = regressRemoved(m, kept, removed, ridge);
  const size_t nk = kept.size();
  // The removed entries' prediction at the kept entries' mean: mu_R - A mu_K.
  std::vector<double> offset(removed.size());
  bool any = false;
  for (size_t r = 0; r < removed.size(); ++r) {
    double v = m.mean[size_t(removed[r])];
    for (size_t j = 0; j < nk; ++j)
      v -= a[r * nk + j] * m.mean[size_t(kept[j])];
    offset[r] = v;
    any = any || v != 0;
  }
  auto at = [&](int64_t o, int64_t f, int64_t s) -> double & {
    return w[size_t((o * entries + f) * spatial + s)];
  };
  std::vector<double> delta(size_t(outs), 0);
  bool changed = false;
  for (int64_t o = 0; o < outs; ++o)
    for (size_t r = 0; r < removed.size(); ++r)
      for (int64_t s = 0; s < spatial; ++s) {
        const double wr = at(o, removed[r], s);
        delta[size_t(o)] += wr * offset[r];
        for (size_t j = 0; j < nk; ++j)
          if (a[r * nk + j] != 0) {
            at(o, kept[j], s) += wr * a[r * nk + j];
            changed = true;
          }
      }
  if (changed)
    requantize(op, 1, w);
  if (!any)
    return false;
  if (op->getNumOperands() <= 2)
    return true;
  std::vector<double> bias = constantValues(op->getOperand(2));
  for (size_t o = 0; o < bias.size(); ++o)
    bias[o] += delta[o];
  requantize(op, 2, bias);
  return false;
}

} // namespace

/// Replaces the constant operand by `values` in its own type: the nearest
/// value, saturated (the type's rounding and overflow modes are those of
/// its arithmetic; a refit constant out of range must not wrap, and
/// truncation would bias every refit constant down by half an LSB).
void nn::prune::requantize(Operation *op, unsigned operand,
                           ArrayRef<double> values) {
  Value value = op->getOperand(operand);
  interp::Tensor t = tensorOf(value);
  fx::Format nearest = t.format();
  nearest.rounding = fx::Rounding::RND_CONV;
  nearest.overflow = fx::Overflow::SAT;
  std::vector<int64_t> raws(t.raw());
  for (size_t i = 0; i < raws.size(); ++i)
    raws[i] = fx::quantize(values[i], nearest);
  OpBuilder b(op);
  auto type = llvm::cast<FixedType>(
      llvm::cast<RankedTensorType>(value.getType()).getElementType());
  op->setOperand(operand,
                 makeConstant(b, value.getLoc(), type, shapeOf(value), raws));
}

std::vector<double> nn::prune::constantValues(Value value) {
  std::vector<double> values;
  if (!isConstant(value))
    return values;
  interp::Tensor t = tensorOf(value);
  for (int64_t i = 0, e = t.numElements(); i < e; ++i)
    values.push_back(t.valueAt(i));
  return values;
}

std::vector<Layer> nn::prune::findLayers(func::FuncOp func,
                                         std::vector<Skipped> &skipped) {
  // Each dense/conv alone, with the layers its units meet element-wise.
  struct Single {
    Layer layer;
    std::string reason;
    std::vector<Operation *> coupled;
  };
  std::vector<Single> singles;
  llvm::DenseMap<Operation *, size_t> index;
  for (Operation &op : func.getBody().front()) {
    if (!llvm::isa<DenseOp, ConvOp>(op))
      continue;
    Single one{Layer{&op, {&op}, nameOf(&op)}, "", {}};
    Layer &layer = one.layer;
    Value result = op.getResult(0);
    const int64_t axis =
        llvm::isa<DenseOp>(op) ? int64_t(shapeOf(result).size()) - 1 : 1;
    layer.units = shapeOf(result)[axis];
    std::string &reason = one.reason;
    if (auto conv = llvm::dyn_cast<ConvOp>(op); conv && conv.getGroup() != 1)
      reason = "a grouped convolution (group " +
               std::to_string(conv.getGroup()) + ")";
    else if (!constantParameters(&op))
      reason = "its weights are no fixed-point constant";
    else if (layer.units < 2)
      reason = "it has a single unit";
    else
      follow(result, axis, 1, layer, one.coupled, reason);
    if (reason.empty() && layer.consumers.empty())
      reason = "no dense or conv layer consumes its units";
    index[&op] = singles.size();
    singles.push_back(std::move(one));
  }
  // Coupled layers form one group (union-find); a group is prunable when
  // every member is, and then has the union of their carriers and
  // consumers, each once.
  std::vector<size_t> parent(singles.size());
  for (size_t i = 0; i < parent.size(); ++i)
    parent[i] = i;
  auto root = [&](size_t i) {
    while (parent[i] != i)
      i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < singles.size(); ++i)
    for (Operation *other : singles[i].coupled)
      if (auto it = index.find(other); it != index.end())
        parent[root(it->second)] = root(i);
  std::vector<Layer> layers;
  for (size_t i = 0; i < singles.size(); ++i) {
    std::vector<size_t> members; // the group's, handled at its first
    for (size_t j = 0; j < singles.size(); ++j)
      if (root(j) == root(i))
        members.push_back(j);
    if (members.front() != i)
      continue;
    Layer group = singles[i].layer;
    group.producers.clear();
    group.carriers.clear();
    group.consumers.clear();
    std::string names, reason;
    llvm::DenseSet<Operation *> seenCarrier, seenConsumer;
    for (size_t j : members) {
      Single &m = singles[j];
      names += (names.empty() ? "" : "+") + m.layer.name;
      group.producers.push_back(m.layer.producer);
      if (m.layer.units != group.units && reason.empty())
        reason = "its units meet those of '" + m.layer.name +
                 "', which has another number of them";
      if (!m.reason.empty() && reason.empty())
        reason = members.size() == 1
                     ? m.reason
                     : "coupled with '" + m.layer.name + "', and " + m.reason;
      for (const Carrier &c : m.layer.carriers)
        if (seenCarrier.insert(c.op).second)
          group.carriers.push_back(c);
      for (const Consumer &c : m.layer.consumers)
        if (seenConsumer.insert(c.op).second)
          group.consumers.push_back(c);
    }
    group.name = names;
    if (!reason.empty()) {
      for (size_t j : members)
        skipped.push_back({singles[j].layer.name, reason});
      continue;
    }
    layers.push_back(std::move(group));
  }
  return layers;
}

std::vector<std::string> nn::prune::removeUnits(const Layer &layer,
                                                ArrayRef<int64_t> keep,
                                                const Stats *stats,
                                                double ridge) {
  std::vector<std::string> uncorrected;
  const int64_t k = int64_t(keep.size());
  // The producers: rows of the weight (dense [M, K], conv [M, C, ...]) and
  // entries of the bias.
  for (Operation *producer : layer.producers) {
    OpBuilder b(producer);
    producer->setOperand(1, sliced(b, producer->getOperand(1), 0, keep));
    if (producer->getNumOperands() > 2)
      producer->setOperand(2, sliced(b, producer->getOperand(2), 0, keep));
    Value result = producer->getResult(0);
    resize(result, llvm::isa<DenseOp>(producer)
                       ? int64_t(shapeOf(result).size()) - 1
                       : 1,
           k);
  }
  for (const Carrier &c : layer.carriers) {
    if (llvm::isa<BatchNormOp>(c.op)) {
      OpBuilder cb(c.op);
      for (unsigned i = 1; i < c.op->getNumOperands(); ++i)
        c.op->setOperand(i, sliced(cb, c.op->getOperand(i), 0, keep));
    }
    if (c.partner >= 0 && c.partnerAxis >= 0) {
      OpBuilder cb(c.op);
      c.op->setOperand(unsigned(c.partner),
                       sliced(cb, c.op->getOperand(unsigned(c.partner)),
                              c.partnerAxis, expand(keep, c.inner)));
    }
    resize(c.op->getResult(0), c.axis, k * c.inner);
  }
  for (size_t ci = 0; ci < layer.consumers.size(); ++ci) {
    const Consumer &c = layer.consumers[ci];
    OpBuilder cb(c.op);
    SmallVector<int64_t> idx = expand(keep, c.inner);
    if (stats && refit(c.op, idx, (*stats)[ci], ridge))
      uncorrected.push_back(nameOf(c.op));
    c.op->setOperand(1, sliced(cb, c.op->getOperand(1), 1, idx));
  }
  return uncorrected;
}
