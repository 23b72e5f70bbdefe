// A type wider than 64 bits cannot quantize a double.
// EXPECT-ERROR: cannot be constructed from a double
#include <ap_fixed.h>
int main() {
  ap_fixed<70, 10> x = 0.5;
  return x.is_neg();
}
