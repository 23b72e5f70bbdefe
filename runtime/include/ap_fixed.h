//===- ap_fixed.h - ap_fixed/ap_ufixed for nn's C simulation ----*- C++ -*-===//
//
// Part of the runtime nn ships with every emitted HLS project, for C
// simulation with a plain C++14 compiler (no vendor tools). Synthesis uses
// the vendor's own ap_fixed.h instead. Everything is in nn_csim/ap_types.h
// (ap_int.h and ap_fixed.h both give all four ap types).
//
//===----------------------------------------------------------------------===//

#ifndef NN_CSIM_AP_FIXED_H
#define NN_CSIM_AP_FIXED_H

#include "nn_csim/ap_types.h"

#endif // NN_CSIM_AP_FIXED_H
