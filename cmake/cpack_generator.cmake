# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE in cmake/packaging.cmake).
# The .deb takes only the "aivenctl" component, as one package named aivenctl: on Debian 12
# the emulator uses the system's libcpp-httplib, which dpkg-shlibdeps adds to Depends. The
# tarball takes everything, the bundled libcpp-httplib included.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(CPACK_DEB_COMPONENT_INSTALL ON)
  set(CPACK_COMPONENTS_ALL aivenctl)
  set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
endif()
