// No blog's policy in the code: the host names, section names and link URLs
// that any schema in this repository uses must not appear in src/ or rules/
// code outside the format module (src/digest_format.*), which reads them from
// schemas. The terms come from the schemas themselves, so a new shape extends
// the check without an edit here.
#include <cctype>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "digest_format.h"
#include "test_support.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> AllSchemas() {
  std::vector<fs::path> schemas = {testing::SourceDir() / "schemas/daily-papers.schema.json"};
  for (const char* folder : {"tests/schemas", "tests/fixtures"}) {
    for (const auto& entry : fs::recursive_directory_iterator(testing::SourceDir() / folder)) {
      if (entry.path().extension() == ".json" && entry.path().filename().string().find("schema") != std::string::npos) {
        schemas.push_back(entry.path());
      }
    }
  }
  return schemas;
}

struct Terms {
  std::set<std::string> hosts;     // matched anywhere, ignoring case
  std::set<std::string> sections;  // matched as whole words
};

Terms PolicyTerms() {
  Terms terms;
  for (const fs::path& path : AllSchemas()) {
    const json block = json::parse(testing::ReadFile(path)).value("x-digestlint", json::object());
    for (const json& link : block.value("links", json::array())) {
      std::vector<std::string> urls = {link.value("url", "")};
      for (const json& url : link.value("accepts", json::array())) urls.push_back(url);
      for (const std::string& url : urls) terms.hosts.insert(SplitUrl(url).host);
      const json hosts = link.value("hosts", json::array());
      for (const json& host : hosts.is_array() ? hosts : json::array({hosts})) terms.hosts.insert(host);
    }
    for (const json& section : block.value("sections", json::object()).value("list", json::array())) {
      const json name = section.is_object() ? section["name"] : section;
      for (const json& form : name.is_array() ? name : json::array({name})) terms.sections.insert(form);
    }
  }
  terms.hosts.erase("");
  return terms;
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

TEST_CASE("no host, section name or link URL of a schema appears in the code outside the format module", "[policy]") {
  const Terms terms = PolicyTerms();
  // The check is only as good as its terms: the built-in schema's must be in.
  REQUIRE(terms.hosts.count("arxiv.org"));
  REQUIRE(terms.hosts.count("www.alphaxiv.org"));
  REQUIRE(terms.sections.count("Introduction"));
  REQUIRE(terms.sections.count("核心问题"));
  std::vector<std::string> found;
  for (const char* folder : {"src", "rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(testing::SourceDir() / folder)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".cc" && extension != ".h") continue;
      if (entry.path().stem() == "digest_format") continue;  // the format module reads them from schemas
      std::string text = testing::ReadFile(entry.path());
      std::string lower = text;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const auto where = [&](size_t at, const std::string& term) {
        const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
        return fs::relative(entry.path(), testing::SourceDir()).string() + ":" + std::to_string(line) + ": " + term;
      };
      for (const std::string& host : terms.hosts) {
        for (size_t at = lower.find(host); at != std::string::npos; at = lower.find(host, at + 1)) {
          found.push_back(where(at, host));
        }
      }
      for (const std::string& name : terms.sections) {
        for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
          const bool starts = at == 0 || !IsWordByte(text[at - 1]);
          const bool ends = at + name.size() == text.size() || !IsWordByte(text[at + name.size()]);
          if (starts && ends) found.push_back(where(at, name));
        }
      }
    }
  }
  INFO("policy in code (move it to a schema): " << ::Catch::Detail::stringify(found));
  CHECK(found.empty());
}

}  // namespace
}  // namespace digestlint
