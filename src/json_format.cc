// --format json: {"version": 1, "files": N, "diagnostics": [...]}, streamed.
#include "format_writers.h"
#include "json_stream.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

Json DiagnosticJson(std::string_view path, const LocatedDiagnostic& d) {
  Json fix = nullptr;
  if (d.fix) {
    Json edits = Json::array();
    for (const LocatedEdit& edit : d.fix_edits) {
      edits.push_back({{"line", edit.start.line},
                       {"column", edit.start.column},
                       {"end_line", edit.end.line},
                       {"end_column", edit.end.column},
                       {"content", edit.content}});
    }
    fix = {{"applicability", FixSafetyName(d.fix->safety)}, {"edits", edits}};
  }
  Json entry = {{"path", path},
                {"line", d.start.line},
                {"column", d.start.column},
                {"end_line", d.end.line},
                {"end_column", d.end.column},
                {"rule", d.rule->code},
                {"name", d.rule->name},
                {"severity", SeverityName(d.severity)},
                {"message", d.message},
                {"fixable", d.fix.has_value()},
                {"fix", fix}};
  if (!d.related.empty()) {  // only on diagnostics that point at other places (the cross-post rules)
    Json related = Json::array();
    for (const RelatedLocation& place : d.related) {
      related.push_back({{"path", place.path},
                         {"line", place.start.line},
                         {"column", place.start.column},
                         {"message", place.message}});
    }
    entry["related"] = std::move(related);
  }
  return entry;
}

class JsonWriter : public FormatWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void Begin(const RunInfo& run) override {
    diagnostics_.emplace(out_, Json{{"version", 1}, {"files", run.files}, {"diagnostics", Json::array()}});
  }
  void File(const FileReport& file) override {
    for (const LocatedDiagnostic& d : file.diagnostics) diagnostics_->Add(DiagnosticJson(file.path, d));
  }
  void End() override { diagnostics_->Close(); }

 private:
  std::ostream& out_;
  std::optional<StreamedJsonArray> diagnostics_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeJsonWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace digestlint
