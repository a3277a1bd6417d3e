// `digestlint server` with a real client: Debian's Neovim, headless, running
// tests/neovim/lsp_end_to_end.lua against the built binary.
#include <cstdlib>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// The diagnostics as the Lua script records them, from `digestlint --format json`.
Json FromCli(const Json& diagnostics) {
  Json list = Json::array();
  for (const Json& d : diagnostics) {
    const std::string severity = d["severity"];
    list.push_back({{"code", d["rule"]},
                    {"line", d["line"]},
                    {"column", d["column"]},
                    {"end_line", d["end_line"]},
                    {"end_column", d["end_column"]},
                    {"severity", severity == "error"     ? 1
                                 : severity == "warning" ? 2
                                                         : 3},
                    {"message", d["message"]}});
  }
  return list;
}

Json Codes(const Json& diagnostics) {
  Json codes = Json::array();
  for (const Json& d : diagnostics) codes.push_back(d["code"]);
  return codes;
}

TEST_CASE("Neovim's LSP client shows the command line's diagnostics, applies a quick fix and sees a new error",
          "[server][neovim][slow]") {
  REQUIRE(std::system("command -v nvim > /dev/null") == 0);  // ci/setup.sh installs Debian's neovim
  TempDir dir;
  fs::copy(SourceDir() / "examples", dir.path() / "blog", fs::copy_options::recursive);  // with its configuration
  const fs::path post = dir.path() / "blog" / "2025-10-28-daily-papers.md";
  // A title with an emoji and Hangul before a DL501 double space: columns must survive UTF-16.
  std::string text = ReadFile(post);
  const std::string title = "Sparser Block-Sparse Attention";
  REQUIRE(text.find(title) != std::string::npos);
  text.replace(text.find(title), title.size(), "\xF0\x9F\x98\x80 한국어 Sparser  Block-Sparse Attention");
  WriteFile(post, text);
  // The command line from the folder Neovim runs in: the cross-post rules name the other post relative to it.
  const fs::path cli_output = dir.path() / "cli.json";
  const std::string cli = "cd '" + dir.path().string() + "' && '" + DIGESTLINT_BINARY + "' --format json '" +
                          post.string() + "' > '" + cli_output.string() + "'";
  REQUIRE(WEXITSTATUS(std::system(cli.c_str())) == 1);
  const Json expected = FromCli(Json::parse(ReadFile(cli_output))["diagnostics"]);
  // DL701: the example's other post (2025-10-27) has two of its papers.
  REQUIRE(Codes(expected) == Json{"DL106", "BLOG001", "DL701", "DL501", "DL302", "DL701", "DL401", "DL307", "DL202"});

  const fs::path result_file = dir.path() / "result.json";
  const std::string command = "cd '" + dir.path().string() + "' && XDG_CACHE_HOME='" + (dir.path() / "cache").string() +
                              "' XDG_STATE_HOME='" + (dir.path() / "state").string() + "' DIGESTLINT_BINARY='" +
                              DIGESTLINT_BINARY + "' DIGESTLINT_POST='" + post.string() + "' DIGESTLINT_RESULT='" +
                              result_file.string() + "' timeout 120 nvim --headless --clean -u NONE -c 'luafile " +
                              (SourceDir() / "tests/neovim/lsp_end_to_end.lua").string() + "' > '" +
                              (dir.path() / "nvim.log").string() + "' 2>&1";
  const int status = std::system(command.c_str());
  INFO("nvim output: " << ReadFile(dir.path() / "nvim.log"));
  REQUIRE(fs::exists(result_file));
  const Json result = Json::parse(ReadFile(result_file));
  INFO("what Neovim saw: " << result.dump(2));
  REQUIRE(result["ok"] == true);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(result["offset_encoding"] == "utf-16");

  // The same diagnostics as the command line, to the column (in code points).
  CHECK(result["initial"] == expected);

  // The quick fix came through vim.lsp.buf.code_action() and renumbered the paper.
  // The heading also repeats a paper of the other post (DL701, no fix): it can be disabled too.
  CHECK(result["offered"] == Json{"Fix DL401 paper-numbering", "Disable DL701 for this line",
                                  "Disable DL401 for this line", "Fix all safe problems in this post"});
  CHECK(result["fixed_line"] == "# 2. [Model Merging with Functional Dual Anchors](https://arxiv.org/abs/2510.21223)");
  CHECK(Codes(result["after_fix"]) == Json{"DL106", "BLOG001", "DL701", "DL501", "DL302", "DL701", "DL307", "DL202"});
  CHECK(result["hover"] == RunDigestlint({"explain", "DL106"}).out);

  // After typing a wrong number, the numbering error is back, on that heading.
  const Json after_edit = result["after_edit"];
  CHECK(Codes(after_edit) == Json{"DL106", "BLOG001", "DL701", "DL501", "DL302", "DL701", "DL401", "DL307", "DL202"});
  for (const Json& d : after_edit) {
    if (d["code"] != "DL401") continue;
    CHECK(d["line"] == 32);
    CHECK(d["column"] == 3);
    CHECK(d["message"] == "paper number 5 skips 3: expected 2");
  }
  // Everything happened in the buffer: the file is as it was written.
  CHECK(result["modified"] == true);
  CHECK(ReadFile(post) == text);
}

}  // namespace
}  // namespace digestlint
