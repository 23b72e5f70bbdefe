//===- LowerEmbedding.cpp - nn.embedding to a table read ------------------===//
//
// out[i..., c] = cast_R(table[row(indices[i...]), c]), the row of
// nn/Support/Embedding.h: the index cast into ufixed<B, B, TRN, SAT> (floor
// and clamp to [0, 2^B - 1], B the bits of rows - 1). The table's rom has
// 2^B rows, those past the table copies of its last row, so every index the
// cast can give reads inside the rom and the clamp to rows - 1 costs no
// comparison (at most 2x the rows).
//
//===----------------------------------------------------------------------===//

#include "FunctionLowering.h"

#include "nn/Dialect/NN/IR/FixedRaws.h"
#include "nn/Support/Embedding.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;
using namespace nn;
using namespace nn::lowering;

LogicalResult FunctionLowering::lowerEmbedding(EmbeddingOp op) {
  auto constant = op.getTable().getDefiningOp<ConstantOp>();
  if (!constant)
    return op.emitError("layer '")
           << layerName(op)
           << "': nn-lower-to-loops needs the embedding table as a constant";
  auto tableType = llvm::cast<RankedTensorType>(constant.getType());
  FixedType tT = elementOf(op.getTable()), rT = elementOf(op.getOutput());
  const int64_t rows = tableType.getDimSize(0),
                columns = tableType.getDimSize(1);
  fx::Format indexFormat = embedding::indexFormat(rows);
  const int64_t romRows = int64_t(1) << indexFormat.width;
  std::optional<std::vector<int64_t>> raws =
      readFixedRaws(constant.getValue(), tT, rows * columns);
  if (!raws)
    return op.emitError("layer '")
           << layerName(op) << "': the embedding table's raws cannot be read";
  for (int64_t r = rows; r < romRows; ++r)
    for (int64_t c = 0; c < columns; ++c)
      raws->push_back((*raws)[(rows - 1) * columns + c]);
  Value rom;
  {
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointToStart(&newFunc.getBody().front());
    std::string name = layerName(op) + "_embeddings";
    auto rawType = RankedTensorType::get(
        {romRows, columns}, IntegerType::get(context, tT.getWidth()));
    SmallVector<APInt> values;
    for (int64_t raw : *raws)
      values.push_back(APInt(tT.getWidth(), uint64_t(raw), /*isSigned=*/true,
                             /*implicitTrunc=*/true));
    auto romOp = FxRomOp::create(
        builder, NameLoc::get(StringAttr::get(context, identifier(name))),
        MemRefType::get({romRows, columns}, tT),
        DenseElementsAttr::get(rawType, values));
    // Read at computed rows: a memory, not partitioned.
    setName(romOp, name);
    rom = romOp;
  }

  Value in = lookup(op.getIndices());
  Value out = bufferFor(op, op.getOutput());
  Location loc = op.getLoc();
  auto shape = llvm::cast<ShapedType>(op.getOutput().getType()).getShape();
  FixedType indexType = toType(context, indexFormat);
  elementLoops(shape, layerName(op), "i",
               [&](OpBuilder &b, ArrayRef<Value> ivs) {
                 Value index = loadAt(b, loc, in, ivs.drop_back());
                 Value row = FxToIndexOp::create(
                     b, loc, b.getIndexType(), cast(b, loc, index, indexType));
                 Value entry = memref::LoadOp::create(
                     b, loc, rom, ValueRange{row, ivs.back()});
                 storeAt(b, loc, cast(b, loc, entry, rT), out, ivs);
               });
  return success();
}
