// EXPECT-ERROR: supports only N = 0
#include <ap_fixed.h>
int main() {
  ap_fixed<8, 4, AP_TRN, AP_SAT, 2> a = 1;
  return a.is_neg();
}
