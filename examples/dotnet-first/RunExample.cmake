# cmake -P script, run by ctest (example.dotnet-first): what a C# author does with ExportLib.Build, from a copy of
# this folder outside the source tree, using only the package feed:
#   dotnet publish MyMath.csproj -c Release -r <rid> -p:ExportLibPrefix=<prefix>
# then a C program linked four ways: find_package (shared and static), pkg-config (shared and static), the plain
# `cc app.c lib/libmymath.a -lpthread -ldl -lrt -lm` line (beside the system zlib), and checks on the archive.
cmake_policy(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/TestScript.cmake")
exportlib_require_variables(RunExample.cmake SOURCE_DIR WORK_DIR FEED DOTNET RID C_COMPILER GENERATOR NM PKG_CONFIG ZLIB_DEV OTHER_STATIC_LIBRARY)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(src "${WORK_DIR}/src")
file(COPY "${SOURCE_DIR}/" DESTINATION "${src}" PATTERN "bin" EXCLUDE PATTERN "obj" EXCLUDE)
# The user's nuget.config points at the feed the ExportLib build packed.
file(READ "${src}/nuget.config" config)
string(REPLACE "../../build/packages" "${FEED}" config "${config}")
file(WRITE "${src}/nuget.config" "${config}")

set(prefix "${WORK_DIR}/prefix")
run("${DOTNET}" publish "${src}/MyMath/MyMath.csproj" -c Release -r "${RID}" "-p:ExportLibPrefix=${prefix}" -nologo -v:minimal)
file(READ "${prefix}/include/mymath.h" header)
if(NOT header MATCHES "mm_extra_twice\\(int32_t x\\);" OR NOT header MATCHES "struct mm_range {")
  message(FATAL_ERROR "the header lacks MyMath.Extra's export or struct (UnmanagedEntryPointsAssembly)")
endif()
foreach(file include/mymath.h include/mymath.hpp lib/python/mymath.py lib/libmymath.so lib/libmymath.a lib/cmake/MyMath/MyMathConfig.cmake
    lib/cmake/MyMath/MyMathConfigVersion.cmake lib/pkgconfig/mymath.pc lib/pkgconfig/mymath-static.pc)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "the published prefix lacks ${file}")
  endif()
endforeach()

# 1. find_package(MyMath): both targets.
run("${CMAKE_COMMAND}" -S "${src}" -B "${WORK_DIR}/cmake-build" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}" -DCMAKE_BUILD_TYPE=Release)
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/cmake-build")
run("${WORK_DIR}/cmake-build/app_shared")
run("${WORK_DIR}/cmake-build/app_static")

# 2. pkg-config: the shared library, and the static archive (mymath-static, with the system libraries of --static).
if(NOT PKG_CONFIG)
  message(STATUS "pkg-config is not installed: the pkg-config links are left out (configure says so)")
else()
  set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
  run("${PKG_CONFIG}" --cflags --libs mymath)
  separate_arguments(shared_flags UNIX_COMMAND "${last_output}")
  run("${C_COMPILER}" "${src}/app.c" ${shared_flags} -o "${WORK_DIR}/app_pc_shared")
  set(ENV{LD_LIBRARY_PATH} "${prefix}/lib")
  run("${WORK_DIR}/app_pc_shared")
  unset(ENV{LD_LIBRARY_PATH})
  run("${PKG_CONFIG}" --static --cflags --libs mymath-static)
  if(NOT last_output MATCHES "libmymath\\.a" OR NOT last_output MATCHES "-ldl")
    message(FATAL_ERROR "pkg-config --static mymath-static gives '${last_output}': no archive or no system libraries")
  endif()
  separate_arguments(static_flags UNIX_COMMAND "${last_output}")
  run("${C_COMPILER}" "${src}/app.c" ${static_flags} -o "${WORK_DIR}/app_pc_static")
  run("${WORK_DIR}/app_pc_static")
endif()

# 3. The plain compiler line, no CMake, no list of runtime files, and the system zlib beside the archive.
run("${C_COMPILER}" "${src}/app.c" "-I${prefix}/include" "${prefix}/lib/libmymath.a" -lpthread -ldl -lrt -lm -o "${WORK_DIR}/app_cc")
run("${WORK_DIR}/app_cc")
if(ZLIB_DEV)
  run("${C_COMPILER}" "${src}/zlib_beside.c" "-I${prefix}/include" "${prefix}/lib/libmymath.a" -lz -lpthread -ldl -lrt -lm -o "${WORK_DIR}/zlib_beside")
  run("${WORK_DIR}/zlib_beside")
else()
  message(STATUS "zlib.h is not installed: the program with its own zlib beside the archive is left out (configure says so)")
endif()

# 4. The archive's global definitions are the header's names and the one-runtime guard, nothing of the runtime.
run("${NM}" -g --defined-only --format=posix "${prefix}/lib/libmymath.a")
string(REPLACE "\n" ";" nm_lines "${last_output}")
set(globals "")
foreach(line IN LISTS nm_lines)
  if(line MATCHES "^([^ ]+) [A-Za-z] ")
    list(APPEND globals "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(SORT globals)
set(expected mm_abi_hash mm_accumulator_free mm_accumulator_new mm_accumulator_push mm_accumulator_walk mm_add mm_answer
    mm_extra_twice mm_range_width mm_round mm_scale mm_vec2_add only_one_dotnet_native_aot_static_library_per_program)
if(NOT globals STREQUAL expected)
  message(FATAL_ERROR "libmymath.a defines [${globals}] globally; expected [${expected}]")
endif()
message(STATUS "libmymath.a: ${last_output}")

# 5. The package's switches: one library only, and the CI check of a committed header.
set(shared_only "${WORK_DIR}/prefix-shared-only")
run("${DOTNET}" publish "${src}/MyMath/MyMath.csproj" -c Release -r "${RID}" "-p:ExportLibPrefix=${shared_only}" -p:ExportLibStatic=false
    -p:ExportLibCpp=false -p:ExportLibPython=false -nologo -v:minimal)
if(NOT EXISTS "${shared_only}/lib/libmymath.so" OR EXISTS "${shared_only}/lib/libmymath.a" OR EXISTS "${shared_only}/lib/pkgconfig/mymath-static.pc")
  message(FATAL_ERROR "ExportLibStatic=false: expected the shared library alone in ${shared_only}")
endif()
if(EXISTS "${shared_only}/include/mymath.hpp" OR EXISTS "${shared_only}/lib/python/mymath.py")
  message(FATAL_ERROR "ExportLibCpp=false / ExportLibPython=false: the layers were still installed in ${shared_only}")
endif()
file(READ "${shared_only}/lib/cmake/MyMath/MyMathConfig.cmake" config)
if(NOT config MATCHES "if\\(false AND NOT TARGET MyMath::mymath_static\\)")
  message(FATAL_ERROR "ExportLibStatic=false: the CMake config still defines MyMath::mymath_static")
endif()
set(committed "${WORK_DIR}/committed/mymath.h")
run("${DOTNET}" build "${src}/MyMath/MyMath.csproj" -c Release "-p:ExportLibHeaderOutput=${committed}" -nologo -v:minimal)
run("${CMAKE_COMMAND}" -E compare_files "${committed}" "${prefix}/include/mymath.h")
run("${DOTNET}" build "${src}/MyMath/MyMath.csproj" -c Release "-p:ExportLibHeaderOutput=${committed}" -p:ExportLibCheck=true -nologo -v:minimal)
file(APPEND "${committed}" "/* edited by hand */\n")
execute_process(COMMAND "${DOTNET}" build "${src}/MyMath/MyMath.csproj" -c Release "-p:ExportLibHeaderOutput=${committed}" -p:ExportLibCheck=true -nologo -v:minimal
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ "${committed}" after)
if(rc EQUAL 0 OR NOT out MATCHES "differs from the header generated" OR NOT after MATCHES "edited by hand")
  message(FATAL_ERROR "ExportLibCheck=true on a stale header gave ${rc} (and must never write it):\n${out}\n${err}")
endif()
message(STATUS "ExportLibStatic=false and ExportLibCheck=true behave as documented")

# A project that does not set PublishAot still gets its libraries from the documented command: the package publishes
# it again with PublishAot=true (restore, which fetches Native AOT's compiler, reads no package's properties).
file(COPY "${src}/MyMath/MyMath.cs" DESTINATION "${src}/MyMath.NoAot")
file(READ "${src}/MyMath/MyMath.csproj" project)
string(REGEX REPLACE "<PublishAot>true</PublishAot>" "" project "${project}")
file(WRITE "${src}/MyMath.NoAot/MyMath.csproj" "${project}")
run("${DOTNET}" publish "${src}/MyMath.NoAot/MyMath.csproj" -c Release -r "${RID}" "-p:ExportLibPrefix=${WORK_DIR}/noaot-prefix" -nologo -v:minimal)
if(NOT last_output MATCHES "does not set PublishAot; publishing it again with PublishAot=true"
   OR NOT EXISTS "${WORK_DIR}/noaot-prefix/lib/libmymath.so" OR NOT EXISTS "${WORK_DIR}/noaot-prefix/lib/libmymath.a")
  message(FATAL_ERROR "a project without PublishAot did not get its libraries:\n${last_output}")
endif()

# 6. Two Native AOT static libraries in one program (this one and ExportLib's, both used): a link error that says
#    why, not a crash in the second runtime's start.
file(WRITE "${WORK_DIR}/two_runtimes.c" "#include <stdint.h>\n#include <mymath.h>\nuint32_t el_version(void);\nint main(void) { return mm_add(1, 2) + (int)el_version(); }\n")
execute_process(COMMAND "${C_COMPILER}" "${WORK_DIR}/two_runtimes.c" "-I${prefix}/include" "${prefix}/lib/libmymath.a" "${OTHER_STATIC_LIBRARY}"
                        -lpthread -ldl -lrt -lm -o "${WORK_DIR}/two_runtimes"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "multiple definition of [`']only_one_dotnet_native_aot_static_library_per_program")
  message(FATAL_ERROR "linking two Native AOT static libraries gave ${rc}:\n${out}\n${err}")
endif()
message(STATUS "two Native AOT static libraries in one link: refused (multiple definition of only_one_dotnet_native_aot_static_library_per_program)")
