// ap_uint<64> * ap_uint<64> is ap_uint<128>: not held in an __int128.
// EXPECT-ERROR: at most 128 bits wide (127 if unsigned)
#include <ap_int.h>
int main() {
  ap_uint<64> a = 3;
  auto p = a * a;
  return p.is_neg();
}
