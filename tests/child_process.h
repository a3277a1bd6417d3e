#pragma once
// Runs a program (by default the built digestlint binary) in a child process:
// its exit status or signal, its output, and its peak memory, measured with
// getrusage(RUSAGE_CHILDREN) in an intermediate process that waits for it
// alone, so earlier children of the test cannot inflate the figure.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "test_support.h"

namespace digestlint::testing {

struct ChildRun {
  int status = -1;  // the exit status, or -1 when a signal ended it
  int signal = 0;   // the signal that ended it, or 0
  std::string out;
  std::string err;
  long max_rss_kib = 0;  // peak resident memory of the program
};

struct ChildOptions {
  std::string program = DIGESTLINT_BINARY;
  std::filesystem::path directory;  // working directory ("" = the test's)
  std::string stdin_text;
};

inline ChildRun RunChild(const std::vector<std::string>& args, const ChildOptions& options = {}) {
  const TempDir scratch;
  const std::filesystem::path in = scratch.path() / "stdin";
  const std::filesystem::path out = scratch.path() / "stdout";
  const std::filesystem::path err = scratch.path() / "stderr";
  const std::filesystem::path report = scratch.path() / "report";
  WriteFile(in, options.stdin_text);
  const pid_t measurer = fork();
  if (measurer == 0) {
    const pid_t program = fork();
    if (program == 0) {
      std::vector<std::string> copies = args;
      copies.insert(copies.begin(), options.program);
      std::vector<char*> argv;
      for (std::string& arg : copies) argv.push_back(arg.data());
      argv.push_back(nullptr);
      if (!options.directory.empty() && chdir(options.directory.c_str()) != 0) _exit(126);
      const int fds[] = {open(in.c_str(), O_RDONLY), open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600),
                         open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600)};
      for (int i = 0; i < 3; ++i) {
        if (fds[i] < 0 || dup2(fds[i], i) < 0) _exit(126);
      }
      execv(options.program.c_str(), argv.data());
      _exit(127);
    }
    int status = 0;
    while (waitpid(program, &status, 0) < 0) {
    }
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    FILE* file = std::fopen(report.c_str(), "w");
    if (!file) _exit(125);
    std::fprintf(file, "%d %ld\n", status, usage.ru_maxrss);
    std::fclose(file);
    _exit(0);
  }
  int measured = 0;
  waitpid(measurer, &measured, 0);
  ChildRun run;
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  int status = 0;
  FILE* file = std::fopen(report.c_str(), "r");
  if (file && std::fscanf(file, "%d %ld", &status, &run.max_rss_kib) == 2) {
    if (WIFEXITED(status)) run.status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  }
  if (file) std::fclose(file);
  return run;
}

}  // namespace digestlint::testing
