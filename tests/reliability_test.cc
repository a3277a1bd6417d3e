// Regressions of issue 16 (reliability round 2): each input that crashed,
// blew up or lost data, run through the built binary in a child process,
// with its exact exit status and message. Inputs that are files live in
// tests/regressions/; large ones are generated here. Memory blow-ups assert a
// ceiling on the peak resident memory (getrusage), never a time.
#include <sys/stat.h>

#include <algorithm>
#include <sstream>

#include <catch2/catch.hpp>

#include "child_process.h"
#include "linter.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ChildRun;
using testing::ReadFile;
using testing::RunChild;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// Peak memory a run may use; the sanitizers' shadow memory and quarantine need more.
constexpr long kCeilingKib = (DIGESTLINT_SANITIZED ? 4 : 1) * 512 * 1024;

fs::path Regression(const std::string& name) { return SourceDir() / "tests/regressions" / name; }

TEST_CASE("front-matter numbers out of range are DL107, not an abort", "[reliability][numbers]") {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-10-27-float-overflow.md",
       ":7:4: error[DL107 number-out-of-range] 'x' is 1e309, too large for a number (beyond ±1.8e308): it reads "
       "as infinity\n"},
      {"2025-10-27-float-underflow.md",
       ":7:4: error[DL107 number-out-of-range] 'x' is 1e-400, too small for a number (below 4.9e-324): it reads as "
       "0\n"},
      {"2025-10-27-400-digit-integer.md",
       ":7:4: error[DL107 number-out-of-range] 'x' is 9999999999999999999999999999999999999999..., too large for a "
       "number (beyond ±1.8e308): it reads as infinity\n"},
  };
  for (const auto& [name, message] : cases) {
    DYNAMIC_SECTION(name) {
      const std::string path = Regression(std::string("numbers/") + name).string();
      const ChildRun run = RunChild({"--no-config", path});
      CHECK(run.signal == 0);
      CHECK(run.status == 1);
      CHECK(run.out.substr(0, run.out.find('\n') + 1) == path + message);
      CHECK(run.err == "digestlint: 1 error, 0 warnings in 1 file\n");
    }
  }
}

TEST_CASE("two titles that look identical but differ by a zero-width space are DL502", "[reliability][invisible]") {
  const std::string path = Regression("invisible/2025-10-27-lookalike-titles.md").string();
  const ChildRun run = RunChild({"--no-config", "--format", "concise", path});
  CHECK(run.signal == 0);
  CHECK(run.status == 1);
  CHECK(run.out == path +
                       ":30:17: DL502 U+200B ZERO WIDTH SPACE, a zero-width character, in a paper's title line: the "
                       "text looks other than it is; remove it or write it out\n");
  CHECK(run.err == "digestlint: 1 error, 0 warnings in 1 file\n");
}

TEST_CASE("configuration numbers out of range are a clear exit-2 error", "[reliability][numbers]") {
  TempDir dir;
  const std::string post = (dir.path() / "post.md").string();
  WriteFile(post, ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md"));
  WriteFile(dir.path() / ".digestlint.yaml", "max-brackets: 99999999999999999999999\n");
  const ChildRun run = RunChild({post});
  CHECK(run.status == 2);
  CHECK(run.err == "digestlint: error: " + (dir.path() / ".digestlint.yaml").string() +
                       ":1:1: 'max-brackets' is 99999999999999999999999, an integer beyond the 64-bit range (23 "
                       "digits): digestlint reads it as an approximate number\n");
}

std::string CleanPost() { return ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md"); }

// The clean post with `lines` added to its front matter, as DIR/2025-10-27-post.md.
std::string WritePost(const TempDir& dir, const std::string& lines) {
  std::string post = CleanPost();
  post.insert(post.find("categories: []\n") + 15, lines);
  const std::string path = (dir.path() / "2025-10-27-post.md").string();
  WriteFile(path, post);
  return path;
}

std::string Schema(const std::string& name) { return Regression("schemas/" + name).string(); }

TEST_CASE("schema patterns RE2 cannot compile, remote and cyclic $refs are refused at load", "[reliability][schema]") {
  TempDir dir;
  const std::string post = WritePost(dir, "");
  const std::pair<const char*, const char*> cases[] = {
      {"lookbehind-pattern.schema.json",
       "/properties/title/pattern: invalid pattern /(?<=Daily )Papers/: invalid perl operator: (?<"},
      {"ref-cycle.schema.json",
       "/definitions/a: the schema refers back to itself without descending into the value (#/definitions/a -> "
       "#/definitions/b -> #/definitions/b/allOf/0 -> #/definitions/a), so checking would never end"},
      {"remote-ref.schema.json",
       "/properties/layout/$ref: 'other.json#/definitions/layout' is not supported: only references inside the "
       "schema ('#/...') are"},
  };
  for (const auto& [name, message] : cases) {
    DYNAMIC_SECTION(name) {
      const ChildRun run = RunChild({"--no-config", "--schema", Schema(name), post});
      CHECK(run.signal == 0);
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK(run.err == "digestlint: error: --schema " + Schema(name) + ": invalid schema: " + message + "\n");
    }
  }
}

TEST_CASE("20,000 nested not or allOf, and a 10,000-link $ref chain, are refused at load", "[reliability][schema]") {
  TempDir dir;
  const std::string post = WritePost(dir, "");
  const std::string base = ReadFile(SourceDir() / "schemas/daily-papers.schema.json");
  const auto with_summary = [&](const std::string& summary, const std::string& definitions) {
    std::string schema = base;
    schema.insert(schema.find("\"properties\": {") + 15, "\n    \"summary\": " + summary + ",");
    if (!definitions.empty())
      schema.insert(schema.find("\"properties\": {"), "\"definitions\": " + definitions + ",\n  ");
    return schema;
  };
  std::string nots = "{\"type\": \"string\"}";
  std::string all_ofs = nots;
  for (int i = 0; i < 20000; ++i) {
    nots = "{\"not\": " + nots + "}";
    all_ofs = "{\"allOf\": [" + all_ofs + "]}";
  }
  std::string chain = "{";
  for (int i = 0; i < 10000; ++i) {
    chain += "\"d" + std::to_string(i) + "\": {\"properties\": {\"a\": {\"$ref\": \"#/definitions/d" +
             std::to_string(i + 1) + "\"}}}, ";
  }
  chain += "\"d10000\": {}}";
  const std::tuple<const char*, std::string, std::string> cases[] = {
      // Refused before parsing, at the 65th level of brackets: the summary's 63rd.
      {"not", with_summary(nots, ""), "line 9, column 512"},       // 15 + 62 * strlen("{\"not\": ") + 1
      {"allOf", with_summary(all_ofs, ""), "line 9, column 357"},  // 15 + 31 * strlen("{\"allOf\": [") + 1
      {"chain", with_summary("{\"$ref\": \"#/definitions/d0\"}", chain), "/definitions/d"},
  };
  for (const auto& [name, schema, start] : cases) {
    DYNAMIC_SECTION(name) {
      const std::string path = (dir.path() / (std::string(name) + ".schema.json")).string();
      WriteFile(path, schema);
      const ChildRun run = RunChild({"--no-config", "--schema", path, post});
      CHECK(run.signal == 0);
      CHECK(run.status == 2);
      const std::string prefix = "digestlint: error: --schema " + path + ": invalid schema: " + start;
      CHECK(run.err.substr(0, prefix.size()) == prefix);
      const std::string end = std::string(name) == "chain"
                                  ? ": the schema leads through more than 256 nested schemas ($ref, allOf, not, "
                                    "properties, ...) to get here\n"
                                  : ": the schema is nested deeper than 64 levels\n";
      CHECK(run.err.substr(run.err.size() - std::min(run.err.size(), end.size())) == end);
    }
  }
}

TEST_CASE("schema patterns and date formats are matched in linear time, Unicode classes included",
          "[reliability][schema]") {
  TempDir dir;
  std::string ab;
  for (int i = 0; i < 50000; ++i) ab += "ab";
  const std::tuple<const char*, std::string, int, std::string> cases[] = {
      {"unicode-class-pattern.schema.json", "", 0, ""},
      {"exponential-pattern.schema.json", "summary: " + std::string(40, 'a') + "\n", 1,
       ":7:1: DL104 'summary' is \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" but must be of the form /(a*)*b/\n"},
      {"alternation-star-pattern.schema.json", "summary: " + ab + "c\n", 1,
       ":7:1: DL104 'summary' is \"" + ab.substr(0, 56) + "... but must be of the form /^(a|b)*$/\n"},
      {"date-format.schema.json", "published: \"" + std::string(100000, '1') + "-01-01\"\n", 1,
       ":7:1: DL104 'published': string should be a valid date\n"},
      {"pattern-properties.schema.json", "x-reviewer: 3\nx-note: fine\ny-other: 1\n", 1,
       ":7:1: DL104 'x-reviewer' must be a string but is an integer\n"},
  };
  for (const auto& [name, lines, status, message] : cases) {
    DYNAMIC_SECTION(name) {
      const std::string post = WritePost(dir, lines);
      const ChildRun run = RunChild({"--no-config", "--format", "concise", "--schema", Schema(name), post});
      CHECK(run.signal == 0);
      CHECK(run.status == status);
      CHECK(run.out.substr(0, run.out.find('\n') + 1) == (message.empty() ? "" : post + message));
    }
  }
}

TEST_CASE("custom rules with a 40 KB id, name or scope load or are refused, never crash",
          "[reliability][custom-rules]") {
  TempDir dir;
  const std::string post = WritePost(dir, "");
  const std::string rules = (dir.path() / "rule.yml").string();
  const std::tuple<const char*, std::string, int, std::string> cases[] = {
      {"id", "id: " + std::string(40000, 'A') + "1\nmessage: m\nscope: title\nkind: existence\npattern: xyz\n", 0, ""},
      {"name",
       "id: BLOG1\nname: " + std::string(40000, 'a') + "-\nmessage: m\nscope: title\nkind: existence\npattern: x\n", 2,
       "digestlint: error: " + rules + ":2:1: 'name' is \"" + std::string(56, 'a') +
           "... but must be of the form kebab-case, e.g. no-todo\n"},
      {"scope", "id: BLOG1\nmessage: m\nscope: section:" + std::string(40000, 'a') + "\nkind: existence\npattern: x\n",
       0, ""},
  };
  WriteFile(dir.path() / ".digestlint.yaml", "custom-rules: [rule.yml]\n");
  for (const auto& [name, rule, status, message] : cases) {
    DYNAMIC_SECTION(name) {
      WriteFile(rules, rule);
      const ChildRun run = RunChild({post});
      CHECK(run.signal == 0);
      CHECK(run.status == status);
      CHECK(run.err == (message.empty() ? "digestlint: no problems in 1 file\n" : message));
    }
  }
}

std::string Repeat(const std::string& text, size_t bytes) {
  std::string out;
  out.reserve(bytes + text.size());
  while (out.size() + text.size() <= bytes) out += text;
  return out;
}

TEST_CASE("10 MiB of headings, quotes, emphasis or lines are DL004 within a memory ceiling", "[reliability][memory]") {
  TempDir dir;
  const std::pair<const char*, std::string> cases[] = {
      {"one-line headings", Repeat("# x\n", 10 << 20)},
      {"nested block quotes", Repeat(">", (10 << 20) - 3) + " x\n"},
      {"nested emphasis", Repeat("*a **b ", (10 << 20) - 1) + "\n"},
      {"bare lines", Repeat("a\n", 10 << 20)},
  };
  for (const auto& [name, text] : cases) {
    DYNAMIC_SECTION(name) {
      const std::string path = (dir.path() / "2025-10-27-post.md").string();
      WriteFile(path, text);
      const ChildRun run = RunChild({"--no-config", "--format", "concise", path});
      CHECK(run.signal == 0);
      CHECK(run.status == 2);
      CHECK(run.out ==
            path +
                ":1:1: DL004 the file was not linted: parsing it needs more than max-parse-memory (134217728 "
                "bytes): it has too many Markdown elements (lines, headings, quotes, emphasis, links)\n");
      INFO("peak resident memory " << run.max_rss_kib << " KiB");
      CHECK(run.max_rss_kib < kCeilingKib);  // 1.3 to 17.8 GB before
    }
  }
}

TEST_CASE("780,000 problems in one post: the first 1,000 and one DL006, within a memory ceiling",
          "[reliability][memory]") {
  TempDir dir;
  const std::string path = (dir.path() / "2025-10-27-post.md").string();
  // 4 MiB of one paper heading, over and over: no front matter, no sections, duplicates, numbering.
  const std::string heading = "# 1. [x](https://arxiv.org/abs/2510.00001)\n";
  WriteFile(path, Repeat(heading, 4 << 20));
  WriteFile(dir.path() / "config.yaml", "max-brackets: 10000000\n");  // cmark's bracket guard aside
  const ChildRun run = RunChild({"--config", (dir.path() / "config.yaml").string(), "--format", "concise", path});
  CHECK(run.signal == 0);
  CHECK(run.status == 1);
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 1001);
  CHECK(run.out.find(path + ":126:1: DL006 779327 more problems from here on are not reported: the file has more than "
                            "max-diagnostics (1000)\n") != std::string::npos);
  CHECK(run.err ==
        "digestlint: 1001 errors, 0 warnings in 1 file; 249 fixable with --fix, 626 more with --unsafe-fixes\n");
  INFO("peak resident memory " << run.max_rss_kib << " KiB");
  CHECK(run.max_rss_kib < kCeilingKib);
}

TEST_CASE("max-diagnostics and max-parse-memory are configurable, and suppressed problems do not count",
          "[reliability][limits]") {
  TempDir dir;
  std::string post = CleanPost();
  post.replace(post.find("## Results"), 10, "<!-- digestlint-disable-next-line DL206 -->\n## Result");
  post.replace(post.find("## Results"), 10, "## Result");
  const std::string path = (dir.path() / "2025-10-27-post.md").string();
  WriteFile(path, post);
  WriteFile(dir.path() / ".digestlint.yaml", "max-diagnostics: 2\nseverity: {DL206: warning}\n");
  const auto run = testing::RunDigestlint({"--format", "concise", path});
  CHECK(run.status == 1);
  // Of DL201 and DL206 for each paper, the first DL206 is suppressed: it takes no place under the limit.
  CHECK(run.out == path + ":9:1: DL201 paper 1 has no '## Results' section\n" + path +
                       ":31:1: DL201 paper 2 has no '## Results' section\n" + path +
                       ":43:1: DL006 1 more problem from here on are not reported: the file has more than "
                       "max-diagnostics (2)\n");
  CHECK(run.err.find("1 warning") != std::string::npos);  // DL006 is as severe as the DL206 warning it hides
  WriteFile(dir.path() / ".digestlint.yaml", "max-parse-memory: 1000\n");
  const auto small = testing::RunDigestlint({"--format", "concise", path});
  CHECK(small.status == 2);
  CHECK(small.out == path +
                         ":1:1: DL004 the file was not linted: parsing it needs more than max-parse-memory (1000 "
                         "bytes): it has too many Markdown elements (lines, headings, quotes, emphasis, links)\n");
}

TEST_CASE("a .digestlint.yaml that is a FIFO, a folder, a link to /dev/zero or a dangling link is an error",
          "[reliability][config]") {
  const std::pair<const char*, const char*> cases[] = {
      {"fifo", "it is not a regular file"},
      {"folder", "it is a directory"},
      {"device", "it is not a regular file"},
      {"dangling", "No such file or directory"},
  };
  for (const auto& [kind, reason] : cases) {
    DYNAMIC_SECTION(kind) {
      TempDir dir;
      const fs::path config = dir.path() / ".digestlint.yaml";
      if (std::string(kind) == "fifo") REQUIRE(mkfifo(config.c_str(), 0600) == 0);
      if (std::string(kind) == "folder") fs::create_directory(config);
      if (std::string(kind) == "device") fs::create_symlink("/dev/zero", config);
      if (std::string(kind) == "dangling") fs::create_symlink("nowhere.yaml", config);
      const std::string post = WritePost(dir, "");
      const ChildRun run = RunChild({post});  // a hang on the FIFO or /dev/zero would hit CTest's timeout
      CHECK(run.signal == 0);
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK(run.err == "digestlint: error: " + config.string() + ":1:1: cannot read the file: " + reason + "\n");
    }
  }
}

// Throws, at the stage the test chose, for the post named *-b.md.
const char* g_failing_stage = "";
bool g_out_of_memory = false;
void FailOnB(const char* stage, const std::string& path) {
  if (std::string_view(stage) != g_failing_stage || path.find("-b.md") == std::string::npos) return;
  if (g_out_of_memory) throw std::bad_alloc();
  throw std::runtime_error("injected failure");
}

TEST_CASE("an exception while working on one post is its DL005, and the other posts finish",
          "[reliability][internal-error]") {
  const std::string broken = ReadFile(SourceDir() / "tests/fixtures/DL401_paper_numbering/gap.md");
  for (const char* stage : {"lint", "post"}) {
    for (const bool out_of_memory : {false, true}) {
      DYNAMIC_SECTION(stage << (out_of_memory ? ", out of memory" : "")) {
        TempDir dir;
        for (const char* name : {"2025-10-27-a.md", "2025-10-27-b.md", "2025-10-27-c.md"}) {
          WriteFile(dir.path() / name, broken);
        }
        g_failing_stage = stage;
        g_out_of_memory = out_of_memory;
        fault_injection_for_testing = FailOnB;
        const auto lint =
            testing::RunDigestlint({"--no-config", "--format", "concise", "-j", "2", dir.path().string()});
        const auto fix = testing::RunDigestlint({"--no-config", "--fix", "-j", "2", dir.path().string()});
        fault_injection_for_testing = nullptr;
        const std::string b = (dir.path() / "2025-10-27-b.md").string();
        const std::string dl005 = b + ":1:1: DL005 internal error while linting this file: " +
                                  (out_of_memory ? "out of memory" : "injected failure") +
                                  "; it was not linted (please report this with the file)\n";
        INFO(lint.out << lint.err);
        CHECK(lint.status == 2);
        CHECK(lint.out.find(dl005) != std::string::npos);
        for (const char* other : {"2025-10-27-a.md", "2025-10-27-c.md"}) {
          CHECK(lint.out.find((dir.path() / other).string() + ":") != std::string::npos);  // still linted
          CHECK(ReadFile(dir.path() / other) != broken);                                   // and fixed
        }
        CHECK(lint.err.find("(1 file could not be linted)") != std::string::npos);
        CHECK(fix.status == 2);
        CHECK(ReadFile(b) == broken);  // never written
      }
    }
  }
}

}  // namespace
}  // namespace digestlint
