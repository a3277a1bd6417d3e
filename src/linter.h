#pragma once
// Lints one post: read, check the encoding, build the Post model, run rules.

#include <optional>
#include <string>
#include <vector>

#include "atomic_write.h"
#include "diagnostic.h"
#include "schema.h"
#include "settings.h"

namespace digestlint {

/// Lints `bytes` as the post at `path` (the path is used for messages and
/// for the file name's date prefix). Never throws: any failure becomes the
/// post's DL005 diagnostic.
std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const LintSettings& settings);
/// The same with every built-in rule at its default severity.
std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const Schema& schema);

/// Reads and lints the file at `path`; an unreadable path is a DL001 diagnostic.
std::vector<LocatedDiagnostic> LintFile(const std::string& path, const Schema& schema);
/// The same with a configuration's settings.
std::vector<LocatedDiagnostic> LintFile(const std::string& path, const LintSettings& settings);

/// Reads a whole regular file; on failure returns nullopt and sets `problem`.
/// `stamp`, when given, receives the version read (for --fix's check).
std::optional<std::string> ReadPostFile(const std::string& path, std::string* problem, FileStamp* stamp = nullptr);

/// The DL004 diagnostic for a post over a limit, and the reason for a size.
std::vector<LocatedDiagnostic> LintTooLarge(const std::string& path, const std::string& reason);
std::string TooLargeReason(size_t size, size_t limit);

/// The DL005 diagnostic: working on the post at `path` failed with `what`.
std::vector<LocatedDiagnostic> LintInternalError(const std::string& path, const std::string& what);

/// What the last-resort handler says about the exception being handled.
std::string CurrentExceptionText();

/// For tests of the last-resort handlers: when set, called with the stage
/// ("lint" in LintBytes, "post" where the command line works on a post) and
/// the post's path; it may throw. Never set outside tests.
extern void (*fault_injection_for_testing)(const char* stage, const std::string& path);

/// The DL001 diagnostic for a path that could not be read.
std::vector<LocatedDiagnostic> LintUnreadable(const std::string& path, const std::string& problem);

/// True when a diagnostic means a file could not be linted (exit status 2).
bool IsInputError(const LocatedDiagnostic& diagnostic);

}  // namespace digestlint
