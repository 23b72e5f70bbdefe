# nn_add_library(name SOURCES... [DEPENDS tablegen-targets...] [LINK_LIBS libs...])
#
# A shared library of the project linked against the shared libMLIR.so and
# libLLVM.so only. MLIR's add_mlir_library would pull in the static
# libMLIR*.a archives, which must never be mixed with libMLIR.so.
function(nn_add_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} SHARED ${ARG_UNPARSED_ARGUMENTS})
  add_library(NN::${name} ALIAS ${name})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS} MLIR LLVM)
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${NN_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${NN_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  # MLIR's imported targets carry no include directories; pass them on so a
  # consumer of the installed package needs nothing but find_package(NN).
  target_include_directories(${name} SYSTEM PUBLIC
    ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
  install(TARGETS ${name} EXPORT NNTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endfunction()
