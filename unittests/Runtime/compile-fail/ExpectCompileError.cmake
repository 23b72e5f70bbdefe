# Compiles SOURCE with COMPILER -std=c++14 -I INCLUDE_DIR and expects it to
# fail with the message given on the source's "// EXPECT-ERROR: <text>" line.
file(MAKE_DIRECTORY ${WORK_DIR})
file(STRINGS ${SOURCE} lines REGEX "// EXPECT-ERROR: ")
if(NOT lines)
  message(FATAL_ERROR "${SOURCE} has no '// EXPECT-ERROR: ' line")
endif()
list(GET lines 0 line)
string(REGEX REPLACE ".*// EXPECT-ERROR: " "" expected "${line}")
execute_process(
  COMMAND ${COMPILER} -std=c++14 -Wall -Wextra -fsyntax-only
          -I ${INCLUDE_DIR} ${SOURCE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must not")
endif()
string(FIND "${err}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} failed without '${expected}':\n${err}")
endif()
message(STATUS "rejected as expected: ${expected}")
