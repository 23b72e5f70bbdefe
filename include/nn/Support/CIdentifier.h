//===- CIdentifier.h - the one rule from names to C++ identifiers -*- C++ -*-=//
//
// Every name that reaches emitted C++ (the top function from the graph's
// name, layer, port, array and weight names, and the file names derived
// from the top function) goes through cIdentifier(), and IdentifierScope
// makes the results unique. The rule (docs/Lowering.md, "Names"):
//
//  1. Spelling: ASCII letters and digits are kept; every other byte
//     (punctuation, spaces, '/', quotes, each byte of a UTF-8 character,
//     and '_') becomes '_', and runs of '_' become one '_' (C++ reserves
//     identifiers containing "__"). A name that does not start with a letter
//     gets the prefix "n_" ("_x" -> "n_x", "1x" -> "n_1x", "" -> "n_"), so
//     no identifier starts with '_' (reserved at file scope, and "_X" in
//     every scope).
//  2. Length: a spelling longer than kMaxIdentifierLength keeps its first
//     kTruncatedLength characters plus "_" and 8 hex digits of a hash
//     (FNV-1a, 32 bits) of the whole original name, so long names that
//     share a prefix stay apart and the result is the same on every run.
//  3. Reserved: a spelling that is a C++17 keyword or alternative token, a
//     name the C/C++ library or the ap_fixed/HLS headers declare or define
//     (isReservedCIdentifier), that ends in "_t" (POSIX reserves the suffix;
//     the emitted typedefs use it) or that has no lowercase letter (it could
//     be a macro: NULL, EOF, EINVAL, INT_MAX, header guards) gets the suffix
//     "_v" ("main" -> "main_v", "NULL" -> "NULL_v"), which leaves every rule.
//  4. Uniqueness (IdentifierScope::fresh): a result already taken in the
//     scope (or reserved there by the emitter for its own names) gets the
//     first free suffix "_1", "_2", ...
//
// Results are therefore at most kMaxIdentifierLength + 2 + 1 + 10 characters
// of [A-Za-z0-9_], start with a letter, and can be used as file names (no
// '/', no "..", bounded length).
//
// escapeComment() prints an original name inside a // comment so that it
// cannot end or extend the comment.
//
// Header-only, no MLIR dependency.
//
//===----------------------------------------------------------------------===//

#ifndef NN_SUPPORT_CIDENTIFIER_H
#define NN_SUPPORT_CIDENTIFIER_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace nn {

/// The longest spelling before the reserved and uniqueness suffixes.
constexpr std::size_t kMaxIdentifierLength = 64;
/// The prefix a longer spelling keeps (plus "_" and 8 hex digits: 64).
constexpr std::size_t kTruncatedLength = 55;
/// The most bytes of an original name escapeComment() prints.
constexpr std::size_t kMaxCommentNameBytes = 1024;

namespace detail {

/// FNV-1a, 32 bits: a fixed, platform-independent hash.
inline uint32_t fnv1a(std::string_view text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

inline bool isAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/// Names the compiled C++ can see besides the user's: keywords and
/// alternative tokens of C++17, macros and declarations of the C and C++
/// libraries the emitted files include (glibc with _GNU_SOURCE, as g++
/// compiles C++), and the names of the ap_fixed/HLS headers (Vitis and
/// nn's C-simulation copies). Sorted, for binary search.
inline const char *const kReservedWords[] = {
    "Array", "abort", "abs", "access", "acos", "acosh", "alarm", "alignas",
    "alignof", "alloca", "and", "and_eq", "ap_bit_ref", "ap_concat_ref",
    "ap_fixed", "ap_fixed_base", "ap_int", "ap_int_base", "ap_o_mode",
    "ap_private", "ap_q_mode", "ap_range_ref", "ap_slong", "ap_ufixed",
    "ap_uint", "ap_ulong", "argc", "argv", "asin", "asinh", "asm", "assert",
    "atan", "atan2", "atanh", "atexit", "atof", "atoi", "atol", "atoll", "auto",
    "bcmp", "bcopy", "bitand", "bitor", "bool", "break", "bsearch", "bzero",
    "calloc", "case", "catch", "cbrt", "ceil", "char", "char16_t", "char32_t",
    "chdir", "class", "clearerr", "clock", "close", "compl", "concept", "const",
    "const_cast", "consteval", "constexpr", "constinit", "continue", "copysign",
    "cos", "cosh", "daylight", "decltype", "default", "delete", "difftime",
    "div", "do", "double", "drem", "dup", "dup2", "dynamic_cast", "else",
    "enum", "environ", "erf", "erfc", "errno", "execl", "execv", "execve",
    "execvp", "exit", "exp", "exp10", "exp2", "explicit", "expm1", "export",
    "extern", "fabs", "false", "fclose", "fdim", "feof", "ferror", "fflush",
    "fgetc", "fgets", "fileno", "finite", "float", "floor", "fma", "fmax",
    "fmin", "fmod", "fopen", "for", "fork", "fprintf", "fputc", "fputs",
    "fread", "free", "freopen", "frexp", "friend", "fscanf", "fseek", "fsync",
    "ftell", "fwrite", "fx", "gamma", "getc", "getchar", "getenv", "getpid",
    "gets", "goto", "hls", "hypot", "if", "ilogb", "index", "inline", "int",
    "isalnum", "isalpha", "isascii", "isblank", "iscntrl", "isdigit",
    "isfinite", "isgraph", "isinf", "islower", "isnan", "isnormal", "isprint",
    "ispunct", "isspace", "isupper", "isxdigit", "j0", "j1", "jn", "kill",
    "labs", "ldexp", "ldiv", "lgamma", "link", "linux", "llabs", "llrint",
    "llround", "log", "log10", "log1p", "log2", "logb", "long", "longjmp",
    "lrint", "lround", "lseek", "main", "major", "makedev", "malloc", "memchr",
    "memcmp", "memcpy", "memmove", "memset", "minor", "mkdir", "mktime", "modf",
    "mutable", "namespace", "nan", "nearbyint", "new", "nextafter",
    "nexttoward", "nn", "nn_csim", "noexcept", "not", "not_eq", "nullptr",
    "offsetof", "open", "operator", "optarg", "opterr", "optind", "optopt",
    "or", "or_eq", "pause", "pclose", "perror", "pipe", "popen", "pow", "pow10",
    "printf", "private", "protected", "public", "putc", "putchar", "puts",
    "qsort", "raise", "rand", "random", "read", "realloc", "register",
    "reinterpret_cast", "remainder", "remove", "remquo", "rename", "requires",
    "return", "rewind", "rindex", "rint", "rmdir", "round", "scalb", "scalbln",
    "scalbn", "scanf", "select", "setbuf", "setjmp", "setvbuf", "short",
    "signal", "signbit", "signed", "significand", "sin", "sincos", "sinh",
    "sizeof", "sleep", "snprintf", "sprintf", "sqrt", "srand", "srandom",
    "sscanf", "ssdm_op", "static", "static_assert", "static_cast", "std",
    "stderr", "stdin", "stdout", "strcat", "strchr", "strcmp", "strcpy",
    "strdup", "strerror", "strlen", "strncat", "strncmp", "strncpy", "strrchr",
    "strstr", "strtod", "strtof", "strtok", "strtol", "strtoll", "strtoul",
    "struct", "switch", "sync", "system", "tan", "tanh", "template", "tgamma",
    "this", "thread_local", "throw", "time", "timezone", "tmpfile", "tolower",
    "toupper", "true", "trunc", "try", "typedef", "typeid", "typename",
    "tzname", "ungetc", "union", "unix", "unlink", "unsigned", "using",
    "usleep", "va_arg", "va_copy", "va_end", "va_list", "va_start", "virtual",
    "void", "volatile", "wait", "wchar_t", "while", "write", "xor", "xor_eq",
    "y0", "y1", "yn",
};

} // namespace detail

/// Whether `id` (already spelled by rule 1) must not be used as it is: see
/// rule 3 of the file comment.
inline bool isReservedCIdentifier(std::string_view id) {
  if (std::none_of(id.begin(), id.end(),
                   [](char c) { return c >= 'a' && c <= 'z'; }))
    return true;
  if (id.size() >= 2 && id.substr(id.size() - 2) == "_t")
    return true;
  const char *const *begin = std::begin(detail::kReservedWords);
  const char *const *end = std::end(detail::kReservedWords);
  const char *const *it = std::lower_bound(
      begin, end, id,
      [](const char *word, std::string_view v) { return v.compare(word) > 0; });
  return it != end && id == *it;
}

/// The C++ identifier of `name` by rules 1-3 of the file comment
/// (deterministic; uniqueness is IdentifierScope's).
inline std::string cIdentifier(std::string_view name) {
  std::string id;
  for (char c : name) {
    if (detail::isAsciiAlnum(c))
      id += c;
    else if (id.empty() || id.back() != '_')
      id += '_';
  }
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') ||
                      (id[0] >= 'A' && id[0] <= 'Z')))
    id = id.empty() || id[0] != '_' ? "n_" + id : "n" + id;
  if (id.size() > kMaxIdentifierLength) {
    id.resize(kTruncatedLength);
    while (id.back() == '_')
      id.pop_back();
    static const char hex[] = "0123456789abcdef";
    uint32_t hash = detail::fnv1a(name);
    id += '_';
    for (int shift = 28; shift >= 0; shift -= 4)
      id += hex[(hash >> shift) & 0xf];
  }
  if (isReservedCIdentifier(id))
    id += "_v";
  return id;
}

/// One C++ scope's identifiers: fresh() gives each name a unique
/// identifier (rule 4), reserve() takes names the emitter itself uses.
class IdentifierScope {
public:
  /// Takes `id` as is (the emitter's own names: loop variables, helpers).
  void reserve(const std::string &id) { used.insert(id); }
  bool contains(const std::string &id) const { return used.count(id) != 0; }

  /// cIdentifier(name), or with the first free suffix "_1", "_2", ...
  std::string fresh(std::string_view name) {
    std::string id = cIdentifier(name);
    std::string candidate = id;
    // Each base remembers its next suffix: thousands of layers of one name
    // cost linear time, not quadratic.
    uint64_t &next = nextSuffix[id];
    while (used.count(candidate))
      candidate = id + "_" + std::to_string(++next);
    used.insert(candidate);
    return candidate;
  }

private:
  std::set<std::string> used;
  std::map<std::string, uint64_t> nextSuffix;
};

/// `text` for a // comment: printable ASCII is kept except '\\' (a line
/// splice at the end of a line), '?' (trigraphs, "??/" is a '\\' before
/// C++17) and the '/' of "*/"; those and every other byte (newlines,
/// control characters, UTF-8 bytes) print as \xHH. At most
/// kMaxCommentNameBytes bytes of `text` are printed, then
/// "... (N bytes)".
inline std::string escapeComment(std::string_view text) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  std::size_t n = std::min(text.size(), kMaxCommentNameBytes);
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool endsComment = c == '/' && i > 0 && text[i - 1] == '*';
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '?' && !endsComment) {
      out += static_cast<char>(c);
      continue;
    }
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 0xf];
  }
  if (text.size() > n)
    out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

} // namespace nn

#endif // NN_SUPPORT_CIDENTIFIER_H
