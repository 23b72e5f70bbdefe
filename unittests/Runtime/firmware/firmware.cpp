// A tiny project in the style nn emits, built and run by ctest with
// g++ -std=c++14 -Wall -Wextra -Werror -I <runtime include dir>: a dense
// layer (3 inputs, 4 neurons) with ReLU between streams, with explicit casts
// at every step, then an integer-only dot product. firmware.expected holds
// the output; every value in it is derived in the comments below.

#include <ap_fixed.h>
#include <ap_int.h>
#include <hls_stream.h>

#include <iostream>

//===--- firmware -----------------------------------------------------------//

typedef ap_fixed<8, 3> input_t;                  // LSB 1/32, [-4, 3.96875]
typedef ap_fixed<8, 2, AP_RND, AP_SAT> weight_t; // LSB 1/64, [-2, 1.984375]
typedef ap_fixed<16, 6> mult_t;                  // LSB 1/1024
typedef ap_fixed<12, 5> accum_t;                 // LSB 1/128, [-16, 16), wraps
typedef ap_ufixed<6, 3, AP_RND_CONV, AP_SAT> result_t; // LSB 1/8, [0, 7.875]

// Quantized with weight_t's modes (round to nearest, saturate):
//   0.3   =  19.2 LSBs ->  19 ->  0.296875
//   2.5   -> saturates   ->  1.984375
//  -0.01  =  -0.64 LSBs  ->  -1 -> -0.015625
//  +-1.9  = +-121.6 LSBs -> +-122 -> +-1.90625
static const weight_t w1[4][3] = {
    {0.5, -1.25, 0.3}, {2.5, 0.75, -0.01}, {1.9, -1.9, 1.9}, {0, 0, 0}};
// accum_t truncates: 0.1 = 12.8 LSBs -> 12 -> 0.09375.
static const accum_t b1[4] = {0.1, -1, 15, 10};

void dense_relu(hls::stream<input_t> &in, hls::stream<result_t> &out,
                accum_t acc_out[4]) {
  input_t x[3];
  for (int i = 0; i < 3; ++i)
    x[i] = in.read();
  for (ap_uint<3> j = 0; j < 4; ++j) {
    accum_t acc = b1[j];
    for (ap_uint<2> i = 0; i < 3; ++i)
      acc = accum_t(acc + mult_t(w1[j][i] * x[i]));
    acc_out[j] = acc;
    out.write(acc > 0 ? result_t(acc) : result_t(0));
  }
}

//===--- testbench ----------------------------------------------------------//

int main() {
  hls::stream<input_t> in("input");
  hls::stream<result_t> out("output");
  // input_t truncates: -0.7 = -22.4 LSBs -> -23 -> -0.71875.
  const double inputs[3] = {1.5, -0.7, 2.03125};
  for (int i = 0; i < 3; ++i)
    in.write(inputs[i]);
  accum_t acc[4];
  dense_relu(in, out, acc);

  // Neuron 0: 0.09375
  //   + mult_t(0.5 * 1.5 = 0.75)                             -> 0.84375
  //   + mult_t(-1.25 * -0.71875 = 0.8984375)                 -> 1.7421875
  //   + mult_t(0.296875 * 2.03125 = 0.60302734375 = 617.5/1024 -> 617/1024)
  //     = 2.3447265625 = 300.125/128 -> 300/128 = 2.34375
  //   ReLU, result_t: 18.75 LSBs -> 19 -> 2.375
  // Neuron 1: -1
  //   + mult_t(1.984375 * 1.5 = 2.9765625)                   -> 1.9765625
  //   + mult_t(0.75 * -0.71875 = -0.5390625)                 -> 1.4375
  //   + mult_t(-0.015625 * 2.03125 = -32.5/1024 -> -33/1024)
  //     = 1.4052734375 = 179.875/128 -> 179/128 = 1.3984375
  //   ReLU, result_t: 11.1875 LSBs -> 11 -> 1.375
  // Neuron 2: 15
  //   + mult_t(1.90625 * 1.5 = 2.859375) = 17.859375, wraps -> -14.140625
  //   + mult_t(-1.90625 * -0.71875 = 1.3701171875)
  //     = -12.7705078125 = -1634.625/128 -> -1635/128 = -12.7734375
  //   + mult_t(1.90625 * 2.03125 = 3.8720703125)
  //     = -8.9013671875 = -1139.375/128 -> -1140/128 = -8.90625
  //   ReLU -> 0
  // Neuron 3: 10, ReLU 10, result_t saturates -> 7.875
  ap_ufixed<8, 5> total = 0; // 2.375 + 1.375 + 0 + 7.875 = 11.625
  ap_uint<2> best = 0;
  result_t bestValue = 0;
  for (int j = 0; j < 4; ++j) {
    result_t y = out.read();
    std::cout << "neuron " << j << ": acc " << acc[j] << " out " << y
              << " float " << float(y) << "\n";
    total += y;
    if (y > bestValue) {
      bestValue = y;
      best = j;
    }
  }
  std::cout << "total " << total << " argmax " << best << "\n";

  // The same dot product as neuron 0 in integers (units of 1/32 and 1/64):
  // 48*32 + (-23)(-80) + 65*19 = 1536 + 1840 + 1235 = 4611, and
  // 4611 / 2048 = 2.25146484375 = 0.75 + 0.8984375 + 0.60302734375.
  const ap_int<8> qx[3] = {48, -23, 65};
  const ap_int<8> qw[3] = {32, -80, 19};
  ap_int<20> dot = 0;
  for (int i = 0; i < 3; ++i)
    dot += qx[i] * qw[i]; // ap_int<16> products
  // ap_fixed<24,14> holds 4611 (< 2^13); ap_ufixed<1,-10> holds 2^-11; the
  // product is ap_fixed<25,4>, exact: 2.25146484375. In ap_fixed<12,4,AP_RND>
  // (LSB 1/256) that is 576.375 LSBs -> 576 -> 2.25.
  auto scaled = ap_fixed<24, 14>(dot) * ap_ufixed<1, -10>(1.0 / 2048);
  ap_fixed<12, 4, AP_RND> rounded = scaled;
  // 4611 mod 256 = 3 (4611 = 18 * 256 + 3).
  std::cout << "dot " << dot << " scaled " << scaled << " rounded " << rounded
            << " wrapped " << ap_int<8>(dot) << "\n";
  return in.empty() && out.empty() ? 0 : 1;
}
