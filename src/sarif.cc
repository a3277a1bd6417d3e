// SARIF 2.1.0 output, streamed result by result, validated in the tests
// against the official schema.
#include <map>
#include <optional>

#include "format_writers.h"
#include "json_stream.h"
#include "repository_path.h"
#include "rule.h"
#include "uri.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

// Inside a git work tree: relative to its root, against %SRCROOT% (as code
// scanning resolves it; no path of the machine that ran digestlint). Elsewhere
// a relative path stays relative and an absolute one is a file:// URI.
Json ArtifactLocation(RepositoryPaths& paths, std::string_view path) {
  const RepositoryPaths::Name name = paths.Of(std::string(path));
  if (name.in_repository) return {{"uri", PathToUri(name.path)}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", PathToUri(name.path)}};
}

std::string_view Level(Severity severity) {
  return severity == Severity::kError ? "error" : severity == Severity::kWarning ? "warning" : "note";
}

Json Region(const Position& start, const Position& end) {
  return {{"startLine", start.line}, {"startColumn", start.column}, {"endLine", end.line}, {"endColumn", end.column}};
}

Json RuleDescriptor(const RuleInfo& info) {
  const std::string doc(RuleDocumentation(info));
  std::string full = RuleDocSection(info, "What it checks");
  if (full.empty()) full = std::string(info.summary);
  Json rule = {{"id", info.code},
               {"name", info.name},
               {"shortDescription", {{"text", info.summary}}},
               {"fullDescription", {{"text", full}}},
               {"defaultConfiguration", {{"level", Level(info.severity)}}}};
  if (const std::string uri = RuleDocumentationUrl(info); !uri.empty()) rule["helpUri"] = uri;
  rule["help"] = {{"text", doc}, {"markdown", doc}};
  const char* fix = info.fix == FixAvailability::kSafe     ? "safe"
                    : info.fix == FixAvailability::kUnsafe ? "unsafe"
                                                           : "none";
  rule["properties"] = {{"fix", fix}};
  return rule;
}

class SarifWriter : public FormatWriter {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override {
    Json rules = Json::array();
    for (const RuleInfo* info : run.rules) {
      rule_index_.emplace(info, static_cast<int>(rule_index_.size()));
      rules.push_back(RuleDescriptor(*info));
    }
    const Json document = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         {{{"tool", {{"driver", {{"name", "digestlint"}, {"version", DIGESTLINT_VERSION}, {"rules", rules}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", Json::array()}}}}};
    results_.emplace(out_, document);
  }

  void File(const FileReport& file) override {
    if (file.diagnostics.empty()) return;
    const Json location = ArtifactLocation(paths_, file.path);
    for (const LocatedDiagnostic& d : file.diagnostics) results_->Add(Result(location, d));
  }

  void End() override { results_->Close(); }

 private:
  Json Result(const Json& location, const LocatedDiagnostic& d) {
    Json result = {{"ruleId", d.rule->code}};
    if (const auto index = rule_index_.find(d.rule); index != rule_index_.end()) result["ruleIndex"] = index->second;
    result["level"] = Level(d.severity);
    result["message"] = {{"text", d.message}};
    result["locations"] = {
        {{"physicalLocation", {{"artifactLocation", location}, {"region", Region(d.start, d.end)}}}}};
    if (!d.related.empty()) {
      Json related = Json::array();
      for (const RelatedLocation& place : d.related) {
        related.push_back({{"id", related.size()},
                           {"message", {{"text", place.message}}},
                           {"physicalLocation",
                            {{"artifactLocation", ArtifactLocation(paths_, place.path)},
                             {"region", {{"startLine", place.start.line}, {"startColumn", place.start.column}}}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    if (d.fix) {
      Json replacements = Json::array();
      for (const LocatedEdit& edit : d.fix_edits) {
        replacements.push_back(
            {{"deletedRegion", Region(edit.start, edit.end)}, {"insertedContent", {{"text", edit.content}}}});
      }
      result["fixes"] = {
          {{"description",
            {{"text", std::string(FixSafetyName(d.fix->safety)) + " fix for " + std::string(d.rule->code)}}},
           {"artifactChanges", {{{"artifactLocation", location}, {"replacements", replacements}}}}}};
    }
    return result;
  }

  std::ostream& out_;
  std::map<const RuleInfo*, int> rule_index_;
  RepositoryPaths paths_;
  std::optional<StreamedJsonArray> results_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeSarifWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<SarifWriter>(out);
}

}  // namespace digestlint
