# cmake -P script, run at build time after the static publish.
#
# INPUTS lists, one per line and in the ILCompiler's order, what an executable linking the Native AOT static library
# needs besides the archive: files (the bootstrapper object, the runtime and shim archives) and flags (-pthread, -lm).
# This script copies the files to RUNTIME_DIR (so neither the build tree's consumers nor the installed package
# reach into a NuGet cache) and writes:
#   RSP           a linker response file with the staged files' absolute paths and the -l flags, for in-tree targets;
#   PACKAGE_LIST  a CMake fragment for the installed package, with paths relative to the install prefix.
cmake_policy(VERSION 3.20)
foreach(var INPUTS RUNTIME_DIR RSP PACKAGE_LIST INSTALL_RUNTIME_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "StageLinkInputs.cmake: ${var} is not set")
  endif()
endforeach()

file(STRINGS "${INPUTS}" lines)
if(NOT lines)
  message(FATAL_ERROR "StageLinkInputs.cmake: ${INPUTS} is empty; the static publish did not record its link inputs")
endif()

file(REMOVE_RECURSE "${RUNTIME_DIR}")
file(MAKE_DIRECTORY "${RUNTIME_DIR}")
set(rsp "")
set(package_items "")
set(seen_names "")
set(has_bootstrapper FALSE)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  if(line MATCHES "^-")
    if(NOT line STREQUAL "-pthread")
      string(APPEND rsp "${line}\n")
    endif()
    list(APPEND package_items "${line}")
  else()
    if(NOT EXISTS "${line}")
      message(FATAL_ERROR "StageLinkInputs.cmake: the ILCompiler names ${line}, which does not exist")
    endif()
    get_filename_component(name "${line}" NAME)
    if(name IN_LIST seen_names)
      message(FATAL_ERROR "StageLinkInputs.cmake: two link inputs are named ${name}")
    endif()
    list(APPEND seen_names "${name}")
    if(name MATCHES "bootstrapperdll")
      set(has_bootstrapper TRUE)
    endif()
    file(COPY "${line}" DESTINATION "${RUNTIME_DIR}")
    string(APPEND rsp "\"${RUNTIME_DIR}/${name}\"\n")
    list(APPEND package_items "\${_EXPORTLIB_PREFIX}/${INSTALL_RUNTIME_DIR}/${name}")
  endif()
endforeach()

# Without the bootstrapper object the link succeeds and the first call aborts: refuse to stage such a list.
if(NOT has_bootstrapper)
  message(FATAL_ERROR "StageLinkInputs.cmake: no bootstrapper object among the link inputs: ${lines}")
endif()

file(WRITE "${RSP}" "${rsp}")
string(REPLACE ";" "\n  " package_text "${package_items}")
file(WRITE "${PACKAGE_LIST}"
"# Generated at build time from the ILCompiler's NativeLibrary and NativeSystemLibrary items: everything a program
# linking the static library needs after it, in link order. Included by ExportLibConfig.cmake.
set(_EXPORTLIB_STATIC_LINK_INPUTS
  ${package_text}
)
")
