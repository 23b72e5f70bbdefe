// A cast into a type wider than 64 bits must be lossless: ap_fixed<8,4> needs
// 4 integer bits, ap_fixed<70,2> has 2.
// EXPECT-ERROR: can only receive values it holds exactly
#include <ap_fixed.h>
int main() {
  ap_fixed<8, 4> a = 1;
  ap_fixed<70, 2> x = a;
  return x.is_neg();
}
