//===- EmitProject.cpp - the files of an HLS project ----------------------===//
//
// --emit-hls-project: writes the firmware (header and source printed by the
// Emitter), the C-simulation testbench, build_prj.tcl, the Makefile, the
// carried C-simulation headers and the optional estimate and dataflow
// reports into one directory, after checking that the directory may be
// written (docs/Lowering.md, "The project directory"). Separate from the
// printer: it decides file names and contents around the printed C++, not
// the C++ itself.
//
//===----------------------------------------------------------------------===//

#include "nn/Target/HLS/EmitHLS.h"
#include "EmitStream.h"
#include "Emitter.h"

#include "nn/Conversion/Passes.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <cstdio>
#include <cstdlib>

using namespace mlir;
using namespace nn;
using namespace nn::hlsemit;

static LogicalResult writeFile(Operation *op, StringRef path,
                               function_ref<LogicalResult(raw_ostream &)> fn) {
  std::error_code ec;
  llvm::raw_fd_ostream file(path, ec);
  if (ec)
    return op->emitError("cannot write '") << path << "': " << ec.message();
  if (failed(fn(file)))
    return failure();
  file.close();
  if (file.has_error()) {
    // Cleared, or the stream's destructor would abort the process.
    std::string message = file.error().message();
    file.clear_error();
    return op->emitError("cannot write '") << path << "': " << message;
  }
  return success();
}

/// The file that marks a directory as an nn HLS project, which a later
/// --emit-hls-project may overwrite.
static constexpr llvm::StringLiteral kProjectMarker = ".nn-hls-project";

/// The rule for the project directory (docs/Lowering.md, "The project
/// directory"): DIR does not exist, is an empty directory, or holds an nn
/// project (kProjectMarker); firmware/ and the files the emitter writes are
/// a real directory and regular files when they exist (never symlinks,
/// which could lead outside DIR). Other files in DIR are left alone.
static LogicalResult checkProjectDir(Operation *op, StringRef dir,
                                     ArrayRef<std::string> dirs,
                                     ArrayRef<std::string> files) {
  namespace fs = llvm::sys::fs;
  if (dir.empty())
    return op->emitError("--emit-hls-project needs a directory "
                         "(--hls-project-dir=DIR)");
  fs::file_status status;
  if (!fs::status(dir, status)) {
    if (!fs::is_directory(status))
      return op->emitError("the HLS project directory '")
             << dir << "' exists and is not a directory";
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec)
      return op->emitError("cannot read the HLS project directory '")
             << dir << "': " << ec.message();
    if (it != end && !fs::exists(files.front()))
      return op->emitError("the HLS project directory '")
             << dir << "' is not empty and holds no nn HLS project (no "
             << kProjectMarker << "): not writing into it";
  }
  auto isLink = [](StringRef path) {
    fs::file_status st;
    return !fs::status(path, st, /*Follow=*/false) &&
           st.type() == fs::file_type::symlink_file;
  };
  // Parents before children: each is checked before anything is created.
  for (const std::string &sub : dirs)
    if (isLink(sub) || (fs::exists(sub) && !fs::is_directory(sub)))
      return op->emitError("'") << sub
                                << "' exists and is not a directory (symbolic "
                                   "links are not followed)";
  for (const std::string &file : files)
    if (isLink(file) || (fs::exists(file) && !fs::is_regular_file(file)))
      return op->emitError("'") << file
                                << "' exists and is not a regular file "
                                   "(symbolic links are not followed): not "
                                   "overwritten";
  for (const std::string &sub : dirs)
    if (std::error_code ec = fs::create_directories(sub))
      return op->emitError("cannot create '") << sub << "': " << ec.message();
  return success();
}

static const char *kTestbench = R"(// C-simulation testbench: runs the top function on .npy inputs
// (float32 or float64, C order; a leading dimension N where the port has 1
// runs N samples) and writes each output as real values in a float64 .npy,
// like nn-interp:  %TOP%_test --input x.npy [...] --output y.npy [...]
// Inputs are read by nn's own .npy reader (nn_csim/npy.h), which accepts
// and refuses exactly the files nn-interp does.
#include "firmware/%TOP%.h"
#include "nn_csim/npy.h"

#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool writeNpy(const std::string &path, const std::vector<long> &shape,
              const std::vector<double> &values) {
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < shape.size(); ++i)
    header += std::to_string(shape[i]) + (shape.size() == 1 ? "," : (i + 1 < shape.size() ? ", " : ""));
  header += "), }";
  size_t total = 10 + header.size() + 1;
  header += std::string((64 - total % 64) % 64, ' ') + "\n";
  std::ofstream out(path, std::ios::binary);
  unsigned len = unsigned(header.size());
  char pre[10] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0,
                  char(len & 0xff), char(len >> 8)};
  out.write(pre, 10);
  out.write(header.data(), header.size());
  out.write(reinterpret_cast<const char *>(values.data()), values.size() * 8);
  return bool(out);
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> inputs, outputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--input" || arg == "--output") && i + 1 < argc)
      (arg == "--input" ? inputs : outputs).push_back(argv[++i]);
    else {
      std::cerr << "usage: " << argv[0] << " --input X.npy ... --output Y.npy ...\n";
      return 1;
    }
  }
  if (inputs.size() != %NUM_INPUTS% || outputs.size() != %NUM_OUTPUTS%) {
    std::cerr << "expects %NUM_INPUTS% --input and %NUM_OUTPUTS% --output\n";
    return 1;
  }
  std::vector<nn_csim::NpyArray> in(inputs.size());
  long batch = 1;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string error = nn_csim::readNpy(inputs[i], in[i]);
    if (!error.empty()) {
      std::cerr << "input " << i << " (" << inputs[i] << "): " << error
                << "\n";
      return 1;
    }
  }
%CHECKS%
  std::vector<std::vector<double>> results(%NUM_OUTPUTS%);
  for (long s = 0; s < batch; ++s) {
%SAMPLE%
  }
%WRITES%
  return 0;
}
)";

static std::string replaceAll(std::string text, StringRef from, StringRef to) {
  size_t pos = 0;
  while ((pos = text.find(from.str(), pos)) != std::string::npos) {
    text.replace(pos, from.size(), to.str());
    pos += to.size();
  }
  return text;
}

/// The C-simulation headers a project carries, by their path in nn's
/// runtime include directory (runtime/CMakeLists.txt stages it in the build
/// tree and installs it as <prefix>/share/nn/runtime/include). In the
/// project they go to two directories so that Vitis never sees nn's ap
/// types (it has its own): kCsimApDir, the stand-ins for Vitis's headers,
/// only for the g++ build of the Makefile; kCsimTbDir, the testbench's .npy
/// reader, for both g++ and Vitis's csim_design.
struct RuntimeHeader {
  llvm::StringLiteral path;
  bool apTypes;
};
constexpr RuntimeHeader kRuntimeHeaders[] = {
    {"ap_int.h", true},           {"ap_fixed.h", true},
    {"hls_stream.h", true},       {"nn_csim/ap_types.h", true},
    {"nn/Support/FixedPoint.h", true}, {"nn_csim/npy.h", false},
    {"nn/Support/Npy.h", false}};
constexpr llvm::StringLiteral kCsimApDir = "csim/include";
constexpr llvm::StringLiteral kCsimTbDir = "csim/tb";

/// The first header of kRuntimeHeaders that `dir` lacks, or "" when it
/// holds them all.
StringRef hlsemit::missingRuntimeHeader(StringRef dir) {
  for (const RuntimeHeader &header : kRuntimeHeaders) {
    SmallString<256> path(dir);
    llvm::sys::path::append(path, header.path);
    if (!llvm::sys::fs::is_regular_file(path))
      return header.path;
  }
  return "";
}

/// The clock period in ns as Tcl reads it: the shortest decimal that reads
/// back as the same double (5 -> "5", 3.3 -> "3.3").
static std::string shortestDecimal(double value) {
  char buffer[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  return buffer;
}

namespace {
/// What build_prj.tcl targets: the configuration's Part and ClockPeriod
/// (module attributes set by --nn-quantize), else hls4ml's defaults for
/// the Vivado and Vitis backends.
struct HlsTarget {
  std::string part = "xcvu13p-flga2577-2-e";
  std::string clockPeriod = "5";
};
} // namespace

// The module's verifier (NNDialect::verifyOperationAttribute) has checked
// the attributes: a part of Tcl-safe characters, a positive clock period.
static FailureOr<HlsTarget> readHlsTarget(ModuleOp module) {
  HlsTarget target;
  if (auto part = module->getAttrOfType<StringAttr>(kHlsPartAttr))
    target.part = part.str();
  if (auto period = module->getAttrOfType<FloatAttr>(kHlsClockPeriodAttr))
    target.clockPeriod = shortestDecimal(period.getValueAsDouble());
  return target;
}

LogicalResult nn::emitHlsProject(ModuleOp module, StringRef dir,
                                 StringRef runtimeInclude) {
  FailureOr<func::FuncOp> topFunc = findTop(module);
  if (failed(topFunc))
    return failure();
  Emitter emitter(*topFunc);
  if (failed(emitter.prepare()))
    return failure();
  FailureOr<HlsTarget> target = readHlsTarget(module);
  if (failed(target))
    return failure();
  // Checked before anything is written: a project without its headers
  // would not build.
  if (StringRef missing = missingRuntimeHeader(runtimeInclude);
      !missing.empty())
    return module.emitError("nn's C-simulation header '")
           << missing << "' is missing from '" << runtimeInclude
           << "' (--hls-runtime-include)";
  std::string top = emitter.topName();
  auto path = [&](StringRef a, StringRef b = "") {
    SmallString<256> p(dir);
    llvm::sys::path::append(p, a);
    if (!b.empty())
      llvm::sys::path::append(p, b);
    return std::string(p);
  };
  // Every file is named after the top function's identifier (letters,
  // digits and '_', bounded length: CIdentifier.h) or fixed: all stay
  // directly inside DIR and DIR/firmware.
  std::vector<std::string> files = {
      path(kProjectMarker),          path("firmware", top + ".h"),
      path("firmware", top + ".cpp"), path(top + "_test.cpp"),
      path("build_prj.tcl"),          path("Makefile")};
  // The cost model's estimate, when --nn-estimate="attach=true" recorded it
  // before the lowering (docs/CostModel.md).
  auto estimateJson = module->getAttrOfType<StringAttr>(kHlsEstimateAttr);
  auto estimateTable =
      module->getAttrOfType<StringAttr>(kHlsEstimateTableAttr);
  const size_t estimateFile = files.size();
  if (estimateJson && estimateTable) {
    files.push_back(path("estimate.json"));
    files.push_back(path("README.md"));
  }
  const bool stream = hlsemit::isDataflow(*topFunc);
  const size_t fifoFile = files.size();
  if (stream) {
    files.push_back(path("fifo_depths.txt"));
    files.push_back(path("dataflow.dot"));
  }
  // The carried headers (fixed relative paths) and every directory they
  // need, parents first.
  std::vector<std::string> dirs = {path("firmware")};
  std::vector<std::pair<std::string, std::string>> copies;
  for (const RuntimeHeader &header : kRuntimeHeaders) {
    StringRef base = header.apTypes ? kCsimApDir : kCsimTbDir;
    SmallString<64> relative(base);
    llvm::sys::path::append(relative, header.path);
    for (StringRef parent = llvm::sys::path::parent_path(relative);
         !parent.empty(); parent = llvm::sys::path::parent_path(parent))
      if (!llvm::is_contained(dirs, path(parent)))
        dirs.push_back(path(parent));
    SmallString<256> source(runtimeInclude);
    llvm::sys::path::append(source, header.path);
    copies.emplace_back(std::string(source), path(relative));
    files.push_back(path(relative));
  }
  // Parents first (fewer separators), firmware/ first among equals.
  llvm::stable_sort(dirs, [](const std::string &a, const std::string &b) {
    return llvm::count(a, '/') < llvm::count(b, '/');
  });
  if (failed(checkProjectDir(module, dir, dirs, files)))
    return failure();
  if (failed(writeFile(module, files[0], [&](raw_ostream &os) {
        os << "This directory holds an HLS project written by nn-translate "
              "--emit-hls-project for the top function "
           << top << "; nn-translate overwrites its files.\n";
        return success();
      })))
    return failure();
  for (const auto &[source, dest] : copies)
    if (std::error_code ec = llvm::sys::fs::copy_file(source, dest))
      return module.emitError("cannot copy '")
             << source << "' to '" << dest << "': " << ec.message();
  std::string guard = emitter.guard();
  if (failed(writeFile(module, files[1],
                       [&](raw_ostream &os) {
                         os << "// Generated by nn-translate "
                               "--emit-hls-project.\n#ifndef "
                            << guard << "\n#define " << guard
                            << "\n\n#include \"ap_fixed.h\"\n\n"
                            << kPreamble << "\n";
                         emitter.emitTypedefs(os);
                         os << "\n";
                         emitter.emitPrototype(os);
                         os << ";\n\n#endif\n";
                         return success();
                       })))
    return failure();
  if (failed(writeFile(module, files[2],
                       [&](raw_ostream &os) {
                         return emitSource(emitter, os, true, top + ".h");
                       })))
    return failure();

  // The testbench: one static array per port, filled per sample.
  std::string checks, sample, writes, collect;
  unsigned numInputs = 0, numOutputs = 0;
  std::string call = "    " + top + "(";
  for (auto [k, port] : llvm::enumerate(emitter.ports)) {
    std::string t = emitter.typeName(port.type.getElementType());
    int64_t size = port.type.getNumElements();
    std::string dimsText, first, shapeList;
    for (int64_t x : port.type.getShape()) {
      dimsText += "[" + std::to_string(x) + "]";
      first += "[0]";
      shapeList += (shapeList.empty() ? "" : ", ") + std::to_string(x);
    }
    call += (k ? ", " : "") + port.name;
    sample += "    static " + t + " " + port.name + dimsText + ";\n";
    if (!port.isOutput) {
      unsigned i = numInputs++;
      checks += llvm::formatv(
          "  {{\n    const long expected[] = {{{0}};\n"
          "    const std::vector<int64_t> &shape = in[{1}].shape;\n"
          "    bool same = shape.size() == {2};\n"
          "    for (size_t d = 0; same && d < shape.size(); ++d)\n"
          "      same = shape[d] == expected[d] || (d == 0 && expected[0] == 1);\n"
          "    if (!same) {{\n"
          "      std::cerr << \"input {1}: shape does not match the port\\n\";\n"
          "      return 1;\n    }\n"
          "    if (long(in[{1}].values.size()) != {3}) {{\n"
          "      const long samples = long(in[{1}].values.size()) / {3};\n"
          "      if (batch != 1 && batch != samples) {{\n"
          "        std::cerr << \"input {1}: \" << samples << \" samples, an "
          "earlier input \" << batch << \"\\n\";\n"
          "        return 1;\n      }\n"
          "      batch = samples;\n    }\n  }\n",
          shapeList, i, port.type.getRank(), size);
      sample += llvm::formatv(
          "    {{\n      {0} *flat = &{1}{2};\n"
          "      const long offset = long(in[{3}].values.size()) == {4} ? 0 : s * {4};\n"
          "      for (long k = 0; k < {4}; ++k)\n"
          "        flat[k] = {0}(in[{3}].values[offset + k]);\n    }\n",
          t, port.name, first, i, size);
    } else {
      unsigned o = numOutputs++;
      collect += llvm::formatv(
          "    for (long k = 0; k < {0}; ++k)\n"
          "      results[{1}].push_back((&{2}{3})[k].to_double());\n",
          size, o, port.name, first);
      auto shape = port.type.getShape();
      writes += "  {\n    std::vector<long> shape = {";
      for (auto [j, x] : llvm::enumerate(shape))
        writes += (j ? ", " : "") +
                  (j == 0 && x == 1 ? std::string("batch") : std::to_string(x));
      writes += "};\n";
      if (shape.empty() || shape[0] != 1)
        writes += "    if (batch != 1)\n      shape.insert(shape.begin(), batch);\n";
      writes += llvm::formatv(
          "    if (!writeNpy(outputs[{0}], shape, results[{0}])) {{\n"
          "      std::cerr << \"cannot write \" << outputs[{0}] << \"\\n\";\n"
          "      return 1;\n    }\n  }\n",
          o);
    }
  }
  sample += call + ");\n" + collect;
  std::string bench = kTestbench;
  bench = replaceAll(bench, "%TOP%", top);
  bench = replaceAll(bench, "%NUM_INPUTS%", std::to_string(numInputs));
  bench = replaceAll(bench, "%NUM_OUTPUTS%", std::to_string(numOutputs));
  bench = replaceAll(bench, "%CHECKS%", checks);
  bench = replaceAll(bench, "%SAMPLE%", sample);
  bench = replaceAll(bench, "%WRITES%", writes);
  if (failed(writeFile(module, files[3], [&](raw_ostream &os) {
        os << bench;
        return success();
      })))
    return failure();

  if (failed(writeFile(module, files[4], [&](raw_ostream &os) {
        os << "# Vitis HLS project: vitis_hls -f build_prj.tcl\n"
           << "# IOType: " << (stream ? "io_stream" : "io_parallel") << "\n"
              "# Set NN_CSIM_ARGS for the testbench's --input/--output "
              "arguments.\n"
              "# Vitis compiles with its own ap_fixed.h: nn's C-simulation "
              "stand-ins\n# (" << kCsimApDir << ") are only for the Makefile; "
              "the testbench's .npy reader is in " << kCsimTbDir << ".\n"
              "set nn_prj [file dirname [file normalize [info script]]]\n"
              "open_project -reset "
           << top << "_prj\nset_top " << top << "\nadd_files firmware/" << top
           << ".cpp -cflags \"-std=c++14\"\nadd_files -tb " << top
           << "_test.cpp -cflags \"-std=c++14 -I$nn_prj -I$nn_prj/"
           << kCsimTbDir << "\"\n"
              "open_solution -reset solution1 -flow_target vivado\n"
              "set_part {" << target->part << "}\ncreate_clock -period "
           << target->clockPeriod << " -name default\n"
              "set args [expr {[info exists ::env(NN_CSIM_ARGS)] ? "
              "$::env(NN_CSIM_ARGS) : \"\"}]\n"
              "csim_design -argv $args\ncsynth_design\ncosim_design -argv "
              "$args\nexport_design -format ip_catalog\nexit\n";
        return success();
      })))
    return failure();
  // Only paths relative to the project: it builds wherever it is copied.
  if (failed(writeFile(module, files[5], [&](raw_ostream &os) {
    os << "# C simulation with g++ and the C-simulation headers this project "
          "carries:\n#   make && ./"
       << top
       << "_csim --input x.npy --output y.npy\n"
          "# NN_RUNTIME_INCLUDE may name another copy of nn's runtime headers\n"
          "# (<prefix>/share/nn/runtime/include of an installed nn).\n"
          "NN_RUNTIME_INCLUDE ?= " << kCsimApDir << "\n"
          "# Where nn/Support/FixedPoint.h, which they build on, is found.\n"
          "NN_SUPPORT_INCLUDE ?= " << kCsimApDir << "\n"
          "CXX ?= g++\n# The firmware's contract; CXXFLAGS from the environment add to it.\n"
          "NN_CXXFLAGS = -std=c++14 -O2 -Wall -Wextra -Werror\n"
       << (stream ? "# io_stream: every DATAFLOW process runs in its own thread "
                    "over FIFOs bounded\n# by their STREAM depths (an "
                    "undersized depth deadlocks and is reported);\n# "
                    "NN_FIFO_REPORT=<file> in the environment writes each "
                    "FIFO's depth and peak.\nNN_CXXFLAGS += "
                    "-DNN_CSIM_DATAFLOW -pthread\n"
                  : "")
       << "\n"
       << top << "_csim: firmware/" << top << ".cpp firmware/" << top
       << ".h " << top << "_test.cpp\n\t$(CXX) $(NN_CXXFLAGS) $(CXXFLAGS) -I. -Ifirmware "
          "-I$(NN_RUNTIME_INCLUDE) -I$(NN_SUPPORT_INCLUDE) -I" << kCsimTbDir
       << " firmware/"
       << top << ".cpp " << top << "_test.cpp -o $@\n\nclean:\n\trm -f " << top
       << "_csim\n";
    return success();
  })))
    return failure();
  if (stream && failed(writeFile(module, files[fifoFile], [&](raw_ostream &os) {
        os << hlsemit::fifoReport(*topFunc);
        return success();
      })))
    return failure();
  if (stream &&
      failed(writeFile(module, files[fifoFile + 1], [&](raw_ostream &os) {
        os << hlsemit::dataflowDot(*topFunc);
        return success();
      })))
    return failure();
  if (!estimateJson || !estimateTable)
    return success();
  if (failed(writeFile(module, files[estimateFile], [&](raw_ostream &os) {
        os << estimateJson.getValue();
        return success();
      })))
    return failure();
  return writeFile(module, files[estimateFile + 1], [&](raw_ostream &os) {
    os << "# " << top << "\n\nHLS project written by nn-translate "
          "--emit-hls-project. Build: `vitis_hls -f build_prj.tcl`; C "
          "simulation: `make`.\n\nIOType: "
       << (stream ? "io_stream (FIFO depths: fifo_depths.txt)"
                  : "io_parallel")
       << ".\n\n## Estimate\n\nnn's cost model "
          "(--nn-estimate, docs/CostModel.md) before the lowering, also in "
          "estimate.json:\n\n```\n"
       << estimateTable.getValue() << "```\n";
    return success();
  });
}
