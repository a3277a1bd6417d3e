#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const digestlint::Terminal terminal{isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR") != nullptr};
  return digestlint::RunCli(args, {std::cin, std::cout, std::cerr}, terminal);
}
