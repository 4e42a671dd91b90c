# cmake -P script, run by ctest (tool.headergen): HeaderGen as a .NET tool, installed from the feed the build packed,
# writes the same header as the build; the documented `dotnet run --project src/HeaderGen` keeps working too.
cmake_policy(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../cmake/TestScript.cmake")
exportlib_require_variables(HeaderGenTool.cmake DOTNET FEED WORK_DIR ASSEMBLY HEADER SOURCE_DIR)

file(REMOVE_RECURSE "${WORK_DIR}")
run("${DOTNET}" tool install HeaderGen --tool-path "${WORK_DIR}/tools" --add-source "${FEED}")
run("${WORK_DIR}/tools/headergen" "${ASSEMBLY}" -o "${WORK_DIR}/tool/exportlib.h")
run("${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/tool/exportlib.h" "${HEADER}")
run("${DOTNET}" run --project "${SOURCE_DIR}/src/HeaderGen" -c Release -- "${ASSEMBLY}" -o "${WORK_DIR}/run/exportlib.h")
run("${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/run/exportlib.h" "${HEADER}")
message(STATUS "headergen (dotnet tool) and dotnet run both write ${HEADER} byte for byte")
