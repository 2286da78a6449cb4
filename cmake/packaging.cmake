# Install rules and the packages (CPack): `cmake --install` puts the two programs in bin/,
# the JSON Schemas in share/aivenctl/schemas/, and the documentation with the notices of
# the third-party code compiled in under share/doc/aivenctl/. scripts/package makes a .deb
# for Debian 12 and a portable tarball from one Release build with AIVENCTL_PORTABLE.
include(GNUInstallDirs)

# Component "aivenctl": what every install and package holds.
install(TARGETS aivenctl aiven-emulator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT aivenctl)
install(FILES ${PROJECT_SOURCE_DIR}/schemas/plan.schema.json
              ${PROJECT_SOURCE_DIR}/schemas/changeset.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/aivenctl/schemas COMPONENT aivenctl)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/docs/COMPATIBILITY.md ${PROJECT_SOURCE_DIR}/docs/PLAN_FORMAT.md
              ${PROJECT_SOURCE_DIR}/docs/THIRD_PARTY.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT aivenctl)

# The copyright and licence texts of the libraries compiled into the programs (header-only
# or static), as Debian ships them.
set(AIVENCTL_NOTICE_PACKAGES libyaml-cpp-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
    libcli11-dev libvalijson-dev libcpp-httplib-dev)
foreach(package IN LISTS AIVENCTL_NOTICE_PACKAGES)
  set(copyright /usr/share/doc/${package}/copyright)
  if(NOT EXISTS ${copyright})
    message(FATAL_ERROR "${copyright} is missing: install ${package} (scripts/bootstrap does)")
  endif()
  install(FILES ${copyright} DESTINATION ${CMAKE_INSTALL_DOCDIR}/third-party
          RENAME ${package}.copyright COMPONENT aivenctl)
endforeach()

# Aiven's user_config schemas are compiled into both programs (Apache-2.0): the licence
# and the notice of what was changed.
install(FILES ${PROJECT_SOURCE_DIR}/schemas/aiven/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/third-party RENAME aiven-go-api-schemas.LICENSE
        COMPONENT aivenctl)
install(FILES ${PROJECT_SOURCE_DIR}/schemas/aiven/NOTICE
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/third-party RENAME aiven-go-api-schemas.NOTICE
        COMPONENT aivenctl)

# Component "bundled" (portable builds): Debian 12's libcpp-httplib, which has no static
# form, beside the emulator (RPATH $ORIGIN/../lib). The tarball holds it; the .deb does
# not, it depends on Debian's libcpp-httplib0.11 package instead.
if(AIVENCTL_PORTABLE)
  set_target_properties(aiven-emulator PROPERTIES INSTALL_RPATH "$ORIGIN/../lib")
  find_library(AIVENCTL_HTTPLIB_SHARED NAMES cpp-httplib REQUIRED
               HINTS ${HTTPLIB_LIBRARY_DIRS})
  file(REAL_PATH ${AIVENCTL_HTTPLIB_SHARED} httplib_file)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${httplib_file} OUTPUT_VARIABLE httplib_headers
                  COMMAND_ERROR_IS_FATAL ANY)
  if(NOT httplib_headers MATCHES "SONAME +([^\n ]+)")
    message(FATAL_ERROR "no SONAME in ${httplib_file} (objdump -p)")
  endif()
  # Its notice is libcpp-httplib-dev.copyright (above).
  install(FILES ${httplib_file} DESTINATION lib RENAME ${CMAKE_MATCH_1} COMPONENT bundled)
endif()

# Packages: aivenctl_<version>_amd64.deb and aivenctl-<version>-linux-x86_64.tar.gz.
set(CPACK_PACKAGE_NAME aivenctl)
set(CPACK_PACKAGE_VENDOR "aivenctl")
set(CPACK_PACKAGE_CONTACT "aivenctl maintainers <aivenctl@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "declarative automation for the Aiven data platform, and a local Aiven API emulator")
set(CPACK_PACKAGE_FILE_NAME aivenctl-${PROJECT_VERSION}-linux-x86_64)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# `--lock URL` opens libpq.so.5 with dlopen when it is given: a suggestion, not a dependency.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libpq5")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "aivenctl plans, applies and tears down Aiven projects and services described in YAML plan\n files; aiven-emulator imitates the Aiven REST API locally.")
# Per-generator settings (the .deb leaves the bundled library out).
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/cpack_generator.cmake)
include(CPack)
