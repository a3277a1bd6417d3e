// A Jekyll site as a new user has one: tests/sites/jekyll-basic holds posts, a
// collection, drafts, pages, _site/, vendor/, node_modules/, _includes/,
// _layouts/, _sass/, .jekyll-cache/, an excluded folder and a .gitignored one.
// The built binary runs in a copy of it made a real git repository.
#include <iostream>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "blog/site.h"
#include "projects.h"
#include "site.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::Run;
using testing::Shell;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

// The posts and collection documents of jekyll-basic: all a run may lint.
const std::set<std::string> kDocuments = {"_papers/2025-10-29-daily-papers.md", "_posts/2025-10-27-daily-papers.md",
                                          "_posts/2025-10-28-daily-papers.md",
                                          "blog/_posts/2025-10-30-daily-papers.md"};

const std::string kNotAPost = "# Notes\n\nNot a digest post.\n";

// A copy of the fixture site in a temporary folder.
class SiteCopy {
 public:
  SiteCopy() { fs::copy(SourceDir() / "tests/sites/jekyll-basic", root(), fs::copy_options::recursive); }
  const fs::path& root() const { return root_; }
  void GitInit() const { REQUIRE(Run("cd '" + root_.string() + "' && git init -q").status == 0); }
  // Replaces every Markdown file with a file that is not a post at all, so
  // that each file a run lints shows up in its report.
  void BreakEveryMarkdownFile() const {
    for (const auto& entry : fs::recursive_directory_iterator(root_)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".md" || extension == ".markdown")) {
        WriteFile(entry.path(), kNotAPost);
      }
    }
  }
  // Runs the built binary in the site's folder.
  Shell Digestlint(const std::string& arguments, const std::string& environment = "") const {
    return Run("cd '" + root_.string() + "' && " + environment + " '" + DIGESTLINT_BINARY + "' " + arguments);
  }

 private:
  TempDir dir_;
  fs::path root_ = dir_.path() / "blog";
};

// The files a JSON report has diagnostics for.
std::set<std::string> ReportedFiles(const std::string& json_and_summary) {
  const nlohmann::json report = nlohmann::json::parse(json_and_summary.substr(0, json_and_summary.rfind("}\n") + 2));
  std::set<std::string> files;
  for (const auto& d : report["diagnostics"]) files.insert(d["path"].get<std::string>());
  return files;
}

TEST_CASE("a run with no path in a Jekyll site lints exactly its posts and collection documents", "[site][git][slow]") {
  SiteCopy site;
  site.GitInit();
  // Its posts are copies of one post, so the cross-post rules (DL7xx) would report their papers as repeated.
  const Shell clean = site.Digestlint("--ignore DL7");
  INFO(clean.output);
  CHECK(clean.status == 0);
  CHECK(clean.output == "digestlint: no problems in 4 files\n");  // not a single diagnostic

  site.BreakEveryMarkdownFile();
  const Shell broken = site.Digestlint("--format json -q");
  INFO(broken.output);
  CHECK(broken.status == 1);
  CHECK(ReportedFiles(broken.output) == kDocuments);

  SECTION("drafts on demand, from the flag or from show_drafts") {
    std::set<std::string> with_drafts = kDocuments;
    with_drafts.insert("_drafts/next-week.md");
    CHECK(ReportedFiles(site.Digestlint("--drafts --format json -q").output) == with_drafts);
    WriteFile(site.root() / "_config.yml", ReadFile(site.root() / "_config.yml") + "show_drafts: true\n");
    CHECK(ReportedFiles(site.Digestlint("--format json -q").output) == with_drafts);
  }
  SECTION("the .gitignored folder is left out by git's rules, not by chance") {
    REQUIRE(fs::remove(site.root() / ".gitignore"));
    std::set<std::string> with_archive = kDocuments;
    with_archive.insert("archive/_posts/2019-01-01-old-format.md");
    CHECK(ReportedFiles(site.Digestlint("--format json -q").output) == with_archive);
  }
  SECTION("without libgit2 the walk goes on and says that .gitignore is not applied") {
    const Shell missing = site.Digestlint("--format json -q", "DIGESTLINT_LIBGIT2=/nonexistent/libgit2.so");
    CHECK(missing.output.rfind(
              "digestlint: warning: .gitignore is not applied: cannot load libgit2: /nonexistent/libgit2.so: cannot "
              "open shared object file: No such file or directory (Debian: apt-get install libgit2-1.5)\n",
              0) == 0);
    CHECK(missing.output.find("\"files\": 5,") != std::string::npos);  // archive/ is linted: nothing is lost
  }
  SECTION("a folder named on the command line is walked even when git ignores it") {
    CHECK(ReportedFiles(site.Digestlint("--format json -q archive").output) ==
          std::set<std::string>{"archive/_posts/2019-01-01-old-format.md"});
  }
}

TEST_CASE("the site index of the cross-post rules holds exactly what a run lints", "[site][git][slow]") {
  SiteCopy site;
  site.GitInit();
  const auto indexed = [&](bool drafts) {
    Projects projects(ConfigChoice{}, std::cerr);
    const std::unique_ptr<Blog> blog = BuildBlog(site.root(), projects, SiteOptions{false, false, 1, drafts});
    REQUIRE(blog);
    std::set<std::string> posts;
    for (const IndexedPost& post : blog->posts()) {
      posts.insert(fs::path(post.key).lexically_relative(site.root()).generic_string());
    }
    return posts;
  };
  // Not _site/'s copies, vendor/'s or node_modules/' posts, pages, drafts or the .gitignored archive/.
  CHECK(indexed(false) == kDocuments);
  std::set<std::string> with_drafts = kDocuments;
  with_drafts.insert("_drafts/next-week.md");
  CHECK(indexed(true) == with_drafts);
}

TEST_CASE("pre-commit style calls lint only the posts among the named files", "[site]") {
  SiteCopy site;
  const std::string named =
      "README.md about.md _includes/head.markdown _drafts/next-week.md "
      "_posts/2025-10-27-daily-papers.md";
  const Shell clean = site.Digestlint(named);
  INFO(clean.output);
  CHECK(clean.status == 0);
  CHECK(clean.output == "digestlint: no problems in 1 file\n");

  site.BreakEveryMarkdownFile();
  const Shell broken = site.Digestlint("--format json -q " + named);
  CHECK(broken.status == 1);
  CHECK(ReportedFiles(broken.output) == std::set<std::string>{"_posts/2025-10-27-daily-papers.md"});
  CHECK(ReportedFiles(site.Digestlint("--format json -q --drafts " + named).output) ==
        std::set<std::string>{"_drafts/next-week.md", "_posts/2025-10-27-daily-papers.md"});
  CHECK(ReportedFiles(site.Digestlint("--format json -q --no-force-exclude README.md about.md").output) ==
        std::set<std::string>{"README.md", "about.md"});
  CHECK(site.Digestlint("README.md").output == "digestlint: no problems in 0 files\n");
}

TEST_CASE("option --fix leaves alone the front-matter keys a site's defaults supply", "[site][fix]") {
  SiteCopy site;
  const std::string post_path = "_posts/2025-10-27-daily-papers.md";
  const std::string original = ReadFile(site.root() / post_path);
  REQUIRE(original.find("layout:") == std::string::npos);  // the defaults give it, and categories
  std::string misnumbered = original;
  misnumbered.replace(misnumbered.find("# 1. ["), 6, "# 7. [");
  WriteFile(site.root() / post_path, misnumbered);
  const std::string front_matter = original.substr(0, original.find("\n---\n") + 5);

  const Shell fixed = site.Digestlint("--fix --unsafe-fixes " + post_path);
  INFO(fixed.output);
  CHECK(fixed.status == 0);
  CHECK(fixed.output == "digestlint: fixed 1 problem in 1 file (DL401 x1)\ndigestlint: no problems in 1 file\n");
  CHECK(ReadFile(site.root() / post_path) == original);  // the number fixed, the front matter untouched
  CHECK(ReadFile(site.root() / post_path).rfind(front_matter, 0) == 0);

  SECTION("the same post outside the site would get layout and categories, and only as unsafe fixes") {
    TempDir elsewhere;
    WriteFile(elsewhere.path() / "2025-10-27-daily-papers.md", misnumbered);
    const std::string file = (elsewhere.path() / "2025-10-27-daily-papers.md").string();
    const Shell safe = Run(std::string("'") + DIGESTLINT_BINARY + "' --fix '" + file + "'");
    CHECK(safe.output.find("fixed 1 problem in 1 file (DL401 x1)") != std::string::npos);
    CHECK(ReadFile(file).find("layout:") == std::string::npos);
    const Shell unsafe = Run(std::string("'") + DIGESTLINT_BINARY + "' --fix --unsafe-fixes '" + file + "'");
    CHECK(unsafe.output.find("fixed 2 problems in 1 file (DL104 x2)") != std::string::npos);
    CHECK(ReadFile(file).find("layout: post\n") != std::string::npos);
  }
}

TEST_CASE("a _config.yml with a wrong type or broken YAML is exit 2 at its position", "[site]") {
  SiteCopy site;
  WriteFile(site.root() / "_config.yml", "title: x\nfuture: \"yes\"\n");
  const Shell wrong_type = site.Digestlint("_posts/2025-10-27-daily-papers.md");
  CHECK(wrong_type.status == 2);
  CHECK(wrong_type.output.find((site.root() / "_config.yml").string() +
                               ":2:1: 'future' must be true or false but is a string\n") != std::string::npos);
  WriteFile(site.root() / "_config.yml", "exclude: [unclosed\n");
  const Shell broken = site.Digestlint("");
  CHECK(broken.status == 2);
  CHECK(broken.output.find((site.root() / "_config.yml").string() +
                           ":1:20: not valid YAML: end of sequence flow not found\n") != std::string::npos);
}

TEST_CASE("site selection follows Jekyll's reader", "[site]") {
  std::string error;
  TempDir dir;
  WriteFile(dir.path() / "_config.yml",
            "exclude: [content/notes, \"*.tmp.md\"]\ninclude: [_pages]\ncollections_dir: content\n"
            "collections: {papers: {output: true}, authors: {people: true}}\ndestination: public\n");
  const std::optional<JekyllSite> site = JekyllSite::Load((dir.path() / "_config.yml").string(), 0, &error);
  INFO(error);
  REQUIRE(site);
  const auto kind = [&](const std::string& path) -> std::string {
    const std::optional<JekyllDocument> document = site->Document(path);
    if (!document) return "none";
    switch (document->kind) {
      case JekyllDocument::Kind::kPost:
        return "post";
      case JekyllDocument::Kind::kDraft:
        return "draft";
      case JekyllDocument::Kind::kCollectionDocument:
        return document->collection;
    }
    return "?";
  };
  CHECK(kind("content/_posts/2025-10-27-a.md") == "post");
  CHECK(kind("content/blog/_posts/2025-10-27-a.md") == "post");
  CHECK(kind("content/_posts/2025/10/2025-10-27-a.md") == "post");
  CHECK(kind("content/_posts/_old/2025-10-27-a.md") == "none");  // special, as Jekyll reads it
  CHECK(kind("content/_posts/2025-10-27-a.md~") == "none");
  CHECK(kind("content/_drafts/a.md") == "draft");
  CHECK(kind("content/_papers/a.md") == "papers");
  CHECK(kind("content/_authors/jane.md") == "none");  // no output: data
  CHECK(kind("_posts/2025-10-27-a.md") == "none");    // outside collections_dir
  CHECK(kind("content/about.md") == "none");          // a page
  CHECK(kind("content/notes/_posts/2025-10-27-a.md") == "none");
  CHECK(kind("content/notes-old/_posts/2025-10-27-a.md") == "none");  // exclude is also a prefix
  CHECK(kind("content/_posts/2025-10-27-a.tmp.md") == "none");
  CHECK(kind("content/_pages/_posts/2025-10-27-a.md") == "post");  // include lifts the '_'
  CHECK_FALSE(site->MayHoldDocuments("public"));
  CHECK_FALSE(site->MayHoldDocuments("content/_includes"));
  CHECK_FALSE(site->MayHoldDocuments("assets"));
  CHECK(site->MayHoldDocuments("content"));
  CHECK(site->MayHoldDocuments("content/_posts/_old"));  // a file below may still be read
}

TEST_CASE("front-matter defaults merge as Jekyll merges them", "[site]") {
  std::string error;
  TempDir dir;
  WriteFile(dir.path() / "_config.yml", R"(defaults:
  - scope: {path: ""}
    values: {layout: default, author: {name: A, site: x}}
  - scope: {path: "_posts", type: posts}
    values: {layout: post}
  - scope: {path: "_posts"}
    values: {layout: never, comments: true}
  - scope: {path: "_posts/2025-*"}
    values: {author: {name: B}}
  - scope: {type: post}
    values: {legacy: true}
  - scope: {type: pages}
    values: {page: true}
)");
  const std::optional<JekyllSite> site = JekyllSite::Load((dir.path() / "_config.yml").string(), 0, &error);
  INFO(error);
  REQUIRE(site);
  const std::optional<JekyllDocument> post = site->Document("_posts/2025-10-27-a.md");
  REQUIRE(post);
  // The typed "_posts" scope beats the untyped one of the same length; the
  // glob's longer path wins for author.name, and mappings merge key by key.
  CHECK(post->defaults == nlohmann::json::parse(
                              R"({"layout": "post", "comments": true, "author": {"name": "B", "site": "x"},
                                  "legacy": true})"));
  const nlohmann::json own = nlohmann::json::parse(R"({"layout": "wide", "author": {"site": "y"}})");
  CHECK(WithDefaults(own, *post) == nlohmann::json::parse(R"({"layout": "wide", "comments": true,
                                       "author": {"name": "B", "site": "y"}, "legacy": true})"));
  const std::optional<JekyllDocument> older = site->Document("_posts/2019-01-01-a.md");
  REQUIRE(older);
  CHECK(older->defaults["author"] == nlohmann::json::parse(R"({"name": "A", "site": "x"})"));
}

}  // namespace
}  // namespace digestlint
