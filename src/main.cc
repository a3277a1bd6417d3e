#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli.h"

namespace {

// The variable's value when it is set and not empty, else nullptr.
const char* Value(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

bool Set(const char* name) { return Value(name) != nullptr; }

bool Forced(const char* name) {
  const char* value = Value(name);
  return value != nullptr && std::string_view(value) != "0";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const char* term = std::getenv("TERM");
  const digestlint::Terminal terminal{isatty(STDOUT_FILENO) == 1, Set("NO_COLOR"),
                                      Forced("FORCE_COLOR") || Forced("CLICOLOR_FORCE"),
                                      term != nullptr && std::string_view(term) == "dumb"};
  int status = digestlint::RunCli(args, {std::cin, std::cout, std::cerr}, terminal);
  // RunCli flushed and checked stdout (and said so when writing failed); closing can still fail.
  if (std::cout && close(STDOUT_FILENO) != 0) {
    std::cerr << "digestlint: error: cannot write to standard output: " << std::strerror(errno) << '\n';
    status = digestlint::kExitInputError;
  }
  return status;
}
