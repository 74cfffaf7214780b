# Project-wide target conventions: warnings, sanitizers, test labels and timeouts.

if(JIUJIN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# jiujin_project_target(<target>): warnings on (and errors) for code we write.
function(jiujin_project_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                           -Wno-missing-field-initializers)
  if(JIUJIN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Per-label timeouts in seconds (ctest kills a test that runs longer).
set(JIUJIN_TIMEOUT_unit 60)
set(JIUJIN_TIMEOUT_integration 300)
set(JIUJIN_TIMEOUT_ui 180)
set(JIUJIN_TIMEOUT_e2e 900)

# jiujin_gtest(<target> LABEL <unit|integration|ui|e2e> SOURCES ... LIBS ...)
# Builds a GoogleTest executable and registers each of its tests with ctest.
function(jiujin_gtest target)
  cmake_parse_arguments(ARG "" "LABEL" "SOURCES;LIBS" ${ARGN})
  if(NOT ARG_LABEL)
    set(ARG_LABEL unit)
  endif()
  add_executable(${target} ${ARG_SOURCES})
  jiujin_project_target(${target})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest_main)
  # The source and build trees, as compile definitions: a list-valued ENVIRONMENT does not
  # survive gtest_discover_tests (its semicolons split the property list).
  target_compile_definitions(${target} PRIVATE JIUJIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                               JIUJIN_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${target}
    DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${JIUJIN_TIMEOUT_${ARG_LABEL}}
               ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()

# jiujin_test_command(<name> LABEL <label> COMMAND ...): a test that is a plain command.
function(jiujin_test_command name)
  cmake_parse_arguments(ARG "" "LABEL" "COMMAND" ${ARGN})
  add_test(NAME ${name} COMMAND ${ARG_COMMAND})
  set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${JIUJIN_TIMEOUT_${ARG_LABEL}}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;JIUJIN_SOURCE_DIR=${PROJECT_SOURCE_DIR};JIUJIN_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

# jiujin_benchmark(<target> SOURCES ... LIBS ...): a Google Benchmark program, built by `bench`.
function(jiujin_benchmark target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${target} EXCLUDE_FROM_ALL ${ARG_SOURCES})
  jiujin_project_target(${target})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} benchmark::benchmark)
  add_dependencies(bench ${target})
endfunction()
