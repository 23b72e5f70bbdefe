//===- LowerStream.cpp - the io_stream form of --nn-lower-to-loops --------===//
//
// --nn-lower-to-hls="io-type=stream" (docs/Lowering.md, "io_stream";
// docs/Decisions.md says why this form): the function becomes a DATAFLOW
// region whose top-level loops are its processes, one per layer, plus one
// per input port (array -> FIFO) and one per output port (FIFO -> array).
// Processes talk through FIFOs of packed channel vectors (one pixel's
// channels per transfer, as hls4ml's io_stream): memref<P x C x T> buffers
// marked nn.hls.stream_depth, written and read only by nn.fx.stream_write /
// nn.fx.stream_read. A value with several consumers is written to one FIFO
// per consumer (fan-out duplicates the stream); a merge (add, concat) reads
// one FIFO per operand. Inside a process the layer is lowered exactly as in
// io_parallel (same loops, casts and directives), between a loop reading
// its input FIFOs into local buffers and a loop writing its result out, so
// both forms compute the same bits. Convs (1-D, 2-D) and max/avg pools
// instead slide over a line buffer (slideWindow) and emit each output pixel
// when its window is complete, with io_parallel's dot product (emitDot) or
// window reduction (poolWindow): the same bits again.
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"
#include "nn/Conversion/StreamSchedule.h"

#include "mlir/IR/IntegerSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

namespace {

/// A tensor on a stream: dimension 1 holds the channels (the whole tensor
/// of rank 1, one element of rank 0), every other dimension is a pixel
/// dimension, in row-major order.
struct Packing {
  int channelAxis = -1;
  int64_t channels = 1;
  SmallVector<int64_t> pixelDims;
  int64_t pixels = 1;
};

Packing packingOf(ArrayRef<int64_t> shape) {
  Packing p;
  if (shape.empty())
    return p;
  p.channelAxis = shape.size() == 1 ? 0 : 1;
  p.channels = shape[p.channelAxis];
  for (auto [axis, d] : llvm::enumerate(shape))
    if (int(axis) != p.channelAxis) {
      p.pixelDims.push_back(d);
      p.pixels *= d;
    }
  return p;
}

/// The indices of element (pixel ivs d0.., channel d<n>) of the tensor.
SmallVector<AffineExpr> elementExprs(MLIRContext *context, const Packing &p,
                                     unsigned rank) {
  SmallVector<AffineExpr> exprs;
  unsigned pixel = 0, numPixelDims = p.pixelDims.size();
  for (unsigned axis = 0; axis < rank; ++axis)
    exprs.push_back(int(axis) == p.channelAxis
                        ? getAffineDimExpr(numPixelDims, context)
                        : getAffineDimExpr(pixel++, context));
  return exprs;
}

/// A sliding window over a 1-D or 2-D input of C channels seen as rows x
/// columns of pixels. A 1-D signal is one column (a pixel per row), so its
/// line buffer is a shift register over the kernel's span and each row
/// completes one output pixel.
struct Window {
  int64_t c = 1, h = 1, w = 1, kh = 1, kw = 1, sy = 1, sx = 1, dy = 1, dx = 1,
          padTop = 0, padLeft = 0, paddedH = 1, paddedW = 1, outW = 1;
  /// The rows one window spans: the line buffer holds that many padded
  /// rows, row r in slot r mod rows.
  int64_t rows() const { return (kh - 1) * dy + 1; }
  /// The line-buffer indices of channel `ch`, window tap (i, j) of the
  /// output pixel whose window ends at row `r`, column `ox`: the window's
  /// row i is padded row r - (rows - 1) + i * dy.
  SmallVector<AffineExpr> tap(AffineExpr ch, AffineExpr i, AffineExpr j,
                              AffineExpr r, AffineExpr ox) const {
    return {ch, (r - (rows() - 1) + i * dy) % rows(), ox * sx + j * dx};
  }
};

/// The window of an input of shape [1, C, spatial...] (1 or 2 spatial
/// axes) and its output: kernel, strides, dilations and begin pads per
/// axis, `padded` the extent of each axis the windows read.
Window windowOf(ArrayRef<int64_t> in, ArrayRef<int64_t> out,
                ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                ArrayRef<int64_t> dilations, ArrayRef<int64_t> padBegin,
                ArrayRef<int64_t> padded) {
  Window g;
  g.c = in[1];
  g.h = in[2];
  g.kh = kernel[0];
  g.sy = strides[0];
  g.dy = dilations[0];
  g.padTop = padBegin[0];
  g.paddedH = padded[0];
  if (in.size() == 4) {
    g.w = in[3];
    g.kw = kernel[1];
    g.sx = strides[1];
    g.dx = dilations[1];
    g.padLeft = padBegin[1];
    g.paddedW = padded[1];
    g.outW = out[3];
  }
  return g;
}

class StreamLowering {
public:
  StreamLowering(FunctionLowering &l) : l(l), context(l.context) {}

  LogicalResult run(Block &oldBody);

private:
  /// The FIFOs of `value`, one per consumer, at the end of the function.
  LogicalResult makeFifos(Value value, StringRef producer, Location loc);
  /// A one-trip affine.for named <name>_proc at the end of the function;
  /// l.builder is set inside it.
  void beginProcess(StringRef name, Location loc);
  /// The pixel loops of `shape` around a packed vector `vec`; `body` gets
  /// the builder inside the pixel loops and their induction variables.
  /// Returns failure (an error naming `layer`) when one transfer would be
  /// wider than max-partition elements.
  LogicalResult pixelLoops(
      ShapedType type, StringRef layer, StringRef role, Location loc,
      function_ref<void(OpBuilder &, Value vec, ArrayRef<Value> ivs,
                        const Packing &)>
          body);
  /// The channel loop of one transfer: unrolled when it may be.
  void channelLoop(OpBuilder &b, const Packing &p, StringRef layer,
                   StringRef role, Location loc,
                   function_ref<void(OpBuilder &, Value c)> body);
  LogicalResult writeStream(Value source, ArrayRef<Value> fifos,
                            StringRef layer, Location loc);
  LogicalResult readStream(Value fifo, Value dest, StringRef layer,
                           Location loc);
  /// The error of a transfer wider than max-partition channels.
  LogicalResult checkTransfer(ShapedType type, StringRef layer, Location loc);
  /// A 1-D or 2-D conv of one sample with constant weights, or a max/avg
  /// pool of one sample, consumes its input pixel by pixel through a line
  /// buffer (hls4ml's io_stream conv and pool).
  static bool lineBuffered(Operation &op);
  /// A completely partitioned buffer <layer>_<role>.
  Value buffer(StringRef layer, StringRef role, ArrayRef<int64_t> shape,
               FixedType type, Location loc);
  /// The line buffer <layer>_linebuf of `g` and the vector <layer>_rd one
  /// transfer is read into.
  std::pair<Value, Value> lineBuffer(StringRef layer, const Window &g,
                                     FixedType xT, Location loc);
  /// The loops reading `fifo` through the line buffer: padding positions
  /// hold the raw `padRaw`; after the last row of each output row's windows,
  /// `body` builds one output pixel inside the loop <layer>_ox, given the
  /// input row r and the loop.
  void slideWindow(
      StringRef layer, const Window &g, Value fifo,
      std::pair<Value, Value> buffers, FixedType xT, int64_t padRaw,
      Location loc,
      function_ref<void(OpBuilder &, Value r, affine::AffineForOp oxLoop)>
          body);
  LogicalResult lowerLineBufferedConv(ConvOp op, StringRef layer, Value fifo,
                                      ArrayRef<Value> outs);
  LogicalResult lowerLineBufferedPool(Operation *op, StringRef layer,
                                      Value fifo, ArrayRef<Value> outs);

  FunctionLowering &l;
  MLIRContext *context;
  /// The FIFOs of each value, by consumer (an op, or a return position
  /// encoded as the return op with the operand index).
  llvm::DenseMap<std::pair<Value, Operation *>, Value> opFifos;
  llvm::DenseMap<Value, SmallVector<Value>> allFifos;
  SmallVector<Value> outFifos;
  Operation *ret = nullptr;
};

} // namespace

LogicalResult StreamLowering::makeFifos(Value value, StringRef producer,
                                        Location loc) {
  auto type = llvm::cast<ShapedType>(value.getType());
  Packing p = packingOf(type.getShape());
  SmallVector<std::pair<Operation *, unsigned>> consumers;
  for (Operation *user : value.getUsers())
    if (user != ret && !llvm::is_contained(llvm::make_first_range(consumers),
                                           user))
      consumers.push_back({user, 0});
  // Ops in program order (the order of the uses list is unspecified).
  llvm::sort(consumers, [&](auto a, auto b) {
    return l.opIndex.lookup(a.first) < l.opIndex.lookup(b.first);
  });
  for (OpOperand &use : ret->getOpOperands())
    if (use.get() == value)
      consumers.push_back({ret, use.getOperandNumber()});
  auto fifoType = MemRefType::get({p.pixels, p.channels}, type.getElementType());
  for (auto [i, consumer] : llvm::enumerate(consumers)) {
    std::string name = producer.str() + "_out";
    if (consumers.size() > 1)
      name += std::to_string(i);
    auto alloc = memref::AllocOp::create(
        l.builder, NameLoc::get(StringAttr::get(context, identifier(name)), loc),
        fifoType);
    l.setName(alloc, name);
    // A first depth that can never deadlock (the whole tensor); the
    // schedule simulation below replaces it.
    alloc->setAttr(kHlsStreamDepthAttr,
                   l.builder.getI64IntegerAttr(std::max<int64_t>(p.pixels, 1)));
    Value fifo = alloc.getResult();
    if (consumer.first == ret)
      outFifos[consumer.second] = fifo;
    else
      opFifos[{value, consumer.first}] = fifo;
    allFifos[value].push_back(fifo);
  }
  return success();
}

void StreamLowering::beginProcess(StringRef name, Location loc) {
  Block *entry = &l.newFunc.getBody().front();
  l.builder.setInsertionPointToEnd(entry);
  auto loop = affine::AffineForOp::create(
      l.builder, NameLoc::get(StringAttr::get(context, identifier(name) + "_proc"),
                              loc),
      0, 1);
  l.setName(loop, name.str() + "_proc");
  l.builder.setInsertionPoint(loop.getBody()->getTerminator());
}

void StreamLowering::channelLoop(OpBuilder &b, const Packing &p,
                                 StringRef layer, StringRef role, Location loc,
                                 function_ref<void(OpBuilder &, Value)> body) {
  auto loop = l.namedLoop(b, layer, role, p.channels);
  if (hls::unrollsCompletely(p.channels, l.limits))
    l.setUnroll(loop);
  else
    l.setPipeline(loop, 1);
  OpBuilder inner(loop.getBody()->getTerminator());
  body(inner, loop.getInductionVar());
}

LogicalResult StreamLowering::pixelLoops(
    ShapedType type, StringRef layer, StringRef role, Location loc,
    function_ref<void(OpBuilder &, Value, ArrayRef<Value>, const Packing &)>
        body) {
  Packing p = packingOf(type.getShape());
  if (failed(checkTransfer(type, layer, loc)))
    return failure();
  auto vecType = MemRefType::get({p.channels}, type.getElementType());
  auto vec = memref::AllocOp::create(
      l.builder, NameLoc::get(StringAttr::get(context, identifier(layer) + "_" +
                                                           role.str())),
      vecType);
  l.setName(vec, layer.str() + "_" + role.str());
  l.setPartition(vec, "complete");
  bool unrollChannels = hls::unrollsCompletely(p.channels, l.limits);
  SmallVector<Value> ivs;
  Operation *innermost = nullptr;
  l.loopNest(p.pixelDims, layer, (role + "_px").str(), /*unroll=*/false,
             [&](OpBuilder &b, ArrayRef<Value> loopIvs) {
               if (!loopIvs.empty())
                 innermost = llvm::cast<BlockArgument>(loopIvs.back())
                                 .getOwner()
                                 ->getParentOp();
               body(b, vec, loopIvs, p);
             });
  // One pixel per cycle when the channels unroll; otherwise the channel
  // loop is the pipeline.
  if (innermost && unrollChannels)
    l.setPipeline(innermost, 1);
  return success();
}

LogicalResult StreamLowering::checkTransfer(ShapedType type, StringRef layer,
                                            Location loc) {
  Packing p = packingOf(type.getShape());
  if (p.channels <= l.limits.maxPartition)
    return success();
  return emitError(loc, "io_stream: a transfer of '")
         << layer << "' would carry " << p.channels << " channels (one pixel of "
         << MemRefType::get(type.getShape(), type.getElementType())
         << "), more than " << l.limits.maxPartition
         << " (max-partition): the packed vector cannot be registers";
}

bool StreamLowering::lineBuffered(Operation &op) {
  if (!llvm::isa<ConvOp, MaxPoolOp, AvgPoolOp>(op))
    return false;
  auto inType = llvm::cast<ShapedType>(op.getOperand(0).getType());
  if ((inType.getRank() != 3 && inType.getRank() != 4) ||
      inType.getDimSize(0) != 1 || op.getOperand(0).getDefiningOp<ConstantOp>())
    return false;
  if (auto conv = llvm::dyn_cast<ConvOp>(op))
    return conv.getWeight().getDefiningOp<ConstantOp>() &&
           (!conv.getBias() || conv.getBias().getDefiningOp<ConstantOp>());
  // A max pool's window wholly in the padding is R's lowest value, not a
  // maximum over the buffer: such pools keep the whole-tensor process.
  PoolGeometry g = poolGeometry(&op);
  return !(g.isMax && g.hasEmptyWindow());
}

Value StreamLowering::buffer(StringRef layer, StringRef role,
                             ArrayRef<int64_t> shape, FixedType type,
                             Location loc) {
  std::string name = layer.str() + "_" + role.str();
  auto alloc = memref::AllocOp::create(
      l.builder, NameLoc::get(StringAttr::get(context, identifier(name))),
      MemRefType::get(shape, type));
  l.setName(alloc, name);
  l.partitionBuffer(alloc, layer, loc);
  return alloc.getResult();
}

std::pair<Value, Value> StreamLowering::lineBuffer(StringRef layer,
                                                   const Window &g,
                                                   FixedType xT, Location loc) {
  Value lineBuf = buffer(layer, "linebuf", {g.c, g.rows(), g.paddedW}, xT, loc);
  return {lineBuf, buffer(layer, "rd", {g.c}, xT, loc)};
}

void StreamLowering::slideWindow(
    StringRef layer, const Window &g, Value fifo,
    std::pair<Value, Value> buffers, FixedType xT, int64_t padRaw, Location loc,
    function_ref<void(OpBuilder &, Value, affine::AffineForOp)> body) {
  auto [lineBuf, inVec] = buffers;
  const int64_t rows = g.rows();
  Packing in;
  in.channels = g.c;
  // Rows of the padded input, one column per cycle: a pixel inside the
  // input is read from the stream, a padding position is padRaw.
  auto rowLoop = l.namedLoop(l.builder, layer, "lb_row", g.paddedH);
  OpBuilder rb(rowLoop.getBody()->getTerminator());
  Value r = rowLoop.getInductionVar();
  auto colLoop = l.namedLoop(rb, layer, "lb_col", g.paddedW);
  l.setPipeline(colLoop, 1);
  OpBuilder cb(colLoop.getBody()->getTerminator());
  Value x = colLoop.getInductionVar();
  AffineExpr d0 = getAffineDimExpr(0, context),
             d1 = getAffineDimExpr(1, context);
  auto inside = IntegerSet::get(2, 0,
                                {d0 - g.padTop, g.padTop + g.h - 1 - d0,
                                 d1 - g.padLeft, g.padLeft + g.w - 1 - d1},
                                {false, false, false, false});
  auto ifInside =
      affine::AffineIfOp::create(cb, loc, inside, ValueRange{r, x}, true);
  OpBuilder tb = ifInside.getThenBodyBuilder();
  FxStreamReadOp::create(tb, loc, fifo, inVec);
  channelLoop(tb, in, layer, "rd_c", loc, [&](OpBuilder &b, Value ch) {
    Value v = l.loadAt(b, loc, inVec, {ch});
    l.store(b, loc, v, lineBuf, {d0, d1 % rows, getAffineDimExpr(2, context)},
            {ch, r, x});
  });
  OpBuilder eb = ifInside.getElseBodyBuilder();
  channelLoop(eb, in, layer, "pad_c", loc, [&](OpBuilder &b, Value ch) {
    Value pad = FxConstantOp::create(b, loc, xT, b.getI64IntegerAttr(padRaw));
    l.store(b, loc, pad, lineBuf, {d0, d1 % rows, getAffineDimExpr(2, context)},
            {ch, r, x});
  });
  // After the last row of a window: one output row, one pixel per ox.
  SmallVector<AffineExpr> last{d0 - (rows - 1)};
  SmallVector<bool> eq{false};
  if (g.sy != 1) {
    last.push_back((d0 - (rows - 1)) % g.sy);
    eq.push_back(true);
  }
  auto ifRow = affine::AffineIfOp::create(
      rb, loc, IntegerSet::get(1, 0, last, eq), ValueRange{r}, false);
  OpBuilder ob = ifRow.getThenBodyBuilder();
  auto oxLoop = l.namedLoop(ob, layer, "ox", g.outW);
  OpBuilder xb(oxLoop.getBody()->getTerminator());
  body(xb, r, oxLoop);
}

LogicalResult StreamLowering::lowerLineBufferedConv(ConvOp op, StringRef layer,
                                                    Value fifo,
                                                    ArrayRef<Value> outs) {
  Location loc = op.getLoc();
  auto inType = llvm::cast<ShapedType>(op.getInput().getType());
  auto wType = llvm::cast<ShapedType>(op.getWeight().getType());
  auto outType = llvm::cast<ShapedType>(op.getOutput().getType());
  if (failed(checkTransfer(inType, layer, loc)) ||
      failed(checkTransfer(outType, layer, loc)))
    return failure();
  const unsigned spatial = inType.getRank() - 2;
  ArrayRef<int64_t> pads = op.getPads();
  SmallVector<int64_t> padded;
  for (unsigned s = 0; s < spatial; ++s)
    padded.push_back(inType.getDimSize(2 + s) + pads[s] + pads[spatial + s]);
  Window g = windowOf(inType.getShape(), outType.getShape(),
                      wType.getShape().drop_front(2), op.getStrides(),
                      op.getDilations(), pads.take_front(spatial), padded);
  const int64_t m = wType.getDimSize(0), cg = wType.getDimSize(1);
  const int64_t groups = op.getGroup(), mg = m / groups;
  const int64_t taps = g.kh * g.kw, k = cg * taps;
  FixedType xT = elementOf(op.getInput()), wT = elementOf(op.getWeight());
  FixedType bT = op.getBias() ? elementOf(op.getBias()) : FixedType();
  FixedType rT = elementOf(op.getOutput());
  FailureOr<FixedType> accT = l.accumulatorType(op, layer, xT, wT, bT, k);
  if (failed(accT))
    return failure();
  Value weights = l.lookup(op.getWeight(), /*flattenConstant=*/true);
  Value bias = op.getBias() ? l.lookup(op.getBias()) : Value();

  auto buffers = lineBuffer(layer, g, xT, loc);
  Value outVec = buffer(layer, "wr", {m}, rT, loc);

  // The dot product of output position (oy, ox) at input row r = the last
  // row of its window: d0 = r, d1 = ox.
  DotSpec spec = l.dotSpec(op, layer, m, k, *accT, xT, wT, weights);
  spec.loadX = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx,
                   AffineExpr kIdx) {
    AffineExpr ch = kIdx.floorDiv(taps);
    if (groups != 1)
      ch = mIdx.floorDiv(mg) * cg + ch;
    return l.load(b, loc, buffers.first,
                  g.tap(ch, kIdx.floorDiv(g.kw) % g.kh, kIdx % g.kw,
                        getAffineDimExpr(0, context),
                        getAffineDimExpr(1, context)),
                  ops);
  };
  spec.loadW = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx,
                   AffineExpr kIdx, AffineExpr flat) {
    return l.load(b, loc, weights, {flat ? flat : mIdx * k + kIdx}, ops);
  };
  if (bias)
    spec.loadBias = [&](OpBuilder &b, ValueRange ops, AffineExpr mIdx) {
      return l.load(b, loc, bias, {mIdx}, ops);
    };
  spec.storeY = [&](OpBuilder &b, Value y, ValueRange ops, AffineExpr mIdx) {
    l.store(b, loc, y, outVec, {mIdx}, ops);
  };
  DotPlan plan = l.planDot(op, spec);
  slideWindow(
      layer, g, fifo, buffers, xT, /*padRaw=*/0, loc,
      [&](OpBuilder &xb, Value r, affine::AffineForOp oxLoop) {
        if (plan.kind == DotStructure::Unrolled)
          l.setPipeline(oxLoop, 1);
        l.emitDot(xb, spec, plan, ValueRange{r, oxLoop.getInductionVar()});
        for (Value out : outs)
          FxStreamWriteOp::create(xb, loc, outVec, out);
      });
  return success();
}

LogicalResult StreamLowering::lowerLineBufferedPool(Operation *op,
                                                    StringRef layer, Value fifo,
                                                    ArrayRef<Value> outs) {
  Location loc = op->getLoc();
  auto inType = llvm::cast<ShapedType>(op->getOperand(0).getType());
  auto outType = llvm::cast<ShapedType>(op->getResult(0).getType());
  if (failed(checkTransfer(inType, layer, loc)) ||
      failed(checkTransfer(outType, layer, loc)))
    return failure();
  PoolGeometry pg = poolGeometry(op);
  const unsigned spatial = pg.in.size();
  SmallVector<int64_t> padded;
  for (unsigned s = 0; s < spatial; ++s)
    padded.push_back(pg.paddedSize(s));
  Window g = windowOf(inType.getShape(), outType.getShape(), pg.kernel,
                      pg.strides, pg.dilations, pg.padBegin, padded);
  FixedType xT = elementOf(op->getOperand(0)), rT = elementOf(op->getResult(0));
  auto buffers = lineBuffer(layer, g, xT, loc);
  Value outVec = buffer(layer, "wr", {g.c}, rT, loc);
  // One output pixel per cycle when its channels and windows unroll, else
  // one channel per cycle when the window does, else the window's loop is
  // the pipeline (as io_parallel's pools).
  const int64_t window = pg.window();
  const bool unrollAll = hls::unrollsCompletely(g.c * window, l.limits);
  const bool unrollWindow = hls::unrollsCompletely(window, l.limits);
  // Padding never wins a maximum (X's minimum raw) and adds nothing to a
  // sum, as io_parallel's padded copy.
  int64_t padRaw = pg.isMax ? xT.getFormat().minRaw() : 0;
  LogicalResult result = success();
  slideWindow(
      layer, g, fifo, buffers, xT, padRaw, loc,
      [&](OpBuilder &xb, Value r, affine::AffineForOp oxLoop) {
        if (unrollAll)
          l.setPipeline(oxLoop, 1);
        Value ox = oxLoop.getInductionVar();
        // The output row of the windows ending at r (a position-dependent
        // average count reads it).
        AffineExpr d0 = getAffineDimExpr(0, context);
        auto oy = affine::AffineApplyOp::create(
            xb, loc, AffineMap::get(1, 0, (d0 - (g.rows() - 1)).floorDiv(g.sy)),
            ValueRange{r});
        SmallVector<Value> outPos{oy};
        if (spatial == 2)
          outPos.push_back(ox);
        auto chLoop = l.namedLoop(xb, layer, "c", g.c);
        if (unrollAll)
          l.setUnroll(chLoop);
        else if (unrollWindow)
          l.setPipeline(chLoop, 1);
        OpBuilder cb(chLoop.getBody()->getTerminator());
        Value ch = chLoop.getInductionVar();
        auto loadTap = [&](OpBuilder &wb, ArrayRef<Value> taps) {
          SmallVector<Value> ops{r, ox, ch};
          ops.append(taps.begin(), taps.end());
          AffineExpr j = spatial == 2 ? getAffineDimExpr(4, context)
                                      : getAffineConstantExpr(0, context);
          return l.load(wb, loc, buffers.first,
                        g.tap(getAffineDimExpr(2, context),
                              getAffineDimExpr(3, context), j,
                              getAffineDimExpr(0, context),
                              getAffineDimExpr(1, context)),
                        ops);
        };
        FailureOr<Value> y =
            l.poolWindow(cb, op, pg, xT, rT, outPos, unrollWindow, loadTap);
        if (failed(y)) {
          result = failure();
          return;
        }
        l.storeAt(cb, loc, *y, outVec, {ch});
        if (oy->use_empty())
          oy->erase();
        for (Value out : outs)
          FxStreamWriteOp::create(xb, loc, outVec, out);
      });
  return result;
}

LogicalResult StreamLowering::writeStream(Value source, ArrayRef<Value> targets,
                                          StringRef layer, Location loc) {
  auto type = llvm::cast<ShapedType>(source.getType());
  return pixelLoops(
      type, layer, "wr", loc,
      [&](OpBuilder &b, Value vec, ArrayRef<Value> ivs, const Packing &p) {
        channelLoop(b, p, layer, "wr_c", loc, [&](OpBuilder &ib, Value c) {
          SmallVector<Value> operands(ivs);
          operands.push_back(c);
          Value x = l.load(ib, loc, source,
                           elementExprs(context, p, type.getRank()), operands);
          l.storeAt(ib, loc, x, vec, {c});
        });
        for (Value fifo : targets)
          FxStreamWriteOp::create(b, loc, vec, fifo);
      });
}

LogicalResult StreamLowering::readStream(Value fifo, Value dest,
                                         StringRef layer, Location loc) {
  auto type = llvm::cast<ShapedType>(dest.getType());
  return pixelLoops(
      type, layer, "rd", loc,
      [&](OpBuilder &b, Value vec, ArrayRef<Value> ivs, const Packing &p) {
        FxStreamReadOp::create(b, loc, fifo, vec);
        channelLoop(b, p, layer, "rd_c", loc, [&](OpBuilder &ib, Value c) {
          Value x = l.loadAt(ib, loc, vec, {c});
          SmallVector<Value> operands(ivs);
          operands.push_back(c);
          l.store(ib, loc, x, dest, elementExprs(context, p, type.getRank()),
                  operands);
        });
      });
}

LogicalResult StreamLowering::run(Block &oldBody) {
  Block *entry = &l.newFunc.getBody().front();
  ret = oldBody.getTerminator();
  outFifos.resize(ret->getNumOperands());
  l.newFunc->setAttr(kHlsDataflowAttr, UnitAttr::get(context));
  auto portName = [&](unsigned i) {
    return l.newFunc.getArgAttrOfType<StringAttr>(i, kHlsNameAttr).str();
  };
  // Input processes: port array -> FIFOs.
  for (BlockArgument arg : l.func.getArguments()) {
    if (arg.use_empty())
      continue;
    std::string name = portName(arg.getArgNumber());
    l.builder.setInsertionPointToEnd(entry);
    if (failed(makeFifos(arg, name, arg.getLoc())))
      return failure();
    beginProcess(name, arg.getLoc());
    if (failed(writeStream(entry->getArgument(arg.getArgNumber()),
                           allFifos[arg], name, arg.getLoc())))
      return failure();
  }
  // One process per layer.
  for (Operation &op : oldBody.without_terminator()) {
    if (llvm::isa<ConstantOp>(op))
      continue; // roms are made on use, outside the processes
    if (op.getNumResults() != 1)
      return op.emitError("internal error: io_stream lowers single-result "
                          "ops only");
    std::string layer = l.layerName(&op);
    Value result = op.getResult(0);
    l.builder.setInsertionPointToEnd(entry);
    if (failed(makeFifos(result, layer, op.getLoc())))
      return failure();
    beginProcess(layer, op.getLoc());
    if (lineBuffered(op)) {
      Value fifo = opFifos.lookup({op.getOperand(0), &op});
      auto conv = llvm::dyn_cast<ConvOp>(op);
      if (failed(
              conv ? lowerLineBufferedConv(conv, layer, fifo, allFifos[result])
                   : lowerLineBufferedPool(&op, layer, fifo, allFifos[result])))
        return failure();
      continue;
    }
    SmallVector<Value> seen;
    for (Value operand : op.getOperands()) {
      if (operand.getDefiningOp<ConstantOp>() ||
          llvm::is_contained(seen, operand))
        continue;
      seen.push_back(operand);
      Value fifo = opFifos.lookup({operand, &op});
      auto shaped = llvm::cast<ShapedType>(operand.getType());
      std::string name = layer + "_in" + std::to_string(seen.size() - 1);
      auto local = memref::AllocOp::create(
          l.builder, NameLoc::get(StringAttr::get(context, identifier(name))),
          MemRefType::get(shaped.getShape(), shaped.getElementType()));
      l.setName(local, name);
      l.partitionBuffer(local, layer, op.getLoc());
      if (failed(readStream(fifo, local, layer, op.getLoc())))
        return failure();
      l.buffers[operand] = local;
    }
    if (failed(l.lowerOp(op)))
      return failure();
    if (!allFifos[result].empty() &&
        failed(writeStream(l.buffers.lookup(result), allFifos[result], layer,
                           op.getLoc())))
      return failure();
  }
  // Output processes: FIFO -> port array (a constant result is copied).
  unsigned numInputs = l.func.getNumArguments();
  for (auto [i, value] : llvm::enumerate(ret->getOperands())) {
    std::string name = portName(numInputs + i);
    Value port = entry->getArgument(numInputs + i);
    beginProcess(name, ret->getLoc());
    if (value.getDefiningOp<ConstantOp>()) {
      l.copyLoops(l.lookup(value), port, ret->getLoc(), name);
      continue;
    }
    if (failed(readStream(outFifos[i], port, name, ret->getLoc())))
      return failure();
  }
  l.builder.setInsertionPointToEnd(entry);
  // FIFO depths from the simulated schedule (StreamSchedule.h).
  hls::sizeFifos(l.newFunc);
  return success();
}

LogicalResult FunctionLowering::lowerStreamBody(Block &oldBody) {
  return StreamLowering(*this).run(oldBody);
}
