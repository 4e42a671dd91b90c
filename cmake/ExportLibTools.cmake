# ExportLibTools: build a C# project into native libraries from inside a CMake build (what Corrosion does for cargo).
#
#   find_package(ExportLibTools CONFIG REQUIRED)
#   exportlib_add_library(mylib PROJECT csharp/MyLib.csproj)
#   target_link_libraries(app PRIVATE mylib)          # or mylib_static
#   exportlib_install(mylib)                           # the install prefix tree ExportLib.Build writes
#
# Any C# class library works as it is: the module adds the ExportLib.Build package (version
# EXPORTLIB_TOOLS_PACKAGE_VERSION, from EXPORTLIB_TOOLS_PACKAGE_SOURCE) unless the project references it already, and
# sets PublishAot; it publishes the project for the host's runtime into a prefix in the build tree, and defines
# imported targets on the result:
#   <target>          the shared library, with the generated header's folder as an include directory
#   <target>_static   the self-contained static library (one Native AOT static library per program)
# Both are rebuilt when a file of the C# project (or the package) changes.
#
# exportlib_add_library(<target> PROJECT <csproj>
#                       [NAME <name>]               lib<name>.so, <name>.h (default: the target's name)
#                       [PACKAGE_NAME <Name>]       the CMake package name in the prefix (default: the project's name)
#                       [MACRO_PREFIX <EL_>]        the header's macro prefix; the static target then defines <EL_>STATIC
#                                                   (needed on Windows only, where it turns dllimport off)
#                       [CONFIGURATION <Release>]
#                       [PROPERTIES <-p:Name=Value>...]   more MSBuild properties for the publish
#                       [DEPENDS <file>...])        more files whose change republishes
#
# Properties of <target> for tools and tests: EXPORTLIB_PREFIX (the prefix tree), EXPORTLIB_HEADER,
# EXPORTLIB_SYMBOLS (every exported name), EXPORTLIB_MANAGED_ASSEMBLY (the compiled C# assembly HeaderGen read).
include_guard(GLOBAL)
cmake_minimum_required(VERSION 3.20)

find_program(EXPORTLIB_DOTNET NAMES dotnet HINTS "$ENV{DOTNET_ROOT}" "$ENV{HOME}/.dotnet"
  DOC "The .NET SDK's dotnet command, which builds C# projects for ExportLibTools")
if(NOT EXPORTLIB_DOTNET)
  message(FATAL_ERROR "ExportLibTools: the .NET SDK (dotnet) was not found; install it or set EXPORTLIB_DOTNET")
endif()
find_package(Threads REQUIRED)
set(_EXPORTLIB_TOOLS_DIR "${CMAKE_CURRENT_LIST_DIR}")
if(NOT EXPORTLIB_TOOLS_PACKAGE_VERSION)
  message(FATAL_ERROR "ExportLibTools: EXPORTLIB_TOOLS_PACKAGE_VERSION (the ExportLib.Build version to use) is not set; find_package(ExportLibTools) sets it")
endif()

function(exportlib_add_library target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PROJECT;NAME;PACKAGE_NAME;MACRO_PREFIX;CONFIGURATION" "PROPERTIES;DEPENDS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "exportlib_add_library(${target}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_PROJECT)
    message(FATAL_ERROR "exportlib_add_library(${target}): PROJECT <path/to/project.csproj> is required")
  endif()
  get_filename_component(project "${arg_PROJECT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${project}")
    message(FATAL_ERROR "exportlib_add_library(${target}): ${project} does not exist")
  endif()
  get_filename_component(project_dir "${project}" DIRECTORY)
  get_filename_component(project_name "${project}" NAME_WE)
  if(NOT arg_NAME)
    set(arg_NAME "${target}")
  endif()
  if(NOT arg_PACKAGE_NAME)
    set(arg_PACKAGE_NAME "${project_name}")
  endif()
  if(NOT arg_CONFIGURATION)
    set(arg_CONFIGURATION Release)
  endif()

  set(prefix "${CMAKE_CURRENT_BINARY_DIR}/${target}-prefix")
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/${target}-generated")
  set(shared "${prefix}/lib/${CMAKE_SHARED_LIBRARY_PREFIX}${arg_NAME}${CMAKE_SHARED_LIBRARY_SUFFIX}")
  set(static "${prefix}/lib/${CMAKE_STATIC_LIBRARY_PREFIX}${arg_NAME}${CMAKE_STATIC_LIBRARY_SUFFIX}")
  set(header "${prefix}/include/${arg_NAME}.h")
  set(static_libs "${prefix}/share/${arg_NAME}/native-static-libs.txt")
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}-publish.stamp")

  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${project_dir}/*.cs" "${project_dir}/*.csproj" "${project_dir}/*.props" "${project_dir}/*.targets")
  list(FILTER sources EXCLUDE REGEX "/(bin|obj)/")
  # PublishAot for this project alone (not its references), and the package reference unless the project has one.
  set(feed_args "-p:CustomBeforeMicrosoftCommonProps=${_EXPORTLIB_TOOLS_DIR}/ExportLibPublishAot.props" "-p:ExportLibAotProject=${project}"
    "-p:CustomAfterMicrosoftCommonTargets=${_EXPORTLIB_TOOLS_DIR}/ExportLibBuildReference.targets"
    "-p:ExportLibToolsPackageVersion=${EXPORTLIB_TOOLS_PACKAGE_VERSION}")
  set(feed_depends "${_EXPORTLIB_TOOLS_DIR}/ExportLibBuildReference.targets" "${_EXPORTLIB_TOOLS_DIR}/ExportLibPublishAot.props")
  if(EXPORTLIB_TOOLS_PACKAGE_SOURCE)
    list(APPEND feed_args "-p:RestoreAdditionalProjectSources=${EXPORTLIB_TOOLS_PACKAGE_SOURCE}")
    file(GLOB nupkgs CONFIGURE_DEPENDS "${EXPORTLIB_TOOLS_PACKAGE_SOURCE}/*.nupkg")
    list(APPEND feed_depends ${nupkgs})
  endif()

  add_custom_command(
    OUTPUT "${stamp}" "${shared}" "${static}" "${header}" "${static_libs}" "${prefix}/include/${arg_NAME}_loader.h"
    COMMAND "${EXPORTLIB_DOTNET}" publish "${project}" -c ${arg_CONFIGURATION} -p:UseCurrentRuntimeIdentifier=true
            "-p:ExportLibPrefix=${prefix}" "-p:ExportLibName=${arg_NAME}" "-p:ExportLibPackageName=${arg_PACKAGE_NAME}"
            "-p:ExportLibGeneratedDir=${generated}/" ${feed_args} ${arg_PROPERTIES} -nologo -v:minimal
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}" "${shared}" "${static}" "${header}"
    DEPENDS ${sources} ${feed_depends} ${arg_DEPENDS}
    WORKING_DIRECTORY "${project_dir}"
    COMMENT "ExportLibTools: publishing ${project_name} as lib${arg_NAME} (shared and static)"
    VERBATIM)
  add_custom_target(${target}_publish ALL DEPENDS "${stamp}")

  # The folders must exist when the imported targets are defined (CMake checks include directories).
  file(MAKE_DIRECTORY "${prefix}/include" "${prefix}/lib")

  add_library(${target} SHARED IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${shared}"
    IMPORTED_SONAME "${CMAKE_SHARED_LIBRARY_PREFIX}${arg_NAME}${CMAKE_SHARED_LIBRARY_SUFFIX}"
    INTERFACE_INCLUDE_DIRECTORIES "${prefix}/include")
  add_dependencies(${target} ${target}_publish)

  add_library(${target}_static STATIC IMPORTED GLOBAL)
  # The system libraries the runtime needs are known once the static publish ran: the linker reads them from the
  # file the package writes (-lpthread -ldl -lrt -lm on Linux).
  set_target_properties(${target}_static PROPERTIES
    IMPORTED_LOCATION "${static}"
    INTERFACE_INCLUDE_DIRECTORIES "${prefix}/include"
    INTERFACE_LINK_LIBRARIES "Threads::Threads;-Wl,@${static_libs}")
  if(arg_MACRO_PREFIX)
    set_target_properties(${target}_static PROPERTIES INTERFACE_COMPILE_DEFINITIONS "${arg_MACRO_PREFIX}STATIC")
  endif()
  add_dependencies(${target}_static ${target}_publish)

  foreach(imported ${target} ${target}_static)
    set_target_properties(${imported} PROPERTIES
      EXPORTLIB_PREFIX "${prefix}"
      EXPORTLIB_HEADER "${header}"
      EXPORTLIB_SYMBOLS "${generated}/${arg_NAME}.symbols"
      EXPORTLIB_MANAGED_ASSEMBLY "${generated}/managed/${project_name}.dll")
  endforeach()
endfunction()

# exportlib_install(<target> [DESTINATION <dir>]): installs the prefix tree of exportlib_add_library's <target>
# (include/, lib/ with both libraries, lib/cmake/<Name>/, lib/pkgconfig/, share/<name>/) under DESTINATION (default:
# the install prefix itself).
function(exportlib_install target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "DESTINATION" "")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "exportlib_install(${target}): no such target; define it with exportlib_add_library first")
  endif()
  get_target_property(prefix ${target} EXPORTLIB_PREFIX)
  if(NOT prefix)
    message(FATAL_ERROR "exportlib_install(${target}): ${target} was not made by exportlib_add_library")
  endif()
  if(NOT arg_DESTINATION)
    set(arg_DESTINATION ".")
  endif()
  install(DIRECTORY "${prefix}/" DESTINATION "${arg_DESTINATION}" USE_SOURCE_PERMISSIONS)
endfunction()
