#pragma once
// Helpers shared by the tests: paths into the repository and in-process runs.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace digestlint::testing {

inline std::filesystem::path SourceDir() { return DIGESTLINT_SOURCE_DIR; }

/// ../shared next to the repository, when this machine has it.
inline std::optional<std::filesystem::path> SharedDir() {
  const std::filesystem::path shared = SourceDir().parent_path() / "shared";
  if (std::filesystem::is_directory(shared)) return shared;
  return std::nullopt;
}

inline bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

inline void WriteFile(const std::filesystem::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

inline CliRun RunDigestlint(const std::vector<std::string>& args, Terminal terminal = {},
                            const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  const int status = RunCli(args, {in, out, err}, terminal);
  return CliRun{status, out.str(), err.str()};
}

struct MeasuredRun {
  int status = -1;      // exit status, or -1 when killed by a signal
  long max_rss_kb = 0;  // peak resident memory of the command and everything it waited for
};

/// Runs `command` with /bin/sh under GNU time (Debian's `time`, installed by
/// ci/setup.sh), which reports the peak memory (wait4's ru_maxrss) of the
/// command alone: a ceiling on memory, not a timing. Measured from a small
/// process, since a forked child starts with its parent's resident memory.
inline MeasuredRun RunMeasured(const std::string& command) {
  char report[] = "/tmp/digestlint-rss-XXXXXX";
  const int fd = mkstemp(report);
  if (fd >= 0) close(fd);
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/usr/bin/time", "time", "-f", "%M", "-o", report, "/bin/sh", "-c", command.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  int raw = 0;
  MeasuredRun run;
  if (pid > 0 && waitpid(pid, &raw, 0) == pid) {
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(report);
    std::string line;
    while (std::getline(in, line)) {  // "Command exited with non-zero status N", then the figure
      if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) run.max_rss_kb = std::stol(line);
    }
  }
  std::remove(report);
  return run;
}

/// `text` quoted for /bin/sh.
inline std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// A fresh, empty temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "digestlint-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct Shell {
  int status;
  std::string output;
};

/// Runs `command` with sh, stdout and stderr captured together.
inline Shell Run(const std::string& command) {
  TempDir dir;
  const std::filesystem::path log = dir.path() / "log";
  const int raw = std::system((command + " > '" + log.string() + "' 2>&1").c_str());
  return Shell{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(log)};
}

}  // namespace digestlint::testing
