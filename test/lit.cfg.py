# -*- Python -*-
# lit configuration of the nn test suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "nn"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".onnxtext", ".test"]
# Fuzz/regressions holds fuzzer inputs (.onnxtext among them), replayed by the
# fuzz tests, not lit tests.
config.excludes = ["CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs",
                   "install-consumer", "Conformance",
                   "Benchmarks", "Fuzz"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nn_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%nn_src_root", config.nn_src_root))
config.substitutions.append(("%nn_tools_dir", config.nn_tools_dir))
config.substitutions.append(("%onnx_testdata", config.onnx_testdata))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

# FileCheck, not, count and split-file come from LLVM; our tools from the build.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
tool_dirs = [config.nn_tools_dir, config.llvm_tools_dir]
tools = [ToolSubst("nn-opt", unresolved="fatal"),
         ToolSubst("nn-translate", unresolved="fatal"),
         ToolSubst("nn-interp", unresolved="fatal")]
llvm_config.add_tool_substitutions(tools, tool_dirs)
