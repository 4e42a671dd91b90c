# cmake -P script: install the build into a fresh prefix, build the consumer project against it with
# find_package(ExportLib), and run both of its programs (shared and static).
cmake_policy(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/TestScript.cmake")
exportlib_require_variables(TestConsumer.cmake BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR C_COMPILER)

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(file lib/libexportlib.so lib/libexportlib.a include/exportlib.h lib/cmake/ExportLib/ExportLibConfig.cmake
    lib/cmake/ExportLib/ExportLibConfigVersion.cmake lib/pkgconfig/exportlib.pc lib/pkgconfig/exportlib-static.pc
    lib/cmake/ExportLibTools/ExportLibToolsConfig.cmake lib/cmake/ExportLibTools/ExportLibTools.cmake
    share/exportlib/packages/ExportLib.Build.1.0.0.nupkg share/exportlib/packages/HeaderGen.1.0.0.nupkg)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "the install prefix lacks ${file}")
  endif()
endforeach()
run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}" -DCMAKE_BUILD_TYPE=Release)
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
# The static program must not reach into a NuGet cache or the build tree, and needs no runtime archives: the one
# archive it links by absolute path is the installed, self-contained libexportlib.a.
file(READ "${WORK_DIR}/build/CMakeFiles/consumer_static.dir/link.txt" link_line)
separate_arguments(arguments UNIX_COMMAND "${link_line}")
set(linked "")
foreach(argument IN LISTS arguments)
  if(argument MATCHES "^/.*\\.(a|o)$")
    list(APPEND linked "${argument}")
  endif()
endforeach()
if(NOT linked)
  message(FATAL_ERROR "the static consumer's link line names no archive: ${link_line}")
endif()
foreach(file IN LISTS linked)
  string(FIND "${file}" "${prefix}/" at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "the static consumer links ${file}, outside the install prefix ${prefix}")
  endif()
endforeach()
if(NOT linked STREQUAL "${prefix}/lib/libexportlib.a")
  message(FATAL_ERROR "the static consumer links [${linked}], not just ${prefix}/lib/libexportlib.a")
endif()
message(STATUS "the static consumer links one archive, ${linked}")
run("${WORK_DIR}/build/consumer_shared")
run("${WORK_DIR}/build/consumer_static")
