//===- TensorIO.h - tensor files for the interpreter ------------*- C++ -*-===//
//
// Reading and writing the array files nn-interp and the conformance driver
// exchange with other tools: NumPy .npy files (float32 '<f4' and float64
// '<f8', C order) and ONNX TensorProto .pb files (FLOAT or DOUBLE, raw_data
// or float_data/double_data), as written by the ONNX backend test data.
//
// Every file is opened with nn::readInputFile (regular files only, never a
// FIFO; at most limits().maxTensorBytes bytes) and checked before anything
// is allocated: magic, version, header length against the file size,
// dtype and byte order, Fortran order, shape (element count without
// overflow, within the memory budget) and payload size exactly
// shape x item size. Error messages do not repeat the file name.
//
//===----------------------------------------------------------------------===//

#ifndef NN_INTERPRETER_TENSORIO_H
#define NN_INTERPRETER_TENSORIO_H

#include "nn/Interpreter/Tensor.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <vector>

namespace nn::interp {

/// Real values read from a file, before they take a function argument's
/// element type. float32 files are held exactly as doubles.
struct RealArray {
  std::vector<int64_t> shape;
  std::vector<double> values;
  /// "float32", "float64" or an integer type ("int64", "uint8"...): the
  /// element type of the file.
  const char *elementType = "float32";
};

/// Reads a NumPy .npy file (format versions 1 to 3) of dtype float32,
/// float64 or an integer type (nn/Support/Npy.h) in C order. The error message does not repeat the file name.
llvm::Expected<RealArray> readNpy(llvm::StringRef path);

/// Parses the bytes of a .npy file (for readNpy and tests).
llvm::Expected<RealArray> parseNpy(llvm::StringRef bytes);

/// Reads a serialized onnx.TensorProto (FLOAT, DOUBLE, INT32 or INT64
/// elements, stored in raw_data or in the typed fields). The error message does not repeat
/// the file name.
llvm::Expected<RealArray> readOnnxTensor(llvm::StringRef path);

/// Parses the bytes of a serialized onnx.TensorProto (for readOnnxTensor and
/// tests).
llvm::Expected<RealArray> parseOnnxTensor(llvm::StringRef bytes);

/// Reads a .npy file (recognized by its magic string) or an ONNX TensorProto
/// (a file named *.pb).
llvm::Expected<RealArray> readTensorFile(llvm::StringRef path);

/// Writes `tensor` as a .npy file (version 1.0, C order): float32 tensors as
/// '<f4'; fixed-point tensors as their real values in '<f8' (exact for
/// formats of up to 53 bits, which covers every raw a double can hold).
llvm::Error writeNpy(llvm::StringRef path, const Tensor &tensor);

/// The bytes writeNpy writes.
std::string npyBytes(const Tensor &tensor);

/// Prints the values of `tensor` as nested brackets, one innermost row per
/// line (like NumPy), each value in the shortest form that reads back to
/// the same float32 (float tensors) or double (fixed-point real values).
void printValues(llvm::raw_ostream &os, const Tensor &tensor);

} // namespace nn::interp

#endif // NN_INTERPRETER_TENSORIO_H
