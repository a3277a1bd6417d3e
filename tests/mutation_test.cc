// Several thousand randomly mutated posts (tests/fuzz/mutator.h): each goes
// through the whole path in-process within a time bound, and the digestlint
// binary lints and fixes them all, ending with 0, 1 or 2, never a signal.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mutator.h"
#include "post_generator.h"
#include "test_support.h"
#include "whole_path.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

constexpr size_t kMutants = 3000;
// A hang guard, not a speed test: the slowest mutant (200 copies of a paper
// heading, over 1,000 diagnostics and fix rounds) takes 0.3 s in a release
// build; AddressSanitizer makes it about 15 times slower.
constexpr std::chrono::seconds kTimeBound{DIGESTLINT_SANITIZED ? 30 : 5};

// The mutants: generated posts and fixture posts, mutated with a fixed seed.
std::vector<std::string> Mutants() {
  std::vector<std::string> bases;
  for (int i = 0; i < 200; ++i) bases.push_back(generator::GeneratePost(7, i).text);
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "tests/fixtures")) {
    if (entry.path().extension() == ".md") bases.push_back(ReadFile(entry.path()));
  }
  fuzz::Mutator mutator(2026);
  std::vector<std::string> mutants;
  for (size_t i = 0; i < kMutants; ++i) mutants.push_back(mutator.Mutate(bases[i % bases.size()]));
  return mutants;
}

std::string MutantName(size_t index) { return "2025-10-27-mutant-" + std::to_string(10000 + index) + ".md"; }

// Runs the binary; the exit status, or -signal when a signal ended it.
int RunBinary(const std::vector<std::string>& args, const fs::path& output) {
  const pid_t child = fork();
  if (child == 0) {
    std::vector<char*> argv;
    std::string name = "digestlint";
    argv.push_back(name.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (!freopen(output.c_str(), "w", stdout)) _exit(127);
    execv(DIGESTLINT_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// rule code -> errors, per file, from JSON output.
std::map<std::string, std::map<std::string, int>> ErrorsPerFile(const fs::path& json) {
  std::map<std::string, std::map<std::string, int>> errors;
  const nlohmann::json report = nlohmann::json::parse(ReadFile(json));
  for (const nlohmann::json& d : report.at("diagnostics")) {
    if (d.at("severity") == "error") ++errors[fs::path(d.at("path").get<std::string>()).filename()][d.at("rule")];
  }
  return errors;
}

// Three test cases of a thousand mutants each, so CTest runs them in parallel
// and a sanitizer build stays far from the per-test timeout.
void CheckWholePathOfMutants(size_t first, size_t count) {
  const std::vector<std::string> mutants = Mutants();
  for (size_t i = first; i < first + count; ++i) {
    INFO(MutantName(i));
    const auto start = std::chrono::steady_clock::now();
    const std::optional<std::string> broken = fuzz::CheckWholePath(mutants[i]);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(broken.value_or("") == "");
    CHECK(elapsed < kTimeBound);
  }
}

TEST_CASE("mutants 0 to 999 pass the whole-path check within the time bound", "[robustness][mutation][slow]") {
  CheckWholePathOfMutants(0, 1000);
}

TEST_CASE("mutants 1000 to 1999 pass the whole-path check within the time bound", "[robustness][mutation][slow]") {
  CheckWholePathOfMutants(1000, 1000);
}

TEST_CASE("mutants 2000 to 2999 pass the whole-path check within the time bound", "[robustness][mutation][slow]") {
  CheckWholePathOfMutants(2000, 1000);
}

TEST_CASE("the binary lints and fixes mutated posts with exit 0, 1 or 2 and no new error",
          "[robustness][mutation][slow]") {
  const std::vector<std::string> mutants = Mutants();
  TempDir dir;
  const fs::path posts = dir.path() / "posts";
  fs::create_directory(posts);
  for (size_t i = 0; i < mutants.size(); ++i) WriteFile(posts / MutantName(i), mutants[i]);

  const fs::path before = dir.path() / "before.json";
  const int lint_status = RunBinary({"--no-config", "--format", "json", posts.string()}, before);
  CHECK(lint_status == 2);  // some mutants are not UTF-8 text any more
  const int fix_status = RunBinary({"--no-config", "--fix", "--quiet", posts.string()}, dir.path() / "fix.txt");
  CHECK((fix_status >= 0 && fix_status <= 2));
  const fs::path after = dir.path() / "after.json";
  const int relint_status = RunBinary({"--no-config", "--format", "json", posts.string()}, after);
  CHECK((relint_status >= 0 && relint_status <= 2));

  const auto errors_before = ErrorsPerFile(before);
  const auto errors_after = ErrorsPerFile(after);
  size_t changed = 0;
  for (size_t i = 0; i < mutants.size(); ++i) {
    const std::string name = MutantName(i);
    INFO(name);
    if (ReadFile(posts / name) != mutants[i]) ++changed;
    const auto found_after = errors_after.find(name);
    if (found_after == errors_after.end()) continue;
    const auto found_before = errors_before.find(name);
    for (const auto& [rule, count] : found_after->second) {
      INFO(rule);
      REQUIRE(found_before != errors_before.end());
      const auto rule_before = found_before->second.find(rule);
      CHECK((rule_before != found_before->second.end() && count <= rule_before->second));
    }
  }
  CHECK(changed > mutants.size() / 10);  // --fix really repaired a good share of them
}

}  // namespace
}  // namespace digestlint
