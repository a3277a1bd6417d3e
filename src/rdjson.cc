// reviewdog's Diagnostic Format (rdjson): a DiagnosticResult with one
// Diagnostic per finding, streamed. Its columns count UTF-8 bytes (ours count
// code points), and ranges end exclusively, as ours do.
#include <optional>

#include "format_writers.h"
#include "json_stream.h"
#include "rule.h"

namespace digestlint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view RdjsonSeverity(Severity severity) {
  return severity == Severity::kError ? "ERROR" : severity == Severity::kWarning ? "WARNING" : "INFO";
}

class RdjsonWriter : public FormatWriter {
 public:
  explicit RdjsonWriter(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {
    diagnostics_.emplace(out_, Json{{"source", {{"name", "digestlint"}, {"url", DIGESTLINT_REPOSITORY_URL}}},
                                    {"diagnostics", Json::array()}});
  }

  void File(const FileReport& file) override {
    ColumnCursor cursor;
    for (const LocatedDiagnostic& d : file.diagnostics) {
      Json diagnostic = {{"message", d.message},
                         {"location", {{"path", file.path}, {"range", Range(file, d.start, d.end, cursor)}}},
                         {"severity", RdjsonSeverity(d.severity)},
                         {"code", {{"value", d.rule->code}}}};
      if (const std::string uri = RuleDocumentationUrl(*d.rule); !uri.empty()) diagnostic["code"]["url"] = uri;
      if (d.fix) {
        Json suggestions = Json::array();
        for (const LocatedEdit& edit : d.fix_edits) {
          ColumnCursor edit_cursor;
          suggestions.push_back({{"range", Range(file, edit.start, edit.end, edit_cursor)}, {"text", edit.content}});
        }
        diagnostic["suggestions"] = suggestions;
      }
      // Another post's column would need its text to count bytes: the line alone is given.
      if (!d.related.empty()) {
        Json related = Json::array();
        for (const RelatedLocation& place : d.related) {
          related.push_back(
              {{"message", place.message},
               {"location", {{"path", place.path}, {"range", {{"start", {{"line", place.start.line}}}}}}}});
        }
        diagnostic["related_locations"] = related;
      }
      diagnostics_->Add(diagnostic);
    }
  }

  void End() override { diagnostics_->Close(); }

 private:
  // A position with its column in UTF-8 bytes, from the file's text.
  static Json Place(const FileReport& file, const Position& at, ColumnCursor& cursor) {
    int column = at.column;
    if (file.source && at.line >= 1 && at.line <= file.source->line_count()) {
      column = static_cast<int>(cursor.Offset(file.source->Line(at.line), at.line, at.column)) + 1;
    }
    return {{"line", at.line}, {"column", column}};
  }

  // `cursor` moves to `start`; the end is found from there.
  static Json Range(const FileReport& file, const Position& start, const Position& end, ColumnCursor& cursor) {
    Json range = {{"start", Place(file, start, cursor)}};
    ColumnCursor from_start = cursor;
    range["end"] = Place(file, end, from_start);
    return range;
  }

  std::ostream& out_;
  std::optional<StreamedJsonArray> diagnostics_;
};

}  // namespace

std::unique_ptr<FormatWriter> MakeRdjsonWriter(std::ostream& out, const OutputOptions&) {
  return std::make_unique<RdjsonWriter>(out);
}

}  // namespace digestlint
