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
run("${WORK_DIR}/build/greet_layer")
# exportlib_install gives the same prefix tree as a publish with ExportLib.Build.
set(installed "${WORK_DIR}/installed")
run("${CMAKE_COMMAND}" --install "${WORK_DIR}/build" --prefix "${installed}")
foreach(file include/greeter.h include/greeter.hpp lib/python/greeter.py lib/libgreeter.so lib/libgreeter.a lib/cmake/Greeter/GreeterConfig.cmake
    lib/cmake/Greeter/GreeterConfigVersion.cmake lib/pkgconfig/greeter.pc lib/pkgconfig/greeter-static.pc bin/greet)
  if(NOT EXISTS "${installed}/${file}")
    message(FATAL_ERROR "the installed tree lacks ${file}")
  endif()
endforeach()
# The installed Python module finds the installed library (prefix/lib, beside lib/python/) by itself.
find_program(python NAMES python3)
if(python)
  # A script file: a ';' in an argument would split it into a CMake list.
  file(WRITE "${WORK_DIR}/use_greeter.py" [=[
import sys
sys.path.insert(0, sys.argv[1])
import greeter
buf = bytearray(32)
n = greeter.greet("Python", buf)
text = bytes(buf[:n - 1]).decode()
print(text)
if n != 15 or text != "Hello, Python!" or greeter.greeting_count() != 3:
    sys.exit("the installed Python module gave a wrong answer")
]=])
  run("${CMAKE_COMMAND}" -E env --unset=GREETER_LIBRARY PYTHONDONTWRITEBYTECODE=1 "${python}" "${WORK_DIR}/use_greeter.py" "${installed}/lib/python")
  if(NOT last_output STREQUAL "Hello, Python!")
    message(FATAL_ERROR "the installed Python module printed '${last_output}'")
  endif()
else()
  message(STATUS "cmake-first: no python3, the installed Python module is not imported")
endif()
message(STATUS "cmake-first: built, ran and installed through exportlib_add_library")
