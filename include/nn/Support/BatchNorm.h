//===- BatchNorm.h - the factor of an inference batch norm ------*- C++ -*-===//
//
// One home for the arithmetic that folds a batch norm's statistics:
// canonicalization (into a conv or dense) and nn-quantize (hls4ml's
// BatchNormalization, a scale and a bias) both use it, and both refuse
// statistics without a finite factor.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_BATCHNORM_H
#define NN_SUPPORT_BATCHNORM_H

#include <cmath>
#include <optional>

namespace nn {

/// The factor a batch norm multiplies a channel by, scale / sqrt(var +
/// epsilon), in double; nullopt when it is no finite number (var + epsilon
/// <= 0, or a statistic that is not finite): such a batch norm has no
/// meaning to fold or quantize.
inline std::optional<double> batchNormFactor(double scale, double var,
                                             double epsilon) {
  double denominator = var + epsilon;
  if (!(denominator > 0))
    return std::nullopt;
  double factor = scale / std::sqrt(denominator);
  if (!std::isfinite(factor))
    return std::nullopt;
  return factor;
}

} // namespace nn

#endif // NN_SUPPORT_BATCHNORM_H
