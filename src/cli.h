#pragma once
// The command line: argv in, exit status out. main() only forwards to RunCli,
// so tests can run the whole program in-process.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace digestlint {

enum ExitStatus : int {
  kExitClean = 0,       // no error-severity diagnostic
  kExitProblems = 1,    // at least one error-severity diagnostic (or, with --diff, something to fix)
  kExitInputError = 2,  // usage, configuration or I/O error, or a file that could not be linted or fixed
};

struct Terminal {
  bool stdout_is_tty = false;
  bool no_color_env = false;  // NO_COLOR is set
};

struct Streams {
  std::istream& in;  // read for the path "-"
  std::ostream& out;
  std::ostream& err;
};

int RunCli(const std::vector<std::string>& args, Streams streams, const Terminal& terminal);

}  // namespace digestlint
