//===- Embedding.h - the row an embedding index selects ---------*- C++ -*-===//
//
// nn.embedding reads row clamp(floor(index), 0, rows - 1) of its table: an
// index out of range is defined (clamped), so that no stage, and no HLS
// table read, goes outside the table. One definition, used by the float
// and fixed-point interpreter kernels, by --nn-quantize (the indices' type)
// and by the loop lowering.
//
// In fixed point the indices have the unsigned integer format
// indexFormat(rows) = ufixed<B, B, TRN, SAT>, B the bits of rows - 1: the
// cast into it is the floor and the clamp to [0, 2^B - 1]; rows up to 2^B
// - 1 then read the last row (the lowering pads the table with copies of
// it, so the HLS read needs no comparison).
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_EMBEDDING_H
#define NN_SUPPORT_EMBEDDING_H

#include "nn/Support/Accumulator.h"
#include "nn/Support/FixedPoint.h"

#include <cmath>
#include <cstdint>

namespace nn {
namespace embedding {

/// B: the bits of rows - 1 (at least 1), rows >= 1.
inline int indexBits(int64_t rows) {
  int bits = fx::ceilLog2(rows);
  return bits < 1 ? 1 : bits;
}

/// The indices' fixed-point format: unsigned B-bit integers, floor, SAT.
inline fx::Format indexFormat(int64_t rows) {
  int bits = indexBits(rows);
  return fx::Format{bits, bits, /*isSigned=*/false, fx::Rounding::TRN,
                    fx::Overflow::SAT};
}

/// The row of a float index: clamp(floor(v), 0, rows - 1); NaN reads row 0.
inline int64_t rowOfFloat(double v, int64_t rows) {
  if (!(v >= 1.0))
    return 0;
  double f = std::floor(v);
  return f >= double(rows - 1) ? rows - 1 : int64_t(f);
}

/// The row of a fixed-point index of format `from`: the cast into
/// indexFormat(rows), then the rows past the table read the last one.
inline int64_t rowOfRaw(int64_t raw, const fx::Format &from, int64_t rows) {
  int64_t index = fx::cast(raw, from, indexFormat(rows));
  return index >= rows ? rows - 1 : index;
}

} // namespace embedding
} // namespace nn

#endif // NN_SUPPORT_EMBEDDING_H
