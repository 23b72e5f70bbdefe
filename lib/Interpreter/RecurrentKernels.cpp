//===- RecurrentKernels.cpp - nn.rnn, nn.gru, nn.lstm in float ------------===//
//
// ONNX's equations for the forward layer with the default activations
// (NNRecurrentOps.td), in double: the state is carried between steps in
// double and each result element is rounded once to f32. Float only (the
// verifier): the fixed-point rule is not written yet.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "nn/Dialect/NN/IR/NNOps.h"

#include <cmath>

using namespace mlir;
using namespace nn;
using namespace nn::interp;

namespace {

double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

/// The operands of one layer and its gate pre-activations.
struct Cell {
  int64_t seq, batch, features, hidden, gates;
  const std::vector<float> &x, &w, &r, &b;

  /// x_t W_g^T + Wb_g for gate g, unit j, sample n.
  double inputPart(int64_t t, int64_t n, int64_t g, int64_t j) const {
    int64_t row = g * hidden + j;
    double sum = b[row];
    const float *xs = &x[(t * batch + n) * features];
    for (int64_t k = 0; k < features; ++k)
      sum += double(xs[k]) * double(w[row * features + k]);
    return sum;
  }
  /// h R_g^T + Rb_g for gate g, unit j.
  double recurrentPart(const double *h, int64_t g, int64_t j) const {
    int64_t row = g * hidden + j;
    double sum = b[gates * hidden + row];
    for (int64_t k = 0; k < hidden; ++k)
      sum += h[k] * double(r[row * hidden + k]);
    return sum;
  }
};

/// One step of sample n: `h` (and `c` for an LSTM) updated in place.
void step(Operation *op, const Cell &cell, int64_t t, int64_t n,
          std::vector<double> &h, std::vector<double> &c) {
  const int64_t H = cell.hidden;
  std::vector<double> next(H);
  if (llvm::isa<RnnOp>(op)) {
    for (int64_t j = 0; j < H; ++j)
      next[j] = std::tanh(cell.inputPart(t, n, 0, j) +
                          cell.recurrentPart(h.data(), 0, j));
  } else if (auto gru = llvm::dyn_cast<GruOp>(op)) {
    // Gates z (0), r (1), h (2).
    std::vector<double> z(H), reset(H), resetH(H);
    for (int64_t j = 0; j < H; ++j) {
      z[j] = sigmoid(cell.inputPart(t, n, 0, j) +
                     cell.recurrentPart(h.data(), 0, j));
      reset[j] = sigmoid(cell.inputPart(t, n, 1, j) +
                         cell.recurrentPart(h.data(), 1, j));
      resetH[j] = reset[j] * h[j];
    }
    for (int64_t j = 0; j < H; ++j) {
      double recurrent =
          gru.getLinearBeforeReset()
              ? reset[j] * cell.recurrentPart(h.data(), 2, j)
              : cell.recurrentPart(resetH.data(), 2, j);
      double candidate = std::tanh(cell.inputPart(t, n, 2, j) + recurrent);
      next[j] = (1.0 - z[j]) * candidate + z[j] * h[j];
    }
  } else {
    // LSTM gates i (0), o (1), f (2), c (3).
    for (int64_t j = 0; j < H; ++j) {
      auto gate = [&](int64_t g) {
        return cell.inputPart(t, n, g, j) + cell.recurrentPart(h.data(), g, j);
      };
      double i = sigmoid(gate(0)), o = sigmoid(gate(1)), f = sigmoid(gate(2));
      c[j] = f * c[j] + i * std::tanh(gate(3));
      next[j] = o * std::tanh(c[j]);
    }
  }
  h = std::move(next);
}

LogicalResult recurrentKernel(Operation *op, ArrayRef<const Tensor *> operands,
                              Tensor &result, const KernelContext &) {
  const Tensor &x = *operands[0], &w = *operands[1];
  int64_t gates = llvm::isa<RnnOp>(op) ? RnnOp::kGates
                  : llvm::isa<GruOp>(op) ? GruOp::kGates
                                         : LstmOp::kGates;
  Cell cell{x.shape()[0],       x.shape()[1],     x.shape()[2],
            w.shape()[0] / gates, gates,          x.f32(),
            w.f32(),            operands[2]->f32(), operands[3]->f32()};
  // Absent is the default, false (the last step only).
  auto returnSequences = op->getAttrOfType<BoolAttr>("return_sequences");
  bool sequences = returnSequences && returnSequences.getValue();
  std::vector<float> &out = result.f32();
  const int64_t H = cell.hidden, B = cell.batch;
  for (int64_t n = 0; n < B; ++n) {
    std::vector<double> h(H, 0.0), c(H, 0.0);
    for (int64_t t = 0; t < cell.seq; ++t) {
      step(op, cell, t, n, h, c);
      // Y is [T, 1, B, H]; Y_h is [1, B, H], the last step.
      if (sequences || t + 1 == cell.seq)
        for (int64_t j = 0; j < H; ++j)
          out[((sequences ? t : 0) * B + n) * H + j] = float(h[j]);
    }
  }
  return success();
}

} // namespace

void nn::interp::registerRecurrentKernels(KernelTable &table) {
  table["nn.rnn"] = recurrentKernel;
  table["nn.gru"] = recurrentKernel;
  table["nn.lstm"] = recurrentKernel;
}
