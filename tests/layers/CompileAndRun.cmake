# cmake -P script behind the cpp.layer.* tests: compiles the C++ layer's test with one compiler and standard under
# -Wall -Wextra -Werror -pedantic, against the shared or the static library, and runs it.
cmake_policy(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/TestScript.cmake")
exportlib_require_variables(CompileAndRun.cmake CXX STD SOURCE INCLUDE_DIR LIBRARY OUTPUT)
if(LIBRARY MATCHES "\\.a$")
  set(link "${LIBRARY}" -lpthread -ldl -lrt -lm)
else()
  get_filename_component(libdir "${LIBRARY}" DIRECTORY)
  set(link "${LIBRARY}" "-Wl,-rpath,${libdir}" -lpthread)
endif()
run("${CXX}" -std=${STD} -Wall -Wextra -Werror -pedantic -pthread -I "${INCLUDE_DIR}" "${SOURCE}" ${link} -o "${OUTPUT}")
run("${OUTPUT}")
