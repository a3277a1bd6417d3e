#pragma once
// The writers behind Formats() (reporter.cc); each lives in its own file.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "reporter.h"

namespace digestlint {

/// Byte offsets of code-point columns on the lines of one file, counted as
/// SourceText::PositionOf counts them. Diagnostics come sorted, so the cursor
/// mostly moves forward: many diagnostics on one long line cost linear time.
class ColumnCursor {
 public:
  size_t Offset(std::string_view line, int line_number, int column) {
    if (line_number != line_ || column < column_) {
      line_ = line_number;
      column_ = 1;
      offset_ = 0;
    }
    while (column_ < column && offset_ < line.size()) {
      ++offset_;
      while (offset_ < line.size() && (static_cast<unsigned char>(line[offset_]) & 0xC0) == 0x80) ++offset_;
      ++column_;
    }
    return offset_;
  }

 private:
  int line_ = 0;
  int column_ = 1;
  size_t offset_ = 0;
};

std::unique_ptr<FormatWriter> MakeHumanWriter(std::ostream& out, const OutputOptions& options);    // text_formats.cc
std::unique_ptr<FormatWriter> MakeConciseWriter(std::ostream& out, const OutputOptions& options);  // text_formats.cc
std::unique_ptr<FormatWriter> MakeGithubWriter(std::ostream& out, const OutputOptions& options);   // text_formats.cc
std::unique_ptr<FormatWriter> MakeJsonWriter(std::ostream& out, const OutputOptions& options);     // json_format.cc
std::unique_ptr<FormatWriter> MakeSarifWriter(std::ostream& out, const OutputOptions& options);    // sarif.cc
std::unique_ptr<FormatWriter> MakeJunitWriter(std::ostream& out, const OutputOptions& options);    // junit.cc
std::unique_ptr<FormatWriter> MakeGitlabWriter(std::ostream& out, const OutputOptions& options);   // gitlab.cc
std::unique_ptr<FormatWriter> MakeRdjsonWriter(std::ostream& out, const OutputOptions& options);   // rdjson.cc

}  // namespace digestlint
