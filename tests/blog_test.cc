// The blog as a whole: the fixture blogs under tests/blogs/ (posts annotated
// with expect: markers, like tests/fixtures/), the pre-commit case of one
// named post, and the site index cache under edits, deletions, renames,
// truncation, corruption and concurrent runs.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "blog/index_cache.h"
#include "blog/site.h"
#include "fixture_markers.h"
#include "json_schema.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::Expectation;
using testing::Fixture;
using testing::ParseFixture;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

fs::path BlogsDir() { return SourceDir() / "tests" / "blogs"; }

// Copies a fixture blog into `to` with its markers blanked; returns the
// expectations by path relative to the blog.
std::map<std::string, std::vector<Expectation>> CopyBlog(const std::string& name, const fs::path& to) {
  std::map<std::string, std::vector<Expectation>> expected;
  const fs::path from = BlogsDir() / name;
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), from).generic_string();
    fs::create_directories((to / relative).parent_path());
    if (entry.path().extension() == ".md") {
      const Fixture fixture = ParseFixture(entry.path());
      WriteFile(to / relative, fixture.text);
      expected[relative] = fixture.expected;
    } else {
      fs::copy_file(entry.path(), to / relative);
    }
  }
  return expected;
}

// One diagnostic as "relative/path:line:col CODE message" (and its related places).
struct Found {
  std::string path;
  std::string code;
  int line = 0;
  int column = 0;
  std::string message;
  nlohmann::json related;
};

std::vector<Found> Diagnostics(const std::string& stdout_json, const fs::path& root) {
  std::vector<Found> found;
  const nlohmann::json report = nlohmann::json::parse(stdout_json);
  for (const auto& d : report["diagnostics"]) {
    found.push_back(Found{fs::path(d["path"].get<std::string>()).lexically_relative(root).generic_string(), d["rule"],
                          d["line"], d["column"], d["message"], d.value("related", nlohmann::json())});
  }
  return found;
}

std::vector<std::string> Describe(const std::vector<Found>& found) {
  std::vector<std::string> lines;
  for (const Found& f : found) {
    lines.push_back(f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.code + " " +
                    f.message);
  }
  return lines;
}

// Every expectation met by one diagnostic, and every diagnostic expected.
void CheckExpected(const std::map<std::string, std::vector<Expectation>>& expected, const std::vector<Found>& found) {
  std::vector<bool> used(found.size(), false);
  std::vector<std::string> missing;
  for (const auto& [path, expectations] : expected) {
    for (const Expectation& e : expectations) {
      bool met = false;
      for (size_t i = 0; i < found.size() && !met; ++i) {
        const Found& f = found[i];
        if (!used[i] && f.path == path && f.code == e.code && f.line == e.line && f.column == e.column &&
            f.message.find(e.message_part) != std::string::npos) {
          used[i] = met = true;
        }
      }
      if (!met) missing.push_back(path + " " + testing::Describe(e));
    }
  }
  std::vector<std::string> unexpected;
  for (size_t i = 0; i < found.size(); ++i) {
    if (!used[i]) unexpected.push_back(Describe({found[i]}).front());
  }
  INFO("found: " << ::Catch::Detail::stringify(Describe(found)));
  INFO("missing: " << ::Catch::Detail::stringify(missing));
  INFO("unexpected: " << ::Catch::Detail::stringify(unexpected));
  CHECK(missing.empty());
  CHECK(unexpected.empty());
}

std::vector<std::string> AllBlogs() {
  std::vector<std::string> blogs;
  for (const auto& entry : fs::directory_iterator(BlogsDir())) blogs.push_back(entry.path().filename().string());
  std::sort(blogs.begin(), blogs.end());
  return blogs;
}

TEST_CASE("every fixture blog gives exactly its expected cross-post diagnostics", "[blog]") {
  const std::vector<std::string> blogs = AllBlogs();
  REQUIRE(blogs.size() >= 7);
  for (const std::string& name : blogs) {
    for (const bool cache : {false, true}) {
      DYNAMIC_SECTION(name << (cache ? " (with the cache, cold then warm)" : " (--no-cache)")) {
        TempDir dir;
        const auto expected = CopyBlog(name, dir.path());
        std::vector<std::string> args = {"--format", "json", dir.path().string()};
        if (!cache) args.insert(args.begin(), "--no-cache");
        const auto run = RunDigestlint(args);
        INFO(run.err);
        CheckExpected(expected, Diagnostics(run.out, dir.path()));
        if (cache) {
          CHECK(fs::exists(dir.path() / ".digestlint-cache/index"));
          CheckExpected(expected, Diagnostics(RunDigestlint(args).out, dir.path()));
        } else {
          CHECK_FALSE(fs::exists(dir.path() / ".digestlint-cache"));
        }
      }
    }
  }
}

TEST_CASE("cross-post diagnostics name the earlier post in every format", "[blog][formats]") {
  TempDir dir;
  CopyBlog("repeats", dir.path());
  const std::string post = (dir.path() / "_posts/2025-10-02-daily-papers.md").string();
  const std::string earlier = (dir.path() / "_posts/2025-10-01-daily-papers.md").string();
  const auto json = RunDigestlint({"--format", "json", post});
  const auto found = Diagnostics(json.out, dir.path());
  REQUIRE(found.size() == 1);
  CHECK(found[0].related == nlohmann::json::array({{{"path", earlier},
                                                    {"line", 9},
                                                    {"column", 1},
                                                    {"message", "arXiv 2510.00001 in the post of 2025-10-01"}}}));
  const auto human = RunDigestlint({post});
  CHECK(human.out == post + ":11:1: error[DL701 paper-repeated] arXiv 2510.00001 was already summarised on " +
                         "2025-10-01 in " + earlier + " (line 9)\n" +
                         " 11 | # 2. [Paper 2510.00001v2](https://arxiv.org/abs/2510.00001v2)\n" + "    | " +
                         std::string(61, '^') + "\n" + earlier +
                         ":9:1: note: arXiv 2510.00001 in the post of 2025-10-01\n");
  const auto sarif = nlohmann::json::parse(RunDigestlint({"--format", "sarif", post}).out);
  const auto& result = sarif["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "DL701");
  CHECK(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + earlier);
  CHECK(result["relatedLocations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 9}, {"startColumn", 1}});
  const auto concise = RunDigestlint({"--format", "concise", post});
  CHECK(concise.out.find("DL701 arXiv 2510.00001 was already summarised on 2025-10-01 in " + earlier + " (line 9)") !=
        std::string::npos);
  CHECK(RunDigestlint({"--format", "github", post}).out.find("title=DL701 paper-repeated::") != std::string::npos);
  CHECK(RunDigestlint({"--format", "junit", post}).out.find("<failure type=\"DL701\"") != std::string::npos);
  // reviewdog's RelatedLocation: the line only (its columns count bytes of a file not read here).
  const auto rdjson = nlohmann::json::parse(RunDigestlint({"--format", "rdjson", post}).out);
  const nlohmann::json place = {{"message", "arXiv 2510.00001 in the post of 2025-10-01"},
                                {"location", {{"path", earlier}, {"range", {{"start", {{"line", 9}}}}}}}};
  CHECK(rdjson["diagnostics"][0]["related_locations"] == nlohmann::json::array({place}));
  const JsonSchema rdjson_schema(
      nlohmann::json::parse(ReadFile(testing::SourceDir() / "tests/schemas/formats/rdjson.schema.json")));
  CHECK(rdjson_schema.Validate(rdjson, "the report").empty());
  const auto gitlab = nlohmann::json::parse(RunDigestlint({"--format", "gitlab", post}).out);
  CHECK(gitlab[0]["description"] ==
        "arXiv 2510.00001 was already summarised on 2025-10-01 in " + earlier + " (line 9)");
}

TEST_CASE("the SARIF with related locations validates against the official schema", "[blog][formats][sarif]") {
  const auto shared = testing::SharedDir();
  if (!shared) {
    WARN("../shared is not on this machine: skipped validating SARIF against the official schema");
    return;
  }
  TempDir dir;
  CopyBlog("repeats", dir.path());
  CopyBlog("double-dates", dir.path() / "more");
  const fs::path report = dir.path() / "report.sarif";
  RunDigestlint({"--format", "sarif", "-o", report.string(), dir.path().string()});
  CHECK(ReadFile(report).find("relatedLocations") != std::string::npos);
  const std::string command =
      "/usr/bin/python3 -c 'import json, sys, jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' '" +
      report.string() + "' '" + (*shared / "schemas/sarif-schema-2.1.0.json").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
}

// pre-commit names the staged posts only: the index still covers the site,
// and only the named post's diagnostics are printed.
TEST_CASE("one named post is compared with the whole site, and only it is reported", "[blog][pre-commit]") {
  TempDir dir;
  const auto expected = CopyBlog("repeats", dir.path());
  const std::string named = "_posts/2025-10-03-daily-papers.md";
  const auto run = RunDigestlint({"--format", "json", (dir.path() / named).string()});
  CHECK(run.status == 1);
  const std::vector<Found> found = Diagnostics(run.out, dir.path());
  CheckExpected({{named, expected.at(named)}}, found);
  CHECK(found.size() == 2);
  CHECK(run.err == "digestlint: 2 errors, 0 warnings in 1 file\n");

  SECTION("from the blog's folder, as pre-commit runs it, with relative paths") {
    const std::string command =
        "cd '" + dir.path().string() + "' && '" + DIGESTLINT_BINARY + "' --format concise " + named + " > out.txt 2>&1";
    CHECK(WEXITSTATUS(std::system(command.c_str())) == 1);
    CHECK(ReadFile(dir.path() / "out.txt") ==
          named +
              ":9:1: DL701 arXiv 2510.00003 was already summarised on 2025-10-02 in "
              "_posts/2025-10-02-daily-papers.md (line 9)\n" +
              named +
              ":11:1: DL701 arXiv 2510.00001 was already summarised on 2025-10-02 in "
              "_posts/2025-10-02-daily-papers.md (line 11)\n" +
              "digestlint: 2 errors, 0 warnings in 1 file\n");
  }
  SECTION("a new post not yet in any index, read from stdin as an editor would") {
    const std::string text = ReadFile(dir.path() / "_posts/2025-10-01-daily-papers.md");
    std::string copy = text;
    for (const char* from : {"2025-10-01 08", "Papers — 2025-10-01"}) {
      copy.replace(copy.find(from), 10, "2025-10-05");
    }
    const auto stdin_run = RunDigestlint(
        {"--format", "concise", "--stdin-filename", (dir.path() / "_posts/2025-10-05-new.md").string(), "-"}, {}, copy);
    CHECK(stdin_run.status == 1);
    CHECK(std::count(stdin_run.out.begin(), stdin_run.out.end(), '\n') == 2);  // both papers of 2025-10-01 again
    CHECK(stdin_run.out.find(":9:1: DL701 arXiv 2510.00001 was already summarised on 2025-10-03") != std::string::npos);
  }
  SECTION("--no-config lints the post alone") {
    CHECK(RunDigestlint({"--no-config", "--select", "DL7", (dir.path() / named).string()}).status == 0);
  }
}

TEST_CASE("a Jekyll site without a configuration file is a site, a lone folder is not", "[blog]") {
  TempDir dir;
  CopyBlog("double-dates", dir.path());
  fs::remove(dir.path() / ".digestlint.yaml");
  const std::string post = (dir.path() / "_posts/2025-10-27-daily-papers.md").string();
  CHECK(RunDigestlint({"--select", "DL7", post}).status == 0);
  WriteFile(dir.path() / "_config.yml", "title: a blog\n");
  const auto run = RunDigestlint({"--select", "DL7", "--format", "concise", post});
  CHECK(run.status == 1);
  CHECK(run.out.find(post + ":4:7: DL702 2 posts are dated 2025-10-27") == 0);
}

TEST_CASE("the walk never lists the index cache, wherever cache-dir puts it", "[blog]") {
  TempDir dir;
  CopyBlog("repeats", dir.path());
  WriteFile(dir.path() / ".digestlint.yaml", "select: [DL7]\ninclude: [\"**\"]\ncache-dir: cache\n");
  const auto run = RunDigestlint({"--format", "json", dir.path().string()});
  CHECK(fs::exists(dir.path() / "cache/index"));
  CHECK(nlohmann::json::parse(run.out)["files"] == 4);  // the four posts, not cache/index (nor cache/.gitignore)
  CHECK_FALSE(fs::exists(dir.path() / ".digestlint-cache"));
  const auto again = RunDigestlint({"--format", "json", dir.path().string()});
  CHECK(nlohmann::json::parse(again.out)["files"] == 4);
}

// ---- the cache -------------------------------------------------------------

// A site for the cache tests: the repeats, double-dates and tags blogs together.
struct CacheSite {
  TempDir dir;
  CacheSite() {
    CopyBlog("repeats", dir.path());
    for (const char* blog : {"double-dates", "tags"}) {
      TempDir other;
      CopyBlog(blog, other.path());
      for (const auto& entry : fs::directory_iterator(other.path() / "_posts")) {
        fs::copy_file(entry.path(),
                      dir.path() / "_posts" / (std::string(blog) + "-" + entry.path().filename().string()));
      }
    }
  }
  fs::path Path(const std::string& relative) const { return dir.path() / relative; }
  std::vector<std::string> Lint(bool cache = true) const {
    std::vector<std::string> args = {"--format", "json", dir.path().string()};
    if (!cache) args.insert(args.begin(), "--no-cache");
    return Describe(Diagnostics(RunDigestlint(args).out, dir.path()));
  }
  IndexStats Build() const {
    Projects projects(ConfigChoice{}, std::cerr);
    IndexStats stats;
    REQUIRE(BuildBlog(dir.path(), projects, SiteOptions{false, true, 2}, &stats));
    return stats;
  }
  // Every post older than any cache write: nothing is racily clean.
  void AgePosts() const {
    for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "_posts")) {
      fs::last_write_time(entry.path(), fs::last_write_time(entry.path()) - std::chrono::hours(1));
    }
  }
};

TEST_CASE("a warm index reads every unchanged post from the cache", "[blog][cache]") {
  CacheSite site;
  site.AgePosts();
  IndexStats cold = site.Build();
  CHECK(cold.parsed == cold.posts);
  CHECK_FALSE(cold.cache_valid);
  CHECK(cold.cache_written);
  const IndexStats warm = site.Build();
  CHECK(warm.cache_valid);
  CHECK(warm.from_cache == warm.posts);
  CHECK(warm.parsed + warm.rehashed == 0);
  CHECK_FALSE(warm.cache_written);  // nothing changed: not rewritten
  CHECK(site.Lint() == site.Lint(false));
}

TEST_CASE("the cache gives the results of a run without it when posts change between runs", "[blog][cache]") {
  CacheSite site;
  site.AgePosts();
  const std::vector<std::string> before = site.Lint(false);
  REQUIRE(before.size() >= 8);
  CHECK(site.Lint() == before);
  const auto check = [&](const char* what) {
    INFO(what);
    const std::vector<std::string> truth = site.Lint(false);
    CHECK(site.Lint() == truth);
    CHECK(site.Lint() == truth);  // and once more, from the cache just written
    return truth;
  };
  const fs::path copy = site.Path("_posts/2025-10-03-daily-papers.md");
  SECTION("an edit that removes a repeated paper") {
    std::string text = ReadFile(copy);
    text.replace(text.find("2510.00001)"), 10, "2510.09999");
    WriteFile(copy, text);
    CHECK(check("edit") != before);
  }
  SECTION("an edit of the same size, with the old mtime restored: racily clean, so hashed again") {
    const auto mtime = fs::last_write_time(copy);
    site.Lint();  // the cache now knows this post with this mtime
    fs::last_write_time(copy, fs::file_time_type::clock::now());
    site.Lint();  // written just now: the entry is racily clean
    const auto recent = fs::last_write_time(copy);
    std::string text = ReadFile(copy);
    text.replace(text.find("2510.00001)"), 10, "2510.09999");
    WriteFile(copy, text);
    fs::last_write_time(copy, recent);
    CHECK(fs::last_write_time(copy) == recent);
    CHECK(check("same size, same mtime") != before);
    (void)mtime;
  }
  SECTION("a deleted post") {
    fs::remove(site.Path("_posts/2025-10-01-daily-papers.md"));
    CHECK(check("delete") != before);
  }
  SECTION("a renamed post") {
    fs::rename(site.Path("_posts/2025-10-02-daily-papers.md"), site.Path("_posts/2025-10-02-renamed.md"));
    const std::vector<std::string> after = check("rename");
    CHECK(std::any_of(after.begin(), after.end(), [](const std::string& d) {
      return d.find("_posts/2025-10-02-renamed.md (line") != std::string::npos;
    }));
  }
  SECTION("a truncated post") {
    const std::string text = ReadFile(copy);
    WriteFile(copy, text.substr(0, text.find("# 1.")));
    CHECK(check("truncate") != before);
  }
  SECTION("a post that becomes unreadable text, then a folder of new posts") {
    WriteFile(copy, std::string("---\ndate: 2025-10-03\n---\n\xff\n"));
    check("not UTF-8");
    fs::create_directories(site.Path("_posts/more"));
    fs::copy_file(site.Path("_posts/2025-10-01-daily-papers.md"), site.Path("_posts/more/2025-10-09-again.md"));
    CHECK(check("new folder") != before);
  }
  SECTION("another schema: entries made under the old one are not used") {
    WriteFile(site.Path("weekly.schema.json"), ReadFile(SourceDir() / "tests/schemas/weekly-notes.schema.json"));
    WriteFile(site.Path(".digestlint.yaml"), "select: [DL7]\nschema: weekly.schema.json\n");
    const IndexStats stats = site.Build();
    CHECK(stats.parsed == stats.posts);
    check("schema");
  }
}

TEST_CASE("a corrupt cache is rebuilt, never trusted", "[blog][cache]") {
  CacheSite site;
  site.AgePosts();
  const std::vector<std::string> truth = site.Lint(false);
  site.Lint();
  const fs::path index = site.Path(".digestlint-cache/index");
  const std::string good = ReadFile(index);
  REQUIRE(ParseIndexCache(good));
  // Corruptions that keep the file plausible: a paper ID changed in place, a
  // line number, the header's count, a truncation, the version, garbage.
  std::string changed_id = good;
  changed_id[changed_id.find("2510.00001")] = '3';
  std::string changed_line = good;
  changed_line.replace(changed_line.find("\t9\n"), 3, "\t8\n");
  const std::string truncated = good.substr(0, good.size() / 2);
  std::string version = good;
  version.replace(0, std::string("digestlint-index 1").size(), "digestlint-index 9");
  const std::vector<std::pair<std::string, std::string>> corruptions = {
      {"an ID", changed_id}, {"a line", changed_line},         {"truncated", truncated},
      {"version", version},  {"garbage", "\x00\x01garbage\n"}, {"empty", ""}};
  for (const auto& [what, bytes] : corruptions) {
    DYNAMIC_SECTION(what) {
      CHECK_FALSE(ParseIndexCache(bytes));
      WriteFile(index, bytes);
      const IndexStats stats = site.Build();
      CHECK_FALSE(stats.cache_valid);
      CHECK(stats.parsed == stats.posts);
      CHECK(stats.cache_written);
      CHECK(ParseIndexCache(ReadFile(index)));
      WriteFile(index, bytes);
      CHECK(site.Lint() == truth);
    }
  }
}

TEST_CASE("the cache format reads back what it wrote, escapes included", "[blog][cache]") {
  IndexCache cache;
  cache.built_at_ns = 1234567890123456789;
  CacheEntry entry;
  entry.path = "_posts/a\tb\\c\nd.md";
  entry.size = 42;
  entry.mtime_ns = -5;
  entry.hash = ContentHash("bytes");
  entry.fingerprint = 7;
  entry.facts.title = "Daily Papers — 2025-10-27\twith\\tabs";
  entry.facts.date = 20388;
  entry.facts.date_line = 4;
  entry.facts.papers = {PaperFact{"arxiv:2510.19871", "arXiv 2510.19871", 10, {}},
                        PaperFact{"openreview:a\tb", "OpenReview a\tb", 33, {}}};
  entry.facts.tags = {TagFact{"papers", {}}, TagFact{"new\nline", {}}};
  cache.entries = {entry, CacheEntry{"b.md", 0, 0, 0, 0, {}}};
  const std::optional<IndexCache> back = ParseIndexCache(SerializeIndexCache(cache));
  REQUIRE(back);
  CHECK(back->built_at_ns == cache.built_at_ns);
  REQUIRE(back->entries.size() == 2);
  const CacheEntry& first = back->entries[0];
  CHECK(first.path == entry.path);
  CHECK(std::tie(first.size, first.mtime_ns, first.hash, first.fingerprint) ==
        std::tie(entry.size, entry.mtime_ns, entry.hash, entry.fingerprint));
  CHECK(first.facts.title == entry.facts.title);
  CHECK(first.facts.date == entry.facts.date);
  CHECK(first.facts.date_line == 4);
  REQUIRE(first.facts.papers.size() == 2);
  CHECK(first.facts.papers[1].id == "openreview:a\tb");
  CHECK(first.facts.papers[1].shown == "OpenReview a\tb");
  CHECK(first.facts.papers[1].line == 33);
  REQUIRE(first.facts.tags.size() == 2);
  CHECK(first.facts.tags[1].tag == "new\nline");
  CHECK_FALSE(back->entries[1].facts.date);
  CHECK(ContentHash("bytes") != ContentHash("bytez"));
  CHECK(ContentHash("") != ContentHash(std::string(1, '\0')));
}

// Several processes at once, while posts change between rounds: each
// process's output equals a run without the cache, and the cache stays valid.
TEST_CASE("concurrent runs race safely on the cache", "[blog][cache][slow]") {
  CacheSite site;
  // More posts, so that the runs overlap: 200 copies with their own dates and papers.
  const std::string base = ReadFile(site.Path("_posts/2025-10-01-daily-papers.md"));
  for (int i = 0; i < 200; ++i) {
    std::string text = base;
    const std::string day = "2024-" + std::string(i / 28 + 1 < 10 ? "0" : "") + std::to_string(i / 28 + 1) + "-" +
                            (i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1);
    for (int k = 0; k < 2; ++k) text.replace(text.find("2025-10-01"), 10, day);
    text.replace(text.find("2510.00002"), 10, "2401." + std::to_string(10000 + i));
    WriteFile(site.Path("_posts/" + day + "-copy.md"), text);
  }
  const fs::path out = site.dir.path().parent_path() / (site.dir.path().filename().string() + "-out");
  fs::create_directories(out);
  const std::string second_post = ReadFile(site.Path("_posts/2025-10-02-daily-papers.md"));
  for (int round = 0; round < 4; ++round) {
    INFO("round " << round);
    const std::vector<std::string> truth = site.Lint(false);
    std::vector<pid_t> children;
    for (int process = 0; process < 4; ++process) {
      const pid_t child = fork();
      REQUIRE(child >= 0);
      if (child == 0) {
        const std::string file = (out / std::to_string(process)).string();
        const int fd = open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        execl(DIGESTLINT_BINARY, DIGESTLINT_BINARY, "--format", "json", "-q", site.dir.path().c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
      }
      children.push_back(child);
    }
    for (const pid_t child : children) {
      int status = 0;
      waitpid(child, &status, 0);
      CHECK(WIFEXITED(status));
    }
    for (int process = 0; process < 4; ++process) {
      CHECK(Describe(Diagnostics(ReadFile(out / std::to_string(process)), site.dir.path())) == truth);
    }
    CHECK(ParseIndexCache(ReadFile(site.Path(".digestlint-cache/index"))));
    // Change the site for the next round: a repeat appears, a post goes away.
    std::string text = second_post;
    text.replace(text.find("2510.00003"), 10, "2401." + std::to_string(10000 + round));
    WriteFile(site.Path("_posts/2025-10-02-daily-papers.md"), text);
    fs::remove(site.Path("_posts/2024-01-0" + std::to_string(round + 1) + "-copy.md"));
  }
  fs::remove_all(out);
  std::set<std::string> leftovers;
  for (const auto& entry : fs::directory_iterator(site.Path(".digestlint-cache"))) {
    leftovers.insert(entry.path().filename().string());
  }
  CHECK(leftovers == std::set<std::string>{".gitignore", "CACHEDIR.TAG", "index"});
}

}  // namespace
}  // namespace digestlint

namespace digestlint {
namespace {

TEST_CASE("the series block is checked like the rest of the configuration", "[blog][config]") {
  testing::TempDir dir;
  testing::WriteFile(dir.path() / "2025-10-27-post.md", "---\ndate: 2025-10-27\n---\n");
  const auto status_and_error = [&](const std::string& config) {
    testing::WriteFile(dir.path() / ".digestlint.yaml", config);
    const auto run = testing::RunDigestlint({dir.path().string()});
    return std::make_pair(run.status, run.err);
  };
  const std::string file = (dir.path() / ".digestlint.yaml").string();
  CHECK(status_and_error("series:\n  since: 2025-02-30\n") ==
        std::make_pair(2, "digestlint: error: " + file +
                              ":2:3: 'series.since' is \"2025-02-30\" but must be a date, YYYY-MM-DD (day 30 does not "
                              "exist in 2025-02)\n"));
  const auto [status, error] = status_and_error("series:\n  cadence: hourly\n");
  CHECK(status == 2);
  CHECK(error.find(file + ":2:3: 'series.cadence' is \"hourly\" but must be one of") != std::string::npos);
  CHECK(
      status_and_error("series:\n  cadense: daily\n").second.find("unknown key 'cadense' (did you mean 'cadence'?)") !=
      std::string::npos);
  testing::WriteFile(dir.path() / ".digestlint.yaml",
                     "series: {cadence: weekdays, since: 2025-10-01, paper-window: 30}\n");
  const auto shown = testing::RunDigestlint({"config", dir.path().string()});
  CHECK(shown.out.find("series: {cadence: weekdays, since: 2025-10-01, paper-window: 30, common-tag-posts: 3}  # " +
                       file) != std::string::npos);
}

}  // namespace
}  // namespace digestlint
