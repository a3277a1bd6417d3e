#pragma once
// Lints one post: read, check the encoding, build the Post model, run rules.

#include <string>
#include <vector>

#include "diagnostic.h"
#include "schema.h"

namespace digestlint {

/// Lints `bytes` as the post at `path` (the path is used for messages and
/// for the file name's date prefix).
std::vector<LocatedDiagnostic> LintBytes(const std::string& path, std::string bytes, const Schema& schema);

/// Reads and lints the file at `path`; an unreadable path is a DL001 diagnostic.
std::vector<LocatedDiagnostic> LintFile(const std::string& path, const Schema& schema);

/// True when a diagnostic means a file could not be linted (exit status 2).
bool IsInputError(const LocatedDiagnostic& diagnostic);

}  // namespace digestlint
