// Every verifier message of nn.rnn, nn.gru and nn.lstm (one shape rule,
// NNRecurrentOps.cpp).
// RUN: nn-opt %s -split-input-file -verify-diagnostics

func.func @input_rank(%x: tensor<6x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op input must have rank 3 ([seq, batch, features]), got [6, 4]}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<6x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @gates(%x: tensor<6x1x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.gru' op weight must be [3*hidden, features], got [8, 4]}}
  %0 = nn.gru %x, %w, %r, %b : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @empty_sequence(%x: tensor<0x1x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op has an empty sequence (input [0, 1, 4])}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<0x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @features(%x: tensor<6x1x3xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op weight [8, 4] does not match input [6, 1, 3] (features)}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<6x1x3xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @recurrence(%x: tensor<6x1x4xf32>, %w: tensor<32x4xf32>, %r: tensor<32x4xf32>, %b: tensor<64xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.lstm' op recurrence must be [32, 8], got [32, 4]}}
  %0 = nn.lstm %x, %w, %r, %b : (tensor<6x1x4xf32>, tensor<32x4xf32>, tensor<32x4xf32>, tensor<64xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @bias(%x: tensor<6x1x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<8xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op bias must be [16] (input then recurrent biases), got [8]}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @sequence_result(%x: tensor<6x1x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op result must be [6, 1, 1, 8] (every step), got [1, 1, 8]}}
  %0 = nn.rnn %x, %w, %r, %b {return_sequences = true} : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x1x8xf32>
  return %0 : tensor<1x1x8xf32>
}

// -----

func.func @last_result(%x: tensor<6x1x4xf32>, %w: tensor<8x4xf32>, %r: tensor<8x8xf32>, %b: tensor<16xf32>) -> tensor<1x8xf32> {
  // expected-error @+1 {{'nn.rnn' op result must be [1, 1, 8] (the last step), got [1, 8]}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<6x1x4xf32>, tensor<8x4xf32>, tensor<8x8xf32>, tensor<16xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}

// -----

func.func @fixed(%x: tensor<6x1x4x!nn.fixed<16, 6>>, %w: tensor<8x4x!nn.fixed<16, 6>>, %r: tensor<8x8x!nn.fixed<16, 6>>, %b: tensor<16x!nn.fixed<16, 6>>) -> tensor<1x1x8x!nn.fixed<16, 6>> {
  // expected-error @+1 {{'nn.rnn' op is float only (no fixed-point rule yet); got 'tensor<6x1x4x!nn.fixed<16, 6>>'}}
  %0 = nn.rnn %x, %w, %r, %b : (tensor<6x1x4x!nn.fixed<16, 6>>, tensor<8x4x!nn.fixed<16, 6>>, tensor<8x8x!nn.fixed<16, 6>>, tensor<16x!nn.fixed<16, 6>>) -> tensor<1x1x8x!nn.fixed<16, 6>>
  return %0 : tensor<1x1x8x!nn.fixed<16, 6>>
}
