//===- Report.cpp - the estimate as a table and as est.json ---------------===//

#include "nn/Analysis/CostModel.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace nn::cost;

namespace {
std::string percent(int64_t used, int64_t available) {
  if (available <= 0)
    return used ? "n/a" : "0%";
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format("%.1f%%", 100.0 * double(used) / double(available));
  return s;
}
} // namespace

std::string nn::cost::formatTable(const Estimate &e, const Device &device) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "nn-estimate: part " << e.part << ", clock "
     << llvm::format("%g", e.clockNs) << " ns\n";
  auto row = [&](llvm::StringRef name, llvm::StringRef op, llvm::StringRef r,
                 llvm::StringRef strategy, llvm::StringRef structure,
                 const Resources &res, llvm::StringRef latency,
                 llvm::StringRef ii) {
    os << llvm::format("%-20s %-18s %5s %-9s %-9s %7s %9s %9s %8s %9s %7s\n",
                       name.str().c_str(), op.str().c_str(), r.str().c_str(),
                       strategy.str().c_str(), structure.str().c_str(),
                       std::to_string(res.dsp).c_str(),
                       std::to_string(res.lut).c_str(),
                       std::to_string(res.ff).c_str(),
                       std::to_string(res.bram18k).c_str(),
                       latency.str().c_str(), ii.str().c_str());
  };
  os << llvm::format("%-20s %-18s %5s %-9s %-9s %7s %9s %9s %8s %9s %7s\n",
                     "layer", "op", "R", "strategy", "structure", "DSP", "LUT",
                     "FF", "BRAM_18K", "latency", "II");
  for (const LayerEstimate &l : e.layers) {
    if (l.unknown) {
      os << llvm::format("%-20s %-18s %s\n", l.name.c_str(), l.op.c_str(),
                         "unknown: no cost model (not in the totals)");
      continue;
    }
    row(l.name, l.op, std::to_string(l.reuse), l.strategy, l.structure, l.res,
        std::to_string(l.latencyWorst), std::to_string(l.ii));
  }
  row("total", "", "", "", "", e.total, std::to_string(e.latencyWorst),
      std::to_string(e.ii));
  os << llvm::format("%-20s %-18s %5s %-9s %-9s %7s %9s %9s %8s\n", "available",
                     "", "", "", "", std::to_string(device.dsp).c_str(),
                     std::to_string(device.lut).c_str(),
                     std::to_string(device.ff).c_str(),
                     std::to_string(device.bram18k).c_str());
  os << llvm::format("%-20s %-18s %5s %-9s %-9s %7s %9s %9s %8s\n",
                     "utilisation", "", "", "", "",
                     percent(e.total.dsp, device.dsp).c_str(),
                     percent(e.total.lut, device.lut).c_str(),
                     percent(e.total.ff, device.ff).c_str(),
                     percent(e.total.bram18k, device.bram18k).c_str());
  os << "latency " << e.latencyWorst << " cycles ("
     << llvm::format("%.1f", double(e.latencyWorst) * e.clockNs)
     << " ns), II " << e.ii << "\n";
  if (!e.unknownOps.empty()) {
    os << "unknown (not estimated):";
    for (const std::string &op : e.unknownOps)
      os << " " << op;
    os << "\n";
  }
  return s;
}

std::string nn::cost::formatJson(const Estimate &e) {
  llvm::json::Array layers;
  for (const LayerEstimate &l : e.layers) {
    llvm::json::Object o{{"name", l.name},
                         {"op", l.op},
                         {"reuse_factor", l.reuse},
                         {"strategy", l.strategy},
                         {"dsp", l.res.dsp},
                         {"lut", l.res.lut},
                         {"ff", l.res.ff},
                         {"bram_18k", l.res.bram18k},
                         {"latency_cycles", l.latencyWorst},
                         {"ii", l.ii}};
    if (l.unknown)
      o["unknown"] = true;
    layers.push_back(std::move(o));
  }
  llvm::json::Object root{
      {"part", e.part},
      {"clock_ns", e.clockNs},
      {"total", llvm::json::Object{{"dsp", e.total.dsp},
                                   {"lut", e.total.lut},
                                   {"ff", e.total.ff},
                                   {"bram_18k", e.total.bram18k},
                                   {"uram", e.total.uram},
                                   {"latency_cycles", e.latencyWorst},
                                   {"ii", e.ii}}},
      {"layers", std::move(layers)}};
  if (!e.unknownOps.empty()) {
    llvm::json::Array unknown;
    for (const std::string &op : e.unknownOps)
      unknown.push_back(op);
    root["unknown_ops"] = std::move(unknown);
  }
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root))) << "\n";
  return s;
}
