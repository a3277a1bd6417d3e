# digestlint_embed(OUTPUT file.cc FILES a b ...) writes a C++ source holding each
# file's bytes, looked up by file name through FindEmbeddedFile() (src/embedded.h).
function(digestlint_embed)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} "-DFILES=${ARG_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding schemas and rule docs"
    VERBATIM)
endfunction()
