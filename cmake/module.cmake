# wk_module(<name> SOURCES <file>... [DEPS <target>...] [PRIVATE_DEPS <target>...] [TESTS <file>...])
#
# One static library per module, target wk_<name>. Its public headers are in include/wk/<name>/,
# the only include directory other modules see; everything else in the folder is private, so
# including another module's private header fails to compile. DEPS are linked publicly (the
# module's public headers use them), PRIVATE_DEPS only inside. TESTS (GoogleTest sources beside
# the code) build one test program per module, whose cases ctest lists one by one.
function(wk_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS;TESTS" ${ARGN})
  add_library(wk_${name} STATIC ${M_SOURCES})
  target_include_directories(wk_${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include")
  target_link_libraries(wk_${name} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  if(WK_TESTS AND M_TESTS)
    add_executable(wk_${name}_test ${M_TESTS})
    # Tests see the module's private headers too: they test the module from inside.
    target_include_directories(wk_${name}_test PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
    target_link_libraries(wk_${name}_test PRIVATE wk_${name} ${M_PRIVATE_DEPS} GTest::gtest_main GTest::gmock)
    gtest_discover_tests(wk_${name}_test
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      PROPERTIES ENVIRONMENT "WK_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data;WK_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
