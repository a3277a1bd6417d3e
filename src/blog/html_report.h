#pragma once
// `digestlint report`: one self-contained HTML page about a whole site, for
// people who would rather look than read: the series' calendar with missing
// and repeated days, problems per rule over time, the posts with the most
// problems, repeated papers, every post and every diagnostic. No script, no
// network (a Content-Security-Policy forbids it), tables behind the chart.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "blog/blog.h"
#include "blog/site.h"
#include "cli.h"
#include "diagnostic.h"

namespace digestlint {

struct PostReport {
  const IndexedPost* post = nullptr;
  std::vector<LocatedDiagnostic> diagnostics;
};

struct SiteReport {
  const Blog* blog = nullptr;
  std::vector<PostReport> posts;    // in the blog's order
  std::filesystem::path link_base;  // links to posts are relative to this folder
};

/// The page, as text.
std::string RenderHtmlReport(const SiteReport& report);

/// `digestlint report [PATH] [-o FILE]`: lints every post of the site that
/// holds PATH (with the cross-post rules) and writes the page to FILE, or to
/// stdout. Exit status 0 when written, 2 when it could not be.
int WriteSiteReport(const std::string& path, const std::optional<std::string>& output, Projects& projects,
                    const SiteOptions& options, Streams streams);

}  // namespace digestlint
