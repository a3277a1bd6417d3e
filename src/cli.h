#pragma once
// The command line: argv in, exit status out. main() only forwards to RunCli,
// so tests can run the whole program in-process.

#include <ostream>
#include <string>
#include <vector>

namespace digestlint {

enum ExitStatus : int {
  kExitClean = 0,       // no error-severity diagnostic
  kExitProblems = 1,    // at least one error-severity diagnostic
  kExitInputError = 2,  // usage, configuration or I/O error, or a file that could not be linted
};

struct Terminal {
  bool stdout_is_tty = false;
  bool no_color_env = false;  // NO_COLOR is set
};

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal);

}  // namespace digestlint
