//===- GraphImporter.h - ONNX graph to nn ops (internal) --------*- C++ -*-===//
//
// The state of one graph import and the view of one node that each op
// importer (OpImporters.cpp) works with. Not installed: libonnx types stay
// out of the public headers.
//
//===----------------------------------------------------------------------===//

#ifndef NN_LIB_TARGET_ONNX_GRAPHIMPORTER_H
#define NN_LIB_TARGET_ONNX_GRAPHIMPORTER_H

#include "nn/Dialect/NN/IR/NNTypes.h"
#include "nn/Target/ONNX/ImportONNX.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include <deque>
#include <map>

#include "onnx/onnx_pb.h"

namespace nn::onnx_import {

class GraphImporter;

/// One ONNX node during import: its inputs as values or constants, its
/// attributes with ONNX's defaults, and its inferred output types.
class NodeContext {
public:
  NodeContext(GraphImporter &graph, const onnx::NodeProto &node,
              mlir::Location loc);

  const onnx::NodeProto &node() const { return nodeProto; }
  mlir::Location getLoc() const { return loc; }
  mlir::OpBuilder &builder();

  /// An error at the node's location, prefixed with its name and op type.
  mlir::InFlightDiagnostic emitError();

  /// Whether input `i` is given (ONNX marks a skipped optional input with an
  /// empty name).
  bool hasInput(unsigned i) const;
  /// Input `i` as a value; constants become nn.constant ops on first use.
  mlir::FailureOr<mlir::Value> input(unsigned i);
  /// Input `i` when it is an initializer or a Constant node's output.
  const onnx::TensorProto *constantInput(unsigned i) const;
  /// The integer contents of constant input `i` (shapes, pads, axes...).
  mlir::FailureOr<llvm::SmallVector<int64_t>> constantInts(unsigned i,
                                                           llvm::StringRef what);
  /// The float contents of constant input `i` (scalars such as Clip bounds).
  mlir::FailureOr<std::vector<float>> constantFloats(unsigned i,
                                                     llvm::StringRef what);

  /// The static float32 tensor type shape inference gave output `i`.
  mlir::FailureOr<mlir::RankedTensorType> outputType(unsigned i = 0);
  /// Binds output `i` of the node to `value`.
  void setOutput(unsigned i, mlir::Value value);
  /// Whether output `i` exists and something reads it.
  bool isOutputUsed(unsigned i) const;

  bool hasAttr(llvm::StringRef name) const;
  int64_t getInt(llvm::StringRef name, int64_t defaultValue) const;
  float getFloat(llvm::StringRef name, float defaultValue) const;
  std::string getString(llvm::StringRef name,
                        llvm::StringRef defaultValue) const;
  std::optional<llvm::SmallVector<int64_t>> getInts(llvm::StringRef name) const;
  std::optional<std::vector<float>> getFloats(llvm::StringRef name) const;
  /// How many node inputs and graph outputs read input `i`'s value.
  unsigned inputUseCount(unsigned i) const;
  GraphImporter &getGraph() { return graph; }
  const onnx::AttributeProto *getAttr(llvm::StringRef name) const;

private:
  GraphImporter &graph;
  const onnx::NodeProto &nodeProto;
  mlir::Location loc;
};

using OpImportFn = mlir::LogicalResult (*)(NodeContext &);

/// The importers by ONNX op type (default domain only).
const llvm::StringMap<OpImportFn> &getOpImporters();

/// Imports one (already checked, converted and shape-inferred) graph.
class GraphImporter {
public:
  GraphImporter(mlir::MLIRContext *context, onnx::ModelProto &model,
                llvm::StringRef fileName, const OnnxImportOptions &options);

  mlir::OwningOpRef<mlir::ModuleOp> run();

  // For NodeContext.
  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::FailureOr<mlir::Value> lookupValue(const std::string &name,
                                           mlir::Location useLoc);
  const onnx::TensorProto *lookupConstant(const std::string &name) const;
  const onnx::TypeProto *lookupType(const std::string &name) const;
  void bindValue(const std::string &name, mlir::Value value);
  /// Erases an op the importer replaced (it must have no uses) and drops
  /// every name bound to its results: a stale binding would dangle, and an
  /// op created later at the same address would count it as its own name
  /// (countNamesBoundTo), which kept some MatMul + Add pairs of a model
  /// from folding.
  void eraseOp(mlir::Operation *op);
  bool isUsed(const std::string &name) const { return useCount.count(name); }
  /// How many ONNX names are bound to `value` (Identity and Dropout give a
  /// value further names).
  unsigned countNamesBoundTo(mlir::Value value) const {
    unsigned count = 0;
    for (const auto &entry : values)
      count += entry.getValue() == value;
    return count;
  }
  unsigned getUseCount(const std::string &name) const {
    auto it = useCount.find(name);
    return it == useCount.end() ? 0 : it->second;
  }
  /// A tensor the importer makes (from a Constant node's scalar attributes);
  /// it lives as long as the importer.
  onnx::TensorProto &addSyntheticConstant(const std::string &name) {
    onnx::TensorProto &tensor = syntheticConstants.emplace_back();
    tensor.set_name(name);
    constants[name] = &tensor;
    return tensor;
  }
  /// An nn.constant holding `data` (computed by the importer, e.g. a
  /// transposed Gemm weight), inline or as a blob as for initializers.
  mlir::Value createFloatConstant(mlir::Location loc, llvm::StringRef name,
                                  llvm::ArrayRef<int64_t> shape,
                                  llvm::ArrayRef<float> data);
  void addConstant(const std::string &name, const onnx::TensorProto *tensor) {
    constants[name] = tensor;
  }
  llvm::StringRef getModelDir() const { return modelDir; }

  /// A QuantizeLinear output waiting for its DequantizeLinear
  /// (QDQImporters.cpp): the quantized tensor and the parameters.
  struct PendingQuantize {
    std::string node;              ///< "node 'q' (QuantizeLinear)" for messages
    std::string input;             ///< the name of the quantized tensor
    mlir::Value value;             ///< its value, unless it is a constant
    std::vector<float> scales;     ///< one (per tensor) or one per channel
    std::vector<int64_t> zeroPoints;
    int64_t axis = 1;
    int32_t dataType = 0;          ///< INT8 or UINT8
  };
  llvm::StringMap<PendingQuantize> &getPendingQuantize() {
    return pendingQuantize;
  }
  /// Records the fixed-point type a dequantized constant tensor `name`
  /// stands for; every nn.constant made from it whose values the type holds
  /// exactly gets the attribute nn.qdq_type.
  void setConstantHint(const std::string &name, mlir::Type type) {
    constantHints[name] = type;
  }
  mlir::Location fileLoc() const { return fileLocation; }

private:
  mlir::FailureOr<mlir::func::FuncOp> createFunction(mlir::ModuleOp module);

  onnx::ModelProto &model;
  OnnxImportOptions options;
  std::string modelDir;
  mlir::Location fileLocation;
  mlir::OpBuilder builder;
  llvm::StringMap<mlir::Value> values;
  llvm::StringMap<const onnx::TensorProto *> constants;
  llvm::StringMap<const onnx::TypeProto *> types;
  llvm::StringMap<unsigned> useCount;
  std::deque<onnx::TensorProto> syntheticConstants;
  llvm::StringMap<PendingQuantize> pendingQuantize;
  llvm::StringMap<mlir::Type> constantHints;
  void attachConstantHint(mlir::Operation *constant, llvm::StringRef name,
                          llvm::ArrayRef<float> values);
};

/// The importer of LayerNormalization (LayerImporters.cpp).
mlir::LogicalResult importLayerNormalization(NodeContext &ctx);
/// The importer of ConvTranspose, as a dense layer
/// (LinearMapImporters.cpp).
mlir::LogicalResult importConvTranspose(NodeContext &ctx);
/// The importer of Resize in mode linear (bilinear upsampling), as a dense
/// layer (LinearMapImporters.cpp).
mlir::LogicalResult importLinearResize(NodeContext &ctx);
/// The importers of RNN, GRU and LSTM (RecurrentImporters.cpp).
mlir::LogicalResult importRNN(NodeContext &ctx);
mlir::LogicalResult importGRU(NodeContext &ctx);
mlir::LogicalResult importLSTM(NodeContext &ctx);

/// Embeddings (EmbeddingImporter.cpp): whether `node` is a Gather (axis 0)
/// of an initializer table by a graph input, the one form nn imports (as
/// nn.embedding) and the only reader an integer graph input may have.
bool isEmbeddingGather(const onnx::NodeProto &node,
                       const onnx::GraphProto &graph);
/// Whether an ONNX data type is an integer type (INT8 to UINT64).
bool isIntegerDataType(int32_t type);
/// Rejects an integer graph input read by anything but embeddings, naming
/// the input and the node.
mlir::LogicalResult checkIntegerGraphInput(const onnx::GraphProto &graph,
                                           const onnx::ValueInfoProto &info,
                                           mlir::Location fileLoc);
/// The importer of Gather: an embedding (nn.embedding).
mlir::LogicalResult importGather(NodeContext &ctx);

/// The importers of QuantizeLinear and DequantizeLinear (QDQImporters.cpp).
mlir::LogicalResult importQuantizeLinear(NodeContext &ctx);
mlir::LogicalResult importDequantizeLinear(NodeContext &ctx);

/// Removes each Cast of a QuantizeLinear output to the integer type it
/// already has (PyTorch's eager-mode quantized export writes one between
/// every QuantizeLinear and DequantizeLinear): its readers read the
/// QuantizeLinear output. Runs before checkModel, which would reject a
/// Cast of the network's data as a shape computation; it reads names and
/// attributes only, so it is safe on a model not yet checked.
void dropQuantizedCasts(onnx::ModelProto &model);
/// Rewrites PyTorch's `y[:, -1]` of a forward RNN/GRU/LSTM's sequence into
/// a Reshape of the layer's Y_h (RecurrentPatterns.cpp). Like
/// dropQuantizedCasts it runs before checkModel and reads names,
/// attributes and small inline constants only.
void useRecurrentLastState(onnx::ModelProto &model);

/// What the QDQ and QONNX importers share (QDQImporters.cpp): a quantizer
/// with a power-of-two scale and no offset is an nn.qdq_type, recorded on a
/// constant or on the producer of an activation.
/// "node 'name' (OpType)", or "node producing 'out' (OpType)".
std::string describeQuantizer(NodeContext &ctx);
/// The warning for a quantizer without a fixed-point equivalent.
void warnNoFixedType(NodeContext &ctx, const std::string &reason,
                     const char *what);
/// The range of `bits`-bit integers, two's complement or unsigned.
std::pair<int64_t, int64_t> integerRange(int64_t bits, bool isSigned);
/// The narrowest type holding exactly every integer of ranges[c] scaled by
/// 2^exponents[c] (per channel; a range shifted by a zero point is an
/// exact offset), or a null type and `reason` (more than 64 bits).
FixedType scaledRangeType(mlir::MLIRContext *context,
                          llvm::ArrayRef<int> exponents,
                          llvm::ArrayRef<std::pair<int64_t, int64_t>> ranges,
                          std::string &reason);
/// The type of `bits`-bit integers scaled by 2^exponents[c] (per channel),
/// or a null type and `reason`.
FixedType scaledIntegerType(mlir::MLIRContext *context,
                            llvm::ArrayRef<int> exponents, int64_t bits,
                            bool isSigned, std::string &reason);
/// A quantized value (an integer times its scale, computed exactly) as the
/// float32 of an nn.constant: the nearest float, except where that float
/// lies outside [bottom, top], the quantizer's range. Above 24 bits float32
/// cannot hold every integer, and rounding past the end of the range would
/// wrap in the recorded type: the nearest float inside is taken.
float quantizedFloat(double value, double bottom, double top);
/// Binds output 0 to a float32 constant of `values` with nn.qdq_type =
/// `type`, or, for a null type, warns with `reason` about `what`.
void bindQuantizedConstant(NodeContext &ctx, llvm::ArrayRef<int64_t> shape,
                           const std::vector<float> &values, FixedType type,
                           const std::string &reason, const char *what);
/// Records `type` as nn.qdq_type of the op producing `value` (looking
/// through reshape/flatten/transpose) or of the function argument; a value
/// given two types is an error.
mlir::LogicalResult recordActivationType(NodeContext &ctx, mlir::Value value,
                                         FixedType type);

/// QONNX's quantizers (QONNXImporters.cpp): Quant/IntQuant, BipolarQuant
/// and Trunc of the domains Brevitas and QKeras (via qonnx) write.
bool isQonnxDomain(llvm::StringRef domain);
/// The importers by op type for nodes of a QONNX domain.
const llvm::StringMap<OpImportFn> &getQonnxImporters();

/// Converts a float32 ONNX tensor to the value of an nn.constant: inline
/// dense<> up to `inlineLimit` elements, a dense_resource blob beyond (the
/// raw bytes are copied into the blob as one block).
mlir::FailureOr<mlir::ElementsAttr>
convertTensor(const onnx::TensorProto &tensor, mlir::RankedTensorType type,
              int64_t inlineLimit, llvm::StringRef modelDir,
              llvm::function_ref<mlir::InFlightDiagnostic()> emitError);

/// `bytes` (float32 elements) as dense<> or, beyond `inlineLimit` elements,
/// as a dense_resource blob keyed after `name`.
mlir::ElementsAttr makeFloatElementsAttr(mlir::RankedTensorType type,
                                         llvm::StringRef name,
                                         llvm::ArrayRef<char> bytes,
                                         int64_t inlineLimit);

/// Reads integers (INT64/INT32/...) or floats from a small constant tensor.
mlir::FailureOr<llvm::SmallVector<int64_t>>
readTensorInts(const onnx::TensorProto &tensor, llvm::StringRef modelDir,
               llvm::function_ref<mlir::InFlightDiagnostic()> emitError);
mlir::FailureOr<std::vector<float>>
readTensorFloats(const onnx::TensorProto &tensor, llvm::StringRef modelDir,
                 llvm::function_ref<mlir::InFlightDiagnostic()> emitError);

/// ONNX's name of a TensorProto data type, for diagnostics.
llvm::StringRef dataTypeName(int32_t dataType);

/// The layer name of each node of `graph` (in order): for nodes named as
/// torch.onnx.export names them, the PyTorch module path (`/fc1/Gemm` ->
/// `fc1`); otherwise the node's name, or its first output's when unnamed
/// (LayerNames.cpp).
std::vector<std::string> getLayerNames(const onnx::GraphProto &graph);

/// "op type 'X' (domain 'ai.onnx', opset 17) is not supported; supported op
/// types: ...", for an op type without an importer.
std::string describeUnsupportedOp(llvm::StringRef opType);

/// The dimensions of a value whose type gives every one of them.
std::optional<std::vector<int64_t>>
getStaticDims(const onnx::ValueInfoProto &info);

/// The shapes known before shape inference: initializers, Constant nodes'
/// tensors and graph inputs whose every dimension is given.
std::map<std::string, std::vector<int64_t>>
getStaticShapes(const onnx::GraphProto &graph);

/// "node 'name' (OpType)", or for an unnamed node "node producing 'out'
/// (OpType)": how diagnostics name a node.
std::string describeNode(const onnx::NodeProto &node);

/// Bytes per element of an ONNX data type; 0 for STRING and unknown codes.
size_t dataTypeSize(int32_t dataType);

/// Where an external-data tensor's bytes are: a regular file inside the
/// model's directory (symbolic links followed), and a byte range that lies
/// inside it.
struct ExternalData {
  std::string path; ///< canonical
  uint64_t offset = 0;
  std::optional<uint64_t> length; ///< set on success
};
mlir::FailureOr<ExternalData>
resolveExternalData(const onnx::TensorProto &tensor, llvm::StringRef modelDir,
                    llvm::function_ref<mlir::InFlightDiagnostic()> emitError);

/// Checks the parsed model before libonnx or the importer use it: the
/// graph's wiring, tensor sizes and data against each other and the limits
/// of `options`, external data locations, and attribute ranges that shape
/// inference relies on (ModelChecks.cpp).
mlir::LogicalResult checkModel(const onnx::ModelProto &model,
                               llvm::StringRef modelDir,
                               const OnnxImportOptions &options,
                               mlir::Location fileLoc);

/// Whether nn imports the op type only by evaluating it at import (Shape,
/// Gather, Slice, Cast...: shape computations; ShapeFolding.cpp).
bool isFoldOnlyOp(llvm::StringRef opType);
/// Those op types, sorted (for messages).
llvm::ArrayRef<const char *> getFoldOnlyOpTypes();

/// Rejects, before libonnx runs, a node of a fold-only op type that reads a
/// value no shape computation gives (the network's data, a layer's output),
/// naming the node and the input.
mlir::LogicalResult checkShapeComputations(const onnx::GraphProto &graph,
                                           mlir::Location fileLoc);

/// Writes "node '...' (Op): input 'x' <reason>; nn evaluates shape
/// computations..." (the advice to export with static shapes) to `diag`.
void describeUnfoldableInput(mlir::InFlightDiagnostic &diag,
                             const onnx::NodeProto &node,
                             llvm::StringRef input, llvm::StringRef reason);

/// Evaluates the shape computations of the shape-inferred `model` (those of
/// fold-only op types, and layers on integer tensors) and replaces them with
/// initializers; sets `changed` when it did. A node whose evaluation fails
/// is an error naming it. A fold-only node whose inputs are not known (it
/// reads the network's data, or a shape inference has not given yet) is
/// skipped, or with `reportUnfoldable` an error naming it
/// (ShapeFolding.cpp).
mlir::LogicalResult foldShapeComputations(onnx::ModelProto &model,
                                          llvm::StringRef modelDir,
                                          mlir::Location fileLoc,
                                          bool reportUnfoldable,
                                          bool &changed);

/// Replaces the node chains PyTorch exports for one layer that opset 17
/// has no op for (GELU's erf and tanh forms; HardSwish below opset 14) with
/// one node of the op ONNX defines for it (Gelu, HardSwish), named after
/// the chain's last node; returns how many (LayerPatterns.cpp).
int recognizeLayerPatterns(onnx::ModelProto &model, llvm::StringRef modelDir);

/// Whether the op type has no importer of its own and is imported only as
/// part of such a chain (Erf, Pow, Sqrt); checkModel lets it through.
bool isPatternOnlyOp(llvm::StringRef opType);

} // namespace nn::onnx_import

#endif // NN_LIB_TARGET_ONNX_GRAPHIMPORTER_H
