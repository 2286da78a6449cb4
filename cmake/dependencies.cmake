# The libraries whose linkage depends on AIVENCTL_PORTABLE, as two interface targets that
# the modules and tests link instead of the packages' own targets:
#   aivenctl::yaml_cpp  yaml-cpp: Debian's shared library, or its libyaml-cpp.a
#   aivenctl::spdlog    spdlog and fmt: Debian's shared libraries, or header-only
# Portable binaries (scripts/package) then need none of the sonames of Debian 12's
# yaml-cpp 0.7, spdlog 1.10 and fmt 9, which stock Ubuntu runners do not have.
add_library(aivenctl_yaml_cpp INTERFACE)
add_library(aivenctl::yaml_cpp ALIAS aivenctl_yaml_cpp)
add_library(aivenctl_spdlog INTERFACE)
add_library(aivenctl::spdlog ALIAS aivenctl_spdlog)

if(NOT AIVENCTL_PORTABLE)
  target_link_libraries(aivenctl_yaml_cpp INTERFACE yaml-cpp)
  target_link_libraries(aivenctl_spdlog INTERFACE spdlog::spdlog)
  return()
endif()

find_library(AIVENCTL_YAML_CPP_STATIC NAMES libyaml-cpp.a REQUIRED
             DOC "yaml-cpp's static library (Debian: libyaml-cpp-dev)")
get_target_property(yaml_cpp_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
if(yaml_cpp_includes)
  target_include_directories(aivenctl_yaml_cpp SYSTEM INTERFACE ${yaml_cpp_includes})
endif()
target_link_libraries(aivenctl_yaml_cpp INTERFACE ${AIVENCTL_YAML_CPP_STATIC})

# Debian's spdlog::spdlog_header_only still links the shared fmt::fmt: compile fmt in too.
find_package(fmt REQUIRED)
set_property(TARGET spdlog::spdlog_header_only
             PROPERTY INTERFACE_LINK_LIBRARIES Threads::Threads fmt::fmt-header-only)
target_link_libraries(aivenctl_spdlog INTERFACE spdlog::spdlog_header_only)
