#include "whole_path.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixer.h"
#include "linter.h"
#include "reporter.h"
#include "source_text.h"

namespace digestlint::fuzz {
namespace {

// A dated name, so the rules comparing the file name's date run too.
const std::string kPath = "2025-10-27-daily-papers.md";

std::optional<std::string> CheckPositions(const std::vector<LocatedDiagnostic>& diagnostics, const std::string& bytes) {
  const SourceText source(bytes);  // what the spans and positions refer to (no BOM)
  const int lines = source.line_count();
  for (const LocatedDiagnostic& d : diagnostics) {
    const std::string where =
        std::string(d.rule->code) + " at " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column);
    if (d.start.line < 1 || d.start.line > lines || d.start.column < 1) return where + " is outside the text";
    if (d.end.line < d.start.line || (d.end.line == d.start.line && d.end.column < d.start.column)) {
      return where + " ends before it starts";
    }
    if (d.message.empty()) return where + " has no message";
    if (d.fix) {
      for (const Edit& edit : d.fix->edits) {
        if (edit.span.begin > edit.span.end || edit.span.end > source.text().size()) {
          return where + " has an edit outside the text";
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> CheckMachineFormats(const std::vector<LocatedDiagnostic>& diagnostics) {
  Report report;
  report.files = {kPath};
  report.diagnostics = diagnostics;
  for (const std::string_view name : {"json", "sarif"}) {
    std::ostringstream out;
    WriteReport(*FindFormat(name), out, report);
    if (!nlohmann::json::accept(out.str())) return std::string(name) + " output is not valid JSON";
  }
  for (const Format& format : Formats()) {  // the rest must at least write
    std::ostringstream out;
    WriteReport(format, out, report);
    if (out.str().empty() && !diagnostics.empty()) {
      return std::string(format.name) + " output is empty";
    }
  }
  return std::nullopt;
}

std::optional<std::string> CheckFix(const std::string& bytes, const std::vector<LocatedDiagnostic>& diagnostics,
                                    bool unsafe) {
  const std::string mode = unsafe ? "--unsafe-fixes: " : "--fix: ";
  FixOptions options;
  options.unsafe = unsafe;
  const FixResult result = FixBytes(kPath, bytes, Schema::Default(), options);
  const bool unlintable = std::any_of(diagnostics.begin(), diagnostics.end(), IsInputError);
  if (unlintable) {
    if (result.fixed != bytes) return mode + "rewrote input that is not a post";
    return std::nullopt;
  }
  // Refusing a worse result is the safety net working; not converging is a bug.
  if (result.refused && result.refused->find("would introduce") == std::string::npos) {
    return mode + "refused: " + *result.refused;
  }
  if (!result.changed()) return std::nullopt;

  const std::vector<LocatedDiagnostic> after = LintBytes(kPath, result.fixed, Schema::Default());
  if (std::any_of(after.begin(), after.end(), IsInputError)) return mode + "the fixed text is not a post";
  const std::map<std::string, int> worse = RulesMadeWorse(diagnostics, after, result.fixed_per_rule);
  if (!worse.empty()) return mode + "the fixed text has more " + worse.begin()->first;
  if (FixBytes(kPath, result.fixed, Schema::Default(), options).fixed != result.fixed) {
    return mode + "fixing the fixed text changed it again";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> CheckWholePath(const std::string& bytes) {
  const std::vector<LocatedDiagnostic> diagnostics = LintBytes(kPath, bytes, Schema::Default());
  if (auto broken = CheckPositions(diagnostics, bytes)) return broken;
  if (auto broken = CheckMachineFormats(diagnostics)) return broken;
  if (auto broken = CheckFix(bytes, diagnostics, false)) return broken;
  return CheckFix(bytes, diagnostics, true);
}

}  // namespace digestlint::fuzz
