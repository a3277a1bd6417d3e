#pragma once
// The command line: argv in, exit status out. main() only forwards to RunCli,
// so tests can run the whole program in-process.

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace digestlint {

enum ExitStatus : int {
  kExitClean = 0,       // no error-severity diagnostic
  kExitProblems = 1,    // at least one error-severity diagnostic (or, with --diff, something to fix)
  kExitInputError = 2,  // usage, configuration or I/O error, or a file that could not be linted or fixed
};

/// What colour depends on besides --color (main.cc reads it from the process).
struct Terminal {
  bool stdout_is_tty = false;
  bool no_color_env = false;     // NO_COLOR is set and not empty
  bool force_color_env = false;  // FORCE_COLOR or CLICOLOR_FORCE is set, not empty and not "0"
  bool dumb_terminal = false;    // TERM=dumb
};

/// Whether to colour: `when` is --color's value ("auto", "always" or
/// "never"). auto colours a terminal unless NO_COLOR is set or TERM is dumb;
/// FORCE_COLOR and CLICOLOR_FORCE colour anything, and win over NO_COLOR.
bool UseColor(std::string_view when, const Terminal& terminal);

struct Streams {
  std::istream& in;  // read for the path "-"
  std::ostream& out;
  std::ostream& err;
};

int RunCli(const std::vector<std::string>& args, Streams streams, const Terminal& terminal);

}  // namespace digestlint
