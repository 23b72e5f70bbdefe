# Builds SOURCE with COMPILER -std=c++STD -Wall -Wextra -Werror -I INCLUDE_DIR
# (as an emitted project's C simulation is built), runs it and compares its
# standard output with EXPECTED.
file(MAKE_DIRECTORY ${WORK_DIR})
set(exe ${WORK_DIR}/firmware)
execute_process(
  COMMAND ${COMPILER} -std=c++${STD} -Wall -Wextra -Werror -O2
          -I ${INCLUDE_DIR} ${SOURCE} -o ${exe}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} failed:\n${out}${err}")
endif()
execute_process(COMMAND ${exe}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${exe} exited with ${rc}:\n${out}${err}")
endif()
file(READ ${EXPECTED} expected)
if(NOT out STREQUAL expected)
  file(WRITE ${WORK_DIR}/actual.txt "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n--- got ---\n${out}"
    "--- expected ---\n${expected}")
endif()
message(STATUS "firmware output matches (${COMPILER}, c++${STD})")
