// Compound assignment into a wide product would need overflow handling in
// more than 64 bits.
// EXPECT-ERROR: can only receive values it holds exactly
#include <ap_fixed.h>
int main() {
  ap_fixed<40, 20> a = 1;
  auto p = a * a; // ap_fixed<80,40>
  p += a;         // ap_fixed<81,41> back into ap_fixed<80,40>
  return p.is_neg();
}
