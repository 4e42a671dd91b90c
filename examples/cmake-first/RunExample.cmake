# cmake -P script, run by ctest (example.cmake-first): install this repository's build (the ExportLibTools module and
# the packages), then configure, build, run and install a copy of this folder, outside the source tree, against it.
cmake_policy(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/TestScript.cmake")
exportlib_require_variables(RunExample.cmake BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER)

file(REMOVE_RECURSE "${WORK_DIR}")
set(tools "${WORK_DIR}/exportlib")
run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${tools}")
file(COPY "${SOURCE_DIR}/" DESTINATION "${WORK_DIR}/src" PATTERN "bin" EXCLUDE PATTERN "obj" EXCLUDE)
run("${CMAKE_COMMAND}" -S "${WORK_DIR}/src" -B "${WORK_DIR}/build" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${tools}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DCMAKE_BUILD_TYPE=Release)
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/greet")
run("${WORK_DIR}/build/greet_static")
# exportlib_install gives the same prefix tree as a publish with ExportLib.Build.
set(installed "${WORK_DIR}/installed")
run("${CMAKE_COMMAND}" --install "${WORK_DIR}/build" --prefix "${installed}")
foreach(file include/greeter.h lib/libgreeter.so lib/libgreeter.a lib/cmake/Greeter/GreeterConfig.cmake
    lib/cmake/Greeter/GreeterConfigVersion.cmake lib/pkgconfig/greeter.pc lib/pkgconfig/greeter-static.pc bin/greet)
  if(NOT EXISTS "${installed}/${file}")
    message(FATAL_ERROR "the installed tree lacks ${file}")
  endif()
endforeach()
message(STATUS "cmake-first: built, ran and installed through exportlib_add_library")
