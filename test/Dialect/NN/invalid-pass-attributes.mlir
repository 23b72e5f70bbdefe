// RUN: nn-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of NNDialect::verifyOperationAttribute.

func.func @reuse_not_integer(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op attribute 'nn.reuse_factor' must be a positive i64 integer, got "4"}}
  %y = nn.dense %x, %w {nn.reuse_factor = "4"} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

func.func @reuse_zero(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op attribute 'nn.reuse_factor' must be a positive i64 integer, got 0 : i64}}
  %y = nn.dense %x, %w {nn.reuse_factor = 0 : i64} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

func.func @reuse_i32(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op attribute 'nn.reuse_factor' must be a positive i64 integer, got 2 : i32}}
  %y = nn.dense %x, %w {nn.reuse_factor = 2 : i32} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// n_in = 4, n_out = 3: resource-valid 1, 2, 4, 12 (see nn-quantize-reuse-errors.mlir).
func.func @reuse_invalid_resource(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op reuse factor 3 is not valid for the resource strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 2 and 4}}
  %y = nn.dense %x, %w {nn.reuse_factor = 3 : i64, nn.strategy = "resource"} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// Conv: n_in = C * k = 1 * 4 = 4, n_out = 3; latency-valid: divisors of 12.
func.func @reuse_invalid_latency(%x: tensor<1x1x4xf32>, %w: tensor<3x1x4xf32>) -> tensor<1x3x1xf32> {
  // expected-error @+1 {{'nn.conv' op reuse factor 24 is not valid for the latency strategy with n_in = 4, n_out = 3 (12 multiplications); nearest valid: 12 (none above)}}
  %y = nn.conv %x, %w {dilations = array<i64: 1>, pads = array<i64: 0, 0>, strides = array<i64: 1>, nn.reuse_factor = 24 : i64}
      : (tensor<1x1x4xf32>, tensor<3x1x4xf32>) -> tensor<1x3x1xf32>
  return %y : tensor<1x3x1xf32>
}

// -----

func.func @reuse_no_multipliers(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.relu' op attribute 'nn.reuse_factor' needs an op with multipliers (nn.dense, nn.conv)}}
  %y = nn.relu %x {nn.reuse_factor = 1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @strategy_unknown(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op attribute 'nn.strategy' must be "latency" or "resource", got "Latency"}}
  %y = nn.dense %x, %w {nn.strategy = "Latency"} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

func.func @accum_not_fixed(%x: tensor<1x4xf32>, %w: tensor<3x4xf32>) -> tensor<1x3xf32> {
  // expected-error @+1 {{'nn.dense' op attribute 'nn.accum_type' must be a fixed-point type, got f32}}
  %y = nn.dense %x, %w {nn.accum_type = f32} : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

func.func @accum_no_multipliers(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.sigmoid' op attribute 'nn.accum_type' needs an op with multipliers (nn.dense, nn.conv)}}
  %y = nn.sigmoid %x {nn.accum_type = !nn.fixed<32, 16>} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @table_not_activation(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.relu' op attribute 'nn.table_size' needs a table-based activation (nn.elu, nn.gelu, nn.rsqrt, nn.selu, nn.sigmoid, nn.softmax, nn.softplus, nn.softsign, nn.tanh)}}
  %y = nn.relu %x {nn.table_size = 1024 : i64} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @table_size_negative(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.tanh' op attribute 'nn.table_size' must be a positive i64 integer, got -1 : i64}}
  %y = nn.tanh %x {nn.table_size = -1 : i64} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

func.func @table_type_not_fixed(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error @+1 {{'nn.tanh' op attribute 'nn.table_type' must be a fixed-point type, got "ap_fixed<18,8>"}}
  %y = nn.tanh %x {nn.table_type = "ap_fixed<18,8>"} : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

// The lowering indexes tables with shifts: one rule (fx::tableSizeProblem)
// for every stage, so --nn-quantize cannot write a table the lowering
// cannot build.
func.func @table_size_not_pow2(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.sigmoid' op attribute 'nn.table_size': the table has 1000 entries; tables need a power of two in [2, 16777216]}}
  %y = nn.sigmoid %x {nn.table_size = 1000 : i64} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @table_size_one(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.tanh' op attribute 'nn.table_size': the table has 1 entries; tables need a power of two in [2, 16777216]}}
  %y = nn.tanh %x {nn.table_size = 1 : i64} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @table_size_too_large(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.elu' op attribute 'nn.table_size': the table has 33554432 entries; tables need a power of two in [2, 16777216]}}
  %y = nn.elu %x {nn.table_size = 33554432 : i64} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

// Table entries are printed as exact double literals.
func.func @table_too_wide(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.sigmoid' op attribute 'nn.table_type': the table has 54-bit entries; tables hold at most 53 bits}}
  %y = nn.sigmoid %x {nn.table_type = !nn.fixed<54, 2>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

// hls4ml's exp_table and inv_table follow the same rule.
func.func @softmax_exp_table_too_wide(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.softmax' op exp_table_type: the table has 54-bit entries; tables hold at most 53 bits}}
  %y = nn.softmax %x {axis = 1 : i64, exp_table_type = !nn.ufixed<54, 1>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}

// -----

func.func @softmax_inv_table_too_wide(%x: tensor<1x4x!nn.fixed<8, 3>>) -> tensor<1x4x!nn.fixed<8, 3>> {
  // expected-error @+1 {{'nn.softmax' op inv_table_type: the table has 60-bit entries; tables hold at most 53 bits}}
  %y = nn.softmax %x {axis = 1 : i64, inv_table_type = !nn.ufixed<60, 1>} : tensor<1x4x!nn.fixed<8, 3>> -> tensor<1x4x!nn.fixed<8, 3>>
  return %y : tensor<1x4x!nn.fixed<8, 3>>
}
