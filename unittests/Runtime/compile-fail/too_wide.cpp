// EXPECT-ERROR: at most 128 bits wide (127 if unsigned)
#include <ap_int.h>
int main() {
  ap_int<200> a;
  return a.is_neg();
}
