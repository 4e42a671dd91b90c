# Helpers for the test scripts that ctest runs with `cmake -P` (the installed-package consumer, the outside projects,
# the HeaderGen tool): the variables a script needs are all set, and a command that fails stops the test with its
# output and error text.
include_guard(GLOBAL)

function(exportlib_require_variables script)
  foreach(var IN LISTS ARGN)
    if(NOT DEFINED ${var})
      message(FATAL_ERROR "${script}: ${var} is not set")
    endif()
  endforeach()
endfunction()

# Runs a command; on success prints its output and leaves it in last_output for the caller.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  string(STRIP "${out}" out)
  message(STATUS "${out}")
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
