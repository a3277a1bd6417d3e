// The language server's building blocks: message framing (json_rpc.h),
// positions in both encodings (positions.h) and file URIs (uri.h).
#include <catch2/catch.hpp>

#include "server/json_rpc.h"
#include "server/positions.h"
#include "uri.h"

namespace digestlint::server {
namespace {

std::string Framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Every frame the bytes so far hold.
std::vector<Frame> Drain(FrameReader& reader) {
  std::vector<Frame> frames;
  while (std::optional<Frame> frame = reader.Next()) frames.push_back(*frame);
  return frames;
}

const std::string kFirst = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})";
const std::string kSecond = R"({"jsonrpc":"2.0","method":"initialized","params":{}})";

TEST_CASE("framing: joined messages come out one by one", "[server][framing]") {
  FrameReader reader;
  reader.Feed(Framed(kFirst) + Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == kFirst);
  CHECK(frames[1].body == kSecond);
}

TEST_CASE("framing: a message split at every byte comes out once, whole", "[server][framing]") {
  FrameReader reader;
  const std::string bytes = Framed(kFirst) + Framed(kSecond);
  std::vector<Frame> frames;
  for (char byte : bytes) {
    reader.Feed(std::string(1, byte));
    for (Frame& frame : Drain(reader)) frames.push_back(std::move(frame));
    if (frames.size() == 1) CHECK(frames[0].body == kFirst);
  }
  REQUIRE(frames.size() == 2);
  CHECK(frames[1].body == kSecond);
}

TEST_CASE("framing: header names ignore case, Content-Type is accepted, blank lines between messages are skipped",
          "[server][framing]") {
  FrameReader reader;
  reader.Feed("content-length: " + std::to_string(kFirst.size()) +
              "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + kFirst + "\r\n" +
              Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 2);
  CHECK(frames[0].body == kFirst);
  CHECK(frames[1].body == kSecond);
}

TEST_CASE("framing: a header that cannot be read is one error, and reading resumes at the next message",
          "[server][framing]") {
  struct Case {
    std::string bytes;  // before a good message
    std::string error;
  };
  const std::vector<Case> cases = {
      {"Content-Type: application/json\r\n\r\n" + kFirst, "a message header without Content-Length"},
      {"hello there\r\nthis is not LSP\r\n", "not a message header: 'hello there'"},
      {"Content-Length: abc\r\n\r\n" + kFirst, "invalid Content-Length 'abc'"},
      {"Content-Length: -5\r\n\r\n" + kFirst, "invalid Content-Length '-5'"},
      {"Content-Length: \r\n\r\n" + kFirst, "invalid Content-Length ''"},
      {"Content-Length: 12x\r\n\r\n" + kFirst, "invalid Content-Length '12x'"},
      {"Content-Length: 99999999999999999999\r\n\r\n" + kFirst, "invalid Content-Length '99999999999999999999'"},
  };
  for (const Case& broken : cases) {
    INFO(broken.bytes);
    FrameReader reader;
    reader.Feed(broken.bytes + Framed(kSecond));
    const std::vector<Frame> frames = Drain(reader);
    REQUIRE(frames.size() == 2);
    CHECK_FALSE(frames[0].body);
    CHECK(frames[0].error == broken.error);
    CHECK(frames[1].body == kSecond);
  }
}

TEST_CASE("framing: a Content-Length too short gives a body that is not JSON, then the next message",
          "[server][framing]") {
  FrameReader reader;
  reader.Feed("Content-Length: 20\r\n\r\n" + kFirst + Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 3);
  CHECK(frames[0].body == kFirst.substr(0, 20));  // the server answers it with a parse error
  CHECK_FALSE(frames[1].body);                    // the rest of the first message
  CHECK(frames[1].error.rfind("not a message header", 0) == 0);
  CHECK(frames[2].body == kSecond);
}

TEST_CASE("framing: a Content-Length too long, followed by a message, is an error with the request id",
          "[server][framing]") {
  FrameReader reader;
  reader.Feed("Content-Length: " + std::to_string(kFirst.size() + 30) + "\r\n\r\n" + kFirst + Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 2);
  CHECK_FALSE(frames[0].body);
  CHECK(frames[0].error == "Content-Length " + std::to_string(kFirst.size() + 30) + " is longer than the message (" +
                               std::to_string(kFirst.size()) + " bytes before the next header)");
  CHECK(frames[0].id == 1);
  CHECK(frames[1].body == kSecond);
}

TEST_CASE("framing: a Content-Length too long at the end of input is given up after a pause, not waited on forever",
          "[server][framing]") {
  FrameReader reader;
  reader.Feed("Content-Length: 500\r\n\r\n" + kFirst + "\r\n");
  CHECK(Drain(reader).empty());
  CHECK(reader.MayBeStalled());
  const std::optional<Frame> frame = reader.GiveUp();
  REQUIRE(frame);
  CHECK(frame->error ==
        "Content-Length 500 is longer than the message (" + std::to_string(kFirst.size() + 2) + " bytes arrived)");
  CHECK(frame->id == 1);
  CHECK_FALSE(reader.MayBeStalled());
  reader.Feed(Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == kSecond);
}

TEST_CASE("framing: an incomplete body is not stalled, and a header inside a JSON string is text",
          "[server][framing]") {
  const std::string body = R"({"jsonrpc":"2.0","method":"x","params":{"text":"}Content-Length: 3\r\n"}})";
  FrameReader reader;
  const std::string bytes = Framed(body);
  reader.Feed(bytes.substr(0, bytes.size() - 3));
  CHECK(Drain(reader).empty());
  CHECK_FALSE(reader.MayBeStalled());  // the value is not complete yet
  CHECK_FALSE(reader.GiveUp());
  reader.Feed(bytes.substr(bytes.size() - 3));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == body);
}

TEST_CASE("framing: a message over the size limit is an error and is skipped unread", "[server][framing]") {
  FrameReader reader;
  const size_t size = FrameReader::kMaxMessageBytes + 1;
  reader.Feed("Content-Length: " + std::to_string(size) + "\r\n\r\n");
  std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].error.find("is larger than the limit") != std::string::npos);
  const std::string chunk(1 << 20, 'x');
  for (size_t sent = 0; sent < size; sent += chunk.size()) {
    reader.Feed(std::string_view(chunk).substr(0, std::min(chunk.size(), size - sent)));
    CHECK(Drain(reader).empty());
  }
  reader.Feed(Framed(kSecond));
  frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == kSecond);
}

TEST_CASE("framing: a message nested deeper than 64 levels is an error, not a body, and the next one is read",
          "[server][framing]") {
  const auto nested = [](int levels) {
    return R"({"jsonrpc":"2.0","method":"x","params":)" + std::string(static_cast<size_t>(levels - 1), '[') +
           R"("[[[ in a string")" + std::string(static_cast<size_t>(levels - 1), ']') + "}";
  };
  FrameReader reader;
  reader.Feed(Framed(nested(64)) + Framed(nested(65)) + Framed(kSecond));
  const std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 3);
  CHECK(frames[0].body == nested(64));  // 64 levels of brackets; those in the string do not count
  CHECK_FALSE(frames[1].body);
  CHECK(frames[1].error == "a message nested deeper than 64 levels is not read");
  CHECK(frames[2].body == kSecond);
}

TEST_CASE("framing: a header line that never ends is an error, and reading moves on", "[server][framing]") {
  FrameReader reader;
  reader.Feed(std::string(10000, 'A'));
  std::vector<Frame> frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].error.rfind("not a message header: 'AAAA", 0) == 0);
  reader.Feed(Framed(kFirst));
  frames = Drain(reader);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].body == kFirst);
}

TEST_CASE("framing: outgoing frames carry the body's length in bytes, and invalid UTF-8 is replaced",
          "[server][framing]") {
  CHECK(EncodeFrame({{"a", "한"}}) == "Content-Length: 11\r\n\r\n{\"a\":\"한\"}");
  CHECK(EncodeFrame({{"a", "\xff"}}) == "Content-Length: 11\r\n\r\n{\"a\":\"\xEF\xBF\xBD\"}");
}

// "# 1. [😀 한국어 모델  Scaling]": the double space after an astral character and Hangul.
const std::string kTitle = "# 1. [\xF0\x9F\x98\x80 한국어 모델  Scaling]";

TEST_CASE("positions: astral characters count two UTF-16 units and four UTF-8 bytes", "[server][positions]") {
  const std::string text = "first line\n" + kTitle + "\n";
  const LineIndex lines(text);
  const size_t space = text.find("  ");
  // By hand: "# 1. [" is 6 units; the emoji 2 (UTF-16) or 4 bytes; " " 1; 한국어 3 or 9; " " 1; 모델 2 or 6.
  CHECK(lines.PositionOf(space, PositionEncoding::kUtf16) == LspPosition{1, 15});
  CHECK(lines.PositionOf(space, PositionEncoding::kUtf8) == LspPosition{1, 27});
  CHECK(lines.OffsetOf({1, 15}, PositionEncoding::kUtf16) == space);
  CHECK(lines.OffsetOf({1, 27}, PositionEncoding::kUtf8) == space);
  // The linter counts code points from 1: the same place is column 15.
  CHECK(lines.OffsetOfLinterPosition(Position{2, 15}) == space);
  // Inside the surrogate pair or inside a UTF-8 sequence: the code point's start.
  const size_t emoji = text.find("\xF0");
  CHECK(lines.OffsetOf({1, 7}, PositionEncoding::kUtf16) == emoji);
  CHECK(lines.OffsetOf({1, 8}, PositionEncoding::kUtf16) == emoji + 4);
  CHECK(lines.OffsetOf({1, 9}, PositionEncoding::kUtf8) == emoji);
}

TEST_CASE("positions: CRLF, a lone CR, a BOM, and positions past a line or the text", "[server][positions]") {
  const std::string text = "\xEF\xBB\xBF---\r\nab\rc\n";
  const LineIndex lines(text);
  CHECK(lines.line_count() == 4);  // "---", "ab", "c" and the empty line after the last break
  CHECK(lines.PositionOf(text.find('a'), PositionEncoding::kUtf16) == LspPosition{1, 0});
  CHECK(lines.PositionOf(text.find('c'), PositionEncoding::kUtf16) == LspPosition{2, 0});
  CHECK(lines.PositionOf(text.size(), PositionEncoding::kUtf16) == LspPosition{3, 0});
  CHECK(lines.OffsetOf({0, 99}, PositionEncoding::kUtf16) == text.find('\r'));  // the line's end, not its break
  CHECK(lines.OffsetOf({1, 99}, PositionEncoding::kUtf8) == text.find("\rc"));
  CHECK(lines.OffsetOf({9, 0}, PositionEncoding::kUtf16) == text.size());
  CHECK(lines.OffsetOf({-1, 5}, PositionEncoding::kUtf16) == 0);
  CHECK(lines.OffsetOf({1, -3}, PositionEncoding::kUtf16) == text.find('a'));
  // The BOM is a character to the editor but not to the linter.
  CHECK(lines.PositionOf(3, PositionEncoding::kUtf16) == LspPosition{0, 1});
  CHECK(lines.OffsetOfLinterPosition(Position{1, 1}) == 3);
  CHECK(lines.OffsetOfLinterOffset(0) == 3);
  CHECK(lines.OffsetOfLinterPosition(Position{2, 2}) == text.find('b'));
}

TEST_CASE("file URIs and paths convert both ways, with percent-encoding", "[server][uri]") {
  CHECK(PathToUri("/home/me/my blog/_posts/2025-10-27-한.md") ==
        "file:///home/me/my%20blog/_posts/2025-10-27-%ED%95%9C.md");
  CHECK(FileUriToPath("file:///home/me/my%20blog/_posts/2025-10-27-%ED%95%9C.md") ==
        "/home/me/my blog/_posts/2025-10-27-한.md");
  CHECK(FileUriToPath("file://localhost/tmp/a%3Ab.md") == "/tmp/a:b.md");
  CHECK(FileUriToPath("FILE:///tmp/x.md") == "/tmp/x.md");
  CHECK(FileUriToPath("file:///tmp/100%.md") == "/tmp/100%.md");  // a stray % stays
  CHECK_FALSE(FileUriToPath("untitled:Untitled-1"));
  CHECK_FALSE(FileUriToPath("file://otherhost/share/x.md"));
  CHECK(PathToUri("posts/a b.md") == "posts/a%20b.md");  // relative stays relative (SARIF)
}

}  // namespace
}  // namespace digestlint::server
