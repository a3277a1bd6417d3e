// digestlint with the tools around it: Debian's pre-commit, cmake --install,
// and the Debian package CPack builds.
#include <cstdlib>

#include <catch2/catch.hpp>

#include "fixer.h"
#include "linter.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

using testing::Run;
using testing::Shell;

bool IsGitCheckout(const fs::path& path) { return fs::exists(path / ".git"); }

TEST_CASE("the pre-commit hooks work with Debian's pre-commit", "[integration][pre-commit][slow]") {
  if (!IsGitCheckout(SourceDir())) {
    WARN("the source folder is not a git checkout: pre-commit try-repo needs one, so this test is skipped");
    return;
  }
  REQUIRE(Run("command -v pre-commit").status == 0);
  TempDir dir;
  const fs::path repo = dir.path() / "blog";
  const std::string post = "_posts/2025-10-28-daily-papers.md";
  const std::string broken = ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md");
  fs::create_directories(repo / "_posts");
  WriteFile(repo / post, broken);
  // pre-commit runs the digestlint on PATH ("language: system"): the one just built.
  const std::string environment = "cd '" + repo.string() + "' && export PATH='" +
                                  fs::path(DIGESTLINT_BINARY).parent_path().string() + "':\"$PATH\" PRE_COMMIT_HOME='" +
                                  (dir.path() / "cache").string() +
                                  "' GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t "
                                  "GIT_COMMITTER_EMAIL=t@t && ";
  REQUIRE(Run(environment + "git init -q && git add -A").status == 0);

  const Shell check =
      Run(environment + "pre-commit try-repo '" + SourceDir().string() + "' digestlint --files " + post);
  INFO(check.output);
  CHECK(check.status == 1);
  CHECK(check.output.find(post + ":34:14: error[DL307 link-id-mismatch]") != std::string::npos);
  CHECK(ReadFile(repo / post) == broken);

  const Shell fix =
      Run(environment + "pre-commit try-repo '" + SourceDir().string() + "' digestlint-fix --files " + post);
  INFO(fix.output);
  CHECK(fix.status == 1);  // pre-commit fails a hook that modified files
  CHECK(fix.output.find("files were modified by this hook") != std::string::npos);
  CHECK(ReadFile(repo / post) == FixBytes(post, broken, Schema::Default(), FixOptions{}).fixed);

  // pre-commit names every staged file; configured excludes still apply to them.
  const std::string draft = "_drafts/2025-10-29-draft.md";
  fs::create_directories(repo / "_drafts");
  WriteFile(repo / draft, broken);
  WriteFile(repo / ".digestlint.yaml", "exclude: [\"_drafts/\"]\n");
  REQUIRE(Run(environment + "git add -A").status == 0);
  const Shell excluded =
      Run(environment + "pre-commit try-repo '" + SourceDir().string() + "' digestlint --files " + draft);
  INFO(excluded.output);
  CHECK(excluded.status == 0);
  CHECK(excluded.output.find("DL302") == std::string::npos);
}

TEST_CASE("cmake --install puts a working binary and the man page under the prefix", "[integration][install][slow]") {
  TempDir prefix;
  const Shell install =
      Run("cmake --install '" + std::string(DIGESTLINT_BUILD_DIR) + "' --prefix '" + prefix.path().string() + "'");
  INFO(install.output);
  REQUIRE(install.status == 0);
  const Shell version = Run("'" + (prefix.path() / "bin/digestlint").string() + "' --version");
  CHECK(version.output == std::string("digestlint ") + DIGESTLINT_VERSION + "\n");
  const Shell lint = Run("'" + (prefix.path() / "bin/digestlint").string() + "' '" +
                         (SourceDir() / "examples/2025-10-28-daily-papers.md").string() + "'");
  CHECK(lint.status == 1);
  CHECK(lint.output.find("error[DL401 paper-numbering]") != std::string::npos);
  const std::string man = ReadFile(prefix.path() / "share/man/man1/digestlint.1");
  CHECK(man.rfind(".TH DIGESTLINT 1", 0) == 0);
  CHECK(man.find("\\-\\-unsafe\\-fixes") != std::string::npos);
}

TEST_CASE("cpack builds a Debian package with the binary, the man page and its dependencies",
          "[integration][package][slow]") {
  TempDir out;
  const Shell pack =
      Run("cpack -G DEB -B '" + out.path().string() + "' --config '" + DIGESTLINT_BUILD_DIR + "/CPackConfig.cmake'");
  INFO(pack.output);
  REQUIRE(pack.status == 0);
  fs::path deb;
  for (const auto& entry : fs::directory_iterator(out.path())) {
    if (entry.path().extension() == ".deb") deb = entry.path();
  }
  REQUIRE_FALSE(deb.empty());
  const Shell contents = Run("dpkg-deb --contents '" + deb.string() + "'");
  CHECK(contents.output.find("./usr/bin/digestlint") != std::string::npos);
  CHECK(contents.output.find("./usr/share/man/man1/digestlint.1") != std::string::npos);
  const Shell depends = Run("dpkg-deb --field '" + deb.string() + "' Depends");
  INFO(depends.output);
  CHECK(depends.output.find("libgit2-1.5") != std::string::npos);  // loaded with dlopen for .gitignore
  if (DIGESTLINT_STATIC_BINARY) {                                  // every library but glibc is in the binary
    const Shell needed = Run("readelf -d '" + std::string(DIGESTLINT_BINARY) + "' | grep NEEDED");
    INFO(needed.output);
    CHECK(needed.output.find("libc.so.6") != std::string::npos);
    for (const char* linked : {"libstdc++", "libcmark", "libyaml-cpp", "libre2", "libgit2"}) {
      CHECK(needed.output.find(linked) == std::string::npos);
    }
    CHECK(depends.output.find("libcmark") == std::string::npos);
  } else {  // dpkg-shlibdeps names the shared libraries
    CHECK(depends.output.find("libcmark") != std::string::npos);
    CHECK(depends.output.find("libyaml-cpp") != std::string::npos);
  }
}

}  // namespace
}  // namespace digestlint
