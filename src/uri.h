#pragma once
// Paths as URIs: SARIF's artifact locations and the language server's
// document URIs.

#include <optional>
#include <string>
#include <string_view>

namespace digestlint {

/// A path as a URI reference: an absolute path becomes a file: URI, a relative
/// one stays relative (to the working folder, which GitHub's SARIF upload
/// treats as the repository root); bytes other than letters, digits and
/// "/-_.~" are percent-encoded.
std::string PathToUri(const std::string& path);

/// The path a file: URI names (file:///p or file://localhost/p), percent-decoded;
/// nullopt for other schemes and hosts.
std::optional<std::string> FileUriToPath(std::string_view uri);

}  // namespace digestlint
