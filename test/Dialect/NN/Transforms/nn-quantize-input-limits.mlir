// What nn-quantize refuses in the files it is given (config=, calibrate=),
// before parsing them into anything deep or large: files that are not
// regular files (a FIFO is never waited on: `timeout` turns a hang into a
// missing message), configurations nested too deep (100,000 arrays used to
// overflow the stack), too large, or with values out of range.
// RUN: rm -rf %t && mkdir -p %t

// RUN: mkfifo %t/fifo
// RUN: not timeout 60 nn-opt %s --nn-quantize="config=%t/fifo" 2>&1 | FileCheck %s --check-prefix=FIFO-CONFIG
// FIFO-CONFIG: fifo:0:0: error: the configuration file is a FIFO, not a regular file
// RUN: not timeout 60 nn-opt %s --nn-quantize="calibrate=%t/fifo" 2>&1 | FileCheck %s --check-prefix=FIFO-CALIBRATE
// FIFO-CALIBRATE: error: calibration data: input 0 ({{.*}}fifo): is a FIFO, not a regular file
// RUN: not nn-opt %s --nn-quantize="config=%t" 2>&1 | FileCheck %s --check-prefix=DIR
// DIR: error: the configuration file is a directory, not a regular file

// A YAML value that is not UTF-8: the message printing it threw (uncaught,
// abort), found by fuzz-hls-config; it prints U+FFFD instead.
// RUN: printf 'Model: \377\376\n' > %t/bad-utf8.yml
// RUN: not nn-opt %s --nn-quantize="config=%t/bad-utf8.yml" 2>&1 | FileCheck %s --check-prefix=UTF8
// UTF8: bad-utf8.yml:0:0: error: Model: must be an object, got "��"

// 100,000 nested arrays as the value of Model (SIGSEGV before: the message
// printed the value recursively); 64 levels are accepted by the parser (the
// schema then refuses the array), 65 are not.
// RUN: printf '{"Model": ' > %t/deep.json
// RUN: head -c 100000 /dev/zero | tr '\0' '[' >> %t/deep.json
// RUN: head -c 100000 /dev/zero | tr '\0' ']' >> %t/deep.json
// RUN: printf '}' >> %t/deep.json
// RUN: not nn-opt %s --nn-quantize="config=%t/deep.json" 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: deep.json:0:0: error: the configuration nests objects and arrays more than 64 levels deep
// RUN: head -c 64 /dev/zero | tr '\0' '[' > %t/64.json
// RUN: head -c 64 /dev/zero | tr '\0' ']' >> %t/64.json
// RUN: not nn-opt %s --nn-quantize="config=%t/64.json" 2>&1 | FileCheck %s --check-prefix=DEPTH64
// DEPTH64: 64.json:0:0: error: the configuration must be an object (a JSON object or a YAML mapping), got array
// RUN: head -c 65 /dev/zero | tr '\0' '[' > %t/65.json
// RUN: head -c 65 /dev/zero | tr '\0' ']' >> %t/65.json
// RUN: not nn-opt %s --nn-quantize="config=%t/65.json" 2>&1 | FileCheck %s --check-prefix=DEPTH65
// DEPTH65: 65.json:0:0: error: the configuration nests objects and arrays more than 64 levels deep

// More than 16 MiB.
// RUN: head -c 16777217 /dev/zero | tr '\0' ' ' > %t/big.json
// RUN: not nn-opt %s --nn-quantize="config=%t/big.json" 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: big.json:0:0: error: the configuration file has 16777217 bytes, more than the limit of 16777216 bytes

// Ranges: reuse factors are ints in the emitted pragmas; table sizes are
// bounded by the table index arithmetic (2^24 entries).
// RUN: printf '{"LayerName": {"fc1": {"ReuseFactor": 2147483648}}}' > %t/reuse.json
// RUN: not nn-opt %s --nn-quantize="config=%t/reuse.json" 2>&1 | FileCheck %s --check-prefix=REUSE
// REUSE: reuse.json:0:0: error: LayerName.fc1.ReuseFactor: must be at most 2147483647, got 2147483648
// RUN: printf '{"LayerName": {"fc1": {"ReuseFactor": 18446744073709551615}}}' > %t/reuse-u64.json
// RUN: not nn-opt %s --nn-quantize="config=%t/reuse-u64.json" 2>&1 | FileCheck %s --check-prefix=REUSE-U64
// REUSE-U64: reuse-u64.json:0:0: error: LayerName.fc1.ReuseFactor: must be a positive integer, got 18446744073709551615
// RUN: printf '{"LayerName": {"sig": {"table_size": 16777217}}}' > %t/table.json
// RUN: not nn-opt %s --nn-quantize="config=%t/table.json" 2>&1 | FileCheck %s --check-prefix=TABLE
// TABLE: table.json:0:0: error: LayerName.sig.table_size: the table has 16777217 entries; tables need a power of two in [2, 16777216]
// RUN: printf '{"Model": {"BramFactor": 4294967296}}' > %t/bram.json
// RUN: not nn-opt %s --nn-quantize="config=%t/bram.json" 2>&1 | FileCheck %s --check-prefix=BRAM
// BRAM: bram.json:0:0: error: Model.BramFactor: must be at most 2147483647, got 4294967296

// Wrong kinds name the key and show what came instead, cut after 40
// characters (a value can be megabytes long).
// RUN: printf '{"Model": {"ReuseFactor": [1, {"a": 3}]}}' > %t/kind.json
// RUN: not nn-opt %s --nn-quantize="config=%t/kind.json" 2>&1 | FileCheck %s --check-prefix=KIND
// KIND: kind.json:0:0: error: Model.ReuseFactor: must be a positive integer, got [1,{"a":3}]
// RUN: printf '{"Model": {"Strategy": "%%0100d"}}' 0 > %t/long.json
// RUN: not nn-opt %s --nn-quantize="config=%t/long.json" 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: long.json:0:0: error: Model.Strategy: unknown strategy {{"0+\.\.\.}}; expected "Latency" or "Resource"

func.func @net(%x: tensor<1x4xf32> loc("x")) -> tensor<1x3xf32> {
  %w = nn.constant dense<0.5> : tensor<3x4xf32> loc("fc1.weight")
  %b = nn.constant dense<0.25> : tensor<3xf32> loc("fc1.bias")
  %y = nn.dense %x, %w, %b : (tensor<1x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<1x3xf32> loc("fc1")
  %s = nn.sigmoid %y : tensor<1x3xf32> -> tensor<1x3xf32> loc("sig")
  return %s : tensor<1x3xf32>
}
