#include "server/language_server.h"

#include <algorithm>
#include <climits>
#include <stdexcept>

#include <re2/re2.h>

#include "config.h"
#include "fixer.h"
#include "front_matter.h"
#include "glob.h"
#include "linter.h"
#include "rule.h"
#include "settings.h"
#include "uri.h"

namespace digestlint::server {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

constexpr const char* kQuickFixKind = "quickfix";
constexpr const char* kFixAllKind = "source.fixAll.digestlint";
constexpr int kMessageError = 1;  // MessageType.Error

// A request the client got wrong, answered with `code`.
class RequestError : public std::runtime_error {
 public:
  RequestError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// The value at `path` below `root`, or nullptr when a step is missing or not an object.
const Json* Find(const Json& root, std::initializer_list<const char*> path) {
  const Json* at = &root;
  for (const char* key : path) {
    if (!at->is_object()) return nullptr;
    const auto found = at->find(key);
    if (found == at->end()) return nullptr;
    at = &*found;
  }
  return at;
}

LspPosition ParsePosition(const Json& position) {
  return LspPosition{position.at("line").get<int>(), position.at("character").get<int>()};
}

LspRange ParseRange(const Json& range) {
  return LspRange{ParsePosition(range.at("start")), ParsePosition(range.at("end"))};
}

Json ToJson(const LspPosition& position) { return {{"line", position.line}, {"character", position.character}}; }

Json ToJson(const LspRange& range) { return {{"start", ToJson(range.start)}, {"end", ToJson(range.end)}}; }

bool Intersects(const LspRange& a, const LspRange& b) { return a.start <= b.end && b.start <= a.end; }

int SeverityNumber(Severity severity) {  // DiagnosticSeverity
  return severity == Severity::kError ? 1 : severity == Severity::kWarning ? 2 : 3;
}

// digestlint's configuration files and a Jekyll site's.
bool IsConfigurationFileName(const fs::path& path) {
  const fs::path name = path.filename();
  return name == ".digestlint.yaml" || name == ".digestlint.yml" || name == "_config.yml" || name == "_config.yaml";
}

// The smallest run of whole lines that turns `before` into `after`: [begin, end)
// of `before` and its replacement, so that an editor keeps the rest untouched.
struct ChangedLines {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;
};

ChangedLines DiffLines(const std::string& before, const std::string& after) {
  size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  while (prefix > 0 && before[prefix - 1] != '\n') --prefix;  // back to a line start
  size_t suffix = 0;
  const size_t most = std::min(before.size(), after.size()) - prefix;
  while (suffix < most && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  size_t end = before.size() - suffix;
  while (end < before.size() && end > 0 && before[end - 1] != '\n') ++end;  // on to a line start
  const size_t after_end = after.size() - (before.size() - end);
  return ChangedLines{prefix, end, after.substr(prefix, after_end - prefix)};
}

// The sites' posts as the command line's `--drafts` would have them.
SiteOptions SiteOptionsOf(const ServerOptions& options) {
  SiteOptions site;
  site.drafts = options.drafts;
  return site;
}

}  // namespace

// An open buffer and what was last found in it.
struct LanguageServer::Document {
  std::string uri;                  // as the client spells it
  std::optional<std::string> path;  // for file: URIs
  std::string text;
  int64_t version = 0;
  std::unique_ptr<LineIndex> lines;      // of `text`
  bool changed = true;                   // not linted since the last change
  std::optional<LintSettings> settings;  // of the last lint; nullopt when not linted
  const Project* project = nullptr;      // whose settings those are
  std::vector<LocatedDiagnostic> diagnostics;

  // The post's name for the linter and the configuration lookup.
  std::string name() const { return path ? *path : uri; }
  void SetText(std::string new_text) {
    text = std::move(new_text);
    lines = std::make_unique<LineIndex>(text);
  }
};

// A configuration that could not be loaded, placed on the file at fault.
struct LanguageServer::ConfigurationError {
  std::string file;  // absolute; "" when no file is known
  Position position;
  std::string message;
};

LanguageServer::LanguageServer(Send send, ServerOptions options)
    : send_(std::move(send)),
      options_(options),
      projects_(std::make_unique<Projects>(ConfigChoice{}, configuration_messages_)),
      selection_(std::make_unique<Selection>(*projects_, SelectionOptions{options_.drafts, false})),
      sites_(std::make_unique<Sites>(*projects_, SiteOptionsOf(options_))) {}

LanguageServer::~LanguageServer() = default;

void LanguageServer::Notify(const std::string& method, Json params) {
  send_({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void LanguageServer::Log(const std::string& message) {
  Notify("window/logMessage", {{"type", kMessageError}, {"message", "digestlint: " + message}});
}

void LanguageServer::Handle(const Frame& frame) {
  if (!frame.body) {
    send_(ErrorResponse(frame.id, kParseError, frame.error));
    return;
  }
  Json message;
  try {
    message = Json::parse(*frame.body);
  } catch (const Json::parse_error& error) {
    send_(ErrorResponse(nullptr, kParseError, std::string("invalid JSON: ") + error.what()));
    return;
  }
  HandleMessage(message);
}

void LanguageServer::HandleMessage(const Json& message) {
  if (!message.is_object()) {
    send_(ErrorResponse(nullptr, kInvalidRequest, "a message must be a JSON object (batches are not supported)"));
    return;
  }
  const auto id = message.find("id");
  const bool valid_id = id != message.end() && (id->is_number_integer() || id->is_string());
  const auto method = message.find("method");
  if (method == message.end()) {
    if (id != message.end() && (message.contains("result") || message.contains("error"))) return;  // a response
    send_(ErrorResponse(valid_id ? *id : nullptr, kInvalidRequest, "a message without 'method'"));
    return;
  }
  if (!method->is_string() || (id != message.end() && !valid_id)) {
    send_(ErrorResponse(valid_id ? *id : nullptr, kInvalidRequest,
                        "'method' must be a string and 'id' a number or a string"));
    return;
  }
  const std::string name = method->get<std::string>();
  const Json params = message.value("params", Json::object());
  if (id == message.end()) {
    try {
      HandleNotification(name, params);
    } catch (const std::exception& error) {  // a notification has no answer: log it
      Log(name + ": " + error.what());
    }
    return;
  }
  try {
    Json result = HandleRequest(name, params);
    send_({{"jsonrpc", "2.0"}, {"id", *id}, {"result", std::move(result)}});
  } catch (const RequestError& error) {
    send_(ErrorResponse(*id, error.code(), error.what()));
  } catch (const Json::exception& error) {
    send_(ErrorResponse(*id, kInvalidParams, std::string("invalid params: ") + error.what()));
  } catch (const std::exception& error) {
    send_(ErrorResponse(*id, kInternalError, error.what()));
  }
}

Json LanguageServer::HandleRequest(const std::string& method, const Json& params) {
  if (method == "initialize") return Initialize(params);
  if (!initialized_)
    throw RequestError(kServerNotInitialized, "the server is not initialized: send 'initialize' first");
  if (shutdown_) throw RequestError(kInvalidRequest, "the server is shutting down: only 'exit' is accepted");
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return CodeAction(params);
  if (method == "textDocument/hover") return Hover(params);
  throw RequestError(kMethodNotFound, "unknown method '" + method + "'");
}

void LanguageServer::HandleNotification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exit_requested_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // dropped, as LSP says
  if (method == "initialized") Initialized();
  if (method == "textDocument/didOpen") DidOpen(params);
  if (method == "textDocument/didChange") DidChange(params);
  if (method == "textDocument/didClose") DidClose(params);
  if (method == "textDocument/didSave") DidSave(params);
  if (method == "workspace/didChangeWatchedFiles") DidChangeWatchedFiles(params);
  // Others ($/cancelRequest, didChangeConfiguration, ...) need nothing.
}

Json LanguageServer::Initialize(const Json& params) {
  if (initialized_) throw RequestError(kInvalidRequest, "'initialize' was already received");
  initialized_ = true;
  const Json* encodings = Find(params, {"capabilities", "general", "positionEncodings"});
  if (encodings && encodings->is_array() &&
      std::find(encodings->begin(), encodings->end(), "utf-8") != encodings->end()) {
    encoding_ = PositionEncoding::kUtf8;  // what the linter counts in: no conversion work
  }
  const Json* watch = Find(params, {"capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration"});
  watch_files_ = watch && *watch == true;
  return {{"capabilities",
           {{"positionEncoding", EncodingName(encoding_)},
            // Incremental changes; a save tells that a post on disk changed, for the cross-post rules.
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {kQuickFixKind, kFixAllKind}}}},
            {"hoverProvider", true}}},
          {"serverInfo", {{"name", "digestlint"}, {"version", DIGESTLINT_VERSION}}}};
}

void LanguageServer::Initialized() {
  if (!watch_files_) return;
  // Configuration files, schemas and custom rules have these endings; which of
  // them matter is decided when they change (AffectsConfiguration). Posts
  // changed on disk change what the cross-post rules compare with.
  const Json watchers = {
      {{"globPattern", "**/*.{yml,yaml}"}}, {{"globPattern", "**/*.json"}}, {{"globPattern", "**/*.{md,markdown}"}}};
  send_({{"jsonrpc", "2.0"},
         {"id", "digestlint-watch-configuration"},
         {"method", "client/registerCapability"},
         {"params",
          {{"registrations",
            {{{"id", "digestlint-configuration-files"},
              {"method", "workspace/didChangeWatchedFiles"},
              {"registerOptions", {{"watchers", watchers}}}}}}}}});
}

LanguageServer::Document& LanguageServer::OpenDocument(const Json& text_document) {
  const std::string uri = text_document.at("uri").get<std::string>();
  const auto found = documents_.find(uri);
  if (found == documents_.end()) throw RequestError(kInvalidParams, "the document " + uri + " is not open");
  return *found->second;
}

void LanguageServer::MarkChanged(Document& document) {
  document.changed = true;
  if (!pending_since_) pending_since_ = std::chrono::steady_clock::now();
}

void LanguageServer::DidOpen(const Json& params) {
  const Json& item = params.at("textDocument");
  auto document = std::make_unique<Document>();
  document->uri = item.at("uri").get<std::string>();
  document->path = FileUriToPath(document->uri);
  document->version = item.value("version", int64_t{0});
  document->SetText(item.at("text").get<std::string>());
  Document& opened = *document;
  documents_[opened.uri] = std::move(document);
  MarkChanged(opened);
}

void LanguageServer::DidChange(const Json& params) {
  const Json& identifier = params.at("textDocument");
  Document& document = OpenDocument(identifier);
  // Changes apply in order, each to the text the previous one left; the
  // document changes only once all of them could be applied.
  std::string text = document.text;
  for (const Json& change : params.at("contentChanges")) {
    std::string replacement = change.at("text").get<std::string>();
    if (!change.contains("range")) {
      text = std::move(replacement);
      continue;
    }
    const LspRange range = ParseRange(change.at("range"));
    const LineIndex lines(text);
    size_t begin = lines.OffsetOf(range.start, encoding_);
    size_t end = lines.OffsetOf(range.end, encoding_);
    if (end < begin) std::swap(begin, end);
    text.replace(begin, end - begin, replacement);
  }
  document.SetText(std::move(text));
  document.version = identifier.value("version", document.version + 1);
  MarkChanged(document);
}

void LanguageServer::DidClose(const Json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  documents_.erase(uri);
  Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
}

void LanguageServer::DidSave(const Json& params) {
  // The saved post is what the other open posts' cross-post rules compare with.
  if (FileUriToPath(params.at("textDocument").at("uri").get<std::string>())) ForgetSites();
}

void LanguageServer::DidChangeWatchedFiles(const Json& params) {
  bool post_changed = false;
  for (const Json& change : params.at("changes")) {
    const std::optional<std::string> path = FileUriToPath(change.at("uri").get<std::string>());
    if (!path) continue;
    if (AffectsConfiguration(*path)) {
      ReloadConfiguration();
      return;
    }
    const fs::path extension = fs::path(*path).extension();
    post_changed = post_changed || extension == ".md" || extension == ".markdown";
  }
  if (post_changed) ForgetSites();
}

void LanguageServer::ForgetSites() {
  sites_ = std::make_unique<Sites>(*projects_, SiteOptionsOf(options_));
  for (auto& [uri, document] : documents_) MarkChanged(*document);
}

bool LanguageServer::AffectsConfiguration(const std::string& path) const {
  // While a configuration is broken, any of its files may be the one that mends it.
  if (IsConfigurationFileName(path) || !configuration_errors_.empty()) return true;
  return std::any_of(projects_seen_.begin(), projects_seen_.end(), [&](const Project* project) {
    const Config& config = project->config();
    if (config.schema && fs::path(*config.schema).lexically_normal() == fs::path(path).lexically_normal()) return true;
    const std::string relative = fs::path(path).lexically_relative(config.root).generic_string();
    return std::any_of(config.custom_rules.begin(), config.custom_rules.end(), [&](const std::string& pattern) {
      return Glob(pattern).Matches(relative) || (config.root / pattern).lexically_normal() == fs::path(path);
    });
  });
}

void LanguageServer::ReloadConfiguration() {
  projects_seen_.clear();
  configuration_messages_.str("");
  configuration_messages_.clear();
  sites_.reset();  // both refer to the old Projects
  selection_.reset();
  projects_ = std::make_unique<Projects>(ConfigChoice{}, configuration_messages_);
  selection_ = std::make_unique<Selection>(*projects_, SelectionOptions{options_.drafts, false});
  sites_ = std::make_unique<Sites>(*projects_, SiteOptionsOf(options_));
  for (const std::string& uri : configuration_error_uris_) {
    Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
  }
  configuration_error_uris_.clear();
  configuration_errors_.clear();
  for (auto& [uri, document] : documents_) {
    document->settings.reset();  // it points into the old Projects
    document->project = nullptr;
    MarkChanged(*document);
  }
}

void LanguageServer::LintPending() {
  for (auto& [uri, document] : documents_) {
    if (document->changed) Lint(*document);
  }
  pending_since_.reset();
}

void LanguageServer::Lint(Document& document) {
  document.changed = false;
  document.settings.reset();
  document.project = nullptr;
  document.diagnostics.clear();
  const std::string name = document.name();
  const Project* project = projects_->For(document.path ? name : "-");  // "-": the working folder's
  const SiteLookup site = document.path ? projects_->SiteFor(name) : SiteLookup{};
  // A post is linted when the command line would lint it if it were named:
  // not excluded and, in a Jekyll site, a post or collection document.
  const bool selected = project && !site.failed && (!document.path || selection_->Keeps(name, true));
  // The other posts of its site as they are on disk (this one is compared as its buffer is), for
  // the cross-post rules; building the index may read other folders' configurations.
  if (selected && document.path) sites_->Prepare({WalkEntry{name, true, ""}}, std::nullopt);
  ReportConfigurationErrors(name);
  if (selected) {
    projects_seen_.insert(project);
    document.settings = project->SettingsFor(name);
    document.project = project;
    if (site.site) document.settings->jekyll = site.site->Document(site.relative);
    if (document.path) document.settings->blog = sites_->For(name);
    document.diagnostics = LintBytes(name, document.text, *document.settings);
  }
  Publish(document);
}

void LanguageServer::Publish(const Document& document) {
  Json diagnostics = Json::array();
  for (const LocatedDiagnostic& diagnostic : document.diagnostics) diagnostics.push_back(ToLsp(document, diagnostic));
  Notify("textDocument/publishDiagnostics",
         {{"uri", document.uri}, {"version", document.version}, {"diagnostics", std::move(diagnostics)}});
}

void LanguageServer::ReportConfigurationErrors(const std::string& post_path) {
  const std::string reported = configuration_messages_.str();
  if (reported.empty()) return;
  configuration_messages_.str("");
  configuration_messages_.clear();
  static const RE2 kLocated(R"((.+?):([0-9]+):([0-9]+): (.*))");
  std::istringstream lines(reported);
  std::set<std::string> files;
  for (std::string line; std::getline(lines, line);) {
    constexpr std::string_view kPrefix = "digestlint: error: ";
    if (line.compare(0, kPrefix.size(), kPrefix) == 0) line.erase(0, kPrefix.size());
    Notify("window/showMessage", {{"type", kMessageError}, {"message", "digestlint: configuration error: " + line}});
    ConfigurationError error;
    if (RE2::FullMatch(line, kLocated, &error.file, &error.position.line, &error.position.column, &error.message)) {
      error.file = fs::absolute(error.file).lexically_normal().string();
    } else {  // no position: the post's configuration file, at its start
      error.file = FindConfigFile(fs::absolute(post_path).parent_path());
      error.message = line;
    }
    files.insert(error.file);
    configuration_errors_.push_back(std::move(error));
  }
  for (const std::string& file : files) {
    if (file.empty()) continue;  // shown, but there is no file to place it on
    std::string problem;
    const std::string text = ReadPostFile(file, &problem).value_or("");
    const LineIndex lines_of_file(text);
    Json diagnostics = Json::array();
    for (const ConfigurationError& error : configuration_errors_) {
      if (error.file != file) continue;
      const LspPosition start =
          lines_of_file.PositionOf(lines_of_file.OffsetOfLinterPosition(error.position), encoding_);
      const LspPosition end =
          lines_of_file.PositionOf(lines_of_file.OffsetOf({start.line, INT_MAX}, encoding_), encoding_);
      diagnostics.push_back({{"range", ToJson(LspRange{start, end})},
                             {"severity", 1},
                             {"source", "digestlint"},
                             {"message", error.message}});
    }
    const std::string uri = PathToUri(file);
    configuration_error_uris_.insert(uri);
    Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}});
  }
}

LspRange LanguageServer::RangeOf(const Document& document, const LocatedDiagnostic& diagnostic) const {
  const LineIndex& lines = *document.lines;
  return LspRange{lines.PositionOf(lines.OffsetOfLinterPosition(diagnostic.start), encoding_),
                  lines.PositionOf(lines.OffsetOfLinterPosition(diagnostic.end), encoding_)};
}

Json LanguageServer::ToLsp(const Document& document, const LocatedDiagnostic& diagnostic) const {
  Json lsp = {{"range", ToJson(RangeOf(document, diagnostic))},
              {"severity", SeverityNumber(diagnostic.severity)},
              {"code", diagnostic.rule->code},
              {"source", "digestlint"},
              {"message", diagnostic.message}};
  if (const std::string href = RuleDocumentationUrl(*diagnostic.rule); !href.empty()) {
    lsp["codeDescription"] = {{"href", href}};
  }
  for (const RelatedLocation& related : diagnostic.related) lsp["relatedInformation"].push_back(ToLsp(related));
  return lsp;
}

Json LanguageServer::ToLsp(const RelatedLocation& related) const {
  // Another post, found by the site's index: its path is relative to the working folder.
  std::error_code error;
  const fs::path absolute = fs::absolute(related.path, error).lexically_normal();
  const std::string path = error ? related.path : absolute.string();
  // The column counts code points in that file as it is on disk, where the index read it.
  LspPosition start{related.start.line - 1, related.start.column - 1};
  if (related.start.column > 1) {
    std::string problem;
    if (const std::optional<std::string> text = ReadPostFile(path, &problem)) {
      const LineIndex lines(*text);
      start = lines.PositionOf(lines.OffsetOfLinterPosition(related.start), encoding_);
    }
  }
  return {{"location", {{"uri", PathToUri(path)}, {"range", ToJson(LspRange{start, start})}}},
          {"message", related.message}};
}

Json LanguageServer::TextEdit(const Document& document, size_t begin, size_t end, const std::string& text) const {
  const LineIndex& lines = *document.lines;
  return {{"range", ToJson(LspRange{lines.PositionOf(begin, encoding_), lines.PositionOf(end, encoding_)})},
          {"newText", text}};
}

std::optional<Json> LanguageServer::DisableAction(const Document& document, const LocatedDiagnostic& diagnostic,
                                                  const SourceText& source, const FrontMatter& front_matter) const {
  // Input errors cannot be suppressed, and suppressing DL003 would be a suppression to suppress.
  if (diagnostic.rule->input_error || diagnostic.rule->code == "DL003") return std::nullopt;
  const std::string code(diagnostic.rule->code);
  const bool has_front_matter = front_matter.state != FrontMatter::State::kMissing;
  const bool closed = has_front_matter && front_matter.state != FrontMatter::State::kUnclosed;
  const int closing_line = closed ? source.PositionOf(front_matter.closing_fence.begin).line : 0;
  const int line = diagnostic.start.line;
  const std::string eol(source.LineEnding());
  std::string title = "Disable " + code + " for this line";
  size_t at = 0;
  std::string insert;
  if (has_front_matter && line == 1) {
    // Nothing may stand above the opening fence: the file-wide form goes right after the front matter.
    if (!closed) return std::nullopt;
    title = "Disable " + code + " for this file";
    at = source.LineStart(closing_line + 1);
    const bool ends_without_break = at == source.text().size() && source.LineContentEnd(closing_line) == at;
    insert = (ends_without_break ? eol : "") + "<!-- digestlint-disable-file " + code + " -->" + eol;
  } else if (const std::string_view above = source.Line(line - 1);
             line > 1 && above.find("digestlint-disable-next-line") != std::string_view::npos &&
             above.find("-->", above.find("digestlint-disable-next-line")) != std::string_view::npos) {
    // The line already has a suppression: name one more rule in it.
    at = source.LineStart(line - 1) + above.find("-->", above.find("digestlint-disable-next-line"));
    insert = code + " ";
  } else {
    const std::string_view text = source.Line(line);
    const std::string indent(text.substr(0, text.find_first_not_of(" \t")));
    // In front matter the comment must be a YAML (or TOML) comment too; suppressions are found in any line.
    const bool in_front_matter = closed && line <= closing_line;
    at = source.LineStart(line);
    insert = indent + (in_front_matter ? "# " : "") + "<!-- digestlint-disable-next-line " + code + " -->" + eol;
  }
  const size_t offset = document.lines->OffsetOfLinterOffset(at);
  return Json{{"title", title},
              {"kind", kQuickFixKind},
              {"diagnostics", Json::array({ToLsp(document, diagnostic)})},
              {"edit", {{"changes", {{document.uri, Json::array({TextEdit(document, offset, offset, insert)})}}}}}};
}

std::optional<Json> LanguageServer::FixAllAction(const Document& document) const {
  if (!document.settings) return std::nullopt;
  const std::string name = document.name();
  const FixResult result = FixBytes(name, document.text, *document.settings, FixOptions{});
  if (!result.changed()) return std::nullopt;  // nothing safe to fix, or the fixes were refused
  const ChangedLines changed = DiffLines(document.text, result.fixed);
  return Json{
      {"title", "Fix all safe problems in this post"},
      {"kind", kFixAllKind},
      {"edit",
       {{"changes",
         {{document.uri, Json::array({TextEdit(document, changed.begin, changed.end, changed.replacement)})}}}}}};
}

Json LanguageServer::CodeAction(const Json& params) {
  Document& document = OpenDocument(params.at("textDocument"));
  if (document.changed) Lint(document);
  const LspRange range = ParseRange(params.at("range"));
  const Json context = params.value("context", Json::object());
  std::vector<std::string> only;
  if (context.contains("only")) only = context.at("only").get<std::vector<std::string>>();
  const auto wanted = [&](const std::string& kind) {
    return only.empty() || std::any_of(only.begin(), only.end(), [&](const std::string& prefix) {
             return kind == prefix || kind.rfind(prefix + ".", 0) == 0;
           });
  };
  // The diagnostics at the range, and those the client names (from its last publish).
  const auto named = [&](const LocatedDiagnostic& diagnostic, const LspRange& at) {
    const Json* listed = Find(context, {"diagnostics"});
    if (!listed || !listed->is_array()) return false;
    return std::any_of(listed->begin(), listed->end(), [&](const Json& item) {
      const Json* code = Find(item, {"code"});
      const Json* start = Find(item, {"range", "start"});
      return code && *code == std::string(diagnostic.rule->code) && start && *start == ToJson(at.start);
    });
  };
  std::vector<const LocatedDiagnostic*> selected;
  for (const LocatedDiagnostic& diagnostic : document.diagnostics) {
    const LspRange at = RangeOf(document, diagnostic);
    if (Intersects(at, range) || named(diagnostic, at)) selected.push_back(&diagnostic);
  }

  Json actions = Json::array();
  if (wanted(kQuickFixKind)) {
    for (const LocatedDiagnostic* diagnostic : selected) {
      if (!diagnostic->fix) continue;
      const bool safe = diagnostic->fix->safety == FixSafety::kSafe;
      Json edits = Json::array();
      for (const Edit& edit : diagnostic->fix->edits) {
        edits.push_back(TextEdit(document, document.lines->OffsetOfLinterOffset(edit.span.begin),
                                 document.lines->OffsetOfLinterOffset(edit.span.end), edit.replacement));
      }
      actions.push_back({{"title", "Fix " + std::string(diagnostic->rule->code) + " " +
                                       std::string(diagnostic->rule->name) + (safe ? "" : " (unsafe)")},
                         {"kind", kQuickFixKind},
                         {"diagnostics", Json::array({ToLsp(document, *diagnostic)})},
                         {"isPreferred", safe},
                         {"edit", {{"changes", {{document.uri, std::move(edits)}}}}}});
    }
    // Where a suppression comment may go depends on the front matter: found once.
    const SourceText source(document.text);
    const FrontMatter front_matter = selected.empty() ? FrontMatter{} : ParseFrontMatter(source);
    std::set<std::string> disabled;  // one per rule and line
    for (const LocatedDiagnostic* diagnostic : selected) {
      const std::string key = std::string(diagnostic->rule->code) + ":" + std::to_string(diagnostic->start.line);
      if (!disabled.insert(key).second) continue;
      if (std::optional<Json> action = DisableAction(document, *diagnostic, source, front_matter)) {
        actions.push_back(std::move(*action));
      }
    }
  }
  if (wanted(kFixAllKind)) {
    if (std::optional<Json> action = FixAllAction(document)) actions.push_back(std::move(*action));
  }
  return actions;
}

std::string LanguageServer::Documentation(const Document& document, const RuleInfo& rule) const {
  // As `explain` prints it, ending with what the schema that applies to this post says.
  if (!document.project || !document.settings) return RuleDocumentation(rule);
  for (const auto& [name, schema] : document.project->NamedSchemas()) {
    if (schema == document.settings->schema) return RuleDocumentationFor(rule, schema->format(), name);
  }
  return RuleDocumentation(rule);
}

Json LanguageServer::Hover(const Json& params) {
  Document& document = OpenDocument(params.at("textDocument"));
  if (document.changed) Lint(document);
  const size_t offset = document.lines->OffsetOf(ParsePosition(params.at("position")), encoding_);
  std::string contents;
  std::optional<LspRange> range;
  std::set<const RuleInfo*> shown;
  for (const LocatedDiagnostic& diagnostic : document.diagnostics) {
    const size_t begin = document.lines->OffsetOfLinterPosition(diagnostic.start);
    const size_t end = document.lines->OffsetOfLinterPosition(diagnostic.end);
    if (offset < begin || offset > end || (offset == end && end > begin)) continue;
    if (!range) range = RangeOf(document, diagnostic);
    if (!shown.insert(diagnostic.rule).second) continue;
    const std::string documentation = Documentation(document, *diagnostic.rule);
    contents += (contents.empty() ? "" : "\n\n---\n\n") +
                (documentation.empty() ? std::string(diagnostic.rule->summary) : documentation);
  }
  if (!range) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", contents}}}, {"range", ToJson(*range)}};
}

}  // namespace digestlint::server
