#pragma once
// JSON-RPC 2.0 over the Language Server Protocol's base protocol: messages
// framed by "Content-Length: N\r\n\r\n" headers. The reader is fed bytes as
// they arrive, in any split, and never trusts the header: a frame that cannot
// be read becomes an error to answer, and reading resumes at the next header.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace digestlint::server {

/// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,      // not JSON, or not framed as LSP says
  kInvalidRequest = -32600,  // JSON that is not a request, or a request out of order
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

/// One thing read from the stream: a message's JSON text, or why bytes could
/// not be read as one (with the request id when it could still be read).
struct Frame {
  std::optional<std::string> body;
  std::string error;
  nlohmann::json id;  // null when unknown
};

class FrameReader {
 public:
  /// Messages larger than this are answered with an error and skipped unread.
  static constexpr size_t kMaxMessageBytes = size_t{64} << 20;

  void Feed(std::string_view bytes) { buffer_.append(bytes); }
  /// The next complete frame, if the bytes so far hold one.
  std::optional<Frame> Next();
  /// True while a body is incomplete but already holds a whole JSON value
  /// with only white space after it: a Content-Length that was too long, or a
  /// slow writer. The caller waits a little, then calls GiveUp.
  bool MayBeStalled() const;
  /// Ends a stalled body: the Content-Length promised more than was sent.
  std::optional<Frame> GiveUp();

 private:
  enum class State { kHeader, kBody, kSkipping, kDiscarding };
  // Where the JSON value at the start of the body ends (incrementally), or npos.
  size_t ScanJsonValue();
  // The error for a length that ran past the value, and the header at `next_header` to read on from.
  std::optional<Frame> TooLong(size_t next_header);
  void StartHeader(size_t at);
  void Compact();

  std::string buffer_;
  size_t pos_ = 0;  // first unconsumed byte
  State state_ = State::kHeader;
  bool header_seen_ = false;  // a header line of the current message was read
  std::optional<size_t> content_length_;
  size_t body_length_ = 0;  // kBody: bytes promised; kDiscarding: bytes left to drop
  // Incremental scan of the body for the end of its first JSON value, and its depth.
  size_t scan_pos_ = 0;
  int scan_depth_ = 0;
  bool scan_in_string_ = false;
  bool scan_escape_ = false;
  bool scan_started_ = false;
  bool scan_failed_ = false;
  bool scan_too_deep_ = false;  // nested deeper than kMaxJsonDepth: refused before parsing
  size_t scan_end_ = std::string::npos;
};

/// The frame of one outgoing message. Invalid UTF-8 in strings becomes U+FFFD.
std::string EncodeFrame(const nlohmann::json& message);

/// A JSON-RPC error response.
nlohmann::json ErrorResponse(const nlohmann::json& id, int code, const std::string& message);

}  // namespace digestlint::server
