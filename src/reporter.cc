#include "reporter.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>

#include "format_writers.h"
#include "json_stream.h"
#include "rule.h"

namespace digestlint {

Totals CountTotals(const std::vector<LocatedDiagnostic>& diagnostics, size_t files) {
  Totals totals;
  totals.files = files;
  std::set<std::string> unlintable;
  for (const LocatedDiagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) ++totals.errors;
    if (d.severity == Severity::kWarning) ++totals.warnings;
    if (d.severity == Severity::kInfo) ++totals.infos;
    if (d.rule->input_error) unlintable.insert(d.path);
    if (d.fix) ++(d.fix->safety == FixSafety::kSafe ? totals.safe_fixes : totals.unsafe_fixes);
  }
  totals.unlintable_files = unlintable.size();
  return totals;
}

void AddTotals(Totals& totals, const Totals& more) {
  totals.files += more.files;
  totals.errors += more.errors;
  totals.warnings += more.warnings;
  totals.infos += more.infos;
  totals.unlintable_files += more.unlintable_files;
  totals.safe_fixes += more.safe_fixes;
  totals.unsafe_fixes += more.unsafe_fixes;
}

bool FixApplicable(const LocatedDiagnostic& d, const OutputOptions& options) {
  return d.fix && (d.fix->safety == FixSafety::kSafe || options.unsafe_fixes);
}

const std::vector<Format>& Formats() {
  static const std::vector<Format> formats = {{"human", MakeHumanWriter},   {"concise", MakeConciseWriter},
                                              {"json", MakeJsonWriter},     {"sarif", MakeSarifWriter},
                                              {"github", MakeGithubWriter}, {"junit", MakeJunitWriter},
                                              {"gitlab", MakeGitlabWriter}, {"rdjson", MakeRdjsonWriter}};
  return formats;
}

const Format* FindFormat(std::string_view name) {
  for (const Format& format : Formats()) {
    if (format.name == name) return &format;
  }
  return nullptr;
}

namespace {

// --statistics: counts per rule, in memory proportional to the number of rules.
class StatisticsWriter : public FormatWriter {
 public:
  StatisticsWriter(bool json, std::ostream& out, const OutputOptions& options)
      : json_(json), out_(out), options_(options) {}

  void File(const FileReport& file) override {
    for (const LocatedDiagnostic& d : file.diagnostics) {
      Entry& entry = counts_[std::string(d.rule->code)];
      ++entry.count;
      entry.rule = d.rule;
      entry.severity = d.severity;
      entry.fixable = entry.fixable || FixApplicable(d, options_);
    }
  }

  void End() override {
    if (json_) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& [code, entry] : counts_) {
        list.push_back({{"code", code},
                        {"name", entry.rule->name},
                        {"count", entry.count},
                        {"severity", SeverityName(entry.severity)},
                        {"fixable", entry.fixable}});
      }
      out_ << DumpJson(list) << '\n';
      return;
    }
    for (const auto& [code, entry] : counts_) {
      out_ << std::setw(5) << entry.count << "  " << std::left << std::setw(6) << code << ' ' << std::setw(26)
           << entry.rule->name << std::setw(8) << SeverityName(entry.severity) << std::right
           << (entry.fixable ? "[*]" : "") << '\n';
    }
  }

 private:
  struct Entry {
    size_t count = 0;
    const RuleInfo* rule = nullptr;
    Severity severity = Severity::kError;  // as last seen
    bool fixable = false;
  };
  const bool json_;
  std::ostream& out_;
  const OutputOptions options_;
  std::map<std::string, Entry> counts_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeStatisticsWriter(std::string_view format, std::ostream& out,
                                                   const OutputOptions& options) {
  return std::make_unique<StatisticsWriter>(format == "json", out, options);
}

void WriteReport(const Format& format, std::ostream& out, const Report& report) {
  RunInfo run;
  run.files = report.files.size();
  for (const Rule* rule : BuiltinRules()) run.rules.push_back(&rule->info);
  for (const LocatedDiagnostic& d : report.diagnostics) {
    if (std::find(run.rules.begin(), run.rules.end(), d.rule) == run.rules.end()) run.rules.push_back(d.rule);
  }
  OutputOptions options;
  options.color = report.color;
  const std::unique_ptr<FormatWriter> writer = format.make(out, options);
  writer->Begin(run);
  auto next = report.diagnostics.begin();
  for (const std::string& file : report.files) {
    auto end = next;
    while (end != report.diagnostics.end() && end->path == file) ++end;
    writer->File(FileReport{file, std::vector<LocatedDiagnostic>(next, end)});
    next = end;
  }
  writer->End();
}

std::string SummaryLine(const Totals& totals, bool unsafe_enabled) {
  const auto count = [](size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); };
  std::string line = "digestlint: ";
  if (totals.errors + totals.warnings + totals.infos == 0) {
    line += "no problems";
  } else {
    line += count(totals.errors, "error") + ", " + count(totals.warnings, "warning");
    if (totals.infos) line += ", " + count(totals.infos, "info");
  }
  line += " in " + count(totals.files, "file");
  if (totals.unlintable_files) line += " (" + count(totals.unlintable_files, "file") + " could not be linted)";
  const size_t fixable = totals.safe_fixes + (unsafe_enabled ? totals.unsafe_fixes : 0);
  if (fixable)
    line += "; " + std::to_string(fixable) + " fixable with --fix" + (unsafe_enabled ? " --unsafe-fixes" : "");
  if (!unsafe_enabled && totals.unsafe_fixes) {
    line += std::string(fixable ? ", " : "; ") + std::to_string(totals.unsafe_fixes) + " more with --unsafe-fixes";
  }
  return line;
}

}  // namespace digestlint
