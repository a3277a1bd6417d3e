// GitLab Code Quality (the merge request widget's codequality report): an
// array of issues with description, check_name, fingerprint, severity and
// location (path relative to the repository, first line), streamed.
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>

#include "format_writers.h"
#include "json_stream.h"
#include "repository_path.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

// FNV-1a, 64 bits.
uint64_t Fnv1a(std::string_view data, uint64_t hash) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string Hex(uint64_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = kHex[value & 15];
  return out;
}

// Stable across runs and line moves (no line number in it), different for
// different findings: the file, the rule, the message, and which occurrence
// of that same finding in the file it is. 128 bits, as GitLab's examples.
std::string Fingerprint(const std::string& path, const LocatedDiagnostic& d, int occurrence) {
  std::string key = path;
  key += '\0';
  key += d.rule->code;
  key += '\0';
  key += d.message;
  key += '\0';
  key += std::to_string(occurrence);
  return Hex(Fnv1a(key, 0xcbf29ce484222325ULL)) + Hex(Fnv1a(key, 0x84222325cbf29ce4ULL));
}

std::string_view GitlabSeverity(Severity severity) {
  return severity == Severity::kError ? "major" : severity == Severity::kWarning ? "minor" : "info";
}

class GitlabWriter : public FormatWriter {
 public:
  explicit GitlabWriter(std::ostream& out) : out_(out) {}
  void Begin(const RunInfo&) override { issues_.emplace(out_, Json::array()); }
  void File(const FileReport& file) override {
    if (file.diagnostics.empty()) return;
    const std::string path = paths_.Of(std::string(file.path)).path;
    std::map<std::tuple<std::string_view, std::string_view>, int> seen;
    for (const LocatedDiagnostic& d : file.diagnostics) {
      const int occurrence = seen[{d.rule->code, d.message}]++;
      issues_->Add({{"description", d.message},
                    {"check_name", d.rule->code},
                    {"fingerprint", Fingerprint(path, d, occurrence)},
                    {"severity", GitlabSeverity(d.severity)},
                    {"location", {{"path", path}, {"lines", {{"begin", d.start.line}}}}}});
    }
  }
  void End() override { issues_->Close(); }

 private:
  std::ostream& out_;
  RepositoryPaths paths_;
  std::optional<StreamedJsonArray> issues_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeGitlabWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<GitlabWriter>(out);
}

}  // namespace digestlint
