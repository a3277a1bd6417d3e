#pragma once
// `digestlint server`: the Language Server Protocol (3.17) methods, on
// messages already framed (json_rpc.h) and sent through a callback, so that
// tests drive it directly and stdio.cc only moves bytes.
//
// Diagnostics come from the editor's buffer, never from disk, under the
// configuration the command line would use for the file's path (Projects);
// the cross-post rules compare that buffer with the site's other posts on disk.
// Work is coalesced without a timer: a change only marks its document; the
// caller lints the marked documents (LintPending) when no message is waiting,
// so a burst of keystrokes costs one lint of the latest text.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "blog/site.h"
#include "diagnostic.h"
#include "front_matter.h"
#include "projects.h"
#include "selection.h"
#include "server/json_rpc.h"
#include "server/positions.h"

namespace digestlint::server {

struct ServerOptions {
  bool drafts = false;  // lint a Jekyll site's _drafts/ too (`digestlint server --drafts`)
  // How long a body that holds a whole JSON value may wait for the rest of a
  // too-long Content-Length before it is answered with an error (stdio.cc).
  std::chrono::milliseconds stall_timeout{500};
  // A stream of messages that never pauses still gets its documents linted this often.
  std::chrono::milliseconds max_lint_delay{100};
};

class LanguageServer {
 public:
  using Send = std::function<void(const nlohmann::json& message)>;

  LanguageServer(Send send, ServerOptions options = {});
  ~LanguageServer();
  LanguageServer(const LanguageServer&) = delete;
  LanguageServer& operator=(const LanguageServer&) = delete;

  /// Handles one frame from the client: a message, or a framing error to answer.
  void Handle(const Frame& frame);
  /// Lints every document changed since its last lint, and publishes.
  void LintPending();
  /// When the oldest unlinted change was made, if any.
  std::optional<std::chrono::steady_clock::time_point> pending_since() const { return pending_since_; }

  bool exit_requested() const { return exit_requested_; }
  /// 0 after shutdown then exit; 1 for an exit (or end of input) without shutdown.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document;
  struct ConfigurationError;

  void HandleMessage(const nlohmann::json& message);
  nlohmann::json HandleRequest(const std::string& method, const nlohmann::json& params);
  void HandleNotification(const std::string& method, const nlohmann::json& params);

  nlohmann::json Initialize(const nlohmann::json& params);
  void Initialized();
  void DidOpen(const nlohmann::json& params);
  void DidChange(const nlohmann::json& params);
  void DidClose(const nlohmann::json& params);
  void DidSave(const nlohmann::json& params);
  void DidChangeWatchedFiles(const nlohmann::json& params);
  nlohmann::json CodeAction(const nlohmann::json& params);
  nlohmann::json Hover(const nlohmann::json& params);
  std::string Documentation(const Document& document, const RuleInfo& rule) const;

  Document& OpenDocument(const nlohmann::json& text_document);  // throws InvalidParams
  void MarkChanged(Document& document);
  void Lint(Document& document);
  void Publish(const Document& document);
  /// Reads configuration errors Projects reported, publishes them on their
  /// files and shows each once.
  void ReportConfigurationErrors(const std::string& post_path);
  void ReloadConfiguration();
  /// Drops the sites' indexes (a post changed on disk) and re-lints the open posts.
  void ForgetSites();
  bool AffectsConfiguration(const std::string& path) const;

  nlohmann::json ToLsp(const Document& document, const LocatedDiagnostic& diagnostic) const;
  nlohmann::json ToLsp(const RelatedLocation& related) const;  // DiagnosticRelatedInformation
  LspRange RangeOf(const Document& document, const LocatedDiagnostic& diagnostic) const;
  nlohmann::json TextEdit(const Document& document, size_t begin, size_t end, const std::string& text) const;
  std::optional<nlohmann::json> DisableAction(const Document& document, const LocatedDiagnostic& diagnostic,
                                              const SourceText& source, const FrontMatter& front_matter) const;
  std::optional<nlohmann::json> FixAllAction(const Document& document) const;

  void Notify(const std::string& method, nlohmann::json params);
  void Log(const std::string& message);

  Send send_;
  ServerOptions options_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_requested_ = false;
  bool watch_files_ = false;  // the client registers file watchers for us
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  std::map<std::string, std::unique_ptr<Document>> documents_;  // by URI, as the client spells it
  std::optional<std::chrono::steady_clock::time_point> pending_since_;

  // Projects reports configuration errors to a stream; a new Projects (and
  // stream) after a configuration file changes.
  std::ostringstream configuration_messages_;
  std::unique_ptr<Projects> projects_;
  std::unique_ptr<Selection> selection_;  // which posts the command line would lint, on projects_
  // The sites of the open posts, for the cross-post rules (DL7xx): each index
  // is built from the posts on disk when a post of its site is first linted.
  std::unique_ptr<Sites> sites_;
  std::set<const Project*> projects_seen_;
  std::vector<ConfigurationError> configuration_errors_;
  std::set<std::string> configuration_error_uris_;  // published, to clear after a reload
};

}  // namespace digestlint::server
