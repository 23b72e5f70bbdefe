//===- ap_int.h - ap_int/ap_uint for nn's C simulation ----------*- C++ -*-===//
//
// Part of the runtime nn ships with every emitted HLS project, for C
// simulation with a plain C++14 compiler (no vendor tools). Synthesis uses
// the vendor's own ap_int.h instead. Everything is in nn_csim/ap_types.h
// (ap_int.h and ap_fixed.h both give all four ap types).
//
//===----------------------------------------------------------------------===//

#ifndef NN_CSIM_AP_INT_H
#define NN_CSIM_AP_INT_H

#include "nn_csim/ap_types.h"

#endif // NN_CSIM_AP_INT_H
