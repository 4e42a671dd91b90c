# cmake -P script behind `cmake --build build --target benchmark`: runs both benchmark programs, the cold start in
# fresh processes, measures stripped sizes, and writes the report.
cmake_policy(VERSION 3.20)
file(MAKE_DIRECTORY "${RESULTS}")
set(raw "${RESULTS}/raw")
file(MAKE_DIRECTORY "${raw}")

foreach(variant shared static)
  string(TOUPPER "${variant}" upper)
  message(STATUS "benchmark: ${variant} library")
  execute_process(COMMAND "${BENCH_${upper}}" ${variant} "${raw}/${variant}.csv" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "bench_${variant} failed (${rc})")
  endif()
endforeach()

# Cold start: each sample is a fresh process; "call" and "init" alternate.
set(coldstart "")
foreach(i RANGE 1 31)
  foreach(mode call init)
    execute_process(COMMAND "${COLDSTART}" "${SHARED_LIB}" ${mode} OUTPUT_VARIABLE line RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "coldstart ${mode} failed (${rc})")
    endif()
    string(APPEND coldstart "${line}")
  endforeach()
endforeach()
file(WRITE "${raw}/coldstart.csv" "${coldstart}")

# Stripped sizes, as a consumer would ship them.
execute_process(COMMAND "${STRIP}" --strip-all -o "${raw}/libexportlib.stripped.so" "${SHARED_LIB}" RESULT_VARIABLE rc)
execute_process(COMMAND "${STRIP}" --strip-debug -o "${raw}/libexportlib.stripped.a" "${STATIC_LIB}" RESULT_VARIABLE rc2)
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "strip failed")
endif()
file(SIZE "${raw}/libexportlib.stripped.so" so_bytes)
file(SIZE "${raw}/libexportlib.stripped.a" a_bytes)
file(REMOVE "${raw}/libexportlib.stripped.so" "${raw}/libexportlib.stripped.a")

# The machine, as the report names it.
set(cpu "unknown CPU")
if(EXISTS /proc/cpuinfo)
  file(STRINGS /proc/cpuinfo model REGEX "^model name" LIMIT_COUNT 1)
  string(REGEX REPLACE "^model name[ \t]*:[ ]*" "" cpu "${model}")
endif()
cmake_host_system_information(RESULT cores QUERY NUMBER_OF_LOGICAL_CORES)
set(machine "${cpu}, ${cores} cores, ${CMAKE_HOST_SYSTEM_NAME}")
string(TIMESTAMP date "%Y-%m-%d" UTC)

execute_process(COMMAND "${REPORT}" "${RESULTS}" "${raw}/shared.csv" "${raw}/static.csv" "${raw}/coldstart.csv"
                        ${so_bytes} ${a_bytes} "${machine}" "${date}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "report failed (${rc})")
endif()
