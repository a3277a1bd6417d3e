# Run with -DBINARY=path/to/digestlint -DOUTPUT=digestlint.1: turns --help into a man page.
execute_process(COMMAND ${BINARY} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "digestlint --help failed")
endif()
execute_process(COMMAND ${BINARY} --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REPLACE "\\" "\\\\" help "${help}")
# Every "-" as "\-", so options render (and copy) as ASCII hyphen-minus.
string(REPLACE "-" "\\-" help "${help}")
string(REGEX REPLACE "\n\\." "\n\\\\&." help "${help}")
# Drop the first line: NAME says it.
string(FIND "${help}" "\n" first_newline)
math(EXPR rest_start "${first_newline} + 1")
string(SUBSTRING "${help}" ${rest_start} -1 help)
file(WRITE ${OUTPUT}.tmp
".TH DIGESTLINT 1 \"\" \"${version}\" \"User Commands\"\n"
".SH NAME\ndigestlint \\- lint Jekyll digest posts of research papers\n"
".SH DESCRIPTION\n.nf\n${help}.fi\n"
".SH SEE ALSO\nThe README and the rule documentation in the digestlint repository.\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
