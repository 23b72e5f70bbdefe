//===- NNInterfaces.td - nn op interfaces ------------------*- tablegen -*-===//

#ifndef NN_DIALECT_NN_IR_NNINTERFACES_TD
#define NN_DIALECT_NN_IR_NNINTERFACES_TD

include "mlir/IR/OpBase.td"

def NN_MultiplierOpInterface : OpInterface<"MultiplierOpInterface"> {
  let cppNamespace = "::nn";
  let description = [{
    An op whose hardware is an array of multipliers: `nn.dense` and
    `nn.conv`. Multiplications are counted as hls4ml counts them, per
    application of the layer's kernel: `n_in * n_out` products, with
    `n_in` = K and `n_out` = M for a dense layer, and, for a convolution,
    `n_in` = C/group * prod(kernel) and `n_out` = M (the products of one
    output position: hls4ml's `get_layer_mult_size`, which uses
    `n_chan * filt_height * filt_width` and `n_filt`). The kernel is applied
    `getNumPositions()` times per sample (every output position of a
    convolution, every leading index of a dense layer's input).

    The reuse factor R (`nn.reuse_factor`, default 1) and the strategy
    (`nn.strategy`, "latency" or "resource", default "latency") are
    discardable attributes verified by the dialect; R leaves
    `ceil(n_in * n_out / R)` multipliers. The valid reuse factors are those
    of nn/Support/ReuseFactor.h (hls4ml's rule for the resource strategy,
    divisors of `n_in * n_out` for the latency strategy).
  }];
  let methods = [
    InterfaceMethod<"Inputs of one kernel application (hls4ml's n_in).",
      "int64_t", "getMultiplierInputs">,
    InterfaceMethod<"Outputs of one kernel application (hls4ml's n_out).",
      "int64_t", "getMultiplierOutputs">,
    InterfaceMethod<"How many times the kernel is applied (per sample).",
      "int64_t", "getNumPositions">,
    InterfaceMethod<"Products of one kernel application: n_in * n_out.",
      "int64_t", "getNumMultiplications", (ins), [{}], [{
        return $_op.getMultiplierInputs() * $_op.getMultiplierOutputs();
      }]>,
    InterfaceMethod<"The reuse factor (`nn.reuse_factor`, default 1).",
      "int64_t", "getReuseFactor", (ins), [{}], [{
        if (auto attr = $_op->template getAttrOfType<::mlir::IntegerAttr>(
                ::nn::kReuseFactorAttrName))
          return attr.getInt();
        return 1;
      }]>,
    InterfaceMethod<"The strategy (`nn.strategy`, default latency).",
      "::nn::reuse::Strategy", "getStrategy", (ins), [{}], [{
        if (auto attr = $_op->template getAttrOfType<::mlir::StringAttr>(
                ::nn::kStrategyAttrName))
          if (auto parsed = ::nn::reuse::parseStrategy(attr.getValue()))
            return *parsed;
        return ::nn::reuse::Strategy::Latency;
      }]>,
    InterfaceMethod<[{
        The valid reuse factors for the op's strategy, ascending.
      }],
      "std::vector<int64_t>", "getValidReuseFactors", (ins), [{}], [{
        return ::nn::reuse::validReuseFactors($_op.getMultiplierInputs(),
                                              $_op.getMultiplierOutputs(),
                                              $_op.getStrategy());
      }]>,
    InterfaceMethod<"Multipliers left by the reuse factor: ceil(N / R).",
      "int64_t", "getNumMultipliers", (ins), [{}], [{
        return ::nn::reuse::numMultipliers($_op.getNumMultiplications(),
                                           $_op.getReuseFactor());
      }]>,
  ];
}

// hls4ml's layer-class names for an op: the LayerType keys of a configuration
// that apply to it (docs/Quantization.md, "Layer types"). One list, kept by
// the ops: each names its classes with NN_Hls4mlLayer in its definition.
def NN_Hls4mlLayerInterface : OpInterface<"Hls4mlLayerInterface"> {
  let cppNamespace = "::nn";
  let description = [{
    An op that is a layer hls4ml configurations can address by type. Its
    class names come most specific first: the Keras class hls4ml users
    write (`ReLU`, `MaxPooling2D`, `Add`), then hls4ml's generic class
    (`Activation`, `Pooling2D`, `Merge`). A `#` stands for the op's number
    of spatial dimensions (`Conv#D`: `Conv1D` or `Conv2D`); such a name
    does not apply to other ranks.
  }];
  let methods = [
    StaticInterfaceMethod<"hls4ml's class names, most specific first.",
      "::llvm::ArrayRef<::llvm::StringLiteral>", "getHls4mlLayerTypes">,
  ];
}

// The static method NN_Hls4mlLayerInterface calls, returning `names`.
class NN_Hls4mlLayerNames<list<string> names>
    : NativeOpTrait<"Hls4mlLayer", [], [{
      static ::llvm::ArrayRef<::llvm::StringLiteral> getHls4mlLayerTypes() {
        static constexpr ::llvm::StringLiteral names[] = {}] #
        !interleave(!foreach(name, names,
                             "::llvm::StringLiteral(\"" # name # "\")"),
                    ", ") # [{};
        return names;
      }
    }]> {
  assert !not(!empty(names)), "NN_Hls4mlLayer needs at least one name";
  let cppNamespace = "::nn::OpTrait";
}

// Joins an op to NN_Hls4mlLayerInterface with these class names.
class NN_Hls4mlLayer<list<string> names>
    : TraitList<[NN_Hls4mlLayerInterface, NN_Hls4mlLayerNames<names>]>;

#endif // NN_DIALECT_NN_IR_NNINTERFACES_TD
