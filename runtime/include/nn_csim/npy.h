// nn_csim/npy.h - the .npy reader of the C-simulation testbench.
//
// Emitted projects read their --input files with nn_csim::readNpy: the
// parser is nn/Support/Npy.h, the one nn-interp uses, so the testbench
// accepts and refuses exactly the files nn-interp does. The file is opened
// like nn-interp opens its inputs (nn/Support/InputFile.h): only a regular
// file is read (a FIFO is never waited on: opened non-blocking, checked
// with fstat), at most `maxBytes` bytes. C++14, POSIX.
#ifndef NN_CSIM_NPY_H
#define NN_CSIM_NPY_H

#include "nn/Support/Npy.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nn_csim {

using NpyArray = nn::npy::Array;

/// The default size limit of an input file: 4 GiB.
constexpr uint64_t kMaxNpyBytes = uint64_t(4) << 30;

/// Reads the .npy file `path` into `array`. Returns the error message
/// (which does not repeat the path), or an empty string on success.
inline std::string readNpy(const std::string &path, NpyArray &array,
                           uint64_t maxBytes = kMaxNpyBytes) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return std::string("cannot be read: ") + std::strerror(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat status;
  if (::fstat(fd, &status) != 0)
    return std::string("cannot be read: ") + std::strerror(errno);
  if (!S_ISREG(status.st_mode))
    return S_ISDIR(status.st_mode)    ? "is a directory, not a regular file"
           : S_ISFIFO(status.st_mode) ? "is a FIFO, not a regular file"
                                      : "is not a regular file";
  uint64_t size = uint64_t(status.st_size);
  if (size > maxBytes)
    return "has " + std::to_string(size) + " bytes, more than the limit of " +
           std::to_string(maxBytes) + " bytes";
  std::string bytes(size_t(size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd, &bytes[done], bytes.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return std::string("cannot be read: ") + std::strerror(errno);
    if (n == 0) // shrunk since fstat: parse what is there
      break;
    done += size_t(n);
  }
  bytes.resize(done);
  // Values are doubles: 8 bytes each, at most as many as the file allows.
  return nn::npy::parse(bytes.data(), bytes.size(), array, maxBytes / 4);
}

} // namespace nn_csim

#endif // NN_CSIM_NPY_H
