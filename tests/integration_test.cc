// digestlint with the tools around it: Debian's pre-commit, cmake --install,
// the Debian package CPack builds, the release artifacts, and the example
// GitHub workflow's lint step.
#include <cstdlib>

#include <yaml-cpp/yaml.h>

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

  // A committed file named like an option stays a file name: the hooks end the options with --.
  const std::string readme = "# The blog\n";
  WriteFile(repo / "README.md", readme);
  const std::string trap = "--output=README.md";
  WriteFile(repo / trap, broken);
  REQUIRE(Run(environment + "git add -A").status == 0);
  for (const char* hook : {"digestlint", "digestlint-fix"}) {
    const Shell run = Run(environment + "pre-commit try-repo '" + SourceDir().string() + "' " + hook + " --all-files");
    INFO(run.output);
    CHECK(run.status == 1);
    CHECK(run.output.find(trap + ":3:8: error[DL106 date-mismatch]") != std::string::npos);
    CHECK(ReadFile(repo / "README.md") == readme);
  }
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
  for (const char* completion :
       {"share/bash-completion/completions/digestlint", "share/zsh/vendor-completions/_digestlint",
        "share/fish/vendor_completions.d/digestlint.fish"}) {
    INFO(completion);
    CHECK(ReadFile(prefix.path() / completion).find("unsafe-fixes") != std::string::npos);
  }
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
  CHECK(contents.output.find("./usr/share/bash-completion/completions/digestlint") != std::string::npos);
  CHECK(contents.output.find("./usr/share/zsh/vendor-completions/_digestlint") != std::string::npos);
  CHECK(contents.output.find("./usr/share/fish/vendor_completions.d/digestlint.fish") != std::string::npos);
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

TEST_CASE("ci/release.sh packs the binary, man page and completions, and the Debian package",
          "[integration][package][slow]") {
  TempDir out;
  const Shell release = Run("'" + (SourceDir() / "ci/release.sh").string() + "' --from '" + DIGESTLINT_BUILD_DIR +
                            "' '" + out.path().string() + "'");
  INFO(release.output);
  REQUIRE(release.status == 0);
  std::string machine = Run("uname -m").output;
  machine.pop_back();  // the newline
  const std::string name = std::string("digestlint-") + DIGESTLINT_VERSION + "-" + machine + "-linux";
  const Shell listing = Run("tar -tzf '" + (out.path() / (name + ".tar.gz")).string() + "'");
  INFO(listing.output);
  for (const char* file : {"/bin/digestlint", "/share/man/man1/digestlint.1",
                           "/share/bash-completion/completions/digestlint", "/share/zsh/vendor-completions/_digestlint",
                           "/share/fish/vendor_completions.d/digestlint.fish", "/README.md"}) {
    CHECK(listing.output.find(name + file + "\n") != std::string::npos);
  }
  REQUIRE(
      Run("tar -C '" + out.path().string() + "' -xzf '" + (out.path() / (name + ".tar.gz")).string() + "'").status ==
      0);
  CHECK(Run("'" + (out.path() / name / "bin/digestlint").string() + "' --version").output ==
        std::string("digestlint ") + DIGESTLINT_VERSION + "\n");
  CHECK(Run("cd '" + out.path().string() + "' && sha256sum -c SHA256SUMS").status == 0);
  CHECK(Run("ls '" + out.path().string() + "'/*.deb").status == 0);
}

// The lint step of ci/github-workflow.example.yml, run as GitHub would run it
// on a pull request that adds two posts: exit status kept, each problem shown once.
TEST_CASE("the example workflow's lint step keeps digestlint's exit status", "[integration][workflow][slow]") {
  const YAML::Node workflow = YAML::LoadFile((SourceDir() / "ci/github-workflow.example.yml").string());
  std::string script;
  for (const YAML::Node& step : workflow["jobs"]["lint"]["steps"]) {
    if (step["name"] && step["name"].as<std::string>() == "Lint the changed posts")
      script = step["run"].as<std::string>();
    if (step["name"] && step["name"].as<std::string>() == "Build the digestlint binary") {
      CHECK(step["run"].as<std::string>().find("ci/build.sh --binary") != std::string::npos);  // no test suite
    }
  }
  REQUIRE_FALSE(script.empty());
  CHECK(script.find("xargs") == std::string::npos);
  CHECK(workflow["on"]["pull_request"]);  // forks' pull requests too (annotations: no write token)

  TempDir dir;
  const fs::path repo = dir.path() / "blog";
  fs::create_directories(repo / "_posts");
  WriteFile(dir.path() / "step.sh", script);
  const std::string git = "cd '" + repo.string() +
                          "' && export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t "
                          "GIT_COMMITTER_EMAIL=t@t && ";
  WriteFile(repo / "README.md", "# The blog\n");
  REQUIRE(Run(git +
              "git init -q -b main && git add -A && git commit -qm base && git update-ref refs/remotes/origin/main "
              "HEAD && git checkout -qb post")
              .status == 0);
  WriteFile(repo / "_posts/2025-10-28-daily-papers.md", ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md"));
  WriteFile(repo / "_posts/--2025-10-27 daily papers.md",
            ReadFile(SourceDir() / "examples/2025-10-27-daily-papers.md"));
  REQUIRE(Run(git + "git add -A && git commit -qm posts").status == 0);
  const std::string step = git + "export PATH='" + fs::path(DIGESTLINT_BINARY).parent_path().string() +
                           "':\"$PATH\" BASE_REF=main && bash '" + (dir.path() / "step.sh").string() + "'";

  const Shell annotations = Run("export SARIF=false && " + step);
  INFO(annotations.output);
  CHECK(annotations.status == 1);  // errors: 1, not xargs' 123
  CHECK(annotations.output.find("::error file=_posts/2025-10-28-daily-papers.md,line=34,col=14") != std::string::npos);
  CHECK(annotations.output.find("::warning file=_posts/--2025-10-27 daily papers.md,line=10") != std::string::npos);
  CHECK(annotations.output.find("error[DL") == std::string::npos);  // once: annotations only

  const Shell sarif = Run("export SARIF=true && " + step);
  INFO(sarif.output);
  CHECK(sarif.status == 1);
  CHECK(sarif.output.find("::error") == std::string::npos);  // once: code scanning only
  CHECK(ReadFile(repo / "digestlint.sarif").find("\"ruleId\": \"DL307\"") != std::string::npos);
}

}  // namespace
}  // namespace digestlint
