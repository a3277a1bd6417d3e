// `digestlint server` driven as an editor drives it: framed JSON-RPC through
// pipes (RunServer on a thread), and the built binary for the exit statuses.
#include <catch2/catch.hpp>

#include "lsp_client.h"
#include "mutator.h"
#include "rule.h"
#include "schema.h"
#include "test_support.h"
#include "uri.h"

namespace digestlint {
namespace {

namespace fs = std::filesystem;
using testing::Json;
using testing::LspClient;
using testing::ReadFile;
using testing::RunDigestlint;
using testing::ServerOnPipes;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

std::string CleanPost() { return ReadFile(SourceDir() / "tests/fixtures/DL501_title_whitespace/clean.md"); }
std::string ExamplePost() { return ReadFile(SourceDir() / "examples/2025-10-28-daily-papers.md"); }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string Framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

Json Initialize(LspClient& client, Json capabilities = Json::object()) {
  Json response = client.Call("initialize", {{"processId", nullptr}, {"capabilities", std::move(capabilities)}});
  client.Notify("initialized");
  return response;
}

void Open(LspClient& client, const std::string& uri, const std::string& text, int version = 1) {
  client.Notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
}

void ChangeAll(LspClient& client, const std::string& uri, const std::string& text, int version) {
  client.Notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                           {"contentChanges", Json::array({{{"text", text}}})}});
}

// A server with one post open, as `name` in a fresh folder, and its first diagnostics.
struct OpenPost {
  OpenPost(const std::string& name, const std::string& text) : path(dir.path() / name), uri(PathToUri(path.string())) {
    Initialize(client);
    Open(client, uri, text);
    diagnostics = client.WaitForDiagnostics(uri, 1)["diagnostics"];
  }

  TempDir dir;
  ServerOnPipes server;
  LspClient& client = server.client();
  fs::path path;
  std::string uri;
  Json diagnostics;
};

Json Position(int line, int character) { return {{"line", line}, {"character", character}}; }
Json Range(int line, int character, int end_line, int end_character) {
  return {{"start", Position(line, character)}, {"end", Position(end_line, end_character)}};
}

Json CodeActions(LspClient& client, const std::string& uri, const Json& range, Json context = Json::object()) {
  if (!context.contains("diagnostics")) context["diagnostics"] = Json::array();
  const Json response = client.Call("textDocument/codeAction",
                                    {{"textDocument", {{"uri", uri}}}, {"range", range}, {"context", context}});
  REQUIRE(response.contains("result"));
  return response["result"];
}

Json Hover(LspClient& client, const std::string& uri, const Json& position) {
  const Json response = client.Call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", position}});
  REQUIRE(response.contains("result"));
  return response["result"];
}

// The byte offset of a UTF-16 position in `text` ("\n" lines), counted here
// apart from the server's own conversion.
size_t Utf16Offset(const std::string& text, const Json& position) {
  size_t offset = 0;
  for (int line = 0; line < position["line"].get<int>(); ++line) offset = text.find('\n', offset) + 1;
  for (int units = 0; units < position["character"].get<int>() && text[offset] != '\n';) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    units += length == 4 ? 2 : 1;
    offset += length;
  }
  return offset;
}

// Applies one document's TextEdits (UTF-16 positions), as an editor does.
std::string ApplyEdits(std::string text, const Json& edits) {
  std::vector<std::tuple<size_t, size_t, std::string>> resolved;
  for (const Json& edit : edits) {
    resolved.emplace_back(Utf16Offset(text, edit["range"]["start"]), Utf16Offset(text, edit["range"]["end"]),
                          edit["newText"].get<std::string>());
  }
  std::sort(resolved.rbegin(), resolved.rend());
  for (const auto& [begin, end, replacement] : resolved) text.replace(begin, end - begin, replacement);
  return text;
}

std::string ApplyAction(const std::string& text, const Json& action, const std::string& uri) {
  REQUIRE(action["edit"]["changes"].size() == 1);
  return ApplyEdits(text, action["edit"]["changes"][uri]);
}

// "CODE line:character-line:character" for each diagnostic.
std::vector<std::string> Summaries(const Json& diagnostics) {
  std::vector<std::string> summaries;
  for (const Json& d : diagnostics) {
    const Json& range = d["range"];
    summaries.push_back(d["code"].get<std::string>() + " " + std::to_string(range["start"]["line"].get<int>()) + ":" +
                        std::to_string(range["start"]["character"].get<int>()) + "-" +
                        std::to_string(range["end"]["line"].get<int>()) + ":" +
                        std::to_string(range["end"]["character"].get<int>()));
  }
  return summaries;
}

std::vector<std::string> Codes(const Json& diagnostics) {
  std::vector<std::string> codes;
  for (const Json& d : diagnostics) codes.push_back(d["code"].get<std::string>());
  return codes;
}

const Json* FindAction(const Json& actions, const std::string& title) {
  for (const Json& action : actions) {
    if (action["title"] == title) return &action;
  }
  return nullptr;
}

std::vector<std::string> Titles(const Json& actions) {
  std::vector<std::string> titles;
  for (const Json& action : actions) titles.push_back(action["title"].get<std::string>());
  return titles;
}

TEST_CASE("server lifecycle: not initialized, initialize, shutdown, exit with status 0", "[server]") {
  ServerOnPipes server;
  LspClient& client = server.client();
  const Json early = client.Call("textDocument/hover", {{"textDocument", {{"uri", "file:///x.md"}}}});
  CHECK(early["error"]["code"] == kServerNotInitialized);
  Open(client, "file:///tmp/early.md", CleanPost());  // dropped: not initialized yet

  const Json initialized = client.Call("initialize", {{"processId", nullptr}, {"capabilities", Json::object()}});
  const Json& capabilities = initialized["result"]["capabilities"];
  CHECK(capabilities["positionEncoding"] == "utf-16");
  CHECK(capabilities["textDocumentSync"] ==
        Json{{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}});
  CHECK(capabilities["codeActionProvider"]["codeActionKinds"] == Json{"quickfix", "source.fixAll.digestlint"});
  CHECK(capabilities["hoverProvider"] == true);
  CHECK(initialized["result"]["serverInfo"]["name"] == "digestlint");
  CHECK(client.Call("initialize", {{"capabilities", Json::object()}})["error"]["code"] == kInvalidRequest);
  client.Notify("initialized");
  client.Notify("$/setTrace", {{"value", "off"}});
  client.Notify("workspace/someNotificationNobodyKnows");
  CHECK(client.Call("workspace/symbol", {{"query", ""}})["error"]["code"] == kMethodNotFound);

  const Json shutdown = client.Call("shutdown", nullptr);
  CHECK(shutdown.contains("result"));
  CHECK(shutdown["result"].is_null());
  CHECK(client.Call("textDocument/hover", Json::object())["error"]["code"] == kInvalidRequest);
  client.Notify("exit");
  CHECK(server.Finish() == 0);
  // Nothing else came: no answer to notifications, no diagnostics for the early didOpen.
  CHECK(client.Take("textDocument/publishDiagnostics").empty());
  CHECK_FALSE(client.TryWaitFor([](const Json&) { return true; }, testing::milliseconds(0)));
}

TEST_CASE("server lifecycle: exit without shutdown, or the end of input, is status 1", "[server]") {
  {
    ServerOnPipes server;
    Initialize(server.client());
    server.client().Notify("exit");
    CHECK(server.Finish() == 1);
  }
  {
    ServerOnPipes server;
    Initialize(server.client());
    CHECK(server.Finish() == 1);  // the editor went away
  }
  {
    ServerOnPipes server;
    Initialize(server.client());
    server.client().Call("shutdown");
    CHECK(server.Finish() == 0);  // shut down, then the input ended
  }
}

TEST_CASE("server errors: invalid JSON, non-requests and bad params get JSON-RPC errors, and serving goes on",
          "[server]") {
  ServerOnPipes server;
  LspClient& client = server.client();
  const auto next_error = [&] { return client.WaitFor([](const Json& m) { return m.contains("error"); }); };

  client.SendRaw(Framed("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "));
  Json error = next_error();
  CHECK(error["id"].is_null());
  CHECK(error["error"]["code"] == kParseError);
  CHECK(error["error"]["message"].get<std::string>().rfind("invalid JSON: ", 0) == 0);

  // Nested past the limit: refused before parsing (copying it would overflow the stack).
  client.SendRaw(Framed("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"initialize\", \"params\": " +
                        std::string(300000, '[') + std::string(300000, ']') + "}"));
  error = next_error();
  CHECK(error["id"].is_null());
  CHECK(error["error"]["code"] == kParseError);
  CHECK(error["error"]["message"] == "a message nested deeper than 64 levels is not read");

  for (const std::string body : {"[1, 2]", "42", "\"initialize\""}) {
    client.SendRaw(Framed(body));
    error = next_error();
    CHECK(error["error"]["code"] == kInvalidRequest);
    CHECK(error["id"].is_null());
  }
  client.Send({{"jsonrpc", "2.0"}, {"id", 7}});
  error = next_error();
  CHECK(error["id"] == 7);
  CHECK(error["error"]["message"] == "a message without 'method'");
  client.Send({{"jsonrpc", "2.0"}, {"id", {{"not", "an id"}}}, {"method", "shutdown"}});
  CHECK(next_error()["error"]["code"] == kInvalidRequest);
  client.Send({{"jsonrpc", "2.0"}, {"id", 8}, {"method", 12}});
  CHECK(next_error()["error"]["code"] == kInvalidRequest);

  Initialize(client);
  const std::string uri = "file:///tmp/digestlint-server-test/2025-10-27-post.md";
  CHECK(client.Call("textDocument/codeAction",
                    {{"textDocument", {{"uri", uri}}}, {"range", Range(0, 0, 0, 0)}})["error"]["code"] ==
        kInvalidParams);  // not open
  Open(client, uri, CleanPost());
  const Json no_range = client.Call("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}});
  CHECK(no_range["error"]["code"] == kInvalidParams);
  CHECK(client.Call("textDocument/hover",
                    {{"textDocument", {{"uri", uri}}}, {"position", "nowhere"}})["error"]["code"] == kInvalidParams);
  // A notification with bad params has no answer; it is logged, and the document is untouched.
  client.Notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", Json::array({{{"range", "bad"}, {"text", "x"}}})}});
  const Json log = client.WaitFor([](const Json& m) { return m.value("method", "") == "window/logMessage"; });
  CHECK(log["params"]["message"].get<std::string>().rfind("digestlint: textDocument/didChange: ", 0) == 0);
  CHECK(client.WaitForDiagnostics(uri)["diagnostics"].empty());  // the clean post, still clean
  CHECK(client.Call("shutdown").contains("result"));
}

TEST_CASE("server framing: a wrong Content-Length is answered with the request's id, and the next message is read",
          "[server]") {
  server::ServerOptions options;
  options.stall_timeout = testing::milliseconds(50);
  ServerOnPipes server(options);
  LspClient& client = server.client();
  const std::string first = R"({"jsonrpc":"2.0","id":5,"method":"initialize","params":{"capabilities":{}}})";
  const std::string second = R"({"jsonrpc":"2.0","id":6,"method":"initialize","params":{"capabilities":{}}})";
  client.SendRaw("Content-Length: " + std::to_string(first.size() + 40) + "\r\n\r\n" + first + Framed(second));
  const Json too_long = client.WaitFor([](const Json& m) { return LspClient::IsResponse(m, 5); });
  CHECK(too_long["error"]["code"] == kParseError);
  CHECK(too_long["error"]["message"].get<std::string>().find("is longer than the message") != std::string::npos);
  CHECK(client.WaitFor([](const Json& m) { return LspClient::IsResponse(m, 6); }).contains("result"));

  // Too long and nothing after it: answered after the pause, not waited on forever.
  const std::string last = R"({"jsonrpc":"2.0","id":9,"method":"shutdown"})";
  client.SendRaw("Content-Length: 900\r\n\r\n" + last);
  const Json stalled = client.WaitFor([](const Json& m) { return LspClient::IsResponse(m, 9); });
  CHECK(stalled["error"]["message"] ==
        "Content-Length 900 is longer than the message (" + std::to_string(last.size()) + " bytes arrived)");

  // Split into single bytes, written one by one.
  const std::string split = Framed(R"({"jsonrpc":"2.0","id":10,"method":"shutdown"})");
  for (char byte : split) client.SendRaw(std::string(1, byte));
  CHECK(client.WaitFor([](const Json& m) { return LspClient::IsResponse(m, 10); })["result"].is_null());
  client.Notify("exit");
  CHECK(server.Finish() == 0);
}

TEST_CASE("server positionEncoding: UTF-8 when the client offers it, else UTF-16", "[server]") {
  const auto negotiated = [](const Json& offered) {
    ServerOnPipes server;
    Json capabilities = Json::object();
    if (!offered.is_null()) capabilities["general"]["positionEncodings"] = offered;
    return Initialize(server.client(), capabilities)["result"]["capabilities"]["positionEncoding"];
  };
  CHECK(negotiated(nullptr) == "utf-16");
  CHECK(negotiated(Json::array({"utf-16"})) == "utf-16");
  CHECK(negotiated(Json::array({"utf-32", "utf-16"})) == "utf-16");
  CHECK(negotiated(Json::array({"utf-16", "utf-8"})) == "utf-8");
  CHECK(negotiated(Json::array({"utf-8"})) == "utf-8");
}

TEST_CASE("server ranges: a title with an emoji and Hangul lands exactly, in UTF-16 and in UTF-8", "[server]") {
  // Line 8: "# 1. [😀 한국어 모델  Scaling](...)", a double space (DL501) after 14 code points.
  const std::string post = Replace(CleanPost(), "A Study of Things", "\xF0\x9F\x98\x80 한국어 모델  Scaling");
  struct Encoding {
    const char* name;
    int space;  // where the double space starts, counted by hand
  };
  for (const Encoding encoding : {Encoding{"utf-16", 15}, Encoding{"utf-8", 27}}) {
    INFO(encoding.name);
    TempDir dir;
    const std::string uri = PathToUri((dir.path() / "2025-10-27-daily-papers.md").string());
    ServerOnPipes server;
    LspClient& client = server.client();
    const Json init = Initialize(client, {{"general", {{"positionEncodings", {encoding.name}}}}});
    REQUIRE(init["result"]["capabilities"]["positionEncoding"] == encoding.name);
    Open(client, uri, post);
    const Json diagnostics = client.WaitForDiagnostics(uri, 1)["diagnostics"];
    const int space = encoding.space;
    CHECK(Summaries(diagnostics) ==
          std::vector<std::string>{"DL501 8:" + std::to_string(space) + "-8:" + std::to_string(space + 2)});

    // The quick fix replaces exactly the two spaces.
    const Json actions = CodeActions(client, uri, Range(8, space, 8, space));
    const Json* fix = FindAction(actions, "Fix DL501 title-whitespace");
    REQUIRE(fix);
    CHECK((*fix)["edit"]["changes"][uri] ==
          Json::array({{{"range", Range(8, space, 8, space + 2)}, {"newText", " "}}}));
    // Hover inside the run shows the rule.
    CHECK(Hover(client, uri, Position(8, space + 1))["range"] == Range(8, space, 8, space + 2));

    // An incremental change in the same encoding deletes exactly the second space.
    client.Notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", 2}}},
                   {"contentChanges", Json::array({{{"range", Range(8, space + 1, 8, space + 2)}, {"text", ""}}})}});
    CHECK(client.WaitForDiagnostics(uri, 2)["diagnostics"].empty());
  }
}

TEST_CASE("server ranges: a BOM and CRLF line endings, and fixes that keep both", "[server]") {
  // No 'layout' (DL104, at the opening fence after the BOM) and a paper number off (DL401), in CRLF.
  std::string post = Replace(Replace(CleanPost(), "layout: post\n", ""), "# 2. [Another", "# 3. [Another");
  for (size_t at = post.find('\n'); at != std::string::npos; at = post.find('\n', at + 2)) post.insert(at, "\r");
  post = "\xEF\xBB\xBF" + post;
  OpenPost session("2025-10-27-daily-papers.md", post);
  LspClient& client = session.client;
  const std::string& uri = session.uri;
  // The BOM is one UTF-16 unit to the editor: the fence starts at character 1 of line 0.
  CHECK(Summaries(session.diagnostics) == std::vector<std::string>{"DL104 0:1-0:4", "DL401 28:2-28:3"});
  const Json actions = CodeActions(client, uri, Range(28, 2, 28, 2));
  const Json* fix = FindAction(actions, "Fix DL401 paper-numbering");
  REQUIRE(fix);
  CHECK(ApplyAction(post, *fix, uri) == Replace(post, "# 3. [Another", "# 2. [Another"));
  const Json* all = FindAction(actions, "Fix all safe problems in this post");
  REQUIRE(all);
  const std::string fixed = ApplyAction(post, *all, uri);
  CHECK(fixed == RunDigestlint({"--fix", "--stdin-filename", session.path.string(), "-"}, {}, post).out);
  CHECK(fixed.rfind("\xEF\xBB\xBF---\r\n", 0) == 0);
  CHECK(fixed.find("\r\n# 2. [Another") != std::string::npos);
  CHECK(std::count(fixed.begin(), fixed.end(), '\n') == std::count(fixed.begin(), fixed.end(), '\r'));  // CRLF kept
}

TEST_CASE("server diagnostics: the command line's, under the same configuration, with code, severity and page",
          "[server]") {
  TempDir dir;
  fs::copy(SourceDir() / "examples", dir.path() / "blog", fs::copy_options::recursive);
  const fs::path path = dir.path() / "blog" / "2025-10-28-daily-papers.md";
  const std::string uri = PathToUri(path.string());
  const testing::CliRun cli = RunDigestlint({"--format", "json", path.string()});
  const Json expected = Json::parse(cli.out)["diagnostics"];
  // BLOG001 comes from the example configuration's custom rule, two DL701 from the example's other post.
  REQUIRE(expected.size() == 8);

  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client);
  Open(client, uri, ReadFile(path), 4);
  const Json published = client.WaitForDiagnostics(uri, 4);
  const Json& diagnostics = published["diagnostics"];
  REQUIRE(diagnostics.size() == expected.size());
  const std::vector<std::string> lines = [&] {
    std::vector<std::string> split;
    std::istringstream in(ReadFile(path));
    for (std::string line; std::getline(in, line);) split.push_back(line);
    return split;
  }();
  // Code points (the CLI) to UTF-16 units (LSP), by hand: BMP characters are one unit.
  const auto utf16 = [&](int line, int column) {
    int units = 0;
    const std::string& text = lines[static_cast<size_t>(line - 1)];
    for (size_t i = 0, points = 1; i < text.size() && static_cast<int>(points) < column; ++points) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      units += length == 4 ? 2 : 1;
      i += length;
    }
    return units;
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    const Json& want = expected[i];
    const Json& got = diagnostics[i];
    INFO(want.dump());
    CHECK(got["code"] == want["rule"]);
    CHECK(got["message"] == want["message"]);
    CHECK(got["source"] == "digestlint");
    CHECK(got["range"] == Range(want["line"].get<int>() - 1, utf16(want["line"], want["column"]),
                                want["end_line"].get<int>() - 1, utf16(want["end_line"], want["end_column"])));
    const std::string severity = want["severity"];
    CHECK(got["severity"] == (severity == "error" ? 1 : severity == "warning" ? 2 : 3));
    // The command line's related locations (the other post, for DL701), as relatedInformation.
    Json related = Json::array();
    for (const Json& place : want.value("related", Json::array())) {
      const int line = place["line"].get<int>() - 1;
      const int character = place["column"].get<int>() - 1;
      related.push_back(
          {{"location",
            {{"uri", PathToUri(fs::absolute(place["path"].get<std::string>()).lexically_normal().string())},
             {"range", Range(line, character, line, character)}}},
           {"message", place["message"]}});
    }
    CHECK(got.value("relatedInformation", Json::array()) == related);
    CHECK(related.size() == (want["rule"] == "DL701" ? 1u : 0u));
    const Rule* rule = FindRule(want["rule"].get<std::string>());
    if (rule) {
      const std::string href = got["codeDescription"]["href"];
      CHECK(href == RuleDocumentationUrl(rule->info));
      std::string page = "/rules/" + want["rule"].get<std::string>() + "_" + want["name"].get<std::string>() + ".md";
      std::replace(page.begin() + 13, page.end() - 3, '-', '_');  // rules/DL302_arxiv_link_malformed.md
      CHECK(href.rfind("http", 0) == 0);
      CHECK(href.size() > page.size());
      CHECK(href.substr(href.size() - page.size()) == page);
    } else {
      CHECK_FALSE(got.contains("codeDescription"));  // a custom rule has no page
    }
  }
}

TEST_CASE("server with a blog's own schema: TOML front matter, hover in the schema's terms, disable inside the TOML",
          "[server]") {
  TempDir dir;
  const fs::path shape = SourceDir() / "tests" / "fixtures" / "shapes" / "hugo-toml";
  fs::copy_file(shape / "schema.json", dir.path() / "schema.json");
  WriteFile(dir.path() / ".digestlint.yaml", "schema: schema.json\n");
  const fs::path path = dir.path() / "paper-digest-bad-date.md";
  const std::string fixture = ReadFile(shape / "paper-digest-bad-date.md");
  const size_t marker = fixture.find(" # expect:");  // the fixture's expectation, a TOML comment
  REQUIRE(marker != std::string::npos);
  const std::string post = fixture.substr(0, marker) + fixture.substr(fixture.find('\n', marker));
  WriteFile(path, post);
  const std::string uri = PathToUri(path.string());
  const Json expected = Json::parse(RunDigestlint({"--format", "json", path.string()}).out)["diagnostics"];
  REQUIRE(expected.size() == 1);
  CHECK(expected[0]["rule"] == "DL105");

  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client);
  Open(client, uri, post);
  // 'date = "03/11/2025"' on line 3: the value's quotes and all, as the command line places it.
  CHECK(Summaries(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL105 2:7-2:19"});
  CHECK(expected[0]["column"] == 8);

  // Hover ends with what this blog's schema says about dates (ISO 8601), not the built-in schema (Jekyll's form).
  const std::string documentation = Hover(client, uri, Position(2, 8))["contents"]["value"];
  const std::string rule_page = RuleDocumentation(FindRule("DL105")->info);
  CHECK(documentation.substr(0, rule_page.size()) == rule_page);
  CHECK(documentation.find("With schema " + (dir.path() / "schema.json").string() + ":") != std::string::npos);
  CHECK(documentation.find("(iso8601)") != std::string::npos);
  CHECK(documentation.find("(jekyll)") == std::string::npos);

  // The suppression goes above the key as a TOML comment: the front matter still parses and DL105 is off.
  const Json actions = CodeActions(client, uri, Range(2, 8, 2, 8));
  const Json* disable = FindAction(actions, "Disable DL105 for this line");
  REQUIRE(disable);
  const std::string disabled = ApplyAction(post, *disable, uri);
  CHECK(disabled == Replace(post, "date = ", "# <!-- digestlint-disable-next-line DL105 -->\ndate = "));
  ChangeAll(client, uri, disabled, 2);
  CHECK(client.WaitForDiagnostics(uri, 2)["diagnostics"].empty());
  CHECK(RunDigestlint({"--stdin-filename", path.string(), "-"}, {}, disabled).status == 0);  // the CLI agrees
}

TEST_CASE("server diagnostics: from the unsaved buffer, never from disk, with full and incremental changes",
          "[server]") {
  TempDir dir;
  const fs::path path = dir.path() / "2025-10-27-daily-papers.md";
  WriteFile(path, CleanPost());  // clean on disk
  const std::string uri = PathToUri(path.string());
  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client);
  const std::string broken = Replace(CleanPost(), "# 2. [Another", "# 3. [Another");
  Open(client, uri, broken);
  CHECK(Codes(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL401"});

  ChangeAll(client, uri, CleanPost(), 2);
  CHECK(client.WaitForDiagnostics(uri, 2)["diagnostics"].empty());
  // Two incremental changes in one notification, each applied to the text the one before left:
  // line 29 is "# 2. [Another Study](...)"; "2" becomes "7", then that "7" becomes "3".
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 3}}},
                 {"contentChanges", Json::array({{{"range", Range(29, 2, 29, 3)}, {"text", "7"}},
                                                 {{"range", Range(29, 2, 29, 3)}, {"text", "3"}}})}});
  const Json numbering = client.WaitForDiagnostics(uri, 3)["diagnostics"];
  CHECK(Summaries(numbering) == std::vector<std::string>{"DL401 29:2-29:3"});
  CHECK(numbering[0]["message"] == "paper number 3 skips 1: expected 2");
  // A change across lines: from the end of line 28 to after "3" joins the two lines.
  client.Notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 4}}},
                 {"contentChanges", Json::array({{{"range", Range(28, 0, 29, 3)}, {"text", "\n# 2"}}})}});
  CHECK(client.WaitForDiagnostics(uri, 4)["diagnostics"].empty());
  CHECK(ReadFile(path) == CleanPost());  // nothing was written

  // A post that does not exist on disk at all is linted the same way.
  const std::string unsaved = PathToUri((dir.path() / "never-saved" / "2025-10-27-new.md").string());
  Open(client, unsaved, broken);
  CHECK(Codes(client.WaitForDiagnostics(unsaved, 1)["diagnostics"]) == std::vector<std::string>{"DL401"});
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", unsaved}}}});
  const Json closed = client.WaitForDiagnostics(unsaved);
  CHECK(closed["diagnostics"].empty());
  CHECK_FALSE(closed.contains("version"));
}

TEST_CASE("server coalescing: a burst of changes is linted once, for the latest version", "[server]") {
  OpenPost session("2025-10-27-daily-papers.md", CleanPost());
  LspClient& client = session.client;
  const std::string& uri = session.uri;
  // Ten keystrokes in one write (under PIPE_BUF, so the server reads them at once):
  // the paper number becomes 3, 4, ..., 12.
  std::string burst;
  for (int version = 2; version <= 11; ++version) {
    burst += server::EncodeFrame({{"jsonrpc", "2.0"},
                                  {"method", "textDocument/didChange"},
                                  {"params",
                                   {{"textDocument", {{"uri", uri}, {"version", version}}},
                                    {"contentChanges", Json::array({{{"range", Range(29, 2, 29, version <= 9 ? 3 : 4)},
                                                                     {"text", std::to_string(version + 1)}}})}}}});
  }
  REQUIRE(burst.size() < 4096);
  client.SendRaw(burst);
  client.Call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", Position(0, 0)}});  // in order
  const std::vector<Json> published = client.Take("textDocument/publishDiagnostics");
  REQUIRE(published.size() == 1);
  CHECK(published[0]["params"]["version"] == 11);
  CHECK(published[0]["params"]["diagnostics"][0]["message"] == "paper number 12 skips 10: expected 2");
}

TEST_CASE("server code actions: each diagnostic's quick fix, unsafe ones labelled, and applied the problem is gone",
          "[server]") {
  const std::string post = ExamplePost();
  OpenPost session("2025-10-28-daily-papers.md", post);
  LspClient& client = session.client;
  const std::string& uri = session.uri;
  const Json& diagnostics = session.diagnostics;
  REQUIRE(Summaries(diagnostics) == std::vector<std::string>{"DL106 2:7-2:34", "DL302 10:60-10:96", "DL401 31:2-31:3",
                                                             "DL307 33:13-33:60", "DL202 43:0-43:9"});

  const Json numbering = CodeActions(client, uri, Range(31, 2, 31, 2));  // the cursor on the number
  CHECK(Titles(numbering) == std::vector<std::string>{"Fix DL401 paper-numbering", "Disable DL401 for this line",
                                                      "Fix all safe problems in this post"});
  const Json& fix = numbering[0];
  CHECK(fix["kind"] == "quickfix");
  CHECK(fix["isPreferred"] == true);
  CHECK(Summaries(fix["diagnostics"]) == std::vector<std::string>{"DL401 31:2-31:3"});
  const std::string fixed = ApplyAction(post, fix, uri);
  CHECK(fixed == Replace(post, "# 3. [Model Merging", "# 2. [Model Merging"));
  ChangeAll(client, uri, fixed, 2);
  CHECK(Codes(client.WaitForDiagnostics(uri, 2)["diagnostics"]) ==
        std::vector<std::string>{"DL106", "DL302", "DL307", "DL202"});

  const Json date = CodeActions(client, uri, Range(2, 10, 2, 12));
  const Json* unsafe = FindAction(date, "Fix DL106 date-mismatch (unsafe)");
  REQUIRE(unsafe);
  CHECK((*unsafe)["isPreferred"] == false);
  // The client may name the diagnostic instead of the range (Neovim sends the line's diagnostics).
  const Json named = CodeActions(client, uri, Range(0, 0, 0, 0),
                                 {{"diagnostics", Json::array({diagnostics[3]})}, {"only", Json::array({"quickfix"})}});
  CHECK(Titles(named) ==
        std::vector<std::string>{"Fix DL307 link-id-mismatch (unsafe)", "Disable DL307 for this line"});
}

TEST_CASE("server code actions: source.fixAll gives the fix-all alone, equal to digestlint --fix", "[server]") {
  const std::string post = ExamplePost();
  OpenPost session("2025-10-28-daily-papers.md", post);
  LspClient& client = session.client;
  const std::string& uri = session.uri;
  const Json on_save = CodeActions(client, uri, Range(0, 0, 0, 0), {{"only", Json::array({"source.fixAll"})}});
  REQUIRE(Titles(on_save) == std::vector<std::string>{"Fix all safe problems in this post"});
  CHECK(on_save[0]["kind"] == "source.fixAll.digestlint");
  const std::string fixed = ApplyAction(post, on_save[0], uri);
  const testing::CliRun cli = RunDigestlint({"--fix", "--stdin-filename", session.path.string(), "-"}, {}, post);
  CHECK(fixed == cli.out);
  CHECK(fixed != post);
  CHECK(CodeActions(client, uri, Range(0, 0, 0, 0), {{"only", Json::array({"source"})}}).size() == 1);
  CHECK(CodeActions(client, uri, Range(31, 0, 31, 9), {{"only", Json::array({"quickfix"})}}).size() == 2);

  ChangeAll(client, uri, fixed, 2);
  client.WaitForDiagnostics(uri, 2);
  // Only unsafe fixes are left (DL106, DL202): nothing for fix-all.
  CHECK(CodeActions(client, uri, Range(0, 0, 0, 0), {{"only", Json::array({"source.fixAll"})}}).empty());
}

TEST_CASE("server code actions: disable a rule for a line, in the body, in front matter, and at the opening fence",
          "[server]") {
  TempDir dir;
  const std::string uri = PathToUri((dir.path() / "2025-10-28-daily-papers.md").string());
  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client);
  int version = 1;
  // Sets the text to `post`, applies the action titled `title` at the position, and returns the new
  // diagnostics' codes.
  const auto disable = [&](const std::string& post, int line, int character, const std::string& title,
                           std::string* result) {
    ChangeAll(client, uri, post, ++version);
    client.WaitForDiagnostics(uri, version);
    const Json actions = CodeActions(client, uri, Range(line, character, line, character));
    const Json* action = FindAction(actions, title);
    REQUIRE(action);
    *result = ApplyAction(post, *action, uri);
    ChangeAll(client, uri, *result, ++version);
    return Codes(client.WaitForDiagnostics(uri, version)["diagnostics"]);
  };
  Open(client, uri, ExamplePost());
  std::string result;

  // The body: an HTML comment above the heading.
  CHECK(disable(ExamplePost(), 31, 2, "Disable DL401 for this line", &result) ==
        std::vector<std::string>{"DL106", "DL302", "DL307", "DL202"});
  CHECK(result == Replace(ExamplePost(), "# 3. [Model", "<!-- digestlint-disable-next-line DL401 -->\n# 3. [Model"));

  // Front matter: the same comment inside a YAML comment, so the YAML still parses.
  CHECK(disable(ExamplePost(), 2, 10, "Disable DL106 for this line", &result) ==
        std::vector<std::string>{"DL302", "DL401", "DL307", "DL202"});
  CHECK(result == Replace(ExamplePost(), "title:", "# <!-- digestlint-disable-next-line DL106 -->\ntitle:"));

  // The opening fence: nothing may stand above it, so the file-wide form goes after the front matter.
  std::string no_layout = Replace(CleanPost(), "layout: post\n", "");
  no_layout = Replace(Replace(no_layout, "2025-10-27", "2025-10-28"), "2025-10-27", "2025-10-28");  // the file's date
  CHECK(disable(no_layout, 0, 0, "Disable DL104 for this file", &result).empty());
  CHECK(result == Replace(no_layout, "---\n\n# 1.", "---\n<!-- digestlint-disable-file DL104 -->\n\n# 1."));

  // A line that already has a suppression names one more rule.
  const std::string both = Replace(ExamplePost(), "# 3. [Model Merging with",
                                   "<!-- digestlint-disable-next-line DL501 -->\n# 3. [Model Merging  with");
  CHECK(disable(both, 32, 2, "Disable DL401 for this line", &result) ==
        std::vector<std::string>{"DL106", "DL302", "DL307", "DL202"});
  CHECK(result.find("<!-- digestlint-disable-next-line DL501 DL401 -->\n# 3.") != std::string::npos);
}

TEST_CASE("server hover: a diagnostic's range shows its rule's documentation, as explain prints it", "[server]") {
  OpenPost session("2025-10-28-daily-papers.md", ExamplePost());
  LspClient& client = session.client;
  const std::string& uri = session.uri;
  const Json hover = Hover(client, uri, Position(31, 2));
  CHECK(hover["contents"]["kind"] == "markdown");
  // The rule's page, then what the post's schema (here the built-in one) says about papers.
  const std::string documentation = hover["contents"]["value"];
  CHECK(documentation ==
        RuleDocumentationFor(FindRule("DL401")->info, Schema::Default().format(), "the built-in schema"));
  CHECK(documentation.find("## In this blog's format\n\nWith the built-in schema:") != std::string::npos);
  CHECK(documentation == RunDigestlint({"explain", "DL401"}).out);
  CHECK(hover["range"] == Range(31, 2, 31, 3));
  CHECK(Hover(client, uri, Position(31, 3)).is_null());  // just past the range
  CHECK(Hover(client, uri, Position(14, 1)).is_null());  // a clean line
}

TEST_CASE(
    "server configuration: watched files re-lint open posts, and a broken configuration is a diagnostic "
    "and a message, not a dead server",
    "[server]") {
  TempDir dir;
  const fs::path config = dir.path() / ".digestlint.yaml";
  WriteFile(config, "ignore: [DL401]\n");
  const fs::path post = dir.path() / "2025-10-27-daily-papers.md";
  const std::string uri = PathToUri(post.string());
  const std::string config_uri = PathToUri(config.string());
  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client, {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const Json registration =
      client.WaitFor([](const Json& m) { return m.value("method", "") == "client/registerCapability"; });
  CHECK(registration["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
  client.Send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});  // the editor agrees

  Open(client, uri, Replace(CleanPost(), "# 2. [Another", "# 3. [Another"));
  CHECK(client.WaitForDiagnostics(uri, 1)["diagnostics"].empty());  // DL401 is ignored
  const auto changed = [&](const fs::path& file, int type) {
    client.Notify("workspace/didChangeWatchedFiles",
                  {{"changes", Json::array({{{"uri", PathToUri(file.string())}, {"type", type}}})}});
  };

  WriteFile(config, "ignore: []\n");
  changed(config, 2);
  CHECK(Codes(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL401"});

  WriteFile(config, "# a typo\nselct: [ALL]\n");
  changed(config, 2);
  const Json message = client.WaitFor([](const Json& m) { return m.value("method", "") == "window/showMessage"; });
  CHECK(message["params"]["type"] == 1);
  CHECK(message["params"]["message"] ==
        "digestlint: configuration error: " + config.string() + ":2:1: unknown key 'selct' (did you mean 'select'?)");
  const Json on_config = client.WaitForDiagnostics(config_uri);
  REQUIRE(on_config["diagnostics"].size() == 1);
  CHECK(on_config["diagnostics"][0]["message"] == "unknown key 'selct' (did you mean 'select'?)");
  CHECK(on_config["diagnostics"][0]["range"] == Range(1, 0, 1, 12));
  CHECK(on_config["diagnostics"][0]["severity"] == 1);
  CHECK(client.WaitForDiagnostics(uri, 1)["diagnostics"].empty());  // not linted under a broken configuration
  CHECK(Hover(client, uri, Position(29, 2)).is_null());             // still serving

  WriteFile(config, "ignore: [DL2]\n");
  changed(config, 2);
  CHECK(client.WaitForDiagnostics(config_uri)["diagnostics"].empty());  // the error is gone
  CHECK(Codes(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL401"});

  // A file no configuration reads changes nothing: no re-lint, no publish.
  WriteFile(dir.path() / "notes.json", "{}");
  changed(dir.path() / "notes.json", 1);
  client.Call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", Position(0, 0)}});
  CHECK(client.Take("textDocument/publishDiagnostics").empty());

  // Deleting the configuration: the defaults apply.
  fs::remove(config);
  changed(config, 3);
  CHECK(Codes(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL401"});
}

TEST_CASE("server configuration: a custom rule file that changes re-lints, and excluded posts are not linted",
          "[server]") {
  TempDir dir;
  fs::create_directories(dir.path() / "styles");
  fs::create_directories(dir.path() / "_drafts");
  WriteFile(dir.path() / ".digestlint.yaml", "custom-rules: [\"styles/*.yml\"]\nexclude: [\"_drafts/\"]\n");
  const auto rule = [](const std::string& word) {
    return "id: BLOG002\nmessage: \"'{match}' is banned\"\nscope: body\nkind: existence\npattern: \"" + word + "\"\n";
  };
  const fs::path rule_file = dir.path() / "styles" / "banned.yml";
  WriteFile(rule_file, rule("Another"));
  const std::string uri = PathToUri((dir.path() / "2025-10-27-daily-papers.md").string());
  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client);
  Open(client, uri, CleanPost());
  CHECK(Summaries(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"BLOG002 29:6-29:13"});

  WriteFile(rule_file, rule("Study"));
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", Json::array({{{"uri", PathToUri(rule_file.string())}, {"type", 2}}})}});
  CHECK(Summaries(client.WaitForDiagnostics(uri, 1)["diagnostics"]) ==
        std::vector<std::string>{"BLOG002 8:8-8:13", "BLOG002 29:14-29:19"});

  // A rule file that breaks: its own diagnostic, at its line.
  WriteFile(rule_file, "id: BLOG002\nkind: sometimes\n");
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", Json::array({{{"uri", PathToUri(rule_file.string())}, {"type", 2}}})}});
  const Json broken = client.WaitForDiagnostics(PathToUri(rule_file.string()));
  REQUIRE(broken["diagnostics"].size() == 1);
  CHECK(broken["diagnostics"][0]["range"]["start"]["line"] == 1);

  const std::string draft = PathToUri((dir.path() / "_drafts" / "2025-10-27-draft.md").string());
  WriteFile(rule_file, rule("Another"));
  client.Notify("workspace/didChangeWatchedFiles",
                {{"changes", Json::array({{{"uri", PathToUri(rule_file.string())}, {"type", 2}}})}});
  Open(client, draft, Replace(CleanPost(), "# 2. [Another", "# 3. [Another"));
  CHECK(client.WaitForDiagnostics(draft, 1)["diagnostics"].empty());
}

TEST_CASE(
    "server in a Jekyll site: its defaults apply, only posts are linted, drafts with --drafts, a broken "
    "_config.yml is a diagnostic",
    "[server]") {
  TempDir dir;
  const fs::path config = dir.path() / "_config.yml";
  WriteFile(config, "defaults:\n  - scope: {path: \"\", type: posts}\n    values: {layout: post, categories: []}\n");
  fs::create_directories(dir.path() / "_posts");
  fs::create_directories(dir.path() / "_drafts");
  // The post and its draft share a date and papers: the cross-post rules are another test's subject.
  WriteFile(dir.path() / ".digestlint.yaml", "ignore: [DL7]\n");
  // No layout and no categories (the defaults give them), and a paper number off.
  const std::string post = Replace(Replace(Replace(CleanPost(), "layout: post\n", ""), "categories: []\n", ""),
                                   "# 2. [Another", "# 3. [Another");
  const fs::path post_path = dir.path() / "_posts" / "2025-10-27-daily-papers.md";
  const fs::path draft_path = dir.path() / "_drafts" / "2025-10-27-daily-papers.md";
  const fs::path page_path = dir.path() / "about.md";
  for (const fs::path& path : {post_path, draft_path, page_path}) WriteFile(path, post);
  const auto cli_codes = [](const fs::path& path, const std::vector<std::string>& more = {}) {
    std::vector<std::string> args = {"--format", "json", path.string()};
    args.insert(args.end(), more.begin(), more.end());
    const Json report = Json::parse(RunDigestlint(args).out);
    std::vector<std::string> codes;
    for (const Json& d : report["diagnostics"]) codes.push_back(d["rule"]);
    return codes;
  };
  REQUIRE(cli_codes(post_path) == std::vector<std::string>{"DL401"});
  REQUIRE(cli_codes(page_path).empty());   // a page: not a post
  REQUIRE(cli_codes(draft_path).empty());  // a draft, without --drafts
  REQUIRE(cli_codes(draft_path, {"--drafts"}) == std::vector<std::string>{"DL401"});

  for (const bool drafts : {true, false}) {  // the second run breaks the site's configuration
    INFO("--drafts: " << drafts);
    server::ServerOptions options;
    options.drafts = drafts;
    ServerOnPipes server(options);
    LspClient& client = server.client();
    Initialize(client);
    for (const fs::path& path : {post_path, draft_path, page_path}) Open(client, PathToUri(path.string()), post);
    CHECK(Codes(client.WaitForDiagnostics(PathToUri(post_path.string()), 1)["diagnostics"]) ==
          std::vector<std::string>{"DL401"});
    CHECK(Codes(client.WaitForDiagnostics(PathToUri(draft_path.string()), 1)["diagnostics"]) ==
          (drafts ? std::vector<std::string>{"DL401"} : std::vector<std::string>{}));
    CHECK(client.WaitForDiagnostics(PathToUri(page_path.string()), 1)["diagnostics"].empty());
    if (drafts) continue;

    WriteFile(config, "defaults: [oops\n");
    client.Notify("workspace/didChangeWatchedFiles",
                  {{"changes", Json::array({{{"uri", PathToUri(config.string())}, {"type", 2}}})}});
    const Json message = client.WaitFor([](const Json& m) { return m.value("method", "") == "window/showMessage"; });
    CHECK(message["params"]["message"].get<std::string>().find(config.string() + ":") != std::string::npos);
    const Json on_config = client.WaitForDiagnostics(PathToUri(config.string()));
    CHECK(on_config["diagnostics"].size() == 1);
    CHECK(client.WaitForDiagnostics(PathToUri(post_path.string()), 1)["diagnostics"].empty());
  }
}

TEST_CASE(
    "server cross-post rules: the site's other posts as on disk, the earlier post as relatedInformation, read again "
    "when a post is saved or changes on disk",
    "[server]") {
  TempDir dir;
  WriteFile(dir.path() / ".digestlint.yaml", "");  // its folder is a site
  const auto replace_all = [](std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return text;
  };
  const fs::path earlier = dir.path() / "2025-10-27-daily-papers.md";
  const std::string earlier_post = CleanPost();
  WriteFile(earlier, earlier_post);
  // The next day's post repeats the first paper (2510.19871), not the second; it is not saved yet.
  const fs::path later = dir.path() / "2025-10-28-daily-papers.md";
  const std::string later_post =
      replace_all(replace_all(CleanPost(), "2025-10-27", "2025-10-28"), "2510.21270", "2510.30001");
  const Json cli =
      Json::parse(RunDigestlint({"--format", "json", "--stdin-filename", later.string(), "-"}, {}, later_post).out);
  REQUIRE(cli["diagnostics"].size() == 1);
  const Json& want = cli["diagnostics"][0];
  REQUIRE(want["rule"] == "DL701");
  REQUIRE(want["related"].size() == 1);

  ServerOnPipes server;
  LspClient& client = server.client();
  Initialize(client, {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const Json registration =
      client.WaitFor([](const Json& m) { return m.value("method", "") == "client/registerCapability"; });
  CHECK(registration["params"]["registrations"][0]["registerOptions"]["watchers"][2]["globPattern"] ==
        "**/*.{md,markdown}");
  const std::string uri = PathToUri(later.string());
  Open(client, uri, later_post);
  const Json diagnostics = client.WaitForDiagnostics(uri, 1)["diagnostics"];
  REQUIRE(Summaries(diagnostics) == std::vector<std::string>{"DL701 8:0-8:58"});
  CHECK(diagnostics[0]["message"] == want["message"]);
  // The earlier post's line, where the command line's note points.
  const Json& related = want["related"][0];
  const int line = related["line"].get<int>() - 1;
  const int character = related["column"].get<int>() - 1;
  CHECK(diagnostics[0]["relatedInformation"] ==
        Json::array(
            {{{"location", {{"uri", PathToUri(earlier.string())}, {"range", Range(line, character, line, character)}}},
              {"message", related["message"]}}}));
  CHECK(related["message"] == "arXiv 2510.19871 in the post of 2025-10-27");

  // The earlier post is edited and saved: the later one no longer repeats a paper.
  const std::string earlier_uri = PathToUri(earlier.string());
  Open(client, earlier_uri, earlier_post);
  CHECK(client.WaitForDiagnostics(earlier_uri, 1)["diagnostics"].empty());
  const std::string edited = replace_all(earlier_post, "2510.19871", "2510.40002");
  ChangeAll(client, earlier_uri, edited, 2);
  CHECK(client.WaitForDiagnostics(earlier_uri, 2)["diagnostics"].empty());
  WriteFile(earlier, edited);
  client.Notify("textDocument/didSave", {{"textDocument", {{"uri", earlier_uri}}}});
  CHECK(client.WaitForDiagnostics(uri, 1)["diagnostics"].empty());

  // It changes on disk behind the editor (a checkout): the watcher's event brings the repeat back.
  WriteFile(earlier, earlier_post);
  client.Notify("workspace/didChangeWatchedFiles", {{"changes", Json::array({{{"uri", earlier_uri}, {"type", 2}}})}});
  CHECK(Summaries(client.WaitForDiagnostics(uri, 1)["diagnostics"]) == std::vector<std::string>{"DL701 8:0-8:58"});
  CHECK(server.Finish() == 1);
}

TEST_CASE("server robustness: 600 mutated sessions never crash, and every answer is a JSON-RPC message", "[server]") {
  TempDir dir;
  const std::string uri = PathToUri((dir.path() / "2025-10-28-daily-papers.md").string());
  const std::vector<Json> messages = {
      {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", Json::object()}}}},
      {{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}},
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", ExamplePost()}}}}}},
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didChange"},
       {"params",
        {{"textDocument", {{"uri", uri}, {"version", 2}}},
         {"contentChanges", Json::array({{{"range", Range(31, 2, 31, 3)}, {"text", "\xF0\x9F\x98\x80"}}})}}}},
      {{"jsonrpc", "2.0"},
       {"id", 2},
       {"method", "textDocument/codeAction"},
       {"params", {{"textDocument", {{"uri", uri}}}, {"range", Range(2, 0, 40, 0)}, {"context", Json::object()}}}},
      {{"jsonrpc", "2.0"},
       {"id", 3},
       {"method", "textDocument/hover"},
       {"params", {{"textDocument", {{"uri", uri}}}, {"position", Position(10, 62)}}}},
      {{"jsonrpc", "2.0"}, {"id", 4}, {"method", "shutdown"}},
      {{"jsonrpc", "2.0"}, {"method", "exit"}},
  };
  std::string session;
  for (const Json& message : messages) session += server::EncodeFrame(message);
  fuzz::Mutator mutator(14);
  size_t answers = 0;
  for (int i = 0; i < 600; ++i) {
    const std::string bytes = mutator.Mutate(session);
    std::vector<Json> sent;
    server::LanguageServer server([&](const Json& message) { sent.push_back(message); });
    server::FrameReader reader;
    const size_t chunk = 1 + static_cast<size_t>(i) * 97 % 4096;  // reads of many sizes
    for (size_t at = 0; at < bytes.size() && !server.exit_requested(); at += chunk) {
      reader.Feed(std::string_view(bytes).substr(at, chunk));
      while (std::optional<server::Frame> frame = reader.Next()) {
        server.Handle(*frame);
        if (server.exit_requested()) break;
      }
    }
    if (std::optional<server::Frame> frame = reader.GiveUp()) server.Handle(*frame);
    server.LintPending();
    const bool well_formed = std::all_of(sent.begin(), sent.end(), [](const Json& message) {
      return message.value("jsonrpc", "") == "2.0" &&
             (message.contains("method") || message.contains("result") || message.contains("error"));
    });
    INFO("mutant " << i);
    CHECK(well_formed);
    answers += sent.size();
  }
  CHECK(answers > 600);  // the mutants were mostly still sessions, not noise
}

TEST_CASE("the digestlint binary serves on stdio: frames only on stdout, exit status 0 after shutdown, else 1",
          "[server]") {
  TempDir dir;
  const auto run = [&](const std::vector<Json>& messages, const std::string& options = "") {
    std::string input;
    for (const Json& message : messages) input += server::EncodeFrame(message);
    WriteFile(dir.path() / "in", input);
    const std::string command = std::string(DIGESTLINT_BINARY) + " server" + options + " < '" +
                                (dir.path() / "in").string() + "' > '" + (dir.path() / "out").string() + "' 2> '" +
                                (dir.path() / "err").string() + "'";
    const int raw = std::system(command.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  };
  const Json initialize = {{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", {}}}}};
  const Json shutdown = {{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}};
  const Json exit = {{"jsonrpc", "2.0"}, {"method", "exit"}};
  CHECK(run({initialize, shutdown, exit}) == 0);
  server::FrameReader reader;
  reader.Feed(ReadFile(dir.path() / "out"));
  std::vector<Json> answers;
  while (std::optional<server::Frame> frame = reader.Next()) {
    REQUIRE(frame->body);
    answers.push_back(Json::parse(*frame->body));
  }
  REQUIRE(answers.size() == 2);
  CHECK(answers[0]["result"]["serverInfo"]["version"] == DIGESTLINT_VERSION);
  CHECK(answers[1] == Json{{"jsonrpc", "2.0"}, {"id", 2}, {"result", nullptr}});
  CHECK(ReadFile(dir.path() / "err").empty());
  CHECK(run({initialize, exit}) == 1);
  CHECK(run({initialize}) == 1);
  CHECK(run({initialize, shutdown, exit}, " --stdio") == 0);  // VS Code's client library adds --stdio

  const testing::CliRun help = RunDigestlint({"server", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("Usage: digestlint server [OPTIONS]\n") != std::string::npos);
  CHECK(help.out.find("--drafts") != std::string::npos);
  const testing::CliRun extra = RunDigestlint({"server", "--tcp"});
  CHECK(extra.status == 2);
  CHECK(extra.err == "digestlint: error: unknown option '--tcp'\nTry 'digestlint --help'.\n");
  CHECK(RunDigestlint({"--help"}).out.find("digestlint server ") != std::string::npos);
}

}  // namespace
}  // namespace digestlint
