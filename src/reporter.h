#pragma once
// Output formats. See README, "Output formats", for the stable contracts.

#include <ostream>
#include <string>
#include <vector>

#include "diagnostic.h"

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

/// Everything a report shows: the files linted (in order) and what was found.
struct Report {
  std::vector<std::string> files;
  std::vector<LocatedDiagnostic> diagnostics;  // sorted
  bool color = false;                          // for the human format
};

/// An output format: its name on the command line and its writer.
struct Format {
  std::string_view name;
  void (*write)(std::ostream& out, const Report& report);
};

/// human, concise, json, sarif, github, junit.
const std::vector<Format>& Formats();
const Format* FindFormat(std::string_view name);
/// "human, concise, json, sarif, github or junit", for messages.
std::string FormatNames();

/// `path:line:col: severity[CODE name] message`, the source line and a caret.
void WriteHuman(std::ostream& out, const Report& report);
/// `path:line:col: CODE message`, one line each.
void WriteConcise(std::ostream& out, const Report& report);
/// {"version": 1, "files": N, "diagnostics": [...]}
void WriteJson(std::ostream& out, const Report& report);
/// GitHub Actions workflow commands (::error, ::warning, ::notice).
void WriteGithub(std::ostream& out, const Report& report);
/// SARIF 2.1.0 (sarif.cc).
void WriteSarif(std::ostream& out, const Report& report);
/// JUnit XML: a testsuite per file, a failing testcase per diagnostic (junit.cc).
void WriteJunit(std::ostream& out, const Report& report);

/// One line for stderr, e.g. "digestlint: 2 errors, 4 warnings in 3 files
/// (1 fixable with --fix)". `unsafe_enabled`: whether --unsafe-fixes was given.
std::string SummaryLine(const Totals& totals, bool unsafe_enabled = false);

/// Columns a terminal uses for `text` (East Asian wide characters take two).
size_t DisplayWidth(std::string_view text);

}  // namespace digestlint
