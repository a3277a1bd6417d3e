#pragma once
// Output formats. Every format streams: Begin once (the number of files is
// known before the first post is linted), File for each file in input order,
// End once, so memory does not grow with the number of posts or diagnostics.
// See README, "Output formats", for the stable contracts.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.h"
#include "source_text.h"

namespace digestlint {

struct Totals {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  size_t unlintable_files = 0;  // files with a DL001/DL002/DL103 finding
  size_t safe_fixes = 0;        // diagnostics --fix would repair
  size_t unsafe_fixes = 0;      // diagnostics only --unsafe-fixes would repair
};

Totals CountTotals(const std::vector<LocatedDiagnostic>& diagnostics, size_t files);
/// Adds `more` into `totals`.
void AddTotals(Totals& totals, const Totals& more);

/// What a format knows before the first file.
struct RunInfo {
  size_t files = 0;                    // how many File calls follow
  std::vector<const RuleInfo*> rules;  // the rules in play, built-in then custom (SARIF describes them)
};

/// One file's results, as a format receives them.
struct FileReport {
  std::string_view path;                              // as named or found
  const std::vector<LocatedDiagnostic>& diagnostics;  // sorted
  const SourceText* source = nullptr;                 // the text the positions refer to; nullptr when it was not read
};

struct OutputOptions {
  bool color = false;         // ANSI colours (human format)
  bool unsafe_fixes = false;  // --unsafe-fixes: `[*]` marks unsafe fixes too
};

/// Whether --fix applies `d`'s fix under `options`: what `[*]` marks.
bool FixApplicable(const LocatedDiagnostic& d, const OutputOptions& options);

class FormatWriter {
 public:
  virtual ~FormatWriter() = default;
  virtual void Begin(const RunInfo& run) { (void)run; }
  virtual void File(const FileReport& file) = 0;
  virtual void End() {}
};

/// An output format: its name on the command line and how to make its writer.
struct Format {
  std::string_view name;
  std::unique_ptr<FormatWriter> (*make)(std::ostream& out, const OutputOptions& options);
};

/// human, concise, json, sarif, github, junit, gitlab, rdjson.
const std::vector<Format>& Formats();
const Format* FindFormat(std::string_view name);

/// `--statistics`: how often each rule fired, as a table ("human") or JSON ("json").
std::unique_ptr<FormatWriter> MakeStatisticsWriter(std::string_view format, std::ostream& out,
                                                   const OutputOptions& options);

/// A whole report in memory (tests, the fuzzer): written through the same writers.
struct Report {
  std::vector<std::string> files;
  std::vector<LocatedDiagnostic> diagnostics;  // grouped by file, in the order of `files`
  bool color = false;
};
void WriteReport(const Format& format, std::ostream& out, const Report& report);

/// One line for stderr, e.g. "digestlint: 2 errors, 4 warnings in 3 files
/// (1 fixable with --fix)". `unsafe_enabled`: whether --unsafe-fixes was given.
std::string SummaryLine(const Totals& totals, bool unsafe_enabled = false);

}  // namespace digestlint
