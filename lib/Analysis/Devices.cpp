//===- Devices.cpp - the FPGA parts the cost model knows ------------------===//
//
// Available resources from the vendor's product tables (DS890 UltraScale,
// DS891 Zynq UltraScale+, DS962 Alveo U250, DS190 7 series), as the
// synthesis reports print them (AvailableDSP, AvailableLUT, ...; BRAM as
// 18K blocks: two per 36K block).
//
//===----------------------------------------------------------------------===//

#include "nn/Analysis/CostModel.h"
#include "nn/Conversion/Passes.h"

#include <cmath>

#include <cctype>

using namespace nn::cost;

const std::vector<Device> &nn::cost::knownDevices() {
  static const std::vector<Device> devices = {
      // part                       DSP    LUT      FF       BRAM18 URAM
      {"xcvu13p-flga2577-2-e", 12288, 1728000, 3456000, 5376, 1280},
      {"xcu250-figd2104-2L-e", 12288, 1728000, 3456000, 5376, 1280},
      {"xczu9eg-ffvb1156-2-e", 2520, 274080, 548160, 1824, 0},
      {"xczu3eg-sbva484-1-e", 360, 70560, 141120, 432, 0},
      {"xc7z020clg400-1", 220, 53200, 106400, 280, 0},
      {"xcku115-flvb2104-2-i", 5520, 663360, 1326720, 4320, 0},
      {"xcku035-fbva676-2-e", 1700, 203128, 406256, 1080, 0},
      {"xc7vx690t-ffg1761-2", 3600, 433200, 866400, 2940, 0},
      {"xc7vx690t-ffg1927-2", 3600, 433200, 866400, 2940, 0},
  };
  return devices;
}

namespace {
/// Lower case without dashes: "xc7z020-clg400-1" == "xc7z020clg400-1".
std::string normalize(llvm::StringRef part) {
  std::string s;
  for (char c : part)
    if (c != '-')
      s += char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
} // namespace

const Device *nn::cost::findDevice(llvm::StringRef part) {
  std::string wanted = normalize(part);
  if (wanted == "xcu250")
    wanted = normalize("xcu250-figd2104-2L-e");
  for (const Device &d : knownDevices())
    if (normalize(d.part) == wanted)
      return &d;
  return nullptr;
}

std::string nn::cost::knownDeviceList() {
  std::string list;
  for (const Device &d : knownDevices())
    list += (list.empty() ? "" : ", ") + std::string(d.part);
  return list + " (and xcu250)";
}

mlir::FailureOr<Target> nn::cost::resolveTarget(mlir::ModuleOp module,
                                                llvm::StringRef part,
                                                double clockNs,
                                                llvm::StringRef pass) {
  std::string partName = part.str();
  if (partName.empty()) {
    if (auto attr = module->getAttrOfType<mlir::StringAttr>(kHlsPartAttr))
      partName = attr.str();
    else
      partName = kDefaultPart;
  }
  Target target;
  target.device = findDevice(partName);
  if (!target.device)
    return module.emitError() << pass << ": unknown part '" << partName
                              << "'; known parts: " << knownDeviceList();
  target.clockNs = clockNs;
  if (clockNs == 0) {
    target.clockNs = kDefaultClockNs;
    if (auto attr =
            module->getAttrOfType<mlir::FloatAttr>(kHlsClockPeriodAttr))
      target.clockNs = attr.getValueAsDouble();
  }
  if (!(target.clockNs > 0) || !std::isfinite(target.clockNs))
    return module.emitError()
           << pass << ": clock-ns must be a positive number of "
           << "nanoseconds, got " << target.clockNs;
  return target;
}
