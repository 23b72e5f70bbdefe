//===- InputFile.cpp - opening the files a user hands to nn ---------------===//

#include "nn/Support/InputFile.h"

#include "llvm/ADT/Twine.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nn;

static llvm::Error fileError(const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), what);
}

/// What a non-regular file is, for the message.
static const char *kindOf(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "a special file";
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
nn::readInputFile(llvm::StringRef path, uint64_t maxBytes, bool nullTerminate) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
  // writer; with it, open returns at once and fstat below refuses the FIFO.
  // (A stat before open would leave a window in which the path is swapped.)
  std::string name = path.str();
  int fd;
  do {
    fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return fileError("cannot be read: " +
                     std::error_code(errno, std::generic_category()).message());
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};

  struct stat status;
  if (::fstat(fd, &status) != 0)
    return fileError("cannot be read: " +
                     std::error_code(errno, std::generic_category()).message());
  if (!S_ISREG(status.st_mode))
    return fileError(llvm::Twine("is ") + kindOf(status.st_mode) +
                     ", not a regular file");
  uint64_t size = uint64_t(status.st_size);
  if (size > maxBytes)
    return fileError("has " + llvm::Twine(size) +
                     " bytes, more than the limit of " + llvm::Twine(maxBytes) +
                     " bytes");
  // Reads exactly `size` bytes (a file that grows meanwhile cannot take
  // more memory than was checked), into memory rather than mapped
  // (IsVolatile): a mapped file truncated by someone else would raise
  // SIGBUS on access.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getOpenFile(fd, path, size, nullTerminate,
                                      /*IsVolatile=*/true);
  if (!buffer)
    return fileError("cannot be read: " + buffer.getError().message());
  return std::move(*buffer);
}
