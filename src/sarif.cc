// SARIF 2.1.0 output, validated in the tests against the official schema.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "reporter.h"
#include "rule.h"
#include "uri.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

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
               {"defaultConfiguration", {{"level", Level(info.severity)}}},
               {"help", {{"text", doc}, {"markdown", doc}}}};
  const char* fix = info.fix == FixAvailability::kSafe     ? "safe"
                    : info.fix == FixAvailability::kUnsafe ? "unsafe"
                                                           : "none";
  rule["properties"] = {{"fix", fix}};
  return rule;
}

}  // namespace

void WriteSarif(std::ostream& out, const Report& report) {
  // Every built-in rule, then the custom rules that produced results.
  std::vector<const RuleInfo*> infos;
  for (const Rule* rule : BuiltinRules()) infos.push_back(&rule->info);
  for (const LocatedDiagnostic& d : report.diagnostics) {
    if (std::find(infos.begin(), infos.end(), d.rule) == infos.end()) infos.push_back(d.rule);
  }
  Json rules = Json::array();
  for (const RuleInfo* info : infos) rules.push_back(RuleDescriptor(*info));
  const auto rule_index = [&](const RuleInfo* info) {
    return static_cast<int>(std::find(infos.begin(), infos.end(), info) - infos.begin());
  };

  Json results = Json::array();
  for (const LocatedDiagnostic& d : report.diagnostics) {
    Json result = {{"ruleId", d.rule->code},
                   {"ruleIndex", rule_index(d.rule)},
                   {"level", Level(d.severity)},
                   {"message", {{"text", d.message}}},
                   {"locations",
                    {{{"physicalLocation",
                       {{"artifactLocation", {{"uri", PathToUri(d.path)}}}, {"region", Region(d.start, d.end)}}}}}}};
    if (!d.related.empty()) {
      Json related = Json::array();
      for (const RelatedLocation& place : d.related) {
        related.push_back({{"id", related.size()},
                           {"message", {{"text", place.message}}},
                           {"physicalLocation",
                            {{"artifactLocation", {{"uri", PathToUri(place.path)}}},
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
           {"artifactChanges",
            {{{"artifactLocation", {{"uri", PathToUri(d.path)}}}, {"replacements", replacements}}}}}};
    }
    results.push_back(std::move(result));
  }

  const Json document = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", {{"name", "digestlint"}, {"version", DIGESTLINT_VERSION}, {"rules", rules}}}}},
         {"columnKind", "unicodeCodePoints"},
         {"results", results}}}}};
  out << document.dump(2) << '\n';
}

}  // namespace digestlint
