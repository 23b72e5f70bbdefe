// EXPECT-ERROR: AP_WRAP_SM is only defined for signed types
#include <ap_fixed.h>
int main() {
  ap_ufixed<8, 4, AP_TRN, AP_WRAP_SM> a = 1;
  return a.is_neg();
}
