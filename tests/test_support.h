#pragma once
// Helpers shared by the tests: paths into the repository and in-process runs.

#include <sys/wait.h>

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
