# Man pages (aivenctl(1), aivenctl-COMMAND(1)) and the bash, zsh and fish completion
# scripts, generated at build time by running the built aivenctl, which walks its own
# command-line definition, so they never drift from --help. Included from
# engine/cli/CMakeLists.txt (the aivenctl target must exist).
include(GNUInstallDirs)

set(AIVENCTL_DOCS_DIR "${CMAKE_CURRENT_BINARY_DIR}/docs")
# Sanitizer builds run the binary too; a leak report must not fail the build.
set(aivenctl_run ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 $<TARGET_FILE:aivenctl>)

# The page list follows the commands, so a stamp stands for the directory (emptied first,
# so a removed command leaves no page behind).
add_custom_command(
  OUTPUT "${AIVENCTL_DOCS_DIR}/man.stamp"
  COMMAND ${CMAKE_COMMAND} -E rm -rf "${AIVENCTL_DOCS_DIR}/man"
  COMMAND ${aivenctl_run} __man "${AIVENCTL_DOCS_DIR}/man"
  COMMAND ${CMAKE_COMMAND} -E touch "${AIVENCTL_DOCS_DIR}/man.stamp"
  DEPENDS aivenctl
  COMMENT "Generating the aivenctl man pages"
  VERBATIM)

set(aivenctl_completions)
foreach(shell_file bash:aivenctl.bash zsh:_aivenctl fish:aivenctl.fish)
  string(REPLACE ":" ";" shell_file "${shell_file}")
  list(GET shell_file 0 shell)
  list(GET shell_file 1 file)
  add_custom_command(
    OUTPUT "${AIVENCTL_DOCS_DIR}/${file}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${AIVENCTL_DOCS_DIR}"
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            sh -c "\"$0\" completion ${shell} > \"$1\"" $<TARGET_FILE:aivenctl>
            "${AIVENCTL_DOCS_DIR}/${file}"
    DEPENDS aivenctl
    COMMENT "Generating the ${shell} completion of aivenctl"
    VERBATIM)
  list(APPEND aivenctl_completions "${AIVENCTL_DOCS_DIR}/${file}")
endforeach()

add_custom_target(aivenctl_docs ALL DEPENDS "${AIVENCTL_DOCS_DIR}/man.stamp" ${aivenctl_completions})

install(DIRECTORY "${AIVENCTL_DOCS_DIR}/man/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
        FILES_MATCHING PATTERN "*.1")
install(FILES "${AIVENCTL_DOCS_DIR}/aivenctl.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME aivenctl)
# Debian's zsh looks in vendor-completions; fish in vendor_completions.d.
install(FILES "${AIVENCTL_DOCS_DIR}/_aivenctl"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
install(FILES "${AIVENCTL_DOCS_DIR}/aivenctl.fish"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
