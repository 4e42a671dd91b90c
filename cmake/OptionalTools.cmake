# The tools some tests need beyond the .NET SDK, CMake and gcc. Each is looked for once; configure prints what is on
# and off (exportlib_optional_tools_summary), and a test that needs a missing tool is not registered, so the two
# README commands pass on a machine that has none of them. .ci/run installs them all, so CI runs every test.
include_guard(GLOBAL)
set(EXPORTLIB_TOOL_LINES "")
function(exportlib_tool_line name state detail)
  # The lines form a CMake list: a ';' in the text would split it.
  string(REPLACE ";" "," detail "${detail}")
  set(EXPORTLIB_TOOL_LINES "${EXPORTLIB_TOOL_LINES};${name}|${state}|${detail}" PARENT_SCOPE)
endfunction()

# clang (plain or versioned): the clang rows of the header-compile matrix, and the fuzz target.
find_program(EXPORTLIB_CLANG NAMES clang clang-21 clang-20 clang-19 clang-18 clang-17 clang-16 clang-15 clang-14)
find_program(EXPORTLIB_CLANGXX NAMES clang++ clang++-21 clang++-20 clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14)
if(EXPORTLIB_CLANG AND EXPORTLIB_CLANGXX)
  exportlib_tool_line("clang header compiles" ON "${EXPORTLIB_CLANG}")
else()
  exportlib_tool_line("clang header compiles" OFF "no clang binary: the NUnit suite still compiles the headers in clang's modes through libclang from NuGet (Debian: apt-get install clang)")
endif()

# libFuzzer: clang's -fsanitize=fuzzer, tried on a one-line target.
set(EXPORTLIB_LIBFUZZER OFF)
if(EXPORTLIB_CLANG)
  set(probe_dir "${CMAKE_BINARY_DIR}/libfuzzer-probe")
  file(WRITE "${probe_dir}/probe.c" "#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t* d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t* d, size_t n) { (void)d; (void)n; return 0; }\n")
  execute_process(COMMAND "${EXPORTLIB_CLANG}" -fsanitize=fuzzer "${probe_dir}/probe.c" -o "${probe_dir}/probe"
                  RESULT_VARIABLE probe_rc OUTPUT_QUIET ERROR_QUIET)
  if(probe_rc EQUAL 0)
    set(EXPORTLIB_LIBFUZZER ON)
  endif()
endif()
if(EXPORTLIB_LIBFUZZER)
  exportlib_tool_line("fuzzing (libFuzzer)" ON "${EXPORTLIB_CLANG} -fsanitize=fuzzer")
else()
  exportlib_tool_line("fuzzing (libFuzzer)" OFF "no clang with libFuzzer (Debian: apt-get install clang libclang-rt-14-dev)")
endif()

# valgrind: memcheck over the C tests against the shared library.
find_program(EXPORTLIB_VALGRIND NAMES valgrind)
if(EXPORTLIB_VALGRIND)
  exportlib_tool_line("valgrind memcheck" ON "${EXPORTLIB_VALGRIND}")
else()
  exportlib_tool_line("valgrind memcheck" OFF "no valgrind (Debian: apt-get install valgrind)")
endif()

# AddressSanitizer and UndefinedBehaviorSanitizer for the C side of the tests (gcc's libasan/libubsan).
set(probe_dir "${CMAKE_BINARY_DIR}/sanitizer-probe")
file(WRITE "${probe_dir}/probe.c" "int main(void) { return 0; }\n")
execute_process(COMMAND "${CMAKE_C_COMPILER}" -fsanitize=address,undefined "${probe_dir}/probe.c" -o "${probe_dir}/probe"
                RESULT_VARIABLE sanitizer_rc OUTPUT_QUIET ERROR_QUIET)
if(sanitizer_rc EQUAL 0)
  set(EXPORTLIB_SANITIZERS ON)
  exportlib_tool_line("ASan/UBSan (C side)" ON "${CMAKE_C_COMPILER} -fsanitize=address,undefined")
else()
  set(EXPORTLIB_SANITIZERS OFF)
  exportlib_tool_line("ASan/UBSan (C side)" OFF "${CMAKE_C_COMPILER} cannot link -fsanitize=address,undefined (Debian: libasan8, libubsan1)")
endif()

# The hashing references: libxxhash (XXH3) at run time; zlib is part of every system.
find_library(EXPORTLIB_XXHASH NAMES xxhash libxxhash.so.0)
if(EXPORTLIB_XXHASH)
  exportlib_tool_line("XXH3 reference (libxxhash)" ON "${EXPORTLIB_XXHASH}")
else()
  exportlib_tool_line("XXH3 reference (libxxhash)" OFF "no libxxhash.so.0: el_xxh3_64 is checked against known values only (Debian: apt-get install libxxhash0)")
endif()

# zlib's header, for the outside project that links its own zlib beside the static library; pkg-config.
find_path(EXPORTLIB_ZLIB_INCLUDE zlib.h)
find_library(EXPORTLIB_ZLIB NAMES z)
if(EXPORTLIB_ZLIB_INCLUDE AND EXPORTLIB_ZLIB)
  set(EXPORTLIB_ZLIB_DEV ON)
  exportlib_tool_line("zlib beside the static library" ON "${EXPORTLIB_ZLIB_INCLUDE}/zlib.h")
else()
  set(EXPORTLIB_ZLIB_DEV OFF)
  exportlib_tool_line("zlib beside the static library" OFF "no zlib.h (Debian: apt-get install zlib1g-dev)")
endif()
find_program(EXPORTLIB_PKG_CONFIG NAMES pkg-config pkgconf)
if(EXPORTLIB_PKG_CONFIG)
  exportlib_tool_line("pkg-config links" ON "${EXPORTLIB_PKG_CONFIG}")
else()
  exportlib_tool_line("pkg-config links" OFF "no pkg-config (Debian: apt-get install pkgconf)")
endif()

# cargo: the benchmark's Rust peer (built by the main build, timed only by the benchmark target).
find_program(EXPORTLIB_CARGO cargo HINTS "$ENV{HOME}/.cargo/bin" DOC "Rust's cargo, for the benchmark's Rust peer")
if(EXPORTLIB_CARGO)
  exportlib_tool_line("benchmark's Rust peer" ON "${EXPORTLIB_CARGO}")
else()
  exportlib_tool_line("benchmark's Rust peer" OFF "no cargo: the benchmark's Rust column says not built (https://rustup.rs)")
endif()

function(exportlib_optional_tools_summary)
  message(STATUS "Optional test tools (a test whose tool is OFF is not registered):")
  foreach(line IN LISTS EXPORTLIB_TOOL_LINES)
    if(line STREQUAL "")
      continue()
    endif()
    string(REPLACE "|" ";" parts "${line}")
    list(GET parts 0 name)
    list(GET parts 1 state)
    list(GET parts 2 detail)
    string(LENGTH "${name}" length)
    math(EXPR pad "32 - ${length}")
    string(REPEAT " " ${pad} spaces)
    message(STATUS "  ${name}${spaces}${state}  ${detail}")
  endforeach()
endfunction()
